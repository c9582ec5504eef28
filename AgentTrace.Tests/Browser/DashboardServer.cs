using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Browser;

/// <summary>
/// The whole app on a real loopback port (Kestrel), for a browser; keys as in <see cref="ApiFactory"/>. The app reads
/// its store through <see cref="Reader"/>, so a test can make the tenant feeds fail as an outage does.
/// </summary>
public sealed class DashboardServer : ApiFactory
{
    public DashboardServer()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    public string BaseUrl { get; }

    public ITraceStore Store => Services.GetRequiredService<ITraceStore>();

    public ObservedReader Reader => (ObservedReader)Services.GetRequiredService<ITraceReader>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseStaticWebAssets();
        builder.ConfigureServices(services => services.AddSingleton<ITraceReader>(sp => new ObservedReader(sp.GetRequiredService<ITraceStore>())));
    }
}
