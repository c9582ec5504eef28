namespace AgentTrace.Domain.Formatting;

/// <summary>
/// What an answer cites, as RAGFlow's <c>message_end</c> and final answer carry it (<c>data.reference</c>): the
/// chunks the run retrieved and, per document, how many of them came from it.
/// </summary>
public sealed record RagflowReference(IReadOnlyList<RagflowChunk> Chunks, IReadOnlyList<RagflowDocumentCount> DocAggs);
