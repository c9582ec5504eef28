using System.Text.RegularExpressions;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>truncated_fields</c>: text was cut to fit the trace level, so what is shown is incomplete.</summary>
internal sealed partial class TruncatedFieldsRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var cut = context.Events.Where(e => e.Truncated is { Count: > 0 }).ToList();
        if (cut.Count == 0)
        {
            yield break;
        }

        var fields = cut.Sum(e => e.Truncated!.Count);
        var paths = string.Join(", ", cut.SelectMany(e => e.Truncated!).Select(p => Index().Replace(p, "[]")).Distinct().Take(5));
        var level = context.Session.TraceLevel;
        var advice = level switch
        {
            TraceLevel.Debug => "keep large payloads such as files out of inputs, outputs and prompts",
            TraceLevel.Detailed => "record at 'debug' to keep more of them",
            _ => "record at 'detailed' or 'debug' to keep more of them",
        };
        yield return new Recommendation
        {
            Rule = "truncated_fields",
            Severity = RecommendationSeverity.Info,
            Message = $"{fields} field{(fields == 1 ? " was" : "s were")} cut to fit the '{level.Name()}' level in {cut.Count} "
                + $"event{(cut.Count == 1 ? "" : "s")} ({paths}); {advice}",
            Evidence = cut.Select(e => e.Seq).ToList(),
        };
    }

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();
}
