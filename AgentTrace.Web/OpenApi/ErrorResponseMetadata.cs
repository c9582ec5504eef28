using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.Http.Metadata;

namespace AgentTrace.Web.OpenApi;

/// <summary>An error status that a handler answers with an error envelope (<see cref="ErrorEnvelope"/> unless <paramref name="Envelope"/> says otherwise), and when it does.</summary>
public sealed record ErrorResponseMetadata(int StatusCode, string? Description, Type? Envelope = null) : IProducesResponseTypeMetadata
{
    public Type? Type => Envelope ?? typeof(ErrorEnvelope);

    public IEnumerable<string> ContentTypes { get; } = ["application/json"];
}
