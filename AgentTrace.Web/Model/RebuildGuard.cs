namespace AgentTrace.Web.Model;

/// <summary>
/// Tells a control when to rebuild what it derives from a <see cref="TraceView"/> (rows, figures, JSON): only when it
/// is given another view, or the same view changed since the last rebuild (<see cref="TraceView.Version"/>). A live
/// page passes its view again on every redraw; unchanged, the control's work is skipped. One per control.
/// </summary>
public sealed class RebuildGuard
{
    private TraceView? _builtFrom;
    private int _builtVersion = -1;

    /// <summary>True, and <paramref name="view"/> is remembered as built, when it is another view or changed since.</summary>
    public bool NeedsRebuild(TraceView view) => NeedsRebuild(view, out _);

    /// <inheritdoc cref="NeedsRebuild(TraceView)"/>
    /// <param name="view">The view the control is given now.</param>
    /// <param name="otherView">True when it is not the view last built from (state kept per view must go).</param>
    public bool NeedsRebuild(TraceView view, out bool otherView)
    {
        otherView = !ReferenceEquals(_builtFrom, view);
        if (!otherView && _builtVersion == view.Version)
        {
            return false;
        }

        _builtFrom = view;
        _builtVersion = view.Version;
        return true;
    }
}
