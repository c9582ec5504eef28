using System.Text.Json.Serialization;

namespace AgentTrace.Web.Api;

/// <summary>Every API answer: <c>{"code": 0, "message": "success", "data": ...}</c>, or the HTTP status and what is wrong.</summary>
public sealed record Envelope<T>(int Code, string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T? Data);
