namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>Orders traces by creation time, then by arrival.</summary>
internal sealed class CreationOrder : IComparer<StoredTrace>
{
    public static CreationOrder Instance { get; } = new();

    public int Compare(StoredTrace? x, StoredTrace? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.CreatedAt.CompareTo(y.CreatedAt);
        return byTime != 0 ? byTime : x.Ordinal.CompareTo(y.Ordinal);
    }
}
