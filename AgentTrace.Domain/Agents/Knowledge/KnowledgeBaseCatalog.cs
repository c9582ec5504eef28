using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Knowledge;

/// <summary>
/// The knowledge bases of this server: each sub-folder of <see cref="AgentsOptions.KnowledgePath"/> is one,
/// named after the folder. A base is indexed on first use and kept.
/// </summary>
public sealed class KnowledgeBaseCatalog : IDisposable
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, Lazy<KnowledgeBase>> _bases = new(StringComparer.Ordinal);

    public KnowledgeBaseCatalog(IOptions<AgentsOptions> options)
    {
        _root = options.Value.KnowledgeFolder;
    }

    public IReadOnlyList<string> Names =>
        Directory.Exists(_root) ? [.. Directory.EnumerateDirectories(_root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];

    public bool Exists(string name) =>
        !string.IsNullOrEmpty(name) && name.IndexOfAny(['/', '\\']) < 0 && name is not ("." or "..") && Directory.Exists(Path.Combine(_root, name));

    /// <summary>
    /// Searches the named bases and returns at most <paramref name="topK"/> chunks, best first, whose score is at
    /// least <paramref name="threshold"/>. Scores are BM25 scores scaled so that the best match scores 1.
    /// </summary>
    public IReadOnlyList<KnowledgeHit> Search(IEnumerable<string> names, string query, int topK, double threshold)
    {
        var raw = names.SelectMany(name => Get(name).Search(query, topK))
            .OrderByDescending(hit => hit.RawScore)
            .ThenBy(hit => hit.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(topK)
            .ToList();
        if (raw.Count == 0)
        {
            return [];
        }

        var best = raw[0].RawScore;
        return [.. raw.Select(hit => new KnowledgeHit(hit.Chunk, Math.Round(hit.RawScore / best, 4))).Where(hit => hit.Score >= threshold)];
    }

    /// <summary>Indexes every knowledge base now rather than at its first search.</summary>
    public void IndexAll()
    {
        foreach (var name in Names)
        {
            Get(name);
        }
    }

    public void Dispose()
    {
        foreach (var lazy in _bases.Values.Where(l => l.IsValueCreated))
        {
            lazy.Value.Dispose();
        }
    }

    private KnowledgeBase Get(string name)
    {
        if (!Exists(name))
        {
            throw new InvalidOperationException($"knowledge base '{name}' does not exist (no folder {Path.Combine(_root, name)})");
        }

        return _bases.GetOrAdd(name, n => new Lazy<KnowledgeBase>(() => new KnowledgeBase(n, Path.Combine(_root, n)))).Value;
    }
}
