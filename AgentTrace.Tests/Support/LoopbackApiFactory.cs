using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Support;

/// <summary>The app as <see cref="ApiFactory"/> sets it up, served by Kestrel on a free loopback port, for clients that speak real HTTP.</summary>
public class LoopbackApiFactory : ApiFactory
{
    public LoopbackApiFactory()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>Where the server listens, such as <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A client of the real server, on its own connection pool.</summary>
    public HttpClient RealClient() => new() { BaseAddress = new Uri(BaseUrl) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseUrls("http://127.0.0.1:0");
    }
}
