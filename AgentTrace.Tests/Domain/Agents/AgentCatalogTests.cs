using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class AgentCatalogTests
{
    private static readonly AgentDefinition s_echo = AgentValidatorTests.Parse("""
        {"components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}
        """);

    private readonly AgentCatalog _catalog = new(new AgentValidator(_ => false, new HashSet<string>()), Options.Create(new AgentsOptions { MaxAgents = 1 }));

    [Fact]
    public void Put_BeyondMaxAgents_IsRefusedButReplacingIsNot()
    {
        Assert.Equal((true, []), _catalog.Put("a", s_echo));
        Assert.Equal((false, []), _catalog.Put("a", s_echo with { Name = "again" }));
        var (created, problems) = _catalog.Put("b", s_echo);

        Assert.False(created);
        Assert.Equal(["this server already holds 1 agents (AgentTrace:Agents:MaxAgents); delete one first"], problems);
        Assert.Equal(["a"], _catalog.List().Select(a => a.Id));
        Assert.Equal("again", _catalog.Get("a")!.Name);
    }

    [Fact]
    public void LoadFolder_InvalidFiles_StopWithEveryProblem()
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-agents-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.json"), """{"components": {"begin": {"type": "Begn"}}}""");
            File.WriteAllText(Path.Combine(folder.FullName, "garbled.json"), "{ not json");

            var error = Assert.Throws<InvalidOperationException>(() => _catalog.LoadFolder(folder.FullName));

            Assert.Contains("broken.json: component 'begin' (Begn), field 'type'", error.Message, StringComparison.Ordinal);
            Assert.Contains("garbled.json: ", error.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => _catalog.LoadFolder(Path.Combine(folder.FullName, "missing")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
