namespace AgentTrace.Domain.Agents.Knowledge;

/// <summary>A piece of a knowledge-base document, as indexed and retrieved.</summary>
public sealed record KnowledgeChunk(string ChunkId, string DocumentId, string DocumentName, string Content);
