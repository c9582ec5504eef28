using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Knowledge;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("agenttrace-kb-");
    private readonly KnowledgeBaseCatalog _catalog;

    public KnowledgeBaseTests()
    {
        var garden = _root.CreateSubdirectory("garden");
        File.WriteAllText(Path.Combine(garden.FullName, "tomatoes.md"), """
            # Tomatoes

            Tomatoes need full sun and regular watering.

            ## Pests

            Aphids and whiteflies attack tomatoes; neem oil keeps them away.
            """);
        File.WriteAllText(Path.Combine(garden.FullName, "roses.txt"), "Roses need pruning in early spring.\n\nWater roses at the base.");
        File.WriteAllText(Path.Combine(garden.FullName, "ignored.json"), """{"watering": "tomatoes"}""");
        _catalog = new KnowledgeBaseCatalog(Options.Create(new AgentsOptions { KnowledgePath = _root.FullName }));
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public void Chunker_SplitsByHeadingAndKeepsTheHeadingPath()
    {
        var chunks = DocumentChunker.Split("# Guide\n\nIntro text.\n\n## Setup\n\nStep one.\n\nStep two.\n\n# Other\n\nMore.");

        Assert.Equal(["Guide\n\nIntro text.", "Guide > Setup\n\nStep one.\n\nStep two.", "Other\n\nMore."], chunks);
    }

    [Fact]
    public void Chunker_CutsLongSectionsBetweenParagraphs()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 100));
        var chunks = DocumentChunker.Split($"# Long\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}");

        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.Length <= DocumentChunker.MaxChunkChars, $"{c.Length} characters"));
        Assert.All(chunks, c => Assert.StartsWith("Long\n\n", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Search_RanksByScoreWithTheBestAtOne()
    {
        var hits = _catalog.Search(["garden"], "how do I keep aphids off tomatoes", topK: 5, threshold: 0);

        Assert.Equal("garden/tomatoes.md#2", hits[0].Chunk.ChunkId);
        Assert.Equal("tomatoes.md", hits[0].Chunk.DocumentName);
        Assert.Equal("Tomatoes > Pests\n\nAphids and whiteflies attack tomatoes; neem oil keeps them away.", hits[0].Chunk.Content);
        Assert.Equal(1.0, hits[0].Score);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.DoesNotContain(hits, h => h.Chunk.DocumentName == "ignored.json");
    }

    [Fact]
    public void Search_TopKAndThresholdLimitTheChunks()
    {
        var all = _catalog.Search(["garden"], "water tomatoes roses", topK: 10, threshold: 0);
        var top = _catalog.Search(["garden"], "water tomatoes roses", topK: 1, threshold: 0);
        var strict = _catalog.Search(["garden"], "water tomatoes roses", topK: 10, threshold: 0.99);

        Assert.True(all.Count > 1);
        Assert.Single(top);
        Assert.Equal(all.Count(h => h.Score >= 0.99), strict.Count);
        Assert.Empty(_catalog.Search(["garden"], "quantum chromodynamics", topK: 5, threshold: 0));
    }

    [Fact]
    public void Exists_OnlyForFoldersUnderTheRoot()
    {
        Assert.True(_catalog.Exists("garden"));
        Assert.False(_catalog.Exists("orchard"));
        Assert.False(_catalog.Exists(".."));
        Assert.False(_catalog.Exists("../" + _root.Name));
        Assert.Equal(["garden"], _catalog.Names);
    }
}
