using System.Runtime.InteropServices;
using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Web.Configuration;
using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>
/// Turns the body of an append (<c>{"events": [...]}</c>) into events, enforcing the batch and event size limits
/// and reporting every problem with the event's index. Strings that were repaired on reading the body are listed in
/// their event's <c>truncated</c>, as cut fields are.
/// </summary>
public static class EventBatchReader
{
    private const int MaxProblemsReported = 20;

    public static (List<TraceEvent>? Events, JsonHttpResult<ErrorEnvelope>? Error) Read(JsonElement body, IReadOnlyList<string> repaired, HttpContext context, LimitsOptions limits)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("events", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return (null, ApiResults.BadRequest("the body must be an object with an 'events' array: {\"events\": [{\"event_type\": \"node_started\", ...}]}"));
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "events")
            {
                return (null, ApiResults.BadRequest($"$: unknown field '{property.Name}'"));
            }
        }

        var count = array.GetArrayLength();
        if (count == 0)
        {
            return (null, ApiResults.BadRequest("events is empty; send at least one event"));
        }

        if (count > limits.MaxEventsPerBatch)
        {
            return (null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"the batch has {count} events; send at most {limits.MaxEventsPerBatch} per request"));
        }

        var events = new List<TraceEvent>(count);
        var problems = new List<string>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = $"events[{index++}]";
            var size = JsonMarshal.GetRawUtf8Value(element).Length;
            if (size > limits.MaxEventBytes)
            {
                return (null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"{at} is {size} bytes; one event may be at most {limits.MaxEventBytes} bytes"));
            }

            if (ShapeProblem(element, at) is { } typeProblem)
            {
                problems.Add(typeProblem);
                continue;
            }

            var (e, problem) = JsonBody.Convert<TraceEvent>(element, context, "$." + at);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            problems.AddRange(EventValidator.Problems(e!, at));
            events.Add(WithRepaired(e!, "$." + at, repaired));
        }

        return problems.Count == 0
            ? (events, null)
            : (null, ApiResults.BadRequest(string.Join("; ", problems.Take(MaxProblemsReported)) + (problems.Count > MaxProblemsReported ? $"; and {problems.Count - MaxProblemsReported} more" : "")));
    }

    /// <summary>The event with the repaired fields under <paramref name="path"/> added to its <c>truncated</c>.</summary>
    private static TraceEvent WithRepaired(TraceEvent e, string path, IReadOnlyList<string> repaired)
    {
        var prefix = path + ".";
        var own = repaired.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]).Distinct(StringComparer.Ordinal).ToList();
        return own.Count == 0 ? e : e with { Truncated = [.. e.Truncated ?? [], .. own] };
    }

    private static string? ShapeProblem(JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"{at} must be an object, not {JsonBody.Kind(element)}";
        }

        if (element.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var given) && given == 0)
        {
            return $"{at}.seq must be 1 or more (or left out to have it assigned)";
        }

        if (!element.TryGetProperty("event_type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return $"{at}.event_type is required and must be a string";
        }

        return WireNames.TryParseEventType(type.GetString(), out _)
            ? null
            : $"{at}.event_type '{type.GetString()}' is unknown; known types are {string.Join(", ", WireNames.EventTypes)}";
    }
}
