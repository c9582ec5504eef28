namespace AgentTrace.Domain.Storage;

/// <summary>A trace store: both sides. Implementations pass the shared store contract test suite.</summary>
public interface ITraceStore : ITraceReader, ITraceWriter;
