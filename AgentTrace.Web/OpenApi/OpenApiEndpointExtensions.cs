using Microsoft.OpenApi;

namespace AgentTrace.Web.OpenApi;

/// <summary>
/// Declares on an endpoint what its handler reads and answers by itself, so that the OpenAPI document describes it:
/// query and header parameters, the JSON body, error statuses, response headers.
/// </summary>
public static class OpenApiEndpointExtensions
{
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, string name, ParameterValue value, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterMetadata(name, ParameterLocation.Query, value, description, required));

    public static TBuilder WithHeader<TBuilder>(this TBuilder builder, string name, ParameterValue value, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterMetadata(name, ParameterLocation.Header, value, description));

    /// <summary>The endpoint reads a JSON body of <typeparamref name="TBody"/> (snake_case, unknown fields refused).</summary>
    public static RouteHandlerBuilder WithJsonBody<TBody>(this RouteHandlerBuilder builder, string description) =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(TBody), description));

    /// <summary>The handler answers <paramref name="statusCode"/> with an error envelope (of type <paramref name="envelope"/>, by default the API's) when <paramref name="description"/>.</summary>
    public static TBuilder ProducesError<TBuilder>(this TBuilder builder, int statusCode, string description, Type? envelope = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ErrorResponseMetadata(statusCode, description, envelope));

    public static TBuilder WithResponseDescription<TBuilder>(this TBuilder builder, int statusCode, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseDescriptionMetadata(statusCode, description));

    public static TBuilder WithResponseHeader<TBuilder>(this TBuilder builder, int statusCode, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description));
}
