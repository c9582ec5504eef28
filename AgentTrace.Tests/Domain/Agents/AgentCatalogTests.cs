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
        Assert.Equal((true, []), _catalog.Put("t1", "a", s_echo));
        Assert.Equal((false, []), _catalog.Put("t1", "a", s_echo with { Name = "again" }));
        var (created, problems) = _catalog.Put("t1", "b", s_echo);

        Assert.False(created);
        Assert.Equal(["this tenant already has 1 agents of its own (AgentTrace:Agents:MaxAgents); delete one first"], problems);
        Assert.Equal(["a"], _catalog.List("t1").Select(a => a.Id));
        Assert.Equal("again", _catalog.Get("t1", "a")!.Name);
        Assert.Equal((true, []), _catalog.Put("t2", "b", s_echo));
    }

    [Fact]
    public void TenantAgents_AreSeenAndChangedByTheirTenantOnly()
    {
        _catalog.Put("t1", "mine", s_echo with { Name = "t1's" });

        Assert.Equal("t1's", _catalog.Get("t1", "mine")!.Name);
        Assert.Null(_catalog.Get("t2", "mine"));
        Assert.Empty(_catalog.List("t2"));
        Assert.Equal(AgentDeleteOutcome.NotFound, _catalog.Delete("t2", "mine"));
        Assert.Equal(AgentDeleteOutcome.Deleted, _catalog.Delete("t1", "mine"));
        Assert.Null(_catalog.Get("t1", "mine"));
    }

    [Fact]
    public void SharedAgent_ReplacedForOneTenant_StaysForTheOthersAndComesBackOnDelete()
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-agents-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "echo.json"), """
                {"name": "shared echo", "components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}
                """);
            _catalog.LoadFolder(folder.FullName);

            Assert.Equal((false, []), _catalog.Put("t1", "echo", s_echo with { Name = "t1's echo" }));

            Assert.Equal("t1's echo", _catalog.Get("t1", "echo")!.Name);
            Assert.Equal(["t1's echo"], _catalog.List("t1").Select(a => a.Name));
            Assert.Equal("shared echo", _catalog.Get("t2", "echo")!.Name);
            Assert.Equal(AgentDeleteOutcome.Shared, _catalog.Delete("t2", "echo"));
            Assert.Equal(AgentDeleteOutcome.Deleted, _catalog.Delete("t1", "echo"));
            Assert.Equal("shared echo", _catalog.Get("t1", "echo")!.Name);
            Assert.Equal(AgentDeleteOutcome.Shared, _catalog.Delete("t1", "echo"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
