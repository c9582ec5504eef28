using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>An agent's sessions as RAGFlow serves them: AgentTrace conversations, created, listed, read and deleted.</summary>
public sealed class RagflowSessionsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);
    private readonly HttpClient _reader = factory.ClientFor(ApiFactory.T1Reader);

    [Fact]
    public async Task Create_AnswersTheSessionAsRagflowsSdkReadsIt()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/sessions", """{"user_id":"ann","name":"Billing","release":true}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        var session = body.GetProperty("data");
        Assert.False(string.IsNullOrEmpty(session.GetProperty("id").GetString()));
        Assert.Equal("doc-qa", session.GetProperty("agent_id").GetString());
        Assert.Equal("ann", session.GetProperty("user_id").GetString());
        Assert.Equal("Billing", session.GetProperty("name").GetString());
        Assert.Empty(session.GetProperty("message").EnumerateArray());
        Assert.Equal(session.GetProperty("create_time").GetInt64(), session.GetProperty("update_time").GetInt64());
    }

    [Fact]
    public async Task Create_WithNoBody_TakesTheUserFromTheQuery()
    {
        var (status, body) = await _writer.SendAsync(HttpMethod.Post, "/api/v1/agents/doc-qa/sessions?user_id=bob");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("bob", body.GetProperty("data").GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Completion_InTheSession_IsListedWithItsMessagesNewestSessionFirst()
    {
        var older = await CreateAsync("""{"user_id":"carol"}""");
        var newer = await CreateAsync("""{"user_id":"carol"}""");
        await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions", $$"""{"question":"What is 5 * 5?","stream":false,"session_id":"{{older}}"}""");

        var (status, body) = await _reader.GetJsonAsync("/api/v1/agents/tool-assistant/sessions?user_id=carol");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        var sessions = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([older, newer], sessions.Select(s => s.GetProperty("id").GetString()));
        var messages = sessions[0].GetProperty("message").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString())).ToList();
        Assert.Equal([("user", "What is 5 * 5?"), ("assistant", "5 * 5 = 25.")], messages);
        var page = (await _reader.GetJsonAsync("/api/v1/agents/tool-assistant/sessions?user_id=carol&page=2&page_size=1")).Body;
        Assert.Equal(newer, Assert.Single(page.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Completion_WithoutSession_StartsOneThatCanBeContinued()
    {
        var (_, first) = await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions", """{"question":"What is 5 * 5?","stream":false,"user_id":"dave"}""");
        var session = first.GetProperty("data").GetProperty("session_id").GetString();

        var (status, _) = await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions", $$"""{"question":"What is 5 * 5?","stream":false,"session_id":"{{session}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = (await _reader.GetJsonAsync($"/api/v1/agents/tool-assistant/sessions/{session}")).Body.GetProperty("data");
        Assert.Equal("dave", stored.GetProperty("user_id").GetString());
        Assert.Equal(4, stored.GetProperty("message").GetArrayLength());
    }

    [Fact]
    public async Task Delete_ById_RemovesOnlyThoseAndReportsTheUnknown()
    {
        var keep = await CreateAsync("{}", "doc-qa");
        var drop = await CreateAsync("{}", "doc-qa");

        var (status, body) = await _writer.SendAsync(HttpMethod.Delete, "/api/v1/agents/doc-qa/sessions", $$"""{"ids":["{{drop}}","ghost"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        Assert.Equal(1, body.GetProperty("data").GetProperty("success_count").GetInt32());
        Assert.Contains("ghost", Assert.Single(body.GetProperty("data").GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);
        (await _reader.GetJsonAsync($"/api/v1/agents/doc-qa/sessions/{drop}")).AssertRagflowError(HttpStatusCode.NotFound, 102, $"session {drop}");
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetJsonAsync($"/api/v1/agents/doc-qa/sessions/{keep}")).Status);
    }

    [Fact]
    public async Task Delete_AllOrNone_AsTheBodySays()
    {
        var admin = factory.ClientFor(ApiFactory.T2Admin);
        await admin.SendAsync(HttpMethod.Put, "/api/v1/agents/sessions-agent", """{"components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}""");
        await admin.PostJsonAsync("/api/v1/agents/sessions-agent/sessions", "{}");
        await admin.PostJsonAsync("/api/v1/agents/sessions-agent/sessions", "{}");

        var none = await admin.SendAsync(HttpMethod.Delete, "/api/v1/agents/sessions-agent/sessions");
        Assert.Equal(0, none.Body.GetProperty("data").GetProperty("success_count").GetInt32());
        Assert.Equal(2, (await admin.GetJsonAsync("/api/v1/agents/sessions-agent/sessions")).Body.GetProperty("total").GetInt32());

        var all = await admin.SendAsync(HttpMethod.Delete, "/api/v1/agents/sessions-agent/sessions", """{"delete_all":true}""");
        Assert.Equal(2, all.Body.GetProperty("data").GetProperty("success_count").GetInt32());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/agents/sessions-agent/sessions")).Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DeleteOne_RemovesItAndASecondTimeIsNotFound()
    {
        var session = await CreateAsync("{}", "doc-qa");

        Assert.Equal(HttpStatusCode.OK, (await _writer.SendAsync(HttpMethod.Delete, $"/api/v1/agents/doc-qa/sessions/{session}")).Status);
        (await _writer.SendAsync(HttpMethod.Delete, $"/api/v1/agents/doc-qa/sessions/{session}")).AssertRagflowError(HttpStatusCode.NotFound, 102, $"session {session}");
    }

    [Theory]
    [InlineData("POST", "/api/v1/agents/ghost/sessions", "{}")]
    [InlineData("GET", "/api/v1/agents/ghost/sessions", null)]
    [InlineData("GET", "/api/v1/agents/ghost/sessions/s1", null)]
    [InlineData("DELETE", "/api/v1/agents/ghost/sessions", """{"ids":["s1"]}""")]
    [InlineData("DELETE", "/api/v1/agents/ghost/sessions/s1", null)]
    public async Task UnknownAgent_IsNotFoundInRagflowsEnvelope(string method, string path, string? body)
    {
        (await _writer.SendAsync(new HttpMethod(method), path, body)).AssertRagflowError(HttpStatusCode.NotFound, 102, "agent ghost");
    }

    [Theory]
    [InlineData("POST", "/api/v1/agents/doc-qa/sessions", """{"user_id":5}""", "user_id must be a string")]
    [InlineData("POST", "/api/v1/agents/doc-qa/sessions", """{"user_id":"a b"}""", "user_id")]
    [InlineData("POST", "/api/v1/agents/doc-qa/sessions", "[]", "the body must be a JSON object")]
    [InlineData("DELETE", "/api/v1/agents/doc-qa/sessions", """{"ids":"s1"}""", "ids must be a list")]
    [InlineData("DELETE", "/api/v1/agents/doc-qa/sessions", """{"ids":[1]}""", "ids must be a list")]
    [InlineData("GET", "/api/v1/agents/doc-qa/sessions?page=0", null, "page")]
    [InlineData("GET", "/api/v1/agents/doc-qa/sessions?orderby=name", null, "orderby")]
    public async Task BadInput_IsRefusedInRagflowsEnvelopeNamingIt(string method, string path, string? body, string fragment)
    {
        (await _writer.SendAsync(new HttpMethod(method), path, body)).AssertRagflowError(HttpStatusCode.BadRequest, 101, fragment);
    }

    [Fact]
    public async Task Reader_CanListButNotCreateOrDelete()
    {
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetJsonAsync("/api/v1/agents/doc-qa/sessions")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _reader.PostJsonAsync("/api/v1/agents/doc-qa/sessions", "{}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _reader.SendAsync(HttpMethod.Delete, "/api/v1/agents/doc-qa/sessions", """{"delete_all":true}""")).Status);
    }

    private async Task<string> CreateAsync(string body, string agentId = "tool-assistant")
    {
        var (status, answer) = await _writer.PostJsonAsync($"/api/v1/agents/{agentId}/sessions", body);
        Assert.Equal(HttpStatusCode.OK, status);
        return answer.GetProperty("data").GetProperty("id").GetString()!;
    }
}
