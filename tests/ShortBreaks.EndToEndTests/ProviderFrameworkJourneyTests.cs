using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An organisation registers to join the provider framework, sets up its authenticator, fills in its application and
/// sends it; a commissioning officer approves it. In Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class ProviderFrameworkJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AProviderRegistersAndApplies_AndCommissioningApprovesIt(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.CommissioningOfficer, "Chris Commissioner");
        var page = await browser.NewPageAsync();
        var email = $"founder-{Guid.NewGuid():N}@provider.example";
        const string password = "a long provider password";

        await browser.GoAsync(page, server.BaseUrl + "/");
        await browser.FollowAsync(page, "Join the council's provider framework");
        await browser.ClickAsync(page, "Create the organisation's account");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.Locator("#OrganisationName").FillAsync("Sherwood Play");
        await page.Locator("#DisplayName").FillAsync("Jo Founder");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("#ConfirmPassword").FillAsync(password);
        await browser.ClickAsync(page, "Create the organisation's account");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }).WaitForAsync();

        await browser.GoAsync(page, server.BaseUrl + TestMail.LatestLink(server.MailFolder, email, "/account/confirm-email"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your email address is confirmed" }).WaitForAsync();
        await browser.FollowAsync(page, "Continue");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await browser.ClickAsync(page, "Sign in");
        await page.WaitForURLAsync(new Regex("/account/authenticator"));
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        await page.GetByLabel("Code from the app").FillAsync(Authenticator.CurrentCode(key));
        await browser.ClickAsync(page, "Set up the app");
        await browser.FollowAsync(page, "I have saved my recovery codes: continue");
        await page.WaitForURLAsync(new Regex("/provider(/application)?$"));
        await browser.GoAsync(page, server.BaseUrl + "/provider");
        await browser.FollowAsync(page, "Apply to join the framework");

        await browser.FollowAsync(page, "Organisation details");
        await browser.ClickAsync(page, "Save");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.Locator("#LegalName").FillAsync("Sherwood Play CIC");
        await page.Locator("#CompaniesHouseNumber").FillAsync("01234567");
        await page.Locator("#Email").FillAsync("office@sherwood.example");
        await page.Locator("#Phone").FillAsync("01632 960123");
        await page.Locator("#Town").FillAsync("Mansfield");
        await browser.ClickAsync(page, "Save");

        await browser.FollowAsync(page, "Safeguarding lead and DBS policy");
        await page.Locator("#LeadName").FillAsync("Sam Lead");
        await page.Locator("#LeadEmail").FillAsync("sam@sherwood.example");
        await page.Locator("#DbsPolicy").FillAsync("Everyone who works with children has an enhanced DBS check with a barred list check, renewed every three years.");
        await browser.ClickAsync(page, "Save");

        await browser.FollowAsync(page, "Insurance");
        var ends = DateTime.UtcNow.AddMonths(9);
        foreach (var kind in new[] { "Employer's liability", "Public liability" })
        {
            await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
            await page.Locator("#Insurer").FillAsync("Acme Mutual");
            await page.Locator("#CoverAmount").FillAsync(kind == "Public liability" ? "100" : "10000000");
            await page.Locator("input[name='ExpiresOn-day']").FillAsync(ends.Day.ToString());
            await page.Locator("input[name='ExpiresOn-month']").FillAsync(ends.Month.ToString());
            await page.Locator("input[name='ExpiresOn-year']").FillAsync(ends.Year.ToString());
            await browser.ClickAsync(page, "Add the policy");
            if (kind == "Public liability")
            {
                // Below the council's minimum cover: an error, then the right amount.
                (await page.TitleAsync()).ShouldStartWith("Error: ");
                await page.Locator("#CoverAmount").FillAsync("5000000");
                await browser.ClickAsync(page, "Add the policy");
            }
        }

        (await page.Locator("#insurances tbody tr").CountAsync()).ShouldBe(2);
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Back to the application" }).Last);

        await browser.FollowAsync(page, "The framework's questions");
        var criteria = ShortBreaks.Core.Schemes.ProviderSettings.Defaults.FrameworkCriteria;
        foreach (var criterion in criteria)
        {
            await page.Locator($"textarea[name='answer-{criterion.Id}']").FillAsync($"Yes. Our {criterion.Id} arrangements are described in our policies.");
        }

        await browser.ClickAsync(page, "Save");

        await browser.FollowAsync(page, "Evidence documents");
        foreach (var criterion in criteria.Where(c => c.EvidenceRequired))
        {
            await page.Locator("#CriterionId").SelectOptionAsync(criterion.Id);
            await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = criterion.Id + ".pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 certificate"u8.ToArray() });
            await browser.ClickAsync(page, "Upload file");
        }

        (await page.Locator("#documents tbody tr").CountAsync()).ShouldBe(criteria.Count(c => c.EvidenceRequired));
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Back to the application" }).Last);

        await browser.FollowAsync(page, "Services and prices");
        await browser.ClickAsync(page, "Add a service");
        await page.Locator("#Name").FillAsync("Saturday club");
        await page.Locator("#Description").FillAsync("Games, crafts and trips out for children who find big groups hard.");
        await page.GetByLabel("Activities and clubs", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Autism", new() { Exact = true }).CheckAsync();
        await page.Locator("#AreaServed").FillAsync("Mansfield and Ashfield");
        await page.GetByLabel("Saturday", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("A session", new() { Exact = true }).CheckAsync();
        await page.Locator("#Amount").FillAsync("45");
        await browser.ClickAsync(page, "Save the service");
        (await page.TitleAsync()).ShouldStartWith("Error: "); // a session needs its length
        await page.Locator("#HoursEach").FillAsync("5");
        await browser.ClickAsync(page, "Save the service");
        (await page.Locator("#services").InnerTextAsync()).ShouldContain("£45.00 a session (5 hours)");
        await browser.FollowAsync(page, "Back to the application");

        await browser.ClickAsync(page, "Check your answers and send");
        await browser.ClickAsync(page, "Send the application");
        (await page.Locator("#sent").InnerTextAsync()).ShouldContain("Your application has been sent.");

        var commissioning = await browser.NewPageAsync();
        await browser.SignInAsync(commissioning, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(commissioning, server.BaseUrl + "/commissioning");
        await browser.FollowAsync(commissioning, "Providers on the framework: applications, decisions, suspensions");
        await browser.FollowAsync(commissioning, "Sherwood Play");
        await browser.ClickAsync(commissioning, "Record the decision");
        (await commissioning.TitleAsync()).ShouldStartWith("Error: ");
        await commissioning.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await browser.ClickAsync(commissioning, "Record the decision");
        (await commissioning.Locator("#framework-status").InnerTextAsync()).ShouldBe("Status: Approved");

        await browser.GoAsync(page, server.BaseUrl + "/provider");
        (await page.Locator("#framework-status").InnerTextAsync()).ShouldBe("On the council's framework: Approved");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        (await db.Services.SingleAsync(s => s.Name == "Saturday club")).Status.ShouldBe(ServiceStatus.Active);
    }
}
