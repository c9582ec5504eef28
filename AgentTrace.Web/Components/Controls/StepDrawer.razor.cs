using System.Globalization;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>
/// What one step took in and gave back: for an LLM call the model, messages, response, tokens and parameters; for a
/// search the query and the chunks with scores; for a tool its arguments and result; for a node its inputs, outputs,
/// thoughts and error. Everything recorded is untrusted and shown as text.
/// </summary>
public partial class StepDrawer
{
    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

    /// <summary>The step to show; nothing is shown when null.</summary>
    [Parameter]
    public Step? Step { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>The step's common facts, then those of its kind.</summary>
    private static IEnumerable<(string, string?)> Facts(Step step)
    {
        var kind = step.Llm is not null ? LlmFacts(step)
            : step.Retrieval is not null ? RetrievalFacts(step)
            : step.Tool is not null ? ToolFacts(step)
            : [];
        return CommonFacts(step).Concat(kind);
    }

    private static IEnumerable<(string, string?)> CommonFacts(Step step)
    {
        var e = step.Main;
        yield return ("Status", step.Span?.Status.ToString().ToLowerInvariant());
        yield return ("Duration", step.Span is { } span ? Display.Duration(span.DurationS) : e.ElapsedTime is { } elapsed ? Display.Duration(elapsed) : null);
        yield return ("Started at", step.Span is { } s ? $"+{Display.Duration(s.StartS)}" : null);
        yield return ("Self time", step.Span is { SelfS: > 0 } self ? Display.Duration(self.SelfS) : null);
        yield return ("Component", Join(e.ComponentName, e.ComponentId, e.ComponentType));
        yield return ("Events", step.Start is { } start && step.End is { } end ? $"#{start.Seq} → #{end.Seq}" : $"#{e.Seq}");
        yield return ("Time", Display.Time(step.Start?.Timestamp ?? e.Timestamp));
        yield return ("Span", step.Span?.SpanId);
    }

    private static IEnumerable<(string, string?)> LlmFacts(Step step)
    {
        var end = step.End?.Llm;
        var start = step.Start?.Llm;
        yield return ("Model", end?.ModelName ?? start?.ModelName);
        yield return ("Tokens", end is null ? null : $"{Number(end.PromptTokens)} prompt + {Number(end.CompletionTokens)} completion = {Display.Count(LlmTokens.Total(end))}");
        yield return ("Latency", end?.LatencyMs is { } ms ? Display.Duration(ms / 1000) : null);
        yield return ("Temperature", (start?.Temperature ?? end?.Temperature)?.ToString("0.##", s_culture));
        yield return ("Max tokens", (start?.MaxTokens ?? end?.MaxTokens)?.ToString(s_culture));
        yield return ("Finish reason", end?.FinishReason);
        yield return ("Call id", end?.CallId ?? start?.CallId);
    }

    private static IEnumerable<(string, string?)> RetrievalFacts(Step step)
    {
        var start = step.Start?.Retrieval;
        var end = step.End?.Retrieval;
        yield return ("Knowledge bases", string.Join(", ", start?.KnowledgeBases ?? end?.KnowledgeBases ?? []));
        yield return ("Top k", (start?.TopK ?? end?.TopK)?.ToString(s_culture));
        yield return ("Threshold", (start?.SimilarityThreshold ?? end?.SimilarityThreshold) is { } threshold ? Display.Score(threshold) : null);
        yield return ("Rerank", (start?.RerankEnabled ?? end?.RerankEnabled) is { } rerank ? (rerank ? "on" : "off") : null);
        yield return ("Chunks", (end?.ChunksRetrieved ?? end?.Chunks?.Count)?.ToString(s_culture));
        yield return ("Latency", end?.LatencyMs is { } ms ? Display.Duration(ms / 1000) : null);
    }

    private static IEnumerable<(string, string?)> ToolFacts(Step step)
    {
        var tool = step.Tool!;
        yield return ("Tool", tool.ToolName ?? step.Start?.Tool?.ToolName);
        yield return ("Type", tool.ToolType ?? step.Start?.Tool?.ToolType);
        yield return ("Latency", step.End?.Tool?.LatencyMs is { } ms ? Display.Duration(ms / 1000) : null);
        yield return ("Call id", tool.CallId);
    }

    private static List<string> Truncated(Step step) =>
        [.. new[] { step.Start, step.End }.SelectMany(e => e?.Truncated ?? []).Distinct(StringComparer.Ordinal)];

    private static string Number(long? value) => value is { } v ? Display.Count(v) : "?";

    private static string? Join(params string?[] parts)
    {
        var known = parts.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToList();
        return known.Count == 0 ? null : string.Join(" · ", known);
    }
}
