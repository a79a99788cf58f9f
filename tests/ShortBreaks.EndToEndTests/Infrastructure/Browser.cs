using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), with an axe-core check of every page.</summary>
public sealed class Browser : IAsyncDisposable
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Every page checked, with the violations found (empty when clean).</summary>
    public List<(string Url, string Violations)> Checked { get; } = [];

    public static async Task<Browser> LaunchAsync()
    {
        var executable = ChromiumBrowser.RequireExecutablePath();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A new person at a phone-sized or laptop-sized screen.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // Generous: in the full suite the browser shares 2 cores with the other test projects running at once.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs axe-core on the page as it is now, for WCAG 2.2 A and AA, and records what it found.</summary>
    public async Task CheckAccessibilityAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        var violations = string.Join("\n", result.Violations.Select(v =>
            $"  {v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
        Checked.Add((page.Url, violations));
    }

    /// <summary>Fails with every violation on every page checked, so one run shows them all.</summary>
    public void ShouldHaveNoAccessibilityViolations()
    {
        Checked.ShouldNotBeEmpty();
        var failures = Checked.Where(c => c.Violations.Length > 0).Select(c => $"{c.Url}\n{c.Violations}").ToList();
        failures.ShouldBeEmpty("axe-core found WCAG 2.2 A/AA violations:\n" + string.Join("\n", failures));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
