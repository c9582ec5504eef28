using System.Security.Claims;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Hosting;
using Bunit;
using Bunit.Extensions.WaitForHelpers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MudBlazor;
using MudBlazor.Services;

namespace AgentTrace.Tests.Components;

/// <summary>
/// A bUnit context with the dashboard's services: the real in-memory store (read through <see cref="ObservedReader"/>),
/// analysis and formats, MudBlazor with loose JS interop, a signed-in key of tenant <c>t1</c> (admin unless another
/// role is given), and a log that keeps what was written (<see cref="Logs"/>). With <c>manualClock</c>, every wait of
/// the dashboard (throttles, ticks, retries) runs on <see cref="Clock"/>, which moves only when the test moves it.
/// </summary>
public abstract class DashboardTest : BunitContext
{
    public const string Tenant = "t1";

    private readonly List<IHostedService> _started = [];

    /// <param name="role">The signed-in key's role.</param>
    /// <param name="popovers">Whether to render MudBlazor's popover provider (the layout brings its own).</param>
    /// <param name="manualClock">Whether the app's clock is <see cref="Clock"/> rather than the system's.</param>
    protected DashboardTest(string role = "admin", bool popovers = true, bool manualClock = false)
    {
        // Live redraws run on the thread pool; give them room when the whole suite shares two cores.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([Logs]));
        if (manualClock)
        {
            Services.AddSingleton<TimeProvider>(Clock);
        }

        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddSingleton<ITraceReader>(sp => new ObservedReader(sp.GetRequiredService<ITraceStore>()));
        Services.AddAgentTraceDomain();
        Services.AddMudServices();
        Services.AddDashboardModels();
        var auth = AddAuthorization();
        auth.SetAuthorized($"t1-{role}");
        auth.SetClaims(new Claim(ApiRoles.TenantClaim, Tenant), new Claim(ClaimTypes.Role, role), new Claim(ApiRoles.KeyNameClaim, $"t1-{role}"));
        if (popovers)
        {
            Render<MudPopoverProvider>();
        }
    }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The app's clock when the test asked for a manual one; it starts an hour after the sample runs.</summary>
    protected ManualClock Clock { get; } = new(TraceBuilder.Origin.AddHours(1));

    /// <summary>What the app logged (Information and above).</summary>
    protected LogRecorder Logs { get; } = new();

    protected ITraceStore Store => Services.GetRequiredService<ITraceStore>();

    protected ObservedReader Reader => (ObservedReader)Services.GetRequiredService<ITraceReader>();

    /// <summary>Renders the Agents page once it lists the tenant's agents (it reads them after the first render).</summary>
    protected IRenderedComponent<Web.Components.Pages.Agents> RenderAgentsPage()
    {
        var page = Render<Web.Components.Pages.Agents>();
        page.WaitForElement("[data-test=agent]");
        return page;
    }

    /// <summary>
    /// Moves <see cref="Clock"/> on by <paramref name="step"/> until <paramref name="assertion"/> holds on
    /// <paramref name="cut"/>: a change reaches a live page through its throttled redraw, which waits on the clock.
    /// </summary>
    protected void AdvanceUntil<TComponent>(IRenderedComponent<TComponent> cut, Action assertion, TimeSpan step)
        where TComponent : IComponent
    {
        for (var round = 0; ; round++)
        {
            try
            {
                cut.WaitForAssertion(assertion, TimeSpan.FromMilliseconds(250));
                return;
            }
            catch (WaitForFailedException) when (round < 40)
            {
                Clock.Advance(step);
            }
        }
    }

    /// <summary>Starts the app's background services (the recording collector, the agent catalog), stopped on dispose.</summary>
    protected async Task StartBackgroundServicesAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(Ct);
            _started.Add(service);
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
