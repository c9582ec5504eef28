using AgentTrace.Domain.Model;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>A trace at a glance: agent, status, ids, duration, tokens, errors.</summary>
public partial class TraceHeader
{
    [Parameter]
    [EditorRequired]
    public TraceSession Session { get; set; } = default!;

    /// <summary>The run's duration so far (it grows while the trace runs).</summary>
    [Parameter]
    public double WallSeconds { get; set; }

    [Inject]
    private ClipboardService Clipboard { get; set; } = default!;

    private Task CopyIdAsync() => Clipboard.CopyAsync(Session.TaskId, "task id");
}
