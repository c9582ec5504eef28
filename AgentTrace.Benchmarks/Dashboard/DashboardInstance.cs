using AgentTrace.Benchmarks.Load;

namespace AgentTrace.Benchmarks.Dashboard;

/// <summary>The whole app with its dashboard on a free loopback port, with one admin key and room for huge traces.</summary>
internal static class DashboardInstance
{
    public const string Key = "bench-admin-key-0123456789";
    public const string Tenant = "bench";

    public static Task<WebInstance> StartAsync() => WebInstance.StartAsync(new Dictionary<string, string?>
    {
        ["AgentTrace:Storage:MaxEventsPerTrace"] = "200000",
        ["AgentTrace:Auth:Keys:0:Key"] = Key,
        ["AgentTrace:Auth:Keys:0:Tenant"] = Tenant,
        ["AgentTrace:Auth:Keys:0:Role"] = "admin",
    }, withDashboard: true);
}
