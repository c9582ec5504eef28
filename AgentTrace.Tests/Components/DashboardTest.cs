using System.Security.Claims;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Hosting;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AgentTrace.Tests.Components;

/// <summary>
/// A bUnit context with the dashboard's services: the real in-memory store (read through <see cref="ObservedReader"/>),
/// analysis and formats, MudBlazor with loose JS interop, and a signed-in admin of tenant <c>t1</c>.
/// </summary>
public abstract class DashboardTest : BunitContext
{
    public const string Tenant = "t1";

    protected DashboardTest()
    {
        // Live redraws run on the thread pool; give them room when the whole suite shares two cores.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddSingleton<ITraceReader>(sp => new ObservedReader(sp.GetRequiredService<ITraceStore>()));
        Services.AddAgentTraceDomain();
        Services.AddMudServices();
        Services.AddDashboardModels();
        var auth = AddAuthorization();
        auth.SetAuthorized("t1-admin");
        auth.SetClaims(new Claim(ApiRoles.TenantClaim, Tenant), new Claim(ClaimTypes.Role, "admin"));
        Render<MudPopoverProvider>();
    }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected ITraceStore Store => Services.GetRequiredService<ITraceStore>();

    protected ObservedReader Reader => (ObservedReader)Services.GetRequiredService<ITraceReader>();
}
