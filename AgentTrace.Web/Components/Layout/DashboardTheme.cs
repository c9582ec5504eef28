using MudBlazor;

namespace AgentTrace.Web.Components.Layout;

/// <summary>The dashboard's colours and type: the system font (nothing is fetched), one palette for light and one for dark.</summary>
public static class DashboardTheme
{
    public static MudTheme Create()
    {
        var theme = new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = "#3f51b5",
                Secondary = "#00897b",
                AppbarBackground = "#1f2937",
                Background = "#f6f7f9",
                DrawerBackground = "#ffffff",
            },
            PaletteDark = new PaletteDark
            {
                Primary = "#8c9eff",
                Secondary = "#4db6ac",
                AppbarBackground = "#111827",
                Background = "#181b21",
                Surface = "#20242c",
                DrawerBackground = "#1c2027",
            },
            LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
        };
        theme.Typography.Default.FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];
        return theme;
    }
}
