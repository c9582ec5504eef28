using System.Diagnostics;
using AgentTrace.Benchmarks.Load;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentTrace.Benchmarks.Dashboard;

/// <summary>
/// <c>timeline</c>: in headless Debian Chromium, the time from navigating to a trace page until its timeline shows
/// rows, for traces of 100, 10,000 and 100,000 events side by side (after one unmeasured visit each). Prints Markdown.
/// </summary>
internal static class TimelineLoad
{
    private const string Chromium = "/usr/bin/chromium";
    private const int Rounds = 5;
    private static readonly int[] s_sizes = [100, 10_000, 100_000];

    public static async Task<int> RunAsync()
    {
        if (!File.Exists(Chromium))
        {
            Console.Error.WriteLine($"the timeline benchmark needs Chromium at {Chromium}: apt-get install -y chromium");
            return 2;
        }

        await using var app = await DashboardInstance.StartAsync();
        var store = app.Services.GetRequiredService<ITraceStore>();
        var traces = new List<(int Events, string TaskId)>();
        foreach (var size in s_sizes)
        {
            traces.Add((size, await LongRun.StoreAsync(store, DashboardInstance.Tenant, size)));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#key", DashboardInstance.Key);
        await page.ClickAsync("[data-test=login]");
        await page.Locator(".page[data-interactive]").WaitForAsync();

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()} at start");
        Console.WriteLine();
        Console.WriteLine("| events | spans | rows in the page | p50 ms | max ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var rounds = traces.ToDictionary(t => t.Events, _ => new List<double>());
        var rows = new Dictionary<int, int>();
        for (var round = 0; round <= Rounds; round++)
        {
            foreach (var (events, taskId) in traces)
            {
                var started = Stopwatch.GetTimestamp();
                await page.GotoAsync($"/traces/{taskId}");
                await page.Locator("[data-test=timeline-row]").First.WaitForAsync();
                var elapsed = Timing.Milliseconds(started, Stopwatch.GetTimestamp());
                if (round > 0)
                {
                    rounds[events].Add(elapsed);
                }

                rows[events] = await page.Locator("[data-test=timeline-row]").CountAsync();
            }
        }

        foreach (var (events, _) in traces)
        {
            var spans = 1 + ((events - 2) / 4 * 2);
            Console.WriteLine($"| {events:N0} | {spans:N0} | {rows[events]} | {Timing.Percentile(rounds[events], 50):N0} | {rounds[events].Max():N0} |");
        }

        return 0;
    }
}
