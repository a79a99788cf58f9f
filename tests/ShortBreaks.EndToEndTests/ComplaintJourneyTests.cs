using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A complaint through stages 1 and 2: made by a family from their account, given to a handler who extends it (past the
/// latest day first, refused) and answers it; the family reads the letter and asks for stage 2, which a manager gives to
/// someone else, who answers it; in Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class ComplaintJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AComplaintThroughStagesOneAndTwo_WithAnExtension(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var manager = await server.CreateUserAsync(Roles.TeamManager, "Mina Manager");
        var first = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Hana Handler");
        var second = await server.CreateUserAsync(Roles.ReviewingOfficer, "Ines Investigator");
        var parent = await server.CreateUserAsync(Roles.Family, "Parent Complaint");
        var childId = await Families.LinkChildAsync(server, parent.Email, TestData.NewName());
        var days = server.Services.GetRequiredService<WorkingDays>();
        var today = UkCalendar.DateOf(DateTime.UtcNow);

        // The family complains from their phone, forgetting to say what happened at first.
        var family = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(family, server.BaseUrl, parent.Email, parent.Password);
        await browser.GoAsync(family, server.BaseUrl + $"/account/children/{childId}/complaints/new");
        await family.Locator("[name='Kind'][value='Complaint']").CheckAsync();
        await family.Locator("[name='Subject'][value='Service']").CheckAsync();
        await family.Locator("[name='MadeBy'][value='ParentCarer']").CheckAsync();
        await browser.ClickAsync(family, family.Locator("main form button"));
        (await family.TitleAsync()).ShouldStartWith("Error: ");
        await family.Locator("[name='Summary']").FillAsync("Nobody rang back about the sitter for three weeks.");
        await browser.ClickAsync(family, family.Locator("main form button"));
        (await family.Locator("#due").InnerTextAsync()).ShouldContain(ComplaintRules.Day(days.Add(today, 10)));
        var complaintUrl = family.Url;

        // A manager gives stage 1 to a handler.
        var managerPage = await browser.NewPageAsync();
        await browser.SignInAsync(managerPage, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(managerPage, server.BaseUrl + "/staff/complaints");
        await browser.FollowAsync(managerPage, managerPage.Locator("#complaints a").First);
        var caseUrl = managerPage.Url;
        await managerPage.Locator("#assign-form select[name='OwnerUserId']").SelectOptionAsync(first.Id);
        await browser.ClickAsync(managerPage, managerPage.Locator("#assign-form button"));

        // The handler extends it, past the latest day first, then answers it.
        var handler = await browser.NewPageAsync();
        await browser.SignInAsync(handler, server.BaseUrl, first.Email, first.Password);
        await browser.GoAsync(handler, caseUrl);
        var latest = days.Add(today, 20);
        await FillDateAsync(handler, "ExtendTo", latest.AddDays(1));
        await handler.Locator("[name='ExtensionReason']").FillAsync("Waiting for the provider's records.");
        await browser.ClickAsync(handler, handler.Locator("#extend-form button"));
        (await handler.TitleAsync()).ShouldStartWith("Error: ");
        await FillDateAsync(handler, "ExtendTo", latest);
        await browser.ClickAsync(handler, handler.Locator("#extend-form button"));
        (await handler.Locator(".app-extension").InnerTextAsync()).ShouldContain("Waiting for the provider's records.");
        await handler.Locator("#respond-form [name='Outcome'][value='PartlyUpheld']").CheckAsync();
        await handler.Locator("#respond-form [name='Reasons']").FillAsync("We should have rung back within two days. We are sorry.");
        await browser.ClickAsync(handler, handler.Locator("#respond-form button"));

        // The family reads the answer and asks for stage 2.
        await browser.GoAsync(family, complaintUrl);
        await browser.FollowAsync(family, family.GetByRole(AriaRole.Link, new() { Name = "Read our letter" }).First);
        (await family.Locator("main").InnerTextAsync()).ShouldContain("We should have rung back within two days.");
        await browser.GoAsync(family, complaintUrl);
        await browser.ClickAsync(family, family.Locator("main form button"));
        (await family.Locator("#due").InnerTextAsync()).ShouldContain(ComplaintRules.Day(days.Add(today, 25)));

        // A manager gives stage 2 to someone who did not handle stage 1, who answers it.
        await browser.GoAsync(managerPage, caseUrl);
        await managerPage.Locator("#assign-form select[name='OwnerUserId']").SelectOptionAsync(second.Id);
        await browser.ClickAsync(managerPage, managerPage.Locator("#assign-form button"));
        var investigator = await browser.NewPageAsync();
        await browser.SignInAsync(investigator, server.BaseUrl, second.Email, second.Password);
        await browser.GoAsync(investigator, caseUrl);
        await investigator.Locator("#respond-form [name='Outcome'][value='Upheld']").CheckAsync();
        await investigator.Locator("#respond-form [name='Reasons']").FillAsync("The investigation found three missed calls; calls are now logged.");
        await browser.ClickAsync(investigator, investigator.Locator("#respond-form button"));

        await browser.GoAsync(family, complaintUrl);
        (await family.Locator("main").InnerTextAsync()).ShouldContain("Read our letter");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.Extensions).SingleAsync(c => c.ChildId == childId);
        complaint.Stages.Count.ShouldBe(2);
        complaint.Stages.Single(s => s.Extensions.Count == 1).Extensions.Single().Reason.ShouldBe("Waiting for the provider's records.");
        complaint.Stages.ShouldAllBe(s => s.RespondedOn != null);
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly day)
    {
        await page.Locator($"[name='{name}-day']").FillAsync(day.Day.ToString());
        await page.Locator($"[name='{name}-month']").FillAsync(day.Month.ToString());
        await page.Locator($"[name='{name}-year']").FillAsync(day.Year.ToString());
    }
}
