namespace AgentTrace.Web.Api.Sse;

/// <summary>One Server-Sent Events frame: <c>id:</c> (optional), <c>event:</c> and one line of <c>data:</c>.</summary>
public sealed record StreamFrame(long? Id, string Event, string Data);
