using System.Security.Claims;
using AgentTrace.Web.Auth;
using MudBlazor;

namespace AgentTrace.Web.Components.Layout;

/// <summary>The frame of every signed-in page: app bar (who, theme, logout), navigation, content.</summary>
public partial class MainLayout
{
    private readonly MudTheme _theme = DashboardTheme.Create();
    private MudThemeProvider? _themeProvider;
    private bool _isDarkMode;
    private bool _drawerOpen = true;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _themeProvider is not null)
        {
            _isDarkMode = await _themeProvider.GetSystemDarkModeAsync();
            StateHasChanged();
        }
    }

    private static string Tenant(ClaimsPrincipal user) => user.FindFirst(ApiRoles.TenantClaim)?.Value ?? "";

    private static string Role(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value ?? "";

    private void ToggleTheme() => _isDarkMode = !_isDarkMode;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
