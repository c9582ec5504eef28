using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace AgentTrace.Web.Api.Sse;

/// <summary>
/// Writes frames as Server-Sent Events, with a <c>: heartbeat</c> comment whenever no frame came for the
/// heartbeat interval, and ends with <c>event: done</c> / <c>data: [DONE]</c>. A client that goes away ends it
/// quietly. An optional lease (a stream slot) is released when the stream ends. <see cref="SseFraming.DataOnly"/>
/// writes RAGFlow's framing instead.
/// </summary>
public sealed class EventStreamResult(IAsyncEnumerable<StreamFrame> frames, TimeSpan heartbeat, IDisposable? lease = null, SseFraming framing = SseFraming.Standard)
    : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/event-stream";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ContentType]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var slot = lease;
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.ContentType = ContentType + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.Body.FlushAsync(aborted);
            await WriteFramesAsync(response, aborted);
            await response.WriteAsync(framing == SseFraming.DataOnly ? "data:[DONE]\n\n" : "event: done\ndata: [DONE]\n\n", aborted);
            await response.Body.FlushAsync(aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task WriteFramesAsync(HttpResponse response, CancellationToken aborted)
    {
        var enumerator = frames.GetAsyncEnumerator(aborted);
        var next = enumerator.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                try
                {
                    await next.WaitAsync(heartbeat, aborted);
                }
                catch (TimeoutException)
                {
                    await response.WriteAsync(": heartbeat\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                await response.WriteAsync(Format(enumerator.Current), aborted);
                next = enumerator.MoveNextAsync().AsTask();
                if (!next.IsCompleted)
                {
                    await response.Body.FlushAsync(aborted);
                }
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a MoveNextAsync runs: let that end first (it sees the same token).
            await Task.WhenAny(next);
            await enumerator.DisposeAsync();
        }
    }

    private string Format(StreamFrame frame)
    {
        if (framing == SseFraming.DataOnly)
        {
            return $"data:{frame.Data}\n\n";
        }

        var text = new StringBuilder(frame.Data.Length + 64);
        if (frame.Id is { } id)
        {
            text.Append("id: ").Append(id.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("event: ").Append(frame.Event).Append('\n');
        foreach (var line in frame.Data.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return text.Append('\n').ToString();
    }
}
