using Microsoft.OpenApi;

namespace AgentTrace.Web.OpenApi;

/// <summary>
/// A query or header parameter that the handler reads itself (so that a bad value gets the API's own 400 message),
/// declared on the endpoint so that the OpenAPI document lists it.
/// </summary>
public sealed record ParameterMetadata(string Name, ParameterLocation In, ParameterValue Value, string Description, bool Required = false);
