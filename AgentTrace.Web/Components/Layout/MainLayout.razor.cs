using System.Security.Claims;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace AgentTrace.Web.Components.Layout;

/// <summary>The frame of every signed-in page: app bar (who, theme, logout), navigation, content.</summary>
public partial class MainLayout
{
    private const string DarkTheme = "dark";
    private const string LightTheme = "light";

    private readonly MudTheme _theme = DashboardTheme.Create();
    private MudThemeProvider? _themeProvider;
    private bool _isDarkMode;
    private bool _drawerOpen = true;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    /// <summary>The theme chosen last in this browser, else the system's.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _themeProvider is not null)
        {
            var saved = await Js.InvokeAsync<string?>("agentTrace.loadTheme");
            _isDarkMode = saved is null ? await _themeProvider.GetSystemDarkModeAsync() : saved == DarkTheme;
            StateHasChanged();
        }
    }

    private static string Tenant(ClaimsPrincipal user) => user.FindFirst(ApiRoles.TenantClaim)?.Value ?? "";

    private static string Role(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value ?? "";

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        await Js.InvokeVoidAsync("agentTrace.saveTheme", _isDarkMode ? DarkTheme : LightTheme);
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
