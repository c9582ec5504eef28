namespace AgentTrace.Domain.Storage;

/// <summary>The bounds of paging parameters (DESIGN §6).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int DefaultEventLimit = 100;
    public const int MaxEventLimit = 1000;

    /// <summary>The highest page number accepted, so that page × size stays far from overflow.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The highest event offset accepted.</summary>
    public const int MaxOffset = 10_000_000;
}
