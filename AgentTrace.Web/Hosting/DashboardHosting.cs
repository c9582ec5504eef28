using AgentTrace.Web.Auth;
using AgentTrace.Web.Components;
using AgentTrace.Web.Configuration;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AgentTrace.Web.Hosting;

/// <summary>The browser dashboard: Blazor Server pages, MudBlazor, the login cookie and the logout route.</summary>
public static class DashboardHosting
{
    /// <summary>
    /// Registers the pages, MudBlazor and the page models. The keys that protect login cookies are kept in the data
    /// folder, so logins survive a restart and instances sharing the folder accept each other's cookies.
    /// </summary>
    public static IServiceCollection AddAgentTraceDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ServerOptions>, IHostEnvironment, ILoggerFactory>((keys, server, environment, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(server.Value.DataFolder(environment), "keys")), logs));
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        return services.AddDashboardModels();
    }

    /// <summary>The pages' circuit-scoped services and view models.</summary>
    public static IServiceCollection AddDashboardModels(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<ClipboardService>();
        services.AddTransient<OverviewLoader>();
        return services;
    }

    /// <summary>Antiforgery for the dashboard's forms, its static files, pages and the logout route.</summary>
    public static WebApplication UseAgentTraceDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost(DashboardAuthentication.LogoutPath, LogoutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        await context.SignOutAsync(DashboardAuthentication.CookieScheme);
        return Results.LocalRedirect(DashboardAuthentication.LoginPath);
    }
}
