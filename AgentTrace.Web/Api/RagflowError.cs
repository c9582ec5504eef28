using System.Text.Json.Serialization;

namespace AgentTrace.Web.Api;

/// <summary>
/// A refused or failed request on a RAGFlow-compatible route, as RAGFlow answers it: <c>{"code": 102, "message":
/// "...", "data": false}</c>, the code being RAGFlow's (101 argument, 102 data such as an unknown agent or session,
/// 103 operation refused, 109 authentication, 500 server). The HTTP status stays the true one.
/// </summary>
public sealed record RagflowError(int Code, string Message)
{
    /// <summary>Always false, as RAGFlow sends it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Data => false;
}
