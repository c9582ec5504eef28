using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class AgentCatalogTests
{
    private static readonly AgentDefinition s_echo = AgentValidatorTests.Parse("""
        {"components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly AgentCatalog _catalog = new(new AgentValidator(_ => false, new HashSet<string>()), new InMemoryAgentStore(), Options.Create(new AgentsOptions { MaxAgents = 1 }));

    [Fact]
    public async Task Put_BeyondMaxAgents_IsRefusedButReplacingIsNot()
    {
        Assert.Equal((true, []), await _catalog.PutAsync("t1", "a", s_echo, Ct));
        Assert.Equal((false, []), await _catalog.PutAsync("t1", "a", s_echo with { Name = "again" }, Ct));
        var (created, problems) = await _catalog.PutAsync("t1", "b", s_echo, Ct);

        Assert.False(created);
        Assert.Equal(["this tenant already has 1 agents of its own (AgentTrace:Agents:MaxAgents); delete one first"], problems);
        Assert.Equal(["a"], (await _catalog.ListAsync("t1", Ct)).Select(a => a.Id));
        Assert.Equal("again", (await _catalog.GetAsync("t1", "a", Ct))!.Name);
        Assert.Equal((true, []), await _catalog.PutAsync("t2", "b", s_echo, Ct));
    }

    [Fact]
    public async Task TenantAgents_AreSeenAndChangedByTheirTenantOnly()
    {
        await _catalog.PutAsync("t1", "mine", s_echo with { Name = "t1's" }, Ct);

        Assert.Equal("t1's", (await _catalog.GetAsync("t1", "mine", Ct))!.Name);
        Assert.Null(await _catalog.GetAsync("t2", "mine", Ct));
        Assert.Empty(await _catalog.ListAsync("t2", Ct));
        Assert.Equal(AgentDeleteOutcome.NotFound, await _catalog.DeleteAsync("t2", "mine", Ct));
        Assert.Equal(AgentDeleteOutcome.Deleted, await _catalog.DeleteAsync("t1", "mine", Ct));
        Assert.Null(await _catalog.GetAsync("t1", "mine", Ct));
    }

    [Fact]
    public async Task SharedAgent_ReplacedForOneTenant_StaysForTheOthersAndComesBackOnDelete()
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-agents-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "echo.json"), """
                {"name": "shared echo", "components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}
                """);
            _catalog.LoadFolder(folder.FullName);

            Assert.Equal((false, []), await _catalog.PutAsync("t1", "echo", s_echo with { Name = "t1's echo" }, Ct));

            Assert.Equal("t1's echo", (await _catalog.GetAsync("t1", "echo", Ct))!.Name);
            Assert.Equal(["t1's echo"], (await _catalog.ListAsync("t1", Ct)).Select(a => a.Name));
            Assert.Equal("shared echo", (await _catalog.GetAsync("t2", "echo", Ct))!.Name);
            Assert.Equal(AgentDeleteOutcome.Shared, await _catalog.DeleteAsync("t2", "echo", Ct));
            Assert.Equal(AgentDeleteOutcome.Deleted, await _catalog.DeleteAsync("t1", "echo", Ct));
            Assert.Equal("shared echo", (await _catalog.GetAsync("t1", "echo", Ct))!.Name);
            Assert.Equal(AgentDeleteOutcome.Shared, await _catalog.DeleteAsync("t1", "echo", Ct));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LoadFolder_FileWithInvalidUnicodeAndAByteOrderMark_LoadsWithTheTextRepaired()
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-agents-");
        try
        {
            var json = """
                // a comment, and a trailing comma below
                {"name": "echo \ud800", "components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"},},}
                """;
            File.WriteAllBytes(Path.Combine(folder.FullName, "echo.json"), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(json)]);

            _catalog.LoadFolder(folder.FullName);

            Assert.Equal("echo \uFFFD", (await _catalog.GetAsync("t1", "echo", Ct))!.Name);
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
