using AgentTrace.Domain.Model;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentTrace.Web.Components.Controls;

/// <summary>A trace's events in order, filtered by type and component and searched in their text; a row opens its step.</summary>
public partial class EventTable
{
    private readonly Dictionary<long, string> _searchText = [];
    private IReadOnlyCollection<TraceEventType> _types = [];
    private List<TraceEventType> _presentTypes = [];
    private List<string> _components = [];
    private List<TraceEvent> _shown = [];
    private string? _component;
    private string? _search;
    private readonly RebuildGuard _guard = new();

    [Parameter]
    [EditorRequired]
    public TraceView View { get; set; } = default!;

    /// <summary>Called with the seq of the clicked event.</summary>
    [Parameter]
    public EventCallback<long> OnSelect { get; set; }

    protected override void OnParametersSet()
    {
        if (!_guard.NeedsRebuild(View, out var otherView))
        {
            return;
        }

        if (otherView)
        {
            _searchText.Clear();
        }

        _presentTypes = [.. View.Events.Select(e => e.EventType).Distinct().Order()];
        _components = [.. View.ComponentIds];
        Filter();
    }

    private void Filter()
    {
        var search = _search?.Trim();
        _shown = [.. View.Events.Where(e =>
            (_types.Count == 0 || _types.Contains(e.EventType))
            && (_component is null || string.Equals(e.ComponentId, _component, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(search) || TextOf(e).Contains(search, StringComparison.OrdinalIgnoreCase)))];
    }

    private string TextOf(TraceEvent e)
    {
        if (!_searchText.TryGetValue(e.Seq, out var text))
        {
            text = SearchText.Of(e);
            _searchText[e.Seq] = text;
        }

        return text;
    }

    private void TypesChanged(IEnumerable<TraceEventType>? types)
    {
        _types = [.. types ?? []];
        Filter();
    }

    private void ComponentChanged(string? component)
    {
        _component = component;
        Filter();
    }

    private void SearchChanged(string? search)
    {
        _search = search;
        Filter();
    }

    private static string TypeClass(TraceEvent e) =>
        e.Error is not null || e.EventType is TraceEventType.ErrorOccurred or TraceEventType.NodeFailed or TraceEventType.WorkflowFailed ? "bad" : "";

    private Task Open(DataGridRowClickEventArgs<TraceEvent> click) => OnSelect.InvokeAsync(click.Item.Seq);
}
