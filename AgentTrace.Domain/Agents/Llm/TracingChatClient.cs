using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>
/// Middleware for any <see cref="IChatClient"/>: records each call, streamed or not, into the trace of the current
/// <see cref="TraceContext"/> (model, messages, response, tokens, latency, temperature, max tokens, finish reason).
/// Outside a trace scope it only passes calls through.
/// </summary>
public sealed class TracingChatClient(IChatClient innerClient, TokenCounter tokens) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (TraceContext.Current is not { } scope)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var list = messages.ToList();
        var call = await LlmCallRecording.StartAsync(scope, tokens, list, options, Metadata, streaming: false, cancellationToken).ConfigureAwait(false);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await call.FailAsync(ex).ConfigureAwait(false);
            throw;
        }

        await call.CompleteAsync(response).ConfigureAwait(false);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (TraceContext.Current is not { } scope)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var list = messages.ToList();
        var call = await LlmCallRecording.StartAsync(scope, tokens, list, options, Metadata, streaming: true, cancellationToken).ConfigureAwait(false);
        var updates = new List<ChatResponseUpdate>();
        var ended = false;
        var stream = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await stream.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    ended = true;
                    await call.FailAsync(ex).ConfigureAwait(false);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                updates.Add(stream.Current);
                yield return stream.Current;
            }

            ended = true;
            await call.CompleteAsync(updates.ToChatResponse()).ConfigureAwait(false);
        }
        finally
        {
            if (!ended)
            {
                await call.FailAsync(new OperationCanceledException("the caller stopped reading the response")).ConfigureAwait(false);
            }

            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ChatClientMetadata? Metadata => InnerClient.GetService<ChatClientMetadata>();
}
