using MudBlazor;

namespace AgentTrace.Web.Components.Layout;

/// <summary>The frame of the login page: no navigation, the dashboard's colours.</summary>
public partial class LoginLayout
{
    private readonly MudTheme _theme = DashboardTheme.Create();
}
