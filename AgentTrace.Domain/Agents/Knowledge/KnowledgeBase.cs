using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace AgentTrace.Domain.Agents.Knowledge;

/// <summary>
/// One knowledge base: the chunks of a folder's Markdown and text documents in a Lucene full-text index
/// (English stemming, BM25 scores). Searches are thread-safe.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string ContentField = "content";
    private const string OrdinalField = "ordinal";

    private static readonly string[] s_extensions = [".md", ".markdown", ".txt"];

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<KnowledgeChunk> _chunks = [];

    public KnowledgeBase(string name, string folder)
    {
        Name = name;
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(p => s_extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal))
            {
                AddDocument(writer, folder, path);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public string Name { get; }

    /// <summary>The best-matching chunks with their raw BM25 scores, best first.</summary>
    public IReadOnlyList<(KnowledgeChunk Chunk, double RawScore)> Search(string query, int topK)
    {
        var terms = Analyze(query);
        if (terms.Count == 0 || _chunks.Count == 0)
        {
            return [];
        }

        var boolean = new BooleanQuery();
        foreach (var term in terms)
        {
            boolean.Add(new TermQuery(new Term(ContentField, term)), Occur.SHOULD);
        }

        return [.. _searcher.Search(boolean, topK).ScoreDocs
            .Select(hit => (_chunks[int.Parse(_searcher.Doc(hit.Doc).Get(OrdinalField), CultureInfo.InvariantCulture)], (double)hit.Score))];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private void AddDocument(IndexWriter writer, string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var documentId = $"{Name}/{relative}";
        var pieces = DocumentChunker.Split(File.ReadAllText(path));
        for (var i = 0; i < pieces.Count; i++)
        {
            var chunk = new KnowledgeChunk($"{documentId}#{i + 1}", documentId, Path.GetFileName(path), pieces[i]);
            writer.AddDocument(new Document
            {
                new StringField(OrdinalField, _chunks.Count.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField(ContentField, chunk.Content, Field.Store.NO),
            });
            _chunks.Add(chunk);
        }
    }

    private HashSet<string> Analyze(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream(ContentField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
