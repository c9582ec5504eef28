using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Storage;

/// <summary>
/// <see cref="AppendRule"/> is the one definition of the <c>seq</c> rules: the Redis append script and the in-memory
/// store must give the same verdict on every batch, and a batch the ingest plan accepts is one the rule takes whole.
/// </summary>
public sealed class AppendRuleTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const int Cases = 300;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, new long[] { 1, 2, 3 }, 0, 3, false)]
    [InlineData(3, new long[] { 2, 3, 4, 5 }, 2, 2, false)]
    [InlineData(3, new long[] { 4, 4 }, 0, 2, true)]
    [InlineData(3, new long[] { 5 }, 0, 1, true)]
    [InlineData(3, new long[] { 1, 4, 2, 5 }, 2, 2, false)]
    [InlineData(3, new long[] { 5, 4 }, 0, 2, true)]
    public void Check_Batch_CountsDuplicatesAndFindsGaps(long lastSeq, long[] seqs, int duplicates, int fresh, bool gap) =>
        Assert.Equal(new AppendCheck(duplicates, fresh, gap), AppendRule.Check(seqs, lastSeq));

    [Fact]
    public async Task EveryStore_RandomBatches_GiveTheRulesVerdict()
    {
        var random = new Random(20261202);
        var redisStore = redis.NewStore();
        for (var i = 0; i < Cases; i++)
        {
            var stored = random.Next(0, 6);
            var seqs = Enumerable.Range(0, random.Next(1, 7)).Select(_ => (long)random.Next(1, stored + 5)).ToArray();
            if (random.Next(2) == 0)
            {
                Array.Sort(seqs);
            }

            var check = AppendRule.Check(seqs, stored);
            var expected = check.IsGap
                ? new AppendResult(AppendOutcome.Gap, 0, check.Duplicates, 0, stored)
                : new AppendResult(AppendOutcome.Appended, check.Fresh, check.Duplicates, 0, stored + check.Fresh);
            var memoryStore = new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions()));

            Assert.Equal(expected, await AppendAsync(memoryStore, stored, seqs));
            Assert.Equal(expected, await AppendAsync(redisStore, stored, seqs));
        }
    }

    [Fact]
    public void IngestPlan_RandomClientBatches_AcceptsOnlyWhatTheRuleTakesWhole()
    {
        var random = new Random(1202);
        for (var i = 0; i < Cases * 10; i++)
        {
            var stored = random.Next(0, 6);
            var given = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(3) == 0 ? 0L : random.Next(1, stored + 5)).ToList();
            var plan = IngestPlan.Make([.. given.Select(seq => Events.Event(seq))], stored);
            var check = AppendRule.Check([.. plan.Fresh.Select(e => e.Seq)], stored);

            if (plan.Refusal is null)
            {
                Assert.Equal(new AppendCheck(0, plan.Fresh.Count, false), check);
                Assert.Equal(given.Count, plan.Fresh.Count + plan.Duplicates);
            }
            else
            {
                Assert.Empty(plan.Fresh);
            }
        }
    }

    private static async Task<AppendResult> AppendAsync(ITraceStore store, int stored, long[] seqs)
    {
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        if (stored > 0)
        {
            await store.AppendAsync(session.TenantId, session.TaskId, Events.Range(1, stored), Ct);
        }

        return await store.AppendAsync(session.TenantId, session.TaskId, [.. seqs.Select(seq => Events.Event(seq))], Ct);
    }
}
