namespace AgentTrace.Domain.Formatting;

/// <summary>A document the cited chunks came from, and how many of them (RAGFlow's <c>doc_aggs</c> entry).</summary>
public sealed record RagflowDocumentCount(string? DocName, string? DocId, int Count);
