using System.Runtime.CompilerServices;

namespace AgentTrace.Web.Api.Sse;

/// <summary>
/// Keeps a stream whole when its source fails: the failure becomes one last frame (an error the client can read)
/// and the stream then ends normally, with its <c>[DONE]</c>. A client that goes away still ends it at once.
/// </summary>
public static class FrameGuard
{
    public static async IAsyncEnumerable<StreamFrame> GuardAsync(
        IAsyncEnumerable<StreamFrame> frames, Func<Exception, StreamFrame> onError, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
                frame = onError(ex);
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
}
