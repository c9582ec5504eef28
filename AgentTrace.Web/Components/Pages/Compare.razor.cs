using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// Two runs of one agent side by side, step by step, with the time and token difference of each step. The runs are
/// named in the address (<c>?a=…&amp;b=…</c>), so a comparison can be shared.
/// </summary>
public sealed partial class Compare : IDisposable
{
    private const int RecentRuns = 50;

    private readonly CancellationTokenSource _life = new();
    private List<string> _agents = [];
    private IReadOnlyList<TraceSession> _runs = [];
    private IReadOnlyList<ComparedStep> _steps = [];
    private string? _agent;
    private TraceView? _a;
    private TraceView? _b;
    private bool _missing;

    [SupplyParameterFromQuery(Name = "a")]
    public string? A { get; set; }

    [SupplyParameterFromQuery(Name = "b")]
    public string? B { get; set; }

    [Inject]
    private ITraceReader Store { get; set; } = default!;

    [Inject]
    private TraceAnalyzer Analyzer { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    public void Dispose()
    {
        _life.Cancel();
        _life.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        var tenant = await User.TenantAsync();
        var recent = await Store.ListAsync(tenant, new TraceQuery { PageSize = Paging.MaxPageSize }, _life.Token);
        _agents = [.. recent.Sessions.Select(s => s.AgentId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _a = await LoadAsync(tenant, A);
        _b = await LoadAsync(tenant, B);
        _missing = (A is not null && _a is null) || (B is not null && _b is null);
        _agent = _a?.Session.AgentId ?? _b?.Session.AgentId ?? _agent ?? _agents.FirstOrDefault();
        await LoadRunsAsync(tenant);
        if (_a is not null && _b is null)
        {
            // Offered: the newest other finished run of the same agent as B.
            var other = _runs.FirstOrDefault(r => r.TaskId != _a.Session.TaskId && r.IsFinished);
            _b = other is null ? null : await LoadAsync(tenant, other.TaskId);
        }

        _steps = _a is not null && _b is not null ? RunComparison.Of(_a, _b) : [];
    }

    private async Task<TraceView?> LoadAsync(string tenant, string? taskId) =>
        taskId is not null && TraceIds.IsTaskId(taskId) && await Store.ReadWholeAsync(tenant, taskId, _life.Token) is { } trace
            ? new TraceView(trace.Session, trace.Events, Analyzer)
            : null;

    private async Task LoadRunsAsync(string tenant) =>
        _runs = _agent is null ? [] : (await Store.ListAsync(tenant, new TraceQuery { AgentId = _agent, PageSize = RecentRuns }, _life.Token)).Sessions;

    private async Task AgentChanged(string agent)
    {
        _agent = agent;
        await LoadRunsAsync(await User.TenantAsync());
        var finished = _runs.Where(r => r.IsFinished).Take(2).ToList();
        Navigation.NavigateTo(finished.Count == 2 ? $"compare?a={finished[1].TaskId}&b={finished[0].TaskId}" : "compare");
    }

    private Task PickAsync(string? a, string? b)
    {
        Navigation.NavigateTo($"compare?a={a}&b={b}");
        return Task.CompletedTask;
    }

    private IEnumerable<(string Name, string A, string B, string Delta)> Totals()
    {
        var a = _a!.Session;
        var b = _b!.Session;
        var wallA = _a.Analysis.WallTimeS;
        var wallB = _b.Analysis.WallTimeS;
        yield return ("Duration", Display.Duration(wallA), Display.Duration(wallB), Display.DurationDelta(wallB - wallA));
        yield return ("Tokens", Display.Count(a.Summary.TotalTokens), Display.Count(b.Summary.TotalTokens), Display.CountDelta(b.Summary.TotalTokens - a.Summary.TotalTokens));
        yield return ("LLM calls", Display.Count(a.Summary.TotalLlmCalls), Display.Count(b.Summary.TotalLlmCalls), Display.CountDelta(b.Summary.TotalLlmCalls - a.Summary.TotalLlmCalls));
        yield return ("Steps", Display.Count(a.Summary.NodesExecuted), Display.Count(b.Summary.NodesExecuted), Display.CountDelta(b.Summary.NodesExecuted - a.Summary.NodesExecuted));
        yield return ("Errors", Display.Count(a.Summary.ErrorsCount), Display.Count(b.Summary.ErrorsCount), Display.CountDelta(b.Summary.ErrorsCount - a.Summary.ErrorsCount));
    }

    private static string Describe(TraceSession run) =>
        $"{Display.Time(run.CreatedAt)} · {run.Status.Name()} · {Display.Duration(run.TotalElapsedTime)} · {run.TaskId[..8]}";

    /// <summary>More time or tokens reads as worse (red), less as better (green).</summary>
    private static string DeltaClass(double? delta) => delta switch
    {
        > 0 => "worse",
        < 0 => "better",
        _ => "",
    };

    private static string DeltaClass(long? delta) => DeltaClass((double?)delta);

    private static string DeltaClass(string delta) => delta.StartsWith('+') ? "worse" : delta.StartsWith('−') ? "better" : "";
}
