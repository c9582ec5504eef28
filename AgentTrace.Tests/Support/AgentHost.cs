using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentTrace.Tests.Support;

/// <summary>The domain services as the app wires them (demo agents loaded, collector running), for runner tests.</summary>
public sealed class AgentHost : IAsyncDisposable
{
    public const string Tenant = "t1";

    private readonly IHost _host;

    private AgentHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public AgentRunner Runner => Services.GetRequiredService<AgentRunner>();

    public AgentCatalog Catalog => Services.GetRequiredService<AgentCatalog>();

    public ITraceReader Store => Services.GetRequiredService<ITraceReader>();

    public static async Task<AgentHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddAgentTraceDomain();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new AgentHost(host);
    }

    public async Task<AgentDefinition> AgentAsync(string id) => await Catalog.GetAsync(Tenant, id) ?? throw new InvalidOperationException($"no agent {id}");

    /// <summary>Starts a run and waits for its end; returns the result and the stored trace and events.</summary>
    public async Task<(AgentRunResult Result, TraceSession Trace, IReadOnlyList<TraceEvent> Events)> RunAsync(
        string agentId, string question, TraceLevel level = TraceLevel.Detailed, string? sessionId = null, bool streamLlm = true)
    {
        var run = await StartAsync(agentId, question, level, sessionId, streamLlm);
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var (trace, events) = await ReadAsync(run.TaskId);
        return (result, trace, events);
    }

    public async Task<AgentRun> StartAsync(string agentId, string question, TraceLevel level = TraceLevel.Detailed, string? sessionId = null, bool streamLlm = true) =>
        await Runner.StartAsync(await AgentAsync(agentId), new AgentRunRequest
        {
            TenantId = Tenant,
            Question = question,
            SessionId = sessionId,
            TraceLevel = level,
            StreamLlm = streamLlm,
        }, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("the runner refused the run");

    public async Task<(TraceSession Trace, IReadOnlyList<TraceEvent> Events)> ReadAsync(string taskId)
    {
        var ct = TestContext.Current.CancellationToken;
        var trace = await Store.GetAsync(Tenant, taskId, ct) ?? throw new InvalidOperationException($"trace {taskId} is not stored");
        var page = await Store.GetEventsAsync(Tenant, taskId, new EventQuery { Limit = Paging.MaxEventLimit }, ct);
        return (trace, page!.Events);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
