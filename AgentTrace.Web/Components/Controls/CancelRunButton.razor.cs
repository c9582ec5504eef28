using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentTrace.Web.Components.Controls;

/// <summary>
/// Stops a running agent run, on whichever server runs it, for keys that may run agents; says how it went. The page
/// shows the run ending through its own live view of the trace. A cancel that fails is logged and said.
/// </summary>
public sealed partial class CancelRunButton : IDisposable
{
    private readonly CancellationTokenSource _life = new();
    private bool _canCancel;
    private bool _cancelling;

    [Parameter]
    [EditorRequired]
    public string TaskId { get; set; } = "";

    [Inject]
    private RunCanceller Canceller { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<CancelRunButton> Logger { get; set; } = default!;

    public void Dispose()
    {
        _life.Cancel();
        _life.Dispose();
    }

    protected override async Task OnInitializedAsync() => _canCancel = await User.HasRoleAsync(ApiRole.Writer);

    private async Task CancelAsync()
    {
        _cancelling = true;
        try
        {
            var result = await Canceller.CancelAsync(await User.TenantAsync(), TaskId, _life.Token);
            var (message, severity) = result.Outcome switch
            {
                CancelOutcome.Ended when result.Status == TraceStatus.Cancelled => ("The run was cancelled", Severity.Success),
                CancelOutcome.Ended or CancelOutcome.AlreadyFinished => ($"The run had already ended {result.Status!.Value.Name()}", Severity.Info),
                CancelOutcome.NotFound => ("The trace is gone", Severity.Warning),
                _ => ("No server runs this trace as an agent: it is recorded through the ingest API, and its producer ends it", Severity.Warning),
            };
            Snackbar.Add(message, severity);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!_life.IsCancellationRequested)
        {
            Logger.CancelFailed(TaskId, e);
            Snackbar.Add($"The run could not be cancelled: {FailureText.Of(e)}", Severity.Error);
        }
        finally
        {
            _cancelling = false;
        }
    }
}
