using System.ComponentModel.DataAnnotations;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// Signs in with an API key. A plain form in its own request (not interactive), so it can set the dashboard cookie.
/// </summary>
public partial class Login
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private ApiKeyRegistry Keys { get; set; } = default!;

    [Inject]
    private FirstStartKey FirstStartKey { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        if (DashboardAuthentication.SignInPrincipal(Keys, Input.Key) is not { } principal)
        {
            _error = "This key is not valid.";
            return;
        }

        await HttpContext.SignInAsync(DashboardAuthentication.CookieScheme, principal);
        Navigation.NavigateTo(DashboardAuthentication.SafeReturnUrl(ReturnUrl), forceLoad: true);
    }

    /// <summary>What the form posts.</summary>
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter an API key.")]
        public string Key { get; set; } = "";
    }
}
