using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A family renews Flexible Short Breaks: the renewal email arrives, the family opens its link, confirms each of last
/// year's answers (leaving one out first, refused), and the officer approves it from the renewal queue; in Chromium with
/// axe-core checking every page visited (errors included).
/// </summary>
public sealed class RenewalJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task FamilyRenews_AndTheOfficerApprovesFromTheQueue(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var parent = await server.CreateUserAsync(Roles.Family, "Jess Journey");
        var childId = await Families.LinkChildAsync(server, parent.Email, "Renewal");

        // The renewal job, as a node runs it, with the window wide enough to be open today.
        using (var scope = server.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var schemes = services.GetRequiredService<SchemeCatalog>();
            var open = new SchemeCatalog(schemes.Versions.Select(s => s with
            {
                Providers = s.ProviderRules with { Renewal = s.ProviderRules.Renewal with { InviteWeeksBeforeYearEnd = 26 } },
            }));
            var renewals = new RenewalService(services.GetRequiredService<ShortBreaksDbContext>(), open, services.GetRequiredService<EmailSender>(),
                services.GetRequiredService<ILogger<RenewalService>>());
            (await renewals.RunAsync("journey-node", TimeSpan.FromMinutes(1))).ShouldBeGreaterThanOrEqualTo(1);
        }

        // The family opens the link in the email, signs in, and confirms each answer.
        var family = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(family, server.BaseUrl, parent.Email, parent.Password);
        await browser.GoAsync(family, server.BaseUrl + "/account");
        (await family.Locator("#renewals").InnerTextAsync()).ShouldContain("Renew Maya's Flexible Short Breaks for next year");
        await browser.GoAsync(family, server.BaseUrl + TestMail.LatestLink(server.MailFolder, parent.Email, $"/account/renewal/{childId}"));
        (await family.Locator("#last-address").InnerTextAsync()).ShouldContain("12 Example Road");
        var questions = family.GetByRole(AriaRole.Group, new() { Name = "Is this still right?" });
        var count = await questions.CountAsync();
        count.ShouldBeGreaterThan(1);
        for (var i = 0; i < count - 1; i++) await questions.Nth(i).GetByLabel("Yes, it has not changed").CheckAsync();
        await browser.ClickAsync(family, "Send the renewal");
        (await family.TitleAsync()).ShouldStartWith("Error: ");
        (await family.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Say whether this is still right");
        await questions.Nth(count - 1).GetByLabel("Yes, it has not changed").CheckAsync();
        await browser.ClickAsync(family, "Send the renewal");
        (await family.Locator("#status").InnerTextAsync()).ShouldBe("Sent: waiting for the officer");

        // The officer approves it from the queue.
        var desk = await browser.NewPageAsync();
        await browser.SignInAsync(desk, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(desk, server.BaseUrl + "/staff");
        await browser.FollowAsync(desk, "Renewals of Flexible Short Breaks");
        await browser.FollowAsync(desk, desk.GetByRole(AriaRole.Link, new() { Name = "Maya Renewal" }));
        await desk.GetByLabel("Approve: Flexible Short Breaks carry on for the year").CheckAsync();
        await browser.ClickAsync(desk, "Record the decision");
        (await desk.Locator("#done").InnerTextAsync()).ShouldBe("The renewal is approved. The family is told.");

        await browser.GoAsync(family, server.BaseUrl + $"/account/renewal/{childId}");
        (await family.Locator("#outcome").InnerTextAsync()).ShouldContain("are renewed");
        browser.ShouldHaveNoAccessibilityViolations();

        using var check = server.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var renewal = await db.FsbRenewals.AsNoTracking().SingleAsync(r => r.ChildId == childId);
        (renewal.Status, renewal.AnyChanged, renewal.DecidedByName).ShouldBe((RenewalStatus.Approved, false, "Amira Officer"));
        TestMail.To(server.MailFolder, parent.Email).Select(m => m.Subject).ShouldContain("Maya's Flexible Short Breaks are renewed");
    }
}
