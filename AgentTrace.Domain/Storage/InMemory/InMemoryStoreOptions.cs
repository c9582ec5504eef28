namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>Bounds of the embedded store (<c>AgentTrace:Storage:InMemory</c>).</summary>
public sealed class InMemoryStoreOptions
{
    public const string Section = "AgentTrace:Storage:InMemory";

    /// <summary>Traces kept across all tenants; beyond it the oldest finished ones are evicted.</summary>
    public int MaxTraces { get; set; } = 10_000;

    /// <summary>Approximate memory for all events, in MiB; beyond it the oldest finished traces are evicted.</summary>
    public int MaxMegabytes { get; set; } = 512;

    public IEnumerable<string> Problems()
    {
        if (MaxTraces is < 1 or > 10_000_000)
        {
            yield return $"{Section}:MaxTraces must be between 1 and 10000000 (is {MaxTraces})";
        }

        if (MaxMegabytes is < 1 or > 1_048_576)
        {
            yield return $"{Section}:MaxMegabytes must be between 1 and 1048576 (is {MaxMegabytes})";
        }
    }
}
