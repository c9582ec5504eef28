using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Serialization;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Starts agent runs. Each run gets its trace (stored before <see cref="StartAsync"/> returns, so its
/// <c>task_id</c> can be watched at once), runs in the background, records <c>workflow_started</c> then every
/// step, and ends the trace <c>completed</c>, <c>failed</c> or <c>cancelled</c>.
/// </summary>
public sealed partial class AgentRunner(
    TraceRecorder recorder, RunRegistry registry, IConversationStore conversations, ToolCatalog tools, AgentServices services, ILogger<AgentRunner> logger)
{
    /// <summary>Starts a run of <paramref name="agent"/>; null when this server already runs as many as it may.</summary>
    public async Task<AgentRun?> StartAsync(AgentDefinition agent, AgentRunRequest request, CancellationToken cancellationToken = default)
    {
        if (!registry.TryReserve())
        {
            return null;
        }

        AgentRun? run = null;
        try
        {
            var agentId = agent.Id!;
            var sessionId = request.SessionId ?? TraceIds.NewTaskId();
            var conversation = await conversations.GetAsync(request.TenantId, agentId, sessionId, cancellationToken).ConfigureAwait(false)
                ?? await conversations.StartAsync(request.TenantId, agentId, new ConversationStart(sessionId, request.UserId), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ChatMessage> history = [.. conversation.Messages.Select(m => new ChatMessage(m.Role, m.Content))];
            var trace = await recorder.StartAsync(new TraceSession
            {
                TaskId = TraceIds.NewTaskId(),
                TenantId = request.TenantId,
                AgentId = agentId,
                SessionId = sessionId,
                UserId = request.UserId,
                TraceLevel = request.TraceLevel,
                CreatedAt = services.Clock.GetUtcNow(),
                Metadata = JsonSerializer.SerializeToElement(new JsonObject { ["agent_name"] = agent.Name ?? agentId }, TraceJsonContext.Default.JsonObject),
            }, cancellationToken).ConfigureAwait(false);
            // From here on the run goes ahead even if the caller goes away, so its trace never stays open.
            run = new AgentRun(request.TenantId, agentId, trace.TaskId, sessionId, new CancellationTokenSource(), Channel.CreateUnbounded<AnswerChunk>(new UnboundedChannelOptions { SingleReader = true }));
            var context = new RunContext(agent, request, run, trace, history, tools.For(agent), services);
            registry.Add(run);
            _ = Task.Run(() => ExecuteAsync(context), CancellationToken.None);
            return run;
        }
        catch
        {
            registry.Release(run);
            throw;
        }
    }

    /// <summary>Runs the graph and ends the trace and the run; never throws.</summary>
    private async Task ExecuteAsync(RunContext context)
    {
        var run = context.Run;
        var started = Stopwatch.GetTimestamp();
        var workflow = new TraceScope(context.Trace, services.Clock, null);
        AgentRunResult result;
        try
        {
            await workflow.RecordAsync(new TraceEvent
            {
                EventType = TraceEventType.WorkflowStarted,
                SpanId = context.WorkflowSpanId,
                ComponentName = context.Agent.Name ?? run.AgentId,
                Inputs = Inputs(context),
            }, CancellationToken.None).ConfigureAwait(false);
            var end = await new GraphExecutor(context).RunAsync(run.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            result = end switch
            {
                null => new AgentRunResult(TraceStatus.Completed, context.Answer, null, elapsed),
                { End: NodeEnd.Stopped } => new AgentRunResult(TraceStatus.Cancelled, context.Answer, "the run was cancelled", elapsed),
                _ => new AgentRunResult(TraceStatus.Failed, context.Answer, end.Error, elapsed),
            };
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, run.TaskId);
            result = new AgentRunResult(TraceStatus.Failed, context.Answer, "the run failed in the agent runtime itself; the server's log has the error", Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        try
        {
            await FinishAsync(context, workflow, result).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, run.TaskId);
        }
        finally
        {
            run.AnswerWriter.TryComplete();
            registry.Release(run);
            run.End(result);
        }
    }

    private async Task FinishAsync(RunContext context, TraceScope workflow, AgentRunResult result)
    {
        var outputs = Json.Element(new JsonObject { ["content"] = result.Answer });
        await workflow.RecordAsync(new TraceEvent
        {
            EventType = result.Status switch
            {
                TraceStatus.Completed => TraceEventType.WorkflowCompleted,
                TraceStatus.Cancelled => TraceEventType.WorkflowCancelled,
                _ => TraceEventType.WorkflowFailed,
            },
            SpanId = context.WorkflowSpanId,
            ComponentName = context.Agent.Name ?? context.Run.AgentId,
            Outputs = outputs,
            Error = result.Status == TraceStatus.Completed ? null : result.Error,
            ElapsedTime = result.ElapsedSeconds,
        }, CancellationToken.None).ConfigureAwait(false);
        await context.Trace.CompleteAsync(new TraceCompletion
        {
            Status = result.Status,
            CompletedAt = services.Clock.GetUtcNow(),
            ElapsedSeconds = result.ElapsedSeconds,
            Error = result.Error,
            Outputs = outputs,
        }, CancellationToken.None).ConfigureAwait(false);
        if (result.Status == TraceStatus.Completed)
        {
            await conversations.AppendAsync(context.Run.TenantId, context.Run.AgentId, context.Run.SessionId, context.Request.Question, result.Answer, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static JsonElement Inputs(RunContext context)
    {
        var inputs = new JsonObject { ["query"] = context.Request.Question, ["session_id"] = context.Run.SessionId };
        if (context.Request.Inputs is { } values)
        {
            inputs["inputs"] = Json.Object(values);
        }

        return Json.Element(inputs);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent run {TaskId} failed in the runtime itself")]
    private partial void LogRunFailed(Exception exception, string taskId);
}
