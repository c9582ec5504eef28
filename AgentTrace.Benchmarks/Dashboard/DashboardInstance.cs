using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Benchmarks.Dashboard;

/// <summary>The whole app with its dashboard, built as Program builds it, on a free loopback port, with one admin key.</summary>
internal sealed class DashboardInstance : IAsyncDisposable
{
    public const string Key = "bench-admin-key-0123456789";
    public const string Tenant = "bench";

    private readonly WebApplication _app;
    private readonly string _folder;

    private DashboardInstance(WebApplication app, string folder, string address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    public string Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardInstance> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("agenttrace-bench-dashboard-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "AgentTrace.Web", ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentTrace:DataPath"] = folder,
            ["AgentTrace:Storage:InMemory:MaxEventsPerTrace"] = "200000",
            ["AgentTrace:Auth:Keys:0:Key"] = Key,
            ["AgentTrace:Auth:Keys:0:Tenant"] = Tenant,
            ["AgentTrace:Auth:Keys:0:Role"] = "admin",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddAgentTraceDomain().AddAgentTraceWeb().AddAgentTraceDashboard();
        var app = builder.Build();
        app.UseAgentTraceWeb();
        app.MapAgentTraceApi();
        app.UseAgentTraceDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DashboardInstance(app, folder, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
