using System.Text.Json.Serialization;

namespace AgentTrace.Web.Contract;

/// <summary>A successful API answer: <c>{"code": 0, "message": "success", "data": ...}</c>. Errors are <see cref="ErrorEnvelope"/>s.</summary>
public sealed record Envelope<T>(int Code, string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T Data);
