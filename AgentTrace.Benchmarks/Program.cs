using AgentTrace.Benchmarks.Dashboard;
using AgentTrace.Benchmarks.Load;
using BenchmarkDotNet.Running;

if (args is ["timeline"])
{
    return await TimelineLoad.RunAsync();
}

if (args is ["load", .. var loads])
{
    return await LoadCommand.RunAsync(loads);
}

BenchmarkSwitcher.FromAssembly(typeof(AgentTrace.Benchmarks.RecordingBenchmarks).Assembly).Run(args);
return 0;
