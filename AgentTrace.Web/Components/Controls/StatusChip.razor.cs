using AgentTrace.Domain.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>A trace's status as a coloured chip; running ones pulse.</summary>
public partial class StatusChip
{
    [Parameter]
    [EditorRequired]
    public TraceStatus Status { get; set; }
}
