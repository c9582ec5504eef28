using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Web.Model;

/// <summary>
/// Reads what the overview shows: the traces created in a window (at most <see cref="MaxTraces"/>, newest first) and
/// the recommendations of the most recent finished runs that are not too large to analyse on a page load. A store
/// that fails fails the call (the page says so); a run that cannot be analysed is logged and left out, and counted.
/// </summary>
public sealed class OverviewLoader(ITraceReader store, TraceAnalyzer analyzer, ILogger<OverviewLoader> logger)
{
    public const int MaxTraces = 2000;
    public const int AnalysedRuns = 40;
    public const int MaxAnalysedEvents = 5000;

    public async Task<(IReadOnlyList<TraceSession> Traces, bool Capped)> TracesAsync(string tenant, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var traces = new List<TraceSession>();
        for (var page = 1; traces.Count < MaxTraces; page++)
        {
            var batch = await store.ListAsync(tenant, new TraceQuery { From = from, Page = page, PageSize = Paging.MaxPageSize }, cancellationToken);
            traces.AddRange(batch.Sessions);
            if (batch.Sessions.Count < Paging.MaxPageSize || traces.Count >= batch.Total)
            {
                return (traces, false);
            }
        }

        return (traces, true);
    }

    /// <summary>The digests of the analysed runs, and how many runs could not be analysed (see the log).</summary>
    public async Task<(IReadOnlyList<RecommendationDigest> Digests, int Unanalysed)> RecommendationsAsync(string tenant, IEnumerable<TraceSession> traces, CancellationToken cancellationToken)
    {
        var analyses = new List<TraceAnalysis>();
        var unanalysed = 0;
        foreach (var trace in traces.Where(t => t.IsFinished && t.Summary.TotalEvents <= MaxAnalysedEvents).Take(AnalysedRuns))
        {
            if (await store.ReadWholeAsync(tenant, trace.TaskId, cancellationToken) is not { } whole)
            {
                continue;
            }

            try
            {
                analyses.Add(analyzer.Analyze(whole.Session, whole.Events));
            }
            catch (Exception e)
            {
                logger.AnalysisFailed(trace.TaskId, e);
                unanalysed++;
            }
        }

        return (RecommendationDigest.Of(analyses), unanalysed);
    }
}
