using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace AgentTrace.Web.Components;

/// <summary>
/// The document: every page is interactive on the server without prerendering (subscriptions are made once), except
/// the pages that opt out of interactive routing (the login form, which sets the cookie in its own request).
/// </summary>
public partial class App
{
    private static readonly IComponentRenderMode s_interactive = new InteractiveServerRenderMode(prerender: false);

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    private IComponentRenderMode? PageRenderMode => HttpContext.AcceptsInteractiveRouting() ? s_interactive : null;
}
