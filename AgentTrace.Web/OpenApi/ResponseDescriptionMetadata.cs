namespace AgentTrace.Web.OpenApi;

/// <summary>What an endpoint's answer of one status holds, for the OpenAPI document.</summary>
public sealed record ResponseDescriptionMetadata(int StatusCode, string Description);
