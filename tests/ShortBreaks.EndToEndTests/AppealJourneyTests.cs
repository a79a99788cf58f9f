using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An appeal of an eligibility decision: made by the family from their account, refused when given to the manager who
/// made the decision, heard and upheld by another manager, and read by the family as a letter; in Chromium with
/// axe-core checking every page visited (errors included).
/// </summary>
public sealed class AppealJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AnAppealOfADecision_IsHeardByAManagerWhoDidNotMakeIt(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var decider = await server.CreateUserAsync(Roles.TeamManager, "Dana Decider");
        var hearer = await server.CreateUserAsync(Roles.TeamManager, "Hugo Hearer");
        var parent = await server.CreateUserAsync(Roles.Family, "Parent Appeal");
        var childId = await Families.LinkChildAsync(server, parent.Email, TestData.NewName(), Tier.None);
        await DecidedAsync(server, childId, decider.Id, decider.Name);

        var family = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(family, server.BaseUrl, parent.Email, parent.Password);
        await browser.GoAsync(family, server.BaseUrl + $"/account/children/{childId}/complaints/new");
        await family.Locator("[name='Kind'][value='Appeal']").CheckAsync();
        await family.Locator("[name='MadeBy'][value='ParentCarer']").CheckAsync();
        await family.Locator("[name='Summary']").FillAsync("Maya wakes five times a night; the decision missed the school nurse's letter.");
        await browser.ClickAsync(family, family.Locator("main form button"));
        (await family.TitleAsync()).ShouldStartWith("Error: ");
        await family.Locator("select[name='Decision']").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await browser.ClickAsync(family, family.Locator("main form button"));
        var appealUrl = family.Url;
        (await family.Locator("#due").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();

        // The manager who made the decision may not hear it; another manager does.
        var deciderPage = await browser.NewPageAsync();
        await browser.SignInAsync(deciderPage, server.BaseUrl, decider.Email, decider.Password);
        await browser.GoAsync(deciderPage, server.BaseUrl + "/staff/complaints");
        await browser.FollowAsync(deciderPage, deciderPage.Locator("#complaints a").First);
        var caseUrl = deciderPage.Url;
        // The decider is either not offered to hear it, or refused when chosen.
        var options = await deciderPage.Locator("#assign-form select[name='OwnerUserId'] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        if (options.Contains(decider.Id))
        {
            await deciderPage.Locator("#assign-form select[name='OwnerUserId']").SelectOptionAsync(decider.Id);
            await browser.ClickAsync(deciderPage, deciderPage.Locator("#assign-form button"));
            (await deciderPage.TitleAsync()).ShouldStartWith("Error: ");
            (await deciderPage.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("did not make the decision");
        }

        await deciderPage.Locator("#assign-form select[name='OwnerUserId']").SelectOptionAsync(hearer.Id);
        await browser.ClickAsync(deciderPage, deciderPage.Locator("#assign-form button"));
        // Only the manager hearing it decides it: the one who made the decision is refused.
        await browser.GoAsync(deciderPage, caseUrl);
        await deciderPage.Locator("#respond-form [name='Outcome'][value='NotUpheld']").CheckAsync();
        await deciderPage.Locator("#respond-form [name='Reasons']").FillAsync("I stand by my decision.");
        await browser.ClickAsync(deciderPage, deciderPage.Locator("#respond-form button"));
        (await deciderPage.TitleAsync()).ShouldStartWith("Error: ");

        var hearerPage = await browser.NewPageAsync();
        await browser.SignInAsync(hearerPage, server.BaseUrl, hearer.Email, hearer.Password);
        await browser.GoAsync(hearerPage, caseUrl);
        await hearerPage.Locator("#respond-form [name='Outcome'][value='Upheld']").CheckAsync();
        await hearerPage.Locator("#respond-form [name='Reasons']").FillAsync("The school nurse's letter shows the threshold is met.");
        await browser.ClickAsync(hearerPage, hearerPage.Locator("#respond-form button"));

        await browser.GoAsync(family, appealUrl);
        await browser.FollowAsync(family, family.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Read our letter" }).First);
        (await family.Locator("main").InnerTextAsync()).ShouldContain("The school nurse's letter shows the threshold is met.");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var appeal = await db.Complaints.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.ChildId == childId);
        (appeal.Kind, appeal.Outcome, appeal.Stages.Single().OwnerUserId).ShouldBe((ComplaintKind.Appeal, (ComplaintOutcome?)ComplaintOutcome.Upheld, hearer.Id));
    }

    /// <summary>A request for the child, decided (signposted to universal services) by the manager.</summary>
    private static async Task DecidedAsync(LiveServer server, Guid childId, string deciderId, string deciderName)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var child = await db.Children.SingleAsync(c => c.Id == childId);
        var request = await new TestData(db).CreateSubmittedRequestAsync(child);
        db.Decisions.Add(new RequestDecision
        {
            RequestId = request.Id, ChildId = childId, Outcome = DecisionOutcome.Universal, Reasons = "Below the threshold",
            DecidedAt = DateTime.UtcNow, DecidedByUserId = deciderId, DecidedByName = deciderName, SchemeVersion = TestData.SchemeVersion,
        });
        await db.SaveChangesAsync();
    }
}
