using System.Net;
using System.Text;
using System.Text.Json;

namespace AgentTrace.Tests.Support;

/// <summary>Calls of the trace API used by many tests, returning the parsed envelope.</summary>
public static class ApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.SendAsync(HttpMethod.Post, path, json);

    /// <summary>Creates a trace and returns its task id.</summary>
    public static async Task<string> CreateTraceAsync(this HttpClient client, string json = """{"agent_id":"agent-a","user_id":"u1"}""")
    {
        var (status, body) = await client.PostJsonAsync("/api/v1/traces", json);
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("data").GetProperty("task_id").GetString()!;
    }

    public static async Task<JsonElement> AppendAsync(this HttpClient client, string taskId, string eventsJson)
    {
        var (status, body) = await client.PostJsonAsync($"/api/v1/traces/{taskId}/events", $$"""{"events":{{eventsJson}}}""");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("data");
    }

    public static async Task CompleteAsync(this HttpClient client, string taskId, string status = "completed")
    {
        var (code, body) = await client.PostJsonAsync($"/api/v1/traces/{taskId}/complete", $$"""{"status":"{{status}}"}""");
        Assert.True(code == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>Asserts an error envelope with the status and a message containing <paramref name="fragment"/>.</summary>
    public static void AssertError(this (HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, string fragment)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal((int)status, answer.Body.GetProperty("code").GetInt32());
        Assert.Contains(fragment, answer.Body.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("data").ValueKind);
    }

    /// <summary>A refusal in RAGFlow's envelope: the true HTTP status, RAGFlow's <paramref name="code"/>, the message, and <c>data: false</c>.</summary>
    public static void AssertRagflowError(this (HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, int code, string fragment)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal(code, answer.Body.GetProperty("code").GetInt32());
        Assert.Contains(fragment, answer.Body.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(answer.Body.GetProperty("data").GetBoolean());
    }
}
