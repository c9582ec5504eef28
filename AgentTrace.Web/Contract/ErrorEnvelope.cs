using System.Text.Json.Serialization;

namespace AgentTrace.Web.Contract;

/// <summary>A refused or failed request: <c>{"code": 404, "message": "trace ... was not found", "data": null}</c>, the code being the HTTP status.</summary>
public sealed record ErrorEnvelope(int Code, string Message)
{
    /// <summary>Always null; there so that every answer has the same three fields.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? Data => null;
}
