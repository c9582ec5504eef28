namespace AgentTrace.Domain.Storage;

/// <summary>
/// The one definition of how a batch continues a trace's <c>seq</c> numbering in a store: events at or below the
/// stored <c>last_seq</c> are duplicates and skipped; the rest must be <c>last_seq + 1</c>, <c>+ 2</c>, … in order,
/// else the batch is a gap and nothing is stored. The in-memory store applies it; the Redis append script and the
/// ingest plan are tested against it.
/// </summary>
public static class AppendRule
{
    public static AppendCheck Check(IReadOnlyList<long> seqs, long lastSeq)
    {
        var duplicates = 0;
        var fresh = 0;
        var gap = false;
        foreach (var seq in seqs)
        {
            if (seq <= lastSeq)
            {
                duplicates++;
            }
            else
            {
                gap |= seq != lastSeq + 1 + fresh;
                fresh++;
            }
        }

        return new AppendCheck(duplicates, fresh, gap);
    }
}

/// <summary>What <see cref="AppendRule"/> says of a batch: how many events are duplicates, how many new, and whether the new ones leave a gap.</summary>
public readonly record struct AppendCheck(int Duplicates, int Fresh, bool IsGap);
