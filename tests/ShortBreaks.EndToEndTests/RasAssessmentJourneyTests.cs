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
    public async Task FamilyFillsInPart_OfficerCompletesAndOverrides_FamilyReadsTheBudget(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var parentLogin = await server.CreateUserAsync(Roles.Family, "Jess Journey");
        var childId = await Families.LinkChildAsync(server, parentLogin.Email, "Journey", ageYears: 8);

        // The parent, on a phone: two of the ten domains answered, then sent to the officer.
        var parent = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(parent, server.BaseUrl, parentLogin.Email, parentLogin.Password);
        await browser.GoAsync(parent, server.BaseUrl + "/account");
        await browser.FollowAsync(parent, "Fill in the questions about Maya before you meet your officer");
        await browser.ClickAsync(parent, "Start the questions");
        await browser.FollowAsync(parent, "Personal care");
        (await parent.Locator("h1").InnerTextAsync()).ShouldBe("How much help does Maya need with personal care?");
        await browser.ClickAsync(parent, "Save and continue");
        (await parent.TitleAsync()).ShouldStartWith("Error: ");
        await Families.AnswerEveryQuestionAsync(parent, option: 0);
        await browser.ClickAsync(parent, "Save and continue");
        (await parent.Locator("h1").InnerTextAsync()).ShouldBe("How much help does Maya need with mobility?");
        await Families.AnswerEveryQuestionAsync(parent, option: 2);
        await browser.ClickAsync(parent, "Save and come back later");
        (await parent.Locator("#saved").InnerTextAsync()).ShouldContain("Your answers have been saved");
        await browser.FollowAsync(parent, "Send your answers to your officer");
        await browser.ClickAsync(parent, "Send to your officer");
        (await parent.Locator("#sent").InnerTextAsync()).ShouldContain("Your answers have been sent to your officer.");

        // The officer, on a laptop: the record shows the family's answers; the rest are filled in and completed.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, $"{server.BaseUrl}/staff/children/{childId}");
        (await staff.Locator("#ras-assessments").InnerTextAsync()).ShouldContain("Filled in by the family on");
        await staff.Locator("#ras-assessments a").First.ClickAsync();
        await staff.WaitForURLAsync(new Regex("/ras/[0-9a-f-]+$"));
        await browser.CheckAccessibilityAsync(staff);
        (await staff.Locator("#family-finished").InnerTextAsync()).ShouldStartWith("Filled in by the family on");
        (await staff.Locator("#status-personal-care").InnerTextAsync()).ShouldBe("Completed");
        await browser.FollowAsync(staff, "Communication");
        for (var domain = 0; domain < 8; domain++)
        {
            await Families.AnswerEveryQuestionAsync(staff, option: 2);
            await browser.ClickAsync(staff, "Save and continue");
        }

        (await staff.Locator("h1").InnerTextAsync()).ShouldBe("Support already around the child");
        await browser.ClickAsync(staff, "Save and come back later");
        await browser.FollowAsync(staff, "Check answers and work out the indicative budget");
        await browser.ClickAsync(staff, "Complete and work out the indicative budget");
        await staff.WaitForURLAsync(new Regex("/result$"));
        // Personal care at 0 points; the other nine domains at 1 point a question: 36 points, Flexible Short Breaks.
        (await staff.Locator("#indicative").InnerTextAsync()).ShouldBe("Indicative budget: £750 a year.");
        (await staff.Locator("#working").InnerTextAsync()).ShouldContain("In all, the answers come to 36 points.");
        await browser.FollowAsync(staff, "Record a different amount, with the reason and who agreed it");
        await browser.ClickAsync(staff, "Record the amount");
        (await staff.TitleAsync()).ShouldStartWith("Error: ");
        await staff.GetByLabel("Amount a year, in pounds").FillAsync("1100");
        await staff.GetByLabel("Why the amount differs from the indicative budget").FillAsync("Maya needs two people with her on trips out.");
        await staff.GetByLabel("Who agreed it").FillAsync("Team manager, 3 March");
        await browser.ClickAsync(staff, "Record the amount");
        (await staff.Locator("#override-amount").InnerTextAsync()).ShouldBe("£1,100");
        (await staff.Locator("#indicative").InnerTextAsync()).ShouldBe("Indicative budget: £750 a year.");

        // The parent reads the result in plain English.
        await browser.GoAsync(parent, server.BaseUrl + "/account");
        await browser.FollowAsync(parent, "See Maya's indicative budget and how it was worked out");
        (await parent.Locator("#indicative").InnerTextAsync()).ShouldBe("The questions give an indicative budget of £750 a year.");
        (await parent.Locator("#override-reason").InnerTextAsync()).ShouldBe("Maya needs two people with her on trips out.");
        (await parent.Locator("#working").InnerTextAsync()).ShouldContain("Mobility, Moving around the home: needs a little extra help, 1 point.");

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
