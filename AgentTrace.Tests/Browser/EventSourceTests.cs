using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Browser;

/// <summary>The trace stream as the browser's own <c>EventSource</c> reads it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventSourceTests(BrowserFixture browser)
{
    /// <summary>Opens an EventSource, and answers once the browser closed it for good, with what it saw.</summary>
    private const string ReadUntilClosed = """
        ([url, types]) => new Promise(resolve => {
          const source = new EventSource(url);
          const seen = { opens: 0, ids: [], done: 0 };
          source.onopen = () => seen.opens++;
          for (const type of types) {
            source.addEventListener(type, e => seen.ids.push(Number(e.lastEventId)));
          }
          source.addEventListener('done', () => seen.done++);
          source.onerror = () => { if (source.readyState === EventSource.CLOSED) resolve(seen); };
        })
        """;

    [Fact]
    public async Task FinishedTrace_ReadToTheEnd_BrowserStopsAfterOneReconnect()
    {
        var taskId = await browser.Server.Store.SaveAsync("t1", SampleRuns.Rag());
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Server.BaseUrl + "/healthz");

        var stored = (await browser.Server.Store.GetAsync("t1", taskId, TestContext.Current.CancellationToken))!;
        var events = (await browser.Server.Store.GetEventsAsync("t1", taskId, new EventQuery { Limit = 1000 }, TestContext.Current.CancellationToken))!;
        object[] arguments = [$"/api/v1/traces/{taskId}/stream?access_token={ApiFactory.T1Reader}", events.Events.Select(e => e.EventType.Name()).Distinct().ToArray()];

        var seen = await page.EvaluateAsync<JsonElement>(ReadUntilClosed, arguments).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(1, seen.GetProperty("opens").GetInt32());
        Assert.Equal(1, seen.GetProperty("done").GetInt32());
        Assert.Equal(stored.LastSeq, seen.GetProperty("ids").EnumerateArray().Last().GetInt64());
    }
}
