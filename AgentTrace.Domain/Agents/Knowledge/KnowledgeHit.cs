namespace AgentTrace.Domain.Agents.Knowledge;

/// <summary>A retrieved chunk and its score (0..1; the best match of a search scores 1).</summary>
public sealed record KnowledgeHit(KnowledgeChunk Chunk, double Score);
