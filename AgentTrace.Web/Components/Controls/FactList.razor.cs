using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>Name–value pairs in two columns; pairs without a value are left out.</summary>
public partial class FactList
{
    [Parameter]
    [EditorRequired]
    public IEnumerable<(string Name, string? Value)> Facts { get; set; } = [];
}
