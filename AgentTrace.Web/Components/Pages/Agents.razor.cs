using System.Collections.Concurrent;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Live;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// The built-in agents: pick one, ask it a question at a trace level, and watch the answer stream in while its trace
/// grows on the same timeline as the trace page. Leaving the page stops watching; the run itself goes on. When
/// streaming the answer fails, the page says so (and the log has why).
/// </summary>
public sealed partial class Agents : IAsyncDisposable
{
    private static readonly TimeSpan s_answerInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _life = new();
    private readonly ConcurrentQueue<string> _pieces = new();
    private readonly System.Text.StringBuilder _answer = new();
    private IReadOnlyList<AgentDefinition> _agents = [];
    private AgentDefinition? _selected;
    private string _question = "";
    private TraceLevel _level = TraceLevel.Standard;
    private bool _canRun;
    private string? _error;
    private string? _answerError;
    private AgentRun? _run;
    private AgentRunResult? _result;
    private LiveTrace? _trace;
    private RenderThrottle? _answerThrottle;
    private Task _reading = Task.CompletedTask;
    private Step? _step;

    [Inject]
    private AgentCatalog Catalog { get; set; } = default!;

    [Inject]
    private AgentRunner Runner { get; set; } = default!;

    [Inject]
    private ITraceReader Store { get; set; } = default!;

    [Inject]
    private TraceAnalyzer Analyzer { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Agents> Logger { get; set; } = default!;

    private bool IsRunning => _run is not null && _result is null;

    public async ValueTask DisposeAsync()
    {
        _life.Cancel();
        await _reading;
        if (_trace is not null)
        {
            await _trace.DisposeAsync();
        }

        if (_answerThrottle is not null)
        {
            await _answerThrottle.DisposeAsync();
        }

        _life.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _agents = await Catalog.ListAsync(await User.TenantAsync(), _life.Token);
        _selected = _agents.FirstOrDefault();
        _canRun = await User.HasRoleAsync(ApiRole.Writer);
        _answerThrottle = new RenderThrottle("the answer", s_answerInterval, ShowAnswerAsync, Clock, Logger);
    }

    private static IEnumerable<string> ComponentTypes(AgentDefinition agent) =>
        agent.Components.Values.Select(c => c.Type).OfType<string>().Distinct(StringComparer.Ordinal);

    private void Select(AgentDefinition agent) => _selected = agent;

    private async Task RunAsync()
    {
        var tenant = await User.TenantAsync();
        _error = null;
        _answerError = null;
        _result = null;
        _step = null;
        _answer.Clear();
        _pieces.Clear();
        if (_trace is not null)
        {
            await _trace.DisposeAsync();
            _trace = null;
        }

        try
        {
            _run = await Runner.StartAsync(_selected!, new AgentRunRequest
            {
                TenantId = tenant,
                Question = _question.Trim(),
                TraceLevel = _level,
                UserId = await User.KeyNameAsync(),
            }, _life.Token);
        }
        catch (Exception e) when (!_life.IsCancellationRequested)
        {
            Logger.RunFailed(_selected!.Id ?? "(no id)", e);
            _error = $"The run could not be started: {FailureText.Of(e)}.";
            _run = null;
            return;
        }

        if (_run is null)
        {
            _error = "This server is running as many agents as it may at once; try again in a moment.";
            return;
        }

        _trace = new LiveTrace(Store, Analyzer, Clock, Logger);
        await _reading;
        _reading = ReadAnswerAsync(_run, _life.Token);
        try
        {
            await _trace.OpenAsync(tenant, _run.TaskId, InvokeAsync, StateHasChanged);
        }
        catch (Exception e) when (!_life.IsCancellationRequested)
        {
            Logger.ReadFailed($"trace {_run.TaskId}", e);
            _answerError = $"The run's trace could not be read: {FailureText.Of(e)}. The run goes on; open its trace to follow it.";
        }
    }

    private async Task ReadAnswerAsync(AgentRun run, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chunk in run.Answer.ReadAllAsync(cancellationToken))
            {
                _pieces.Enqueue(chunk.Content);
                _answerThrottle!.Request();
            }

            var result = await run.Completion.WaitAsync(cancellationToken);
            await InvokeAsync(() => _result = result);
            _answerThrottle!.Request();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away while the run ended.
        }
        catch (Exception e)
        {
            Logger.AnswerStreamFailed(run.TaskId, e);
            await InvokeAsync(() =>
            {
                _answerError = $"The answer stopped streaming: {FailureText.Of(e)}. The run goes on; open its trace to follow it.";
                StateHasChanged();
            });
        }
    }

    private Task ShowAnswerAsync() => InvokeAsync(() =>
    {
        while (_pieces.TryDequeue(out var piece))
        {
            _answer.Append(piece);
        }

        StateHasChanged();
    });

    private void Cancel() => _run?.Cancel();

    private void SelectSpan(SpanTiming span) => _step = _trace?.View?.StepOf(span);

    private void CloseStep() => _step = null;
}
