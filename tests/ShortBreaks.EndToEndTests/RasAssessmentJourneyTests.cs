using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A parent fills in part of the RAS questions on a phone and sends them; the officer completes the rest on a
/// laptop, works out the indicative budget and records an agreed different amount; the parent reads the result.
/// axe-core checks every page visited for WCAG 2.2 A and AA.
/// </summary>
public sealed class RasAssessmentJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Family_fills_in_part_Officer_completes_and_overrides_Family_reads_the_budget(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var parentLogin = await server.CreateUserAsync(Roles.Family, "Jess Journey");
        var childId = await Families.LinkChildAsync(server, parentLogin.Email, "Journey", ageYears: 8);

        // The parent, on a phone: two of the ten domains answered, then sent to the officer.
        var parent = await browser.NewPageAsync(phone: true);
        await SignInAsync(browser, parent, server.BaseUrl, parentLogin.Email, parentLogin.Password);
        await GoAsync(browser, parent, server.BaseUrl + "/account");
        await FollowAsync(browser, parent, "Fill in the questions about Maya before you meet your officer");
        await ClickAsync(browser, parent, "Start the questions");
        await FollowAsync(browser, parent, "Personal care");
        (await parent.Locator("h1").InnerTextAsync()).ShouldBe("How much help does Maya need with personal care?");
        await ClickAsync(browser, parent, "Save and continue");
        (await parent.TitleAsync()).ShouldStartWith("Error: ");
        await Families.AnswerEveryQuestionAsync(parent, option: 0);
        await ClickAsync(browser, parent, "Save and continue");
        (await parent.Locator("h1").InnerTextAsync()).ShouldBe("How much help does Maya need with mobility?");
        await Families.AnswerEveryQuestionAsync(parent, option: 2);
        await ClickAsync(browser, parent, "Save and come back later");
        (await parent.Locator("#saved").InnerTextAsync()).ShouldContain("Your answers have been saved");
        await FollowAsync(browser, parent, "Send your answers to your officer");
        await ClickAsync(browser, parent, "Send to your officer");
        (await parent.Locator("#sent").InnerTextAsync()).ShouldContain("Your answers have been sent to your officer.");

        // The officer, on a laptop: the record shows the family's answers; the rest are filled in and completed.
        var staff = await browser.NewPageAsync();
        await SignInAsync(browser, staff, server.BaseUrl, officer.Email, officer.Password);
        await GoAsync(browser, staff, $"{server.BaseUrl}/staff/children/{childId}");
        (await staff.Locator("#ras-assessments").InnerTextAsync()).ShouldContain("Filled in by the family on");
        await staff.Locator("#ras-assessments a").First.ClickAsync();
        await staff.WaitForURLAsync(new Regex("/ras/[0-9a-f-]+$"));
        await CheckAsync(browser, staff);
        (await staff.Locator("#family-finished").InnerTextAsync()).ShouldStartWith("Filled in by the family on");
        (await staff.Locator("#status-personal-care").InnerTextAsync()).ShouldBe("Completed");
        await FollowAsync(browser, staff, "Communication");
        for (var domain = 0; domain < 8; domain++)
        {
            await Families.AnswerEveryQuestionAsync(staff, option: 2);
            await ClickAsync(browser, staff, "Save and continue");
        }

        (await staff.Locator("h1").InnerTextAsync()).ShouldBe("Support already around the child");
        await ClickAsync(browser, staff, "Save and come back later");
        await FollowAsync(browser, staff, "Check answers and work out the indicative budget");
        await ClickAsync(browser, staff, "Complete and work out the indicative budget");
        await staff.WaitForURLAsync(new Regex("/result$"));
        // Personal care at 0 points; the other nine domains at 1 point a question: 36 points, Flexible Short Breaks.
        (await staff.Locator("#indicative").InnerTextAsync()).ShouldBe("Indicative budget: £750 a year.");
        (await staff.Locator("#working").InnerTextAsync()).ShouldContain("In all, the answers come to 36 points.");
        await FollowAsync(browser, staff, "Record a different amount, with the reason and who agreed it");
        await ClickAsync(browser, staff, "Record the amount");
        (await staff.TitleAsync()).ShouldStartWith("Error: ");
        await staff.GetByLabel("Amount a year, in pounds").FillAsync("1100");
        await staff.GetByLabel("Why the amount differs from the indicative budget").FillAsync("Maya needs two people with her on trips out.");
        await staff.GetByLabel("Who agreed it").FillAsync("Team manager, 3 March");
        await ClickAsync(browser, staff, "Record the amount");
        (await staff.Locator("#override-amount").InnerTextAsync()).ShouldBe("£1,100");
        (await staff.Locator("#indicative").InnerTextAsync()).ShouldBe("Indicative budget: £750 a year.");

        // The parent reads the result in plain English.
        await GoAsync(browser, parent, server.BaseUrl + "/account");
        await FollowAsync(browser, parent, "See Maya's indicative budget and how it was worked out");
        (await parent.Locator("#indicative").InnerTextAsync()).ShouldBe("The questions give an indicative budget of £750 a year.");
        (await parent.Locator("#override-reason").InnerTextAsync()).ShouldBe("Maya needs two people with her on trips out.");
        (await parent.Locator("#working").InnerTextAsync()).ShouldContain("Mobility, Moving around the home: needs a little extra help, 1 point.");

        browser.ShouldHaveNoAccessibilityViolations();
    }



    private static async Task SignInAsync(Browser browser, IPage page, string baseUrl, string email, string password)
    {
        await GoAsync(browser, page, baseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await ClickAsync(browser, page, "Sign in");
    }

    private static async Task GoAsync(Browser browser, IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull();
        response.Status.ShouldBe(200, $"GET {url}");
        await browser.CheckAccessibilityAsync(page);
    }

    private static Task ClickAsync(Browser browser, IPage page, string button) =>
        LoadAfterAsync(browser, page, () => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());

    private static Task FollowAsync(Browser browser, IPage page, string link) =>
        LoadAfterAsync(browser, page, () => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.ClickAsync());

    // Wait for the page the click leads to, not the one it was on, then check it.
    private static async Task LoadAfterAsync(Browser browser, IPage page, Func<Task> click)
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

    private static Task CheckAsync(Browser browser, IPage page) => browser.CheckAccessibilityAsync(page);
}
