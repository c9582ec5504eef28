using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Browser;

/// <summary>
/// The whole app on a real loopback port (Kestrel), for a browser; keys as in <see cref="ApiFactory"/>. The app reads
/// its store through <see cref="Reader"/>, so a test can make the tenant feeds fail as an outage does.
/// </summary>
public sealed class DashboardServer : LoopbackApiFactory
{
    public ITraceStore Store => Services.GetRequiredService<ITraceStore>();

    public ObservedReader Reader => (ObservedReader)Services.GetRequiredService<ITraceReader>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
        builder.ConfigureServices(services => services.AddSingleton<ITraceReader>(sp => new ObservedReader(sp.GetRequiredService<ITraceStore>())));
    }
}
