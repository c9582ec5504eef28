using System.Runtime.CompilerServices;

namespace AgentTrace.Web.Api.Sse;

/// <summary>
/// Keeps a stream whole when its source fails: the failure becomes one last frame (an error the client can read)
/// and the stream then ends normally, with its <c>[DONE]</c>. The failure itself goes to the log, never to the client.
/// A client that goes away still ends it at once.
/// </summary>
public static partial class FrameGuard
{
    /// <summary>What the last frame tells the client when the stream failed on the server.</summary>
    public const string FailureMessage = "the stream failed on the server; its log has the error";

    public static async IAsyncEnumerable<StreamFrame> GuardAsync(
        IAsyncEnumerable<StreamFrame> frames, Func<string, StreamFrame> onError, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var source = frames.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            StreamFrame? frame;
            var failed = false;
            try
            {
                frame = await source.MoveNextAsync() ? source.Current : null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogStreamFailed(logger, ex);
                frame = onError(FailureMessage);
                failed = true;
            }

            if (frame is null)
            {
                yield break;
            }

            yield return frame;
            if (failed)
            {
                yield break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A streamed answer failed; its client gets an error frame")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
