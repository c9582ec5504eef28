using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class AgentsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Valid = """
        {"name": "Echo", "components": {
          "begin": {"type": "Begin", "downstream": ["m"]},
          "m": {"type": "Message", "content": "You said: {sys.query}"}}}
        """;

    private readonly HttpClient _reader = factory.ClientFor(ApiFactory.T1Reader);
    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);

    [Fact]
    public async Task List_ShowsTheDemoAgents()
    {
        var (status, body) = await _reader.GetJsonAsync("/api/v1/agents");

        Assert.Equal(HttpStatusCode.OK, status);
        var agents = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(agents.Count, body.GetProperty("total").GetInt32());
        Assert.Equal(agents.Select(a => a.GetProperty("id").GetString()).Order(StringComparer.Ordinal), agents.Select(a => a.GetProperty("id").GetString()));
        var docQa = agents.Single(a => a.GetProperty("id").GetString() == "doc-qa");
        Assert.Equal(4, docQa.GetProperty("components").GetInt32());
        Assert.Equal(["Begin", "Retrieval", "LLM", "Message"], docQa.GetProperty("component_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(agents, a => a.GetProperty("id").GetString() == "tool-assistant");
        Assert.Equal("agent", docQa.GetProperty("canvas_type").GetString());
        Assert.Equal(docQa.GetProperty("name").GetString(), docQa.GetProperty("title").GetString());
    }

    [Fact]
    public async Task List_FiltersAndPagesAsRagflowsSdkAsks()
    {
        var all = (await _reader.GetJsonAsync("/api/v1/agents")).Body.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();

        var (_, newestFirst) = await _reader.GetJsonAsync("/api/v1/agents?page=1&page_size=2&orderby=update_time&desc=True");
        var (_, one) = await _reader.GetJsonAsync("/api/v1/agents?page=1&page_size=30&orderby=update_time&desc=True&id=doc-qa");
        var (_, second) = await _reader.GetJsonAsync("/api/v1/agents?page=2&page_size=1&desc=false");

        Assert.Equal(all.AsEnumerable().Reverse().Take(2), newestFirst.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(all.Count, newestFirst.GetProperty("total").GetInt32());
        Assert.Equal("doc-qa", Assert.Single(one.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(all[1], Assert.Single(second.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page_size=5000", "page_size")]
    [InlineData("orderby=size", "orderby")]
    public async Task List_BadQuery_IsA400NamingIt(string query, string name)
    {
        (await _reader.GetJsonAsync($"/api/v1/agents?{query}")).AssertError(HttpStatusCode.BadRequest, name);
    }

    [Fact]
    public async Task Parts_NameTheKnowledgeBasesAndBuiltInTools()
    {
        var (status, body) = await _reader.GetJsonAsync("/api/v1/agent-parts");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["agenttrace-docs"], body.GetProperty("data").GetProperty("knowledge_bases").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["calculator", "current_time", "http_get"], body.GetProperty("data").GetProperty("tools").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Get_Demo_ReturnsItsDefinition()
    {
        var (status, body) = await _reader.GetJsonAsync("/api/v1/agents/doc-qa");

        Assert.Equal(HttpStatusCode.OK, status);
        var retrieval = body.GetProperty("data").GetProperty("components").GetProperty("retrieval_0");
        Assert.Equal("Retrieval", retrieval.GetProperty("type").GetString());
        Assert.Equal("agenttrace-docs", retrieval.GetProperty("knowledge_bases")[0].GetString());
    }

    [Fact]
    public async Task Get_Unknown_IsNotFound()
    {
        (await _reader.GetJsonAsync("/api/v1/agents/nobody")).AssertError(HttpStatusCode.NotFound, "agent nobody was not found");
    }

    [Fact]
    public async Task Put_CreatesThenReplacesThenDeleteRemoves()
    {
        var created = await _writer.SendAsync(HttpMethod.Put, "/api/v1/agents/echo", Valid);
        var replaced = await _writer.SendAsync(HttpMethod.Put, "/api/v1/agents/echo", Valid.Replace("Echo", "Echo 2", StringComparison.Ordinal));
        var read = await _reader.GetJsonAsync("/api/v1/agents/echo");
        var deleted = await _writer.SendAsync(HttpMethod.Delete, "/api/v1/agents/echo");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("echo", created.Body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("Echo 2", read.Body.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        (await _reader.GetJsonAsync("/api/v1/agents/echo")).AssertError(HttpStatusCode.NotFound, "agent echo");
        (await _writer.SendAsync(HttpMethod.Delete, "/api/v1/agents/echo")).AssertError(HttpStatusCode.NotFound, "agent echo");
    }

    [Fact]
    public async Task Agents_OfOneTenant_AreNotSeenRunOrChangedByAnother()
    {
        var other = factory.ClientFor(ApiFactory.T2Admin);
        Assert.Equal(HttpStatusCode.Created, (await _writer.SendAsync(HttpMethod.Put, "/api/v1/agents/t1-echo", Valid)).Status);
        var replaced = await other.SendAsync(HttpMethod.Put, "/api/v1/agents/doc-qa", Valid);

        (await other.GetJsonAsync("/api/v1/agents/t1-echo")).AssertError(HttpStatusCode.NotFound, "agent t1-echo");
        (await other.PostJsonAsync("/api/v1/agents/t1-echo/completions/trace", """{"question":"hi","stream":false}""")).AssertError(HttpStatusCode.NotFound, "agent t1-echo");
        (await other.SendAsync(HttpMethod.Delete, "/api/v1/agents/t1-echo")).AssertError(HttpStatusCode.NotFound, "agent t1-echo");
        Assert.DoesNotContain("t1-echo", (await other.GetJsonAsync("/api/v1/agents")).Body.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("Echo", (await other.GetJsonAsync("/api/v1/agents/doc-qa")).Body.GetProperty("data").GetProperty("name").GetString());
        Assert.NotEqual("Echo", (await _reader.GetJsonAsync("/api/v1/agents/doc-qa")).Body.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(HttpMethod.Delete, "/api/v1/agents/doc-qa")).Status);
        (await other.SendAsync(HttpMethod.Delete, "/api/v1/agents/doc-qa")).AssertError(HttpStatusCode.Conflict, "shared by every tenant");
        Assert.Equal(HttpStatusCode.OK, (await _writer.SendAsync(HttpMethod.Delete, "/api/v1/agents/t1-echo")).Status);
    }

    [Fact]
    public async Task Reader_CannotChangeAgents()
    {
        (await _reader.SendAsync(HttpMethod.Put, "/api/v1/agents/echo", Valid)).AssertError(HttpStatusCode.Forbidden, "reader");
        (await _reader.SendAsync(HttpMethod.Delete, "/api/v1/agents/doc-qa")).AssertError(HttpStatusCode.Forbidden, "reader");
    }

    [Fact]
    public async Task Put_Invalid_ListsEveryProblem()
    {
        var answer = await _writer.SendAsync(HttpMethod.Put, "/api/v1/agents/broken", """
            {"components": {
              "begin": {"type": "Begin", "downstream": ["r"]},
              "r": {"type": "Retrieval", "knowledge_bases": ["wiki"], "downstream": ["llm"]},
              "llm": {"type": "LLM", "downstream": ["gone"]},
              "a": {"type": "Agent", "tools": ["rocket"]},
              "w": {"type": "Wizard"}}}
            """);

        answer.AssertError(HttpStatusCode.BadRequest, "problem(s)");
        var message = answer.Body.GetProperty("message").GetString()!;
        Assert.Contains("component 'r' (Retrieval), field 'knowledge_bases': 'wiki' is not a knowledge base", message, StringComparison.Ordinal);
        Assert.Contains("component 'llm' (LLM), field 'downstream': 'gone' is not a component", message, StringComparison.Ordinal);
        Assert.Contains("component 'a' (Agent), field 'tools': 'rocket' is neither a built-in tool", message, StringComparison.Ordinal);
        Assert.Contains("component 'w' (Wizard), field 'type': 'Wizard' is not a component type", message, StringComparison.Ordinal);
        Assert.Contains("component 'a': no path leads to it", message, StringComparison.Ordinal);
        (await _reader.GetJsonAsync("/api/v1/agents/broken")).AssertError(HttpStatusCode.NotFound, "agent broken");
    }

    [Theory]
    [InlineData("""{"components": {"begin": {"type": "Begin", "top_k": "three"}}}""", "$.components.begin.top_k")]
    [InlineData("""{"components": {"begin": {"type": "Begin", "downstraem": []}}}""", "unknown field 'downstraem'")]
    [InlineData("""{"name": "no components"}""", "components")]
    [InlineData("""{"id": "other", "components": {"begin": {"type": "Begin"}}}""", "id is 'other' but the path names agent 'echo3'")]
    public async Task Put_BadBody_NamesTheField(string json, string fragment)
    {
        (await _writer.SendAsync(HttpMethod.Put, "/api/v1/agents/echo3", json)).AssertError(HttpStatusCode.BadRequest, fragment);
    }
}
