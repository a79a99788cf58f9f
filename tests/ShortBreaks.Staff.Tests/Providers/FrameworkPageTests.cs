using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

/// <summary>Joining the framework, applying, commissioning's decisions and an organisation's users, through the pages.</summary>
public class FrameworkPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A provider administrator signed in, with a registered organisation of their own.</summary>
    private async Task<(PageClient Browser, TestUser User, Guid OrganisationId)> AdministratorAsync(string? name = null)
    {
        var (browser, user) = await factory.SignedInAsAsync(Roles.Provider);
        var organisation = await factory.WithServicesAsync(sp => sp.GetRequiredService<FrameworkService>().RegisterAsync(user.Id, name ?? Unique("Sherwood Play"), user.Email), user.Id);
        return (browser, user, organisation.Id);
    }

    private async Task<(PageClient Browser, TestUser User)> MemberAsync(Guid organisationId, bool administrator)
    {
        var (browser, user) = await factory.SignedInAsAsync(Roles.Provider);
        (await factory.WithServicesAsync(sp => sp.GetRequiredService<OrganisationTeam>().AddAsync(organisationId, user.Id, administrator))).Succeeded.ShouldBeTrue();
        return (browser, user);
    }

    private static async Task<Page> PostAsync(PageClient browser, string url, Dictionary<string, string?> values, string form = "main form[method=post]")
    {
        var page = await browser.GetPageAsync(url);
        page.Status.ShouldBe(HttpStatusCode.OK, url);
        return await browser.SubmitAsync(page, form, values);
    }

    private static async Task UploadAsync(PageClient browser, string criterionId)
    {
        var page = await browser.GetPageAsync("/provider/application/documents");
        var token = page.Get("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(criterionId), "CriterionId" },
        };
        var file = new ByteArrayContent("%PDF-1.4 a certificate"u8.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        content.Add(file, "Upload", criterionId + ".pdf");
        var response = await browser.PostMultipartAsync("/provider/application/documents?handler=upload", content, withToken: false);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Fills in every section of the application through its pages.</summary>
    private static async Task FillInAsync(PageClient browser, string name)
    {
        var expires = DateTime.UtcNow.AddMonths(8);
        (await PostAsync(browser, "/provider/application/organisation", new()
        {
            ["Name"] = name, ["LegalName"] = name + " CIC", ["CompaniesHouseNumber"] = "01234567", ["Email"] = "office@sherwood.example",
            ["Phone"] = "01632 960123", ["Town"] = "Mansfield", ["Postcode"] = "ng18 1aa",
        })).RedirectPath.ShouldBe("/provider/application?saved=organisation");
        (await PostAsync(browser, "/provider/application/safeguarding", new()
        {
            ["LeadName"] = "Sam Lead", ["LeadEmail"] = "sam@sherwood.example", ["DbsPolicy"] = "Enhanced with barred list, renewed every three years.",
        })).Status.ShouldBe(HttpStatusCode.Redirect);
        foreach (var kind in new[] { "EmployersLiability", "PublicLiability" })
        {
            (await PostAsync(browser, "/provider/application/insurance", new()
            {
                ["Kind"] = kind, ["Insurer"] = "Acme Mutual", ["CoverAmount"] = "10,000,000",
                ["ExpiresOn-day"] = expires.Day.ToString(), ["ExpiresOn-month"] = expires.Month.ToString(), ["ExpiresOn-year"] = expires.Year.ToString(),
            }, "main form[action*=Add]")).Status.ShouldBe(HttpStatusCode.Redirect, kind);
        }

        var criteria = ShortBreaks.Core.Schemes.ProviderSettings.Defaults.FrameworkCriteria;
        (await PostAsync(browser, "/provider/application/criteria", criteria.ToDictionary(c => "answer-" + c.Id, c => (string?)$"Yes, {c.Id}.")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        foreach (var criterion in criteria.Where(c => c.EvidenceRequired)) await UploadAsync(browser, criterion.Id);
        (await PostAsync(browser, "/provider/services/edit", new()
        {
            ["Name"] = "Saturday club", ["Description"] = "Games, crafts and trips.", ["Kind"] = "activities", ["Needs"] = "need-autism",
            ["MinimumAgeYears"] = "5", ["MaximumAgeYears"] = "18", ["AddressLine"] = "1 Forest Road", ["Town"] = "Mansfield", ["Postcode"] = "NG18 1AA",
            ["Days"] = "SA", ["OpensAt"] = "10:00", ["ClosesAt"] = "15:00", ["Unit"] = "Session", ["Amount"] = "45.00", ["HoursEach"] = "5",
        })).RedirectPath.ShouldBe("/provider/services?saved=service");
    }

    [Fact]
    public async Task Joining_makes_an_account_and_an_organisation_and_asks_to_confirm_the_email()
    {
        var browser = factory.NewBrowser();
        var email = $"join.{Guid.NewGuid():N}@provider.example";
        var name = Unique("Forest Breaks");

        var response = await PostAsync(browser, "/join", new()
        {
            ["OrganisationName"] = name, ["DisplayName"] = "Jo Founder", ["Email"] = email,
            ["Password"] = WebAppFactory.Password, ["ConfirmPassword"] = WebAppFactory.Password,
        });

        response.RedirectPath.ShouldBe("/account/check-email");
        factory.Emails().Last(e => e.Contains(email, StringComparison.OrdinalIgnoreCase)).ShouldContain("/account/confirm-email");
        await factory.Data.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var organisation = await db.Organisations.SingleAsync(o => o.Name == name);
            organisation.Status.ShouldBe(FrameworkStatus.Registered);
            (await db.OrganisationUsers.SingleAsync(u => u.UserId == user.Id)).ShouldSatisfyAllConditions(
                u => u.OrganisationId.ShouldBe(organisation.Id), u => u.IsAdministrator.ShouldBeTrue());
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            roles.ShouldBe([Roles.Provider]);
        });
    }

    [Fact]
    public async Task Joining_with_an_address_that_has_an_account_answers_the_same_and_makes_nothing()
    {
        var existing = await factory.CreateUserAsync(Roles.Family);
        var name = Unique("Second Try");

        var response = await PostAsync(factory.NewBrowser(), "/join", new()
        {
            ["OrganisationName"] = name, ["DisplayName"] = "Someone", ["Email"] = existing.Email,
            ["Password"] = WebAppFactory.Password, ["ConfirmPassword"] = WebAppFactory.Password,
        });

        response.RedirectPath.ShouldBe("/account/check-email");
        factory.Emails().Last(e => e.Contains(existing.Email, StringComparison.OrdinalIgnoreCase)).ShouldContain("You already have an account");
        (await factory.Data.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task Joining_with_missing_answers_shows_each_error_and_keeps_what_was_typed()
    {
        var page = await PostAsync(factory.NewBrowser(), "/join", new() { ["OrganisationName"] = "", ["DisplayName"] = "Jo", ["Email"] = "not-an-email", ["Password"] = "short" });

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
        page.ErrorSummary().Count.ShouldBe(3);
        page.Get("input[name=DisplayName]").GetAttribute("value").ShouldBe("Jo");
    }

    [Fact]
    public async Task A_provider_applies_through_the_pages_and_commissioning_approves_it()
    {
        var name = Unique("Sherwood Play");
        var (browser, _, organisationId) = await AdministratorAsync(name);
        var home = await browser.GetPageAsync("/provider");
        home.Get("#task-application").TextContent.ShouldBe("Apply to join the framework");
        var tasks = await browser.GetPageAsync("/provider/application");
        tasks.Find("#check").ShouldBeNull();

        await FillInAsync(browser, name);

        tasks = await browser.GetPageAsync("/provider/application");
        Page.Normalise(tasks.Get("#status-organisation").TextContent).ShouldBe("Completed");
        var check = await browser.GetPageAsync("/provider/application/check");
        check.Get("#file-criteria").TextContent.ShouldContain("Yes, dbs.");
        var sent = await browser.SubmitAsync(check, "main form[method=post]", []);
        sent.RedirectPath.ShouldBe("/provider/application?saved=sent");

        var (officer, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);
        var queue = await officer.GetPageAsync("/commissioning/providers");
        queue.Get("#providers").TextContent.ShouldContain(name);
        var file = await officer.GetPageAsync($"/commissioning/providers/{organisationId}");
        file.Get("#file-service-" + (await factory.Data.WithDbAsync(db => db.Services.Where(s => s.OrganisationId == organisationId).Select(s => s.Id).SingleAsync())))
            .TextContent.ShouldContain("£45.00 a session (5 hours)");
        var refused = await officer.SubmitAsync(file, "main form[action*=Decide]", new() { ["Decision"] = "Refuse" });
        refused.ErrorSummary().ShouldBe(["Give the reasons"]);
        var decided = await officer.SubmitAsync(file, "main form[action*=Decide]", new() { ["Decision"] = "Approve" });
        decided.RedirectPath.ShouldBe($"/commissioning/providers/{organisationId}?saved=decided");

        Page.Normalise((await browser.GetPageAsync("/provider")).Get("#framework-status").TextContent).ShouldBe("On the council's framework: Approved");
        (await factory.Data.WithDbAsync(db => db.Services.Where(s => s.OrganisationId == organisationId).Select(s => s.Status).SingleAsync())).ShouldBe(ServiceStatus.Active);
    }

    [Fact]
    public async Task A_second_administrator_saving_the_details_at_once_is_told_and_keeps_what_they_typed()
    {
        var (first, _, organisationId) = await AdministratorAsync();
        var (second, _) = await MemberAsync(organisationId, administrator: true);
        var firstPage = await first.GetPageAsync("/provider/application/organisation");
        var secondPage = await second.GetPageAsync("/provider/application/organisation");
        var values = new Dictionary<string, string?> { ["LegalName"] = "Legal Ltd", ["Email"] = "a@b.example", ["Phone"] = "01632 960000", ["Town"] = "Newark" };

        (await first.SubmitAsync(firstPage, "main form[method=post]", new(values) { ["Phone"] = "01632 960001" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var conflict = await second.SubmitAsync(secondPage, "main form[method=post]", new(values) { ["Phone"] = "01632 960002" });

        conflict.Status.ShouldBe(HttpStatusCode.OK);
        conflict.ErrorSummary().ShouldHaveSingleItem().ShouldContain("Someone else at your organisation changed this");
        conflict.Get("input[name=Phone]").GetAttribute("value").ShouldBe("01632 960002");
        (await factory.Data.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Phone).SingleAsync())).ShouldBe("01632 960001");
    }

    [Fact]
    public async Task A_worker_sees_the_application_but_cannot_change_it_or_the_users()
    {
        var (_, _, organisationId) = await AdministratorAsync();
        var (worker, _) = await MemberAsync(organisationId, administrator: false);

        (await worker.GetPageAsync("/provider/application")).Get("#view-only").ShouldNotBeNull();
        foreach (var path in new[] { "/provider/application/organisation", "/provider/application/insurance", "/provider/services/edit", "/provider/users", "/provider/users/add" })
        {
            var response = await worker.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
        }
    }

    [Fact]
    public async Task Another_organisations_document_is_not_found()
    {
        var (owner, _, _) = await AdministratorAsync();
        await UploadAsync(owner, "insurance");
        var (stranger, _, _) = await AdministratorAsync();
        var documentId = await factory.Data.WithDbAsync(db => db.OrganisationDocuments.Where(d => d.FileName == "insurance.pdf").OrderByDescending(d => d.UploadedAt).Select(d => d.Id).FirstAsync());

        (await owner.Http.GetAsync($"/provider/application/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.Http.GetAsync($"/provider/application/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_adds_a_user_who_is_invited_and_removes_one_who_loses_the_area_at_once()
    {
        var (admin, adminUser, organisationId) = await AdministratorAsync();
        var email = $"new.worker.{Guid.NewGuid():N}@provider.example";

        var added = await PostAsync(admin, "/provider/users/add", new() { ["DisplayName"] = "Wes Worker", ["Email"] = email, ["Role"] = "worker" });

        added.RedirectPath.ShouldBe("/provider/users?saved=added");
        factory.Emails().Last(e => e.Contains(email, StringComparison.OrdinalIgnoreCase)).ShouldContain("/account/reset-password");
        var (worker, workerUser) = await MemberAsync(organisationId, administrator: false);
        (await worker.GetPageAsync("/provider")).Status.ShouldBe(HttpStatusCode.OK);

        var users = await admin.GetPageAsync("/provider/users");
        var lastAdmin = await admin.PostRawAsync(users, "/provider/users?handler=Remove", new() { ["UserId"] = adminUser.Id });
        lastAdmin.ErrorSummary().ShouldHaveSingleItem().ShouldContain("only administrator");
        var removed = await admin.PostRawAsync(users, "/provider/users?handler=Remove", new() { ["UserId"] = workerUser.Id });
        removed.RedirectPath.ShouldBe("/provider/users?saved=removed");

        var after = await worker.Http.GetAsync("/provider");
        after.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
    }

    [Fact]
    public async Task A_price_from_a_past_day_is_refused_and_a_future_one_is_added_to_the_history()
    {
        var (browser, _, organisationId) = await AdministratorAsync();
        (await PostAsync(browser, "/provider/services/edit", new()
        {
            ["Name"] = "Sitting", ["Description"] = "At home.", ["Kind"] = "sitting", ["Needs"] = "need-learning", ["AreaServed"] = "Newark",
            ["Unit"] = "Hour", ["Amount"] = "15.50",
        })).Status.ShouldBe(HttpStatusCode.Redirect);
        var serviceId = await factory.Data.WithDbAsync(db => db.Services.Where(s => s.OrganisationId == organisationId).Select(s => s.Id).SingleAsync());
        var past = DateTime.UtcNow.AddDays(-3);
        var future = DateTime.UtcNow.AddMonths(2);

        var refused = await PostAsync(browser, $"/provider/services/{serviceId}/prices", new()
        {
            ["Unit"] = "Hour", ["Amount"] = "17", ["EffectiveFrom-day"] = past.Day.ToString(), ["EffectiveFrom-month"] = past.Month.ToString(), ["EffectiveFrom-year"] = past.Year.ToString(),
        });
        refused.ErrorSummary().ShouldBe(["The date the price starts must be today or in the future"]);
        var added = await PostAsync(browser, $"/provider/services/{serviceId}/prices", new()
        {
            ["Unit"] = "Hour", ["Amount"] = "17", ["EffectiveFrom-day"] = future.Day.ToString(), ["EffectiveFrom-month"] = future.Month.ToString(), ["EffectiveFrom-year"] = future.Year.ToString(),
        });
        added.RedirectPath.ShouldBe("/provider/services?saved=price");

        var prices = await browser.GetPageAsync($"/provider/services/{serviceId}/prices");
        prices.Get("#prices").TextContent.ShouldContain("£17.00 an hour");
        prices.Get("#prices").TextContent.ShouldContain("£15.50 an hour");
    }

    [Fact]
    public async Task Commissioning_sees_why_an_approved_provider_takes_no_new_packages()
    {
        var name = Unique("Lapsed Care");
        var organisationId = await factory.Data.WithDbAsync(async db =>
        {
            var (organisation, _) = TestData.AddApprovedOrganisation(db, name, UkCalendar.DateOf(DateTime.UtcNow));
            organisation.Insurances[1].ExpiresOn = UkCalendar.DateOf(DateTime.UtcNow).AddDays(-2);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var (officer, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var page = await officer.GetPageAsync($"/commissioning/providers/{organisationId}");

        page.Get("#no-new-packages").TextContent.ShouldContain($"{name}'s public liability insurance expired on");
        (await officer.Http.GetAsync($"/commissioning/providers/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static readonly string[] Junk = ["", "abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0000\u0001", "１２", new string('9', 5000), "💥"];

    [Fact]
    public async Task Junk_in_every_field_of_every_framework_page_never_gives_a_500()
    {
        var (browser, _, organisationId) = await AdministratorAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);
        var anonymous = factory.NewBrowser();
        var fields = new[]
        {
            "OrganisationName", "DisplayName", "Email", "Password", "ConfirmPassword", "Name", "LegalName", "CompaniesHouseNumber", "CharityNumber", "Phone", "Website",
            "AddressLine", "Town", "Postcode", "Description", "LeadName", "LeadEmail", "LeadPhone", "DbsPolicy", "Regulator", "Number", "Kind", "Insurer", "PolicyNumber",
            "CoverAmount", "ExpiresOn-day", "ExpiresOn-month", "ExpiresOn-year", "EffectiveFrom-day", "EffectiveFrom-month", "EffectiveFrom-year", "Needs", "MinimumAgeYears",
            "MaximumAgeYears", "AreaServed", "Days", "OpensAt", "ClosesAt", "Unit", "Amount", "HoursEach", "SeenVersion", "RegistrationId", "InsuranceId", "UserId", "Role",
            "Decision", "Reason", "LivePackages", "CriterionId", "Met", "Note", "answer-dbs",
        };
        var pages = new (PageClient Browser, string Url)[]
        {
            (anonymous, "/join"), (browser, "/provider/application/organisation"), (browser, "/provider/application/safeguarding"),
            (browser, "/provider/application/registrations?handler=Add"), (browser, "/provider/application/registrations?handler=Remove"),
            (browser, "/provider/application/insurance?handler=Add"), (browser, "/provider/application/insurance?handler=Remove"),
            (browser, "/provider/application/criteria"), (browser, "/provider/application/check"), (browser, "/provider/services/edit"),
            (browser, "/provider/users?handler=Remove"), (browser, "/provider/users/add"),
            (officer, $"/commissioning/providers/{organisationId}?handler=Decide"), (officer, $"/commissioning/providers/{organisationId}?handler=Check"),
        };
        var tokens = new Dictionary<PageClient, string>
        {
            [anonymous] = (await anonymous.GetPageAsync("/join")).Get("input[name=__RequestVerificationToken]").GetAttribute("value")!,
            [browser] = (await browser.GetPageAsync("/provider/application/organisation")).Get("input[name=__RequestVerificationToken]").GetAttribute("value")!,
            [officer] = (await officer.GetPageAsync($"/commissioning/providers/{organisationId}")).Get("input[name=__RequestVerificationToken]").GetAttribute("value")!,
        };

        foreach (var (client, url) in pages)
        {
            foreach (var junk in Junk)
            {
                var values = fields.Select(f => new KeyValuePair<string, string>(f, junk)).Append(new("__RequestVerificationToken", tokens[client]));
                using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(values));
                ((int)response.StatusCode).ShouldBeLessThan(500, $"POST {url} with '{junk}'");
            }
        }

        foreach (var url in new[] { "/commissioning/providers?status=%00", "/commissioning/providers?status=Banana", "/commissioning/providers/not-a-guid", "/provider/services/edit/" + Guid.NewGuid(), $"/provider/services/{Guid.NewGuid()}/prices" })
        {
            var client = url.StartsWith("/commissioning", StringComparison.Ordinal) ? officer : browser;
            using var response = await client.Http.GetAsync(url);
            ((int)response.StatusCode).ShouldBeLessThan(500, url);
        }
    }
}
