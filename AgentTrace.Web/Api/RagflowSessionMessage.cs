namespace AgentTrace.Web.Api;

/// <summary>One message of a RAGFlow session: <c>user</c> or <c>assistant</c>, and its text.</summary>
public sealed record RagflowSessionMessage(string Role, string Content);
