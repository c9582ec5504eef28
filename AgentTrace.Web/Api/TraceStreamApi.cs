using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Api.Sse;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Configuration;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api;

/// <summary>
/// <c>GET /api/v1/traces/{task_id}/stream</c>: the stored events after a point, then each new one live, as
/// Server-Sent Events (<c>id:</c> = seq, <c>event:</c> = type), ending with <c>[DONE]</c> when the trace ends.
/// </summary>
public static class TraceStreamApi
{
    public static RouteHandlerBuilder MapTraceStreamApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/traces/{task_id}/stream", Stream)
            .WithTags("Traces").RequireAuthorization(ApiRoles.CanRead)
            .WithName("StreamTrace")
            .WithSummary("Stream a trace's events live (SSE); resume with Last-Event-ID or after_seq")
            .WithFormatQuery(TraceFormat.Streaming)
            .WithQuery("after_seq", ParameterValue.Whole(0, long.MaxValue, 0), "Replay only the stored events whose seq is greater than this.")
            .WithQuery("access_token", ParameterValue.Text, "The API key, for clients that cannot send headers (a browser's EventSource).")
            .WithHeader("Last-Event-ID", ParameterValue.Text, "The seq of the last event received, sent by a reconnecting EventSource; the later of this and after_seq wins.")
            .WithResponseDescription(StatusCodes.Status204NoContent,
                "A reconnect (Last-Event-ID) to a finished trace whose events the client all has: the EventSource spec's signal to stop.")
            .WithResponseDescription(StatusCodes.Status200OK,
                "Server-Sent Events: the stored events after the resume point, then each new one live (id: seq, event: the "
                + "event type, data: the event in the chosen format), a ': heartbeat' comment when nothing happened for a while, "
                + "and 'event: done' / 'data: [DONE]' when the trace ends.")
            .ProducesError(StatusCodes.Status400BadRequest, "The task id, format, after_seq or Last-Event-ID is malformed.")
            .ProducesError(StatusCodes.Status404NotFound, "The caller's tenant has no trace with this task id.")
            .ProducesError(StatusCodes.Status429TooManyRequests, "This API key already has AgentTrace:Limits:MaxStreamsPerKey streams open.");

    public static async Task<Results<EventStreamResult, NoContent, JsonHttpResult<ErrorEnvelope>>> Stream(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        HttpRequest request, ClaimsPrincipal user, ITraceReader store, TraceFormatter formatter,
        StreamSlots slots, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        if (!TraceRoutes.TryReadFormat(request, TraceFormat.Streaming, out var format, out var formatProblem))
        {
            return ApiResults.BadRequest(formatProblem);
        }

        var (afterSeq, resumeProblem) = ResumePoint(request);
        if (resumeProblem is not null)
        {
            return ApiResults.BadRequest(resumeProblem);
        }

        if (await store.GetAsync(user.Tenant(), taskId, cancellationToken) is not { } session)
        {
            return TraceRoutes.TraceNotFound(taskId);
        }

        if (IsReconnectAfterTheEnd(request, session, afterSeq))
        {
            // The EventSource spec's signal to stop reconnecting: the client already has every event and the end.
            return TypedResults.NoContent();
        }

        if (slots.TryAcquire(user.KeyName()) is not { } slot)
        {
            return ApiResults.Error(StatusCodes.Status429TooManyRequests,
                $"this API key already has {slots.Limit} streams open; close one, or raise AgentTrace:Limits:MaxStreamsPerKey");
        }

        var heartbeat = TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds);
        return new EventStreamResult(Frames(store, formatter, format, session, afterSeq, cancellationToken), heartbeat, slot);
    }

    /// <summary>A client that reconnects (it sends <c>Last-Event-ID</c>) to a finished trace having every event.</summary>
    private static bool IsReconnectAfterTheEnd(HttpRequest request, TraceSession session, long afterSeq) =>
        session.IsFinished && request.Headers.ContainsKey("Last-Event-ID") && afterSeq >= session.LastSeq;

    /// <summary>Where to resume: <c>Last-Event-ID</c> (sent by a reconnecting EventSource) or <c>after_seq</c>.</summary>
    private static (long AfterSeq, string? Problem) ResumePoint(HttpRequest request)
    {
        var reader = new QueryReader(request.Query);
        var afterSeq = reader.Long("after_seq", 0, 0, long.MaxValue);
        var lastEventId = request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length > 0)
        {
            if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                afterSeq = Math.Max(afterSeq, seq);
            }
            else
            {
                reader.Add($"Last-Event-ID must be the seq of the last event received (got '{lastEventId}')");
            }
        }

        return (afterSeq, reader.Problem);
    }

    private static async IAsyncEnumerable<StreamFrame> Frames(
        ITraceReader store, TraceFormatter formatter, TraceFormat format, TraceSession session, long afterSeq,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in store.WatchAsync(session.TenantId, session.TaskId, afterSeq, cancellationToken))
        {
            if (formatter.FormatEvent(format, session, e) is { } data)
            {
                yield return new StreamFrame(e.Seq, e.EventType.Name(), data.ToJsonString(TraceJsonContext.Wire.Options));
            }
        }
    }
}
