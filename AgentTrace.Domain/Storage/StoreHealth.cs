namespace AgentTrace.Domain.Storage;

/// <summary>Whether a store can be used right now; <paramref name="Description"/> says what was found.</summary>
public sealed record StoreHealth(bool IsReady, string Description);
