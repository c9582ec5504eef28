namespace AgentTrace.Domain.Storage;

/// <summary>A job that keeps stored traces tidy, run every minute by the server; it logs what it did.</summary>
public interface IStoreMaintenance
{
    /// <summary>What the job does, for the log line when it fails.</summary>
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken = default);
}
