using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An officer steps a child up to social care; a team manager finds the referral on their list and records how it was
/// passed on (with a mistake on the way), in Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class SocialCareReferralJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AStepUpToSocialCare_IsPassedOnByAManager(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var manager = await server.CreateUserAsync(Roles.TeamManager, "Grace Manager");
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Omar Officer");
        Child child;
        using (var scope = server.Services.CreateScope())
        {
            child = await new TestData(scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>())
                .CreateChildAsync(firstName: "Dana", lastName: TestData.NewName(), tier: Tier.TargetedShortBreaks);
        }

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(page, server.BaseUrl + $"/staff/children/{child.Id}/move");
        await page.GetByLabel("Step up to social care").CheckAsync();
        await page.GetByLabel("Why").FillAsync("Needs now call for a social work assessment.");
        await browser.ClickAsync(page, "Record the move");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Step up to social care");

        page = await browser.NewPageAsync();
        await browser.SignInAsync(page, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(page, server.BaseUrl + "/staff");
        await browser.FollowAsync(page, "Referrals to social care");
        (await page.Locator("#waiting").InnerTextAsync()).ShouldContain(child.Reference);
        await browser.FollowAsync(page, page.Locator("#waiting a", new() { HasText = child.FullName }));
        await browser.ClickAsync(page, "Record it as passed on");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.GetByLabel("How was the referral passed on?").FillAsync("Secure email to the social care front door, reference SC-1001.");
        await browser.ClickAsync(page, "Record it as passed on");
        (await page.Locator("#done").InnerTextAsync()).ShouldStartWith("The referral is recorded as passed on");
        await browser.FollowAsync(page, "Back to referrals to social care");
        (await page.Locator("#passed-on").InnerTextAsync()).ShouldContain(child.Reference);
        browser.ShouldHaveNoAccessibilityViolations();

        using var check = server.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        (await db.Referrals.SingleAsync(r => r.ChildId == child.Id)).PassedOnHow.ShouldBe("Secure email to the social care front door, reference SC-1001.");
    }
}
