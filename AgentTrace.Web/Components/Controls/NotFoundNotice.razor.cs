using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>Says that something asked for is not there (or not this tenant's: the two look the same).</summary>
public partial class NotFoundNotice
{
    /// <summary>What was asked for, such as "page" or "trace".</summary>
    [Parameter]
    public string What { get; set; } = "page";
}
