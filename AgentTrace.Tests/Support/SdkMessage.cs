using System.Text.Json.Nodes;

namespace AgentTrace.Tests.Support;

/// <summary>A <c>Message</c> the RAGFlow SDK's <c>Session.ask</c> yields: its content and the chunks it cites.</summary>
public sealed record SdkMessage(string? Content, JsonArray? Reference);
