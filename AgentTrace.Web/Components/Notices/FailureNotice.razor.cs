using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Notices;

/// <summary>
/// Says that background work of a page or control failed (a live feed, a watch, a load), in words for the user: the
/// details are in the server log. Shows nothing while <see cref="Message"/> is null.
/// </summary>
public partial class FailureNotice
{
    /// <summary>What failed and what it means, as <see cref="Model.FailureText"/> words it; null when all is well.</summary>
    [Parameter]
    public string? Message { get; set; }

    /// <summary>When set, a "Try again" button calls it.</summary>
    [Parameter]
    public EventCallback OnRetry { get; set; }

    [Parameter]
    public string TestId { get; set; } = "failure";

    [Parameter]
    public string Class { get; set; } = "mb-3";
}
