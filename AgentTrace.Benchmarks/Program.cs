using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AgentTrace.Benchmarks.RecordingBenchmarks).Assembly).Run(args);
