using Microsoft.AspNetCore.Http.Metadata;

namespace AgentTrace.Web.OpenApi;

/// <summary>
/// The JSON body that the handler reads itself (through <c>JsonBody</c>, which repairs invalid Unicode and names each
/// problem), declared on the endpoint so that the OpenAPI document shows its schema. It names no content type, so that
/// routing does not filter on it (<c>Accepts</c> metadata would answer a wrong Content-Type with a bare 415): the handler
/// still answers it with its own 400.
/// </summary>
public sealed record RequestBodyMetadata(Type Type, string Description) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes => [];

    public Type? RequestType => Type;

    public bool IsOptional => false;
}
