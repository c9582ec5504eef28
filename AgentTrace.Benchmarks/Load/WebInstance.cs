using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// One AgentTrace server, built as the web app's Program builds it (with its dashboard when asked), listening on a free
/// loopback port, with its data in a temporary folder removed on dispose.
/// </summary>
internal sealed class WebInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private WebInstance(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebInstance> StartAsync(IReadOnlyDictionary<string, string?> settings, bool withDashboard = false)
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-bench-web-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "AgentTrace.Web", ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["AgentTrace:DataPath"] = folder });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAgentTraceDomain().AddAgentTraceWeb();
        if (withDashboard)
        {
            builder.WebHost.UseStaticWebAssets();
            builder.Services.AddAgentTraceDashboard();
        }

        var app = builder.Build();
        app.UseAgentTraceWeb();
        app.MapAgentTraceApi();
        if (withDashboard)
        {
            app.UseAgentTraceDashboard();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebInstance(app, folder, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
