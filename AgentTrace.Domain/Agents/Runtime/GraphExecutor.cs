namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Runs an agent's components from Begin. A component runs once it has been handed over to and no component
/// still running or waiting could hand over to it (so a join waits for every active branch); components
/// that do not wait on one another run in parallel. A Categorize hands over to one component only, so the
/// other branches never start. The first failure stops the rest of the run.
/// </summary>
internal sealed class GraphExecutor(RunContext run)
{
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<Task<NodeOutcome>, string> _running = [];
    private readonly Dictionary<string, int> _runs = new(StringComparer.Ordinal);
    private string _stopReason = "the run was cancelled";

    /// <summary>Null when every component finished; else the outcome that ended the run.</summary>
    public async Task<NodeOutcome?> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _waiting.Add(run.Graph.Begin!);
        NodeOutcome? end = null;
        while (end is null && (_waiting.Count > 0 || _running.Count > 0))
        {
            end = cancellationToken.IsCancellationRequested
                ? new NodeOutcome("", NodeEnd.Stopped, [], $"stopped: {_stopReason}")
                : StartReady(stop.Token);
            if (end is not null || _running.Count == 0)
            {
                continue;
            }

            var done = await Task.WhenAny(_running.Keys).ConfigureAwait(false);
            _running.Remove(done);
            var outcome = await done.ConfigureAwait(false);
            if (outcome.End == NodeEnd.Finished)
            {
                _waiting.UnionWith(outcome.Next);
            }
            else
            {
                end = outcome;
            }
        }

        if (end is not null)
        {
            _stopReason = end.End == NodeEnd.Failed ? $"component '{end.ComponentId}' failed" : _stopReason;
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }

        return end;
    }

    /// <summary>Starts every waiting component that nothing active can still hand over to; null unless a loop ran too often.</summary>
    private NodeOutcome? StartReady(CancellationToken cancellationToken)
    {
        var active = _waiting.Concat(_running.Values).ToList();
        var ready = _waiting
            .Where(id => !_running.ContainsValue(id) && !active.Any(other => other != id && run.Graph.Reaches(other, id)))
            .OrderBy(run.Graph.OrderOf)
            .ToList();
        if (ready.Count == 0 && _running.Count == 0 && _waiting.Count > 0)
        {
            // Components that wait on one another (a loop): the first in walk order goes.
            ready.Add(_waiting.MinBy(run.Graph.OrderOf)!);
        }

        foreach (var id in ready)
        {
            _waiting.Remove(id);
            var count = _runs[id] = _runs.GetValueOrDefault(id) + 1;
            if (count > run.Services.Options.MaxComponentRuns)
            {
                return new NodeOutcome(id, NodeEnd.Failed, [], $"component '{id}' was to run more than {run.Services.Options.MaxComponentRuns} times in one run; its loop never took an exit");
            }

            _running[NodeRunner.RunAsync(run, id, () => _stopReason, cancellationToken)] = id;
        }

        return null;
    }
}
