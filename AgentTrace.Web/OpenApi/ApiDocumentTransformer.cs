using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AgentTrace.Web.OpenApi;

/// <summary>The document's title and description, and the API key every route needs (<c>Authorization: Bearer &lt;key&gt;</c>).</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The schema of every error answer.</summary>
    public const string ErrorSchemaId = nameof(ErrorEnvelope);

    private const string Scheme = "ApiKey";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AgentTrace API",
            Version = "v1",
            Description = "Traces of LLM agent runs: record them, read them, watch them live, and run the built-in agents. "
                + "Every answer is an envelope {\"code\", \"message\", \"data\"}; an error has the HTTP status as code, a message that says what to change, and data null.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key as a bearer token. Its role (reader, writer or admin) decides what it may do; the stream route also takes it as the access_token query parameter.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });

        // The pipeline's error answers refer to this schema; it is there already when a handler declares an error.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ErrorSchemaId))
        {
            document.AddComponent(ErrorSchemaId, await context.GetOrCreateSchemaAsync(typeof(ErrorEnvelope), null, cancellationToken));
        }
    }
}
