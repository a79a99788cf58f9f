using Microsoft.Playwright;

namespace ShortBreaks.EndToEndTests.Infrastructure;

/// <summary>What a person does in the browser, each step followed by the accessibility check of the page it leads to.</summary>
public static class PageSteps
{
    public static async Task SignInAsync(this Browser browser, IPage page, string baseUrl, string email, string password)
    {
        await browser.GoAsync(page, baseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await browser.ClickAsync(page, "Sign in");
        if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            // Staff: the code from the test authenticator app.
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(ShortBreaks.TestCommon.TestAccounts.CurrentCode());
            await browser.ClickAsync(page, "Continue");
        }
    }

    public static async Task GoAsync(this Browser browser, IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull();
        response.Status.ShouldBe(200, $"GET {url}");
        await browser.CheckAccessibilityAsync(page);
    }

    public static Task ContinueAsync(this Browser browser, IPage page) => browser.ClickAsync(page, "Save and continue");

    /// <summary>Clicks a button that submits a form, and waits for the page it leads to, not the one it was on.</summary>
    public static Task ClickAsync(this Browser browser, IPage page, string button) =>
        browser.ClickAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());

    /// <summary>Clicks something that loads a page, waits for that page, and checks it.</summary>
    public static Task ClickAsync(this Browser browser, IPage page, ILocator target) => browser.ClickAsync(page, () => target.ClickAsync());

    /// <summary>Follows a link, waits for the page and checks it.</summary>
    public static Task FollowAsync(this Browser browser, IPage page, ILocator link) => browser.ClickAsync(page, link);

    /// <summary>Follows the first link with exactly this name.</summary>
    public static Task FollowAsync(this Browser browser, IPage page, string link) =>
        browser.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First);

    /// <summary>Does something that loads a new page, waits for that page (not the one it was on), and checks it.</summary>
    public static async Task ClickAsync(this Browser browser, IPage page, Func<Task> click)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await click();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            page.Load -= OnLoad;
        }

        await browser.CheckAccessibilityAsync(page);
    }
}
