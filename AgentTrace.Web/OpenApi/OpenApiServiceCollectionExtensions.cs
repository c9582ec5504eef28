using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace AgentTrace.Web.OpenApi;

public static class OpenApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document of the API (<c>/openapi/v1.json</c>), complete with parameters, bodies and every answer.</summary>
    public static IServiceCollection AddAgentTraceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaId;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
            options.AddOperationTransformer<EndpointMetadataTransformer>();
        });

    /// <summary>
    /// Free-form JSON (inputs, outputs, metadata, formatted traces) stays inline, as "any value", rather than becoming
    /// an empty named schema that a client generator would turn into an empty class.
    /// </summary>
    private static string? SchemaId(JsonTypeInfo type) =>
        (Nullable.GetUnderlyingType(type.Type) ?? type.Type) is var value && (value == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(value))
            ? null
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}
