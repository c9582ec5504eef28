using AgentTrace.Domain.Model;
using AgentTrace.Web.Hosting;

namespace AgentTrace.Tests.Architecture;

/// <summary>The namespaces of the product form layers: no two use each other, and the domain knows nothing of the web.</summary>
public sealed class LayeringTests
{
    private static readonly NamespaceGraph s_graph = NamespaceGraph.Read(typeof(TraceEvent).Assembly, typeof(WebServiceCollectionExtensions).Assembly);

    [Fact]
    public void DomainNamespaces_HaveNoCycle() => AssertNoCycle("AgentTrace.Domain");

    [Fact]
    public void WebNamespaces_HaveNoCycle() => AssertNoCycle("AgentTrace.Web");

    private static void AssertNoCycle(string root)
    {
        var cycles = s_graph.Cycles().Where(c => c[0].StartsWith(root, StringComparison.Ordinal)).Select(Describe).ToList();

        Assert.True(cycles.Count == 0, "namespaces that use each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Domain_DoesNotUseWeb()
    {
        var uses = s_graph.Uses
            .Where(n => n.Key.StartsWith("AgentTrace.Domain", StringComparison.Ordinal))
            .SelectMany(n => n.Value.Where(u => u.StartsWith("AgentTrace.Web", StringComparison.Ordinal)).Select(u => s_graph.Example(n.Key, u)))
            .ToList();

        Assert.True(uses.Count == 0, string.Join("\n", uses));
    }

    [Fact]
    public void Graph_SeesUsesInMethodBodies() =>
        Assert.Contains("AgentTrace.Domain.Storage", s_graph.Uses["AgentTrace.Domain.Backends"]);

    private static string Describe(IReadOnlyList<string> cycle)
    {
        var edges = cycle.SelectMany(from => cycle.Where(to => s_graph.Uses[from].Contains(to)).Select(to => "  " + s_graph.Example(from, to)));
        return string.Join(", ", cycle) + ":\n" + string.Join("\n", edges);
    }
}
