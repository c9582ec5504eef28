using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Domain.Recording;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>The state of one run: its request, trace, conversation history, tools, and each component's latest outputs.</summary>
public sealed class RunContext
{
    private readonly ConcurrentDictionary<string, JsonObject> _outputs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _answers = new();

    internal RunContext(AgentDefinition agent, AgentRunRequest request, AgentRun run, ActiveTrace trace, IReadOnlyList<ChatMessage> history, IReadOnlyDictionary<string, IAgentTool> tools, AgentServices services)
    {
        Agent = agent;
        Graph = new AgentGraph(agent);
        Request = request;
        Run = run;
        Trace = trace;
        History = history;
        Tools = tools;
        Services = services;
    }

    public AgentDefinition Agent { get; }

    public AgentGraph Graph { get; }

    public AgentRunRequest Request { get; }

    public AgentRun Run { get; }

    public ActiveTrace Trace { get; }

    /// <summary>The conversation so far (user and assistant messages), given to every LLM call.</summary>
    public IReadOnlyList<ChatMessage> History { get; }

    public IReadOnlyDictionary<string, IAgentTool> Tools { get; }

    public AgentServices Services { get; }

    public string WorkflowSpanId { get; } = Model.TraceIds.NewSpanId();

    /// <summary>What the Message components answered, in the order they finished.</summary>
    public string Answer => string.Join("\n\n", _answers);

    public void SetOutputs(string componentId, JsonObject outputs) => _outputs[componentId] = outputs;

    /// <summary>The text with its <c>{source.field}</c> references filled in from the run and earlier outputs.</summary>
    public string Render(string template) => ParameterTemplate.Render(template, Resolve);

    /// <summary>Writes a Message component's text to the answer; it follows the event <paramref name="afterEventId"/>.</summary>
    public async Task WriteAnswerAsync(string componentId, string afterEventId, IEnumerable<string> pieces, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            text.Append(piece);
            await Run.AnswerWriter.WriteAsync(new AnswerChunk(componentId, piece, afterEventId), cancellationToken).ConfigureAwait(false);
        }

        await Run.AnswerWriter.WriteAsync(new AnswerChunk(componentId, "", afterEventId, End: true), cancellationToken).ConfigureAwait(false);
        _answers.Enqueue(text.ToString());
    }

    private string Resolve(ParameterReference reference)
    {
        if (reference.Source == ParameterReference.System)
        {
            return reference.Field switch
            {
                "query" => Request.Question,
                "session_id" => Run.SessionId,
                "user_id" => Request.UserId ?? "",
                _ => "",
            };
        }

        if (!_outputs.TryGetValue(reference.Source, out var outputs) || outputs[reference.Field] is not { } value)
        {
            return "";
        }

        return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }
}
