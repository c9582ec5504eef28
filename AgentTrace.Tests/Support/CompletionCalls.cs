using System.Net.Http.Headers;
using System.Text;

namespace AgentTrace.Tests.Support;

/// <summary>Calls of the completion routes that read a streamed answer.</summary>
public static class CompletionCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>POSTs JSON and returns as soon as the headers arrived, so the body can be read as it streams.</summary>
    public static async Task<HttpResponseMessage> PostStreamAsync(this HttpClient client, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    /// <summary>Every frame of a streamed answer, read to its end.</summary>
    public static async Task<List<SseFrame>> ReadFramesAsync(this HttpResponseMessage response)
    {
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        return await reader.ReadToEndAsync(Ct);
    }

    public static string TraceId(this HttpResponseMessage response) => response.Headers.GetValues("X-Trace-Id").Single();
}
