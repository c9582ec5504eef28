namespace AgentTrace.Domain.Agents.Tools;

/// <summary>
/// The HTTP client of the tools: one pooled client for the app, a timeout per call, and a clear
/// <see cref="TimeoutException"/> when a call takes too long.
/// </summary>
public sealed class ToolHttp : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Sends the request and reads the whole answer as text.</summary>
    public async Task<(int Status, string? ContentType, string Body)> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri} took longer than {timeout.TotalSeconds:0.###} s");
        }
    }

    public void Dispose() => _client.Dispose();
}
