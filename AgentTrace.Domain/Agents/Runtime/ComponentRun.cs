using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Llm;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>One run of one component: its definition, its run, and the scope its own steps are recorded in.</summary>
public sealed class ComponentRun(RunContext run, string id, ComponentDefinition definition, TraceScope scope, string startedEventId)
{
    public RunContext Run => run;

    public string Id => id;

    public ComponentDefinition Definition => definition;

    /// <summary>Records steps as children of this component's node span.</summary>
    public TraceScope Scope => scope;

    /// <summary>The <c>event_id</c> of this run's <c>node_started</c> event.</summary>
    public string StartedEventId => startedEventId;

    /// <summary>
    /// Calls the LLM, streamed when the run asks for it; the tracing middleware records the call. A reply with
    /// neither content nor a finish reason (an endpoint that answered something other than a chat completion) fails.
    /// </summary>
    public async Task<ChatResponse> AskAsync(IEnumerable<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        var response = run.Request.StreamLlm
            ? await run.Services.Llm.GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false)
            : await run.Services.Llm.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var hasContent = response.Messages.SelectMany(m => m.Contents).Any(c => c is TextContent { Text.Length: > 0 } or FunctionCallContent);
        return hasContent || response.FinishReason is not null
            ? response
            : throw new InvalidDataException("the LLM endpoint sent no answer: its reply was empty or not a chat completion");
    }

    /// <summary>The system message (when set), the conversation so far, and the user message.</summary>
    public List<ChatMessage> Conversation(string? system, string prompt)
    {
        var messages = new List<ChatMessage>();
        if (!string.IsNullOrWhiteSpace(system))
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        messages.AddRange(run.History);
        messages.Add(new ChatMessage(ChatRole.User, prompt));
        return messages;
    }
}
