using AgentTrace.Web.Contract;
using AgentTrace.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Support;

public static class HubClient
{
    /// <summary>A started connection to the trace hub (long polling through the test server), with the key when one is given.</summary>
    public static async Task<HubConnection> ConnectHubAsync(this WebApplicationFactory<Program> factory, string? key)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, TraceHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult(key);
            })
            .AddJsonProtocol(o => ApiJson.Use(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync(TestContext.Current.CancellationToken);
        return hub;
    }
}
