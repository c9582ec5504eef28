using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Layout;

/// <summary>Sends a visitor who is not signed in to the login page, to come back here afterwards.</summary>
public sealed class RedirectToLogin : ComponentBase
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"login?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
    }
}
