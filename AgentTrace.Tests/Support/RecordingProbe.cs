using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AgentTrace.Tests.Support;

/// <summary>
/// What a poison input must leave working: right after it, another trace is created, appended to, completed and
/// read back whole. Each call is bounded, so a wedged recorder fails the test with a message instead of hanging it.
/// </summary>
public static class RecordingProbe
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    public static async Task AssertRecordingWorksAsync(this HttpClient client)
    {
        var taskId = await Bounded(client.CreateTraceAsync(), "creating a trace");
        await Bounded(client.AppendAsync(taskId, """[{"event_type":"workflow_started","span_id":"wf"},{"event_type":"workflow_completed","span_id":"wf","elapsed_time":0.5}]"""), "appending events");
        await Bounded(client.CompleteAsync(taskId), "completing the trace");
        var (status, body) = await Bounded(client.GetJsonAsync($"/api/v1/traces/{taskId}?format=detailed"), "reading the trace");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("data").GetProperty("summary").GetProperty("total_events").GetInt64());
    }

    /// <summary>Sends raw bytes as a JSON body: for text that no .NET string can carry (bytes that are not UTF-8).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostBytesAsync(this HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Asserts a 4xx envelope whose message says what is wrong, in the product's words only.</summary>
    public static void AssertClientError(this (HttpStatusCode Status, JsonElement Body) answer)
    {
        var code = (int)answer.Status;
        Assert.True(code is >= 400 and < 500, $"expected a 4xx, got {code}: {answer.Body}");
        var message = answer.Body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message), "the error has no message");
        InternalText.AssertNone(message!);
    }

    private static async Task<T> Bounded<T>(Task<T> call, string what)
    {
        await Bounded((Task)call, what);
        return await call;
    }

    private static async Task Bounded(Task call, string what)
    {
        try
        {
            await call.WaitAsync(s_bound, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"recording is wedged: {what} did not answer within {s_bound.TotalSeconds} s");
        }
    }
}
