using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.Http.Metadata;

namespace AgentTrace.Web.OpenApi;

/// <summary>An error status that a handler answers with an <see cref="ErrorEnvelope"/>, and when it does.</summary>
public sealed record ErrorResponseMetadata(int StatusCode, string? Description) : IProducesResponseTypeMetadata
{
    public Type? Type => typeof(ErrorEnvelope);

    public IEnumerable<string> ContentTypes { get; } = ["application/json"];
}
