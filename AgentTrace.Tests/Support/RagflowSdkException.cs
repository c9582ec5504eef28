namespace AgentTrace.Tests.Support;

/// <summary>What the RAGFlow SDK would raise: a refusal's message, or the error it would hit reading the answer.</summary>
public sealed class RagflowSdkException(string message) : Exception(message);
