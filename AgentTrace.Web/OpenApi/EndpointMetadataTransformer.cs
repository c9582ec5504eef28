using AgentTrace.Web.Api.Sse;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AgentTrace.Web.OpenApi;

/// <summary>
/// Writes into each operation what its endpoint declares but does not bind (<see cref="OpenApiEndpointExtensions"/>),
/// and the error answers of the request pipeline that every API route shares: 401 and 429 for routes that need a key,
/// 403 for routes that need more than a reader, 413 for routes with a body and 503 when the trace store is unreachable.
/// </summary>
internal sealed class EndpointMetadataTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    private static readonly Dictionary<int, string> s_pipelineErrors = new()
    {
        [StatusCodes.Status401Unauthorized] = "No API key was sent (Authorization: Bearer <key>), or the key is not valid.",
        [StatusCodes.Status403Forbidden] = "The API key's role may not do this.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than this server accepts (AgentTrace:Limits:MaxRequestBytes).",
        [StatusCodes.Status429TooManyRequests] = "This API key sent more requests in a minute than AgentTrace:Limits:RequestsPerMinute; Retry-After says when to try again.",
        [StatusCodes.Status503ServiceUnavailable] = "The trace store (Redis) cannot be reached; retry after the time in Retry-After.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        AddParameters(operation, metadata);
        var body = metadata.OfType<RequestBodyMetadata>().LastOrDefault();
        if (body is not null && operation.RequestBody is OpenApiRequestBody requestBody)
        {
            requestBody.Description = body.Description;
        }

        operation.Responses ??= [];
        AddEventStreams(operation, metadata);
        foreach (var declared in metadata.OfType<ErrorResponseMetadata>())
        {
            Response(operation, declared.StatusCode).Description = declared.Description;
        }

        foreach (var described in metadata.OfType<ResponseDescriptionMetadata>())
        {
            Response(operation, described.StatusCode).Description = described.Description;
        }

        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            var response = Response(operation, header.StatusCode);
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        foreach (var status in PipelineErrors(metadata, body is not null))
        {
            AddError(operation, status, s_pipelineErrors[status], new OpenApiSchemaReference(ApiDocumentTransformer.ErrorSchemaId, context.Document));
        }

        return Task.CompletedTask;
    }

    private static void AddParameters(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var parameter in metadata.OfType<ParameterMetadata>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = parameter.In,
                Description = parameter.Description,
                Required = parameter.Required,
                Schema = parameter.Value.ToSchema(),
            });
            if (parameter.Value.IsList && operation.Parameters[^1] is OpenApiParameter list)
            {
                (list.Style, list.Explode) = (ParameterStyle.Form, false);
            }
        }
    }

    /// <summary>An SSE answer shares its status with a JSON one where the body chooses (<c>stream</c>): list both.</summary>
    private static void AddEventStreams(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var produced in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.ContentTypes.Contains(EventStreamResult.ContentType)))
        {
            var response = Response(operation, produced.StatusCode);
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content.TryAdd(EventStreamResult.ContentType, new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }
    }

    private static IEnumerable<int> PipelineErrors(IList<object> metadata, bool hasBody)
    {
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count > 0)
        {
            yield return StatusCodes.Status401Unauthorized;
            if (policies.Any(p => p is ApiRoles.CanWrite or ApiRoles.CanAdminister))
            {
                yield return StatusCodes.Status403Forbidden;
            }

            yield return StatusCodes.Status429TooManyRequests;
        }

        if (hasBody)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
        }

        yield return StatusCodes.Status503ServiceUnavailable;
    }

    /// <summary>Adds an error answer, or adds the pipeline's reason to the handler's own answer of that status.</summary>
    private static void AddError(OpenApiOperation operation, int status, string reason, IOpenApiSchema schema)
    {
        var key = Key(status);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse own)
        {
            own.Description = own.Description is { Length: > 0 } given && given != ReasonPhrase(status) ? $"{given} {reason}" : reason;
            own.Content ??= new Dictionary<string, OpenApiMediaType>();
            own.Content.TryAdd(Json, new OpenApiMediaType { Schema = schema });
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = reason,
            Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = schema } },
        };
    }

    private static OpenApiResponse Response(OpenApiOperation operation, int status)
    {
        var key = Key(status);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
        {
            return response;
        }

        response = new OpenApiResponse { Description = ReasonPhrase(status) };
        operation.Responses[key] = response;
        return response;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string Key(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
