namespace AgentTrace.Web.OpenApi;

/// <summary>A header that an endpoint sets on its answers of one status, for the OpenAPI document.</summary>
public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description);
