using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

public class FamilyRasTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private RasPhase Primary => app.Services.GetRequiredService<RasSchemeCatalog>().Find("2026.1")!.Phases.Single(p => p.Id == "primary");

    /// <summary>A child aged 8 on the service, linked to the family account.</summary>
    private Task<Child> LinkedChildAsync(string familyUserId, string firstName = "Maya") =>
        app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            var child = new Child
            {
                Reference = References.NewChild(),
                FirstName = firstName,
                LastName = "Example" + Guid.NewGuid().ToString("N")[..6],
                DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-8).AddDays(-30),
                AddressLine1 = "3 Sample Road",
                Town = "Demoton",
                Postcode = "DE1 1AA",
                CreatedAt = DateTime.UtcNow,
            };
            child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
            child.LastNameKey = MatchKeys.LastName(child.LastName);
            child.PostcodeKey = MatchKeys.Postcode(child.Postcode);
            db.Children.Add(child);
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return child;
        });

    private async Task<Guid> StartAsync(PageClient browser, Child child)
    {
        (await browser.GetDocumentAsync($"/account/ras/start/{child.Id}")).QuerySelector("h1")!.TextContent.ShouldBe($"Fill in the questions about {child.FirstName}");
        var location = await browser.PostForRedirectAsync($"/account/ras/start/{child.Id}");
        return Guid.Parse(location.Split('/').Last());
    }

    private static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? "";

    private static string VersionOn(IHtmlDocument page) => page.QuerySelector("main input[name=Version]")!.GetAttribute("value")!;

    private static (string, string)[] Answers(RasDomain domain, string level, int count, string action) =>
        [.. domain.Questions.Take(count).Select(q => ("q-" + q.Id, level)), ("action", action)];

    /// <summary>Answers every question as an officer would, completes it and records an agreed different amount.</summary>
    private async Task CompleteAsOfficerAsync(Guid id, string level, bool withOverride)
    {
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        await app.WithServicesAsync(async s =>
        {
            var assessments = s.GetRequiredService<RasAssessmentService>();
            var assessment = (await assessments.FindAsync(id))!;
            var answers = new RasAnswers
            {
                AgeYears = assessment.AgeYears,
                PhaseId = assessment.PhaseId,
                Levels = Primary.Questionnaire.Domains.SelectMany(d => d.Questions).ToDictionary(q => q.Id, _ => level),
            };
            (await assessments.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
            (await assessments.CompleteAsync(assessment, assessment.Version)).Succeeded.ShouldBeTrue();
            if (withOverride)
            {
                (await assessments.OverrideAsync(assessment, 2100m, "Maya needs two carers on trips out.", "Team manager", assessment.Version)).Succeeded.ShouldBeTrue();
            }

            return true;
        }, officer.Id);
    }

    [Fact]
    public async Task TheAccount_OffersTheQuestionsForALinkedChildInFamilyWords()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(user.Id);

        var account = await browser.GetDocumentAsync("/account");
        var card = account.GetElementById($"ras-child-{child.Id}").ShouldNotBeNull();
        card.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/account/ras/start/{child.Id}");
        card.QuerySelector("a")!.TextContent.ShouldBe("Fill in the questions about Maya before you meet your officer");

        var id = await StartAsync(browser, child);
        var tasks = await browser.GetDocumentAsync($"/account/ras/{id}");

        tasks.QuerySelector("h1")!.TextContent.ShouldBe("Questions about Maya");
        var names = tasks.QuerySelectorAll("#tasks .govuk-task-list__link").Select(a => a.TextContent).ToList();
        names.ShouldBe([.. Primary.Questionnaire.Domains.Select(d => d.Name), "Help you already get", "Send your answers to your officer"]);
        tasks.GetElementById("status-personal-care")!.TextContent.Trim().ShouldBe("Not yet started");
        var domain = await browser.GetDocumentAsync($"/account/ras/{id}/answers/personal-care");
        domain.QuerySelector("h1")!.TextContent.ShouldBe("How much help does Maya need with personal care?");
        domain.GetElementById($"q-{Primary.Questionnaire.Domains[0].Questions[0].Id}-hint")!.TextContent.ShouldBe("How much help does Maya need with this?");
        var assessment = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id));
        (assessment.ChildId, assessment.PhaseId, assessment.CreatedByUserId).ShouldBe((child.Id, "primary", user.Id));
    }

    [Fact]
    public async Task TheFamily_SavesPartOfTheAnswersAndSendsThemToTheirOfficer()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(user.Id);
        var id = await StartAsync(browser, child);
        var page = await browser.GetDocumentAsync($"/account/ras/{id}/answers/personal-care");
        var personalCare = Primary.Questionnaire.Domains[0];

        var missing = await browser.PostForPageAsync($"/account/ras/{id}/answers/personal-care",
            [("Version", VersionOn(page)), .. Answers(personalCare, "some", 3, "continue")]);
        missing.QuerySelector(".govuk-error-summary__list")!.TextContent.Trim().ShouldBe("Select how much help Maya needs with using the toilet");

        var saved = await browser.PostForRedirectAsync($"/account/ras/{id}/answers/personal-care",
            [("Version", VersionOn(page)), .. Answers(personalCare, "some", 3, "later")]);
        saved.ShouldBe($"/account/ras/{id}?saved=true");
        var tasks = await browser.GetDocumentAsync(saved);
        tasks.GetElementById("saved")!.TextContent.ShouldContain("You can come back to them at any time");
        tasks.GetElementById("status-personal-care")!.TextContent.Trim().ShouldBe("In progress");

        var send = await browser.GetDocumentAsync($"/account/ras/{id}/send");
        send.QuerySelector("h1")!.TextContent.ShouldBe("Check your answers");
        send.QuerySelector($"[data-question='{personalCare.Questions[0].Id}']")!.TextContent.ShouldBe("Needs some extra help");
        send.QuerySelector($"[data-question='{personalCare.Questions[3].Id}']")!.TextContent.ShouldBe("Not answered");
        var sent = await browser.PostForRedirectAsync($"/account/ras/{id}/send", ("Version", VersionOn(send)));

        sent.ShouldBe($"/account/ras/{id}?sent=true");
        (await browser.GetDocumentAsync(sent)).GetElementById("sent")!.TextContent.ShouldContain("Your answers have been sent to your officer.");
        var assessment = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id));
        assessment.FamilyFinishedAt.ShouldNotBeNull();
        assessment.FamilyFinishedByName.ShouldBe(user.Name);
        assessment.Status.ShouldBe(RasAssessmentStatus.Draft);
        RasAssessmentService.AnswersOf(assessment).Levels.Count.ShouldBe(3);
        (await browser.GetDocumentAsync("/account")).GetElementById($"ras-child-{child.Id}")!.TextContent.ShouldContain("You sent your answers to your officer on");
    }

    [Fact]
    public async Task WhenTheOfficerSavesFirstTheFamily_IsToldAndTheirAnswersAreKeptOnThePage()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(user.Id);
        var id = await StartAsync(browser, child);
        var page = await browser.GetDocumentAsync($"/account/ras/{id}/answers/sleep");
        var sleep = Primary.Questionnaire.Domains.Single(d => d.Id == "sleep");
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        await app.WithServicesAsync(async s =>
        {
            var assessments = s.GetRequiredService<RasAssessmentService>();
            var assessment = (await assessments.FindAsync(id))!;
            var answers = RasAssessmentService.AnswersOf(assessment) with { Levels = new Dictionary<string, string> { [sleep.Questions[0].Id] = "none" } };
            (await assessments.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
            return true;
        }, officer.Id);

        var conflict = await browser.PostForPageAsync($"/account/ras/{id}/answers/sleep", [("Version", VersionOn(page)), .. Answers(sleep, "lots", 4, "continue")]);

        conflict.QuerySelector(".govuk-error-summary__list")!.TextContent.Trim().ShouldStartWith("Someone else changed these answers while you were working on them.");
        conflict.QuerySelectorAll("input[type=radio][checked]").Select(r => r.GetAttribute("value")).ShouldBe(["lots", "lots", "lots", "lots"]);
        VersionOn(conflict).ShouldNotBe(VersionOn(page));
        var resent = await browser.PostForRedirectAsync($"/account/ras/{id}/answers/sleep", [("Version", VersionOn(conflict)), .. Answers(sleep, "lots", 4, "continue")]);
        resent.ShouldBe($"/account/ras/{id}/answers/safety");
    }

    [Fact]
    public async Task TheFamily_CannotCompleteOrOverrideAnAssessment()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(user.Id);
        var id = await StartAsync(browser, child);

        using var complete = await browser.PostAsync($"/staff/children/{child.Id}/ras/{id}/check", ("Version", "1"));
        using var overridden = await browser.PostAsync($"/staff/children/{child.Id}/ras/{id}/override", ("Amount", "5000"), ("Reason", "x"), ("AgreedBy", "me"), ("Version", "1"));

        LocationOf(complete).ShouldStartWith("/access-denied");
        LocationOf(overridden).ShouldStartWith("/access-denied");
        (await browser.GetAsync($"/account/ras/{id}/override")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var assessment = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id));
        (assessment.Status, assessment.OverrideAmount).ShouldBe((RasAssessmentStatus.Draft, (decimal?)null));
    }

    [Fact]
    public async Task OnceCompletedTheFamily_ReadsTheBudgetHowItWasWorkedOutAndTheAgreedAmount()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(user.Id);
        var id = await StartAsync(browser, child);
        await CompleteAsOfficerAsync(id, "small", withOverride: true);

        var account = await browser.GetDocumentAsync("/account");
        account.GetElementById($"ras-child-{child.Id}")!.QuerySelector($"a[href='/account/ras/{id}/result']").ShouldNotBeNull();
        var result = await browser.GetDocumentAsync($"/account/ras/{id}/result");

        result.QuerySelector("h1")!.TextContent.ShouldBe("Maya's indicative budget");
        result.GetElementById("indicative")!.TextContent.ShouldBe("The questions give an indicative budget of £750 a year.");
        result.GetElementById("band-hours")!.TextContent.ShouldContain("about 80 hours of short breaks a year, or £1,200 a year if the breaks come through an approved provider");
        result.GetElementById("indicative-note")!.TextContent.ShouldContain("a starting point for the support plan");
        result.GetElementById("override-amount")!.TextContent.ShouldBe("£2,100");
        result.GetElementById("override-reason")!.TextContent.ShouldBe("Maya needs two carers on trips out.");
        result.GetElementById("override-agreed-by").ShouldBeNull();
        result.GetElementById("total-points").ShouldBeNull();
        var working = result.QuerySelectorAll("#working li").Select(li => li.TextContent).ToList();
        working.ShouldContain("Personal care, Washing and bathing: needs a little extra help, 1 point.");
        working.ShouldContain("In all, the answers come to 40 points.");
        working.Last().ShouldBe("Your child's indicative budget is £750 a year. It is a starting point for the plan, not the final word.");
        LocationOf(await browser.GetAsync($"/account/ras/{id}")).ShouldBe($"/account/ras/{id}/result");

        var views = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == "view" && e.EntityType == nameof(RasAssessment) && e.EntityId == id.ToString() && e.UserId == user.Id).ToListAsync());
        views.ShouldContain(v => v.ChildId == child.Id && v.Details == "Result");
    }

    [Fact]
    public async Task AnotherFamilysChildAndTheirAssessment_AreNotFound()
    {
        var (ownerBrowser, owner) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(owner.Id);
        var id = await StartAsync(ownerBrowser, child);
        var (stranger, _) = await app.SignedInAsAsync();

        foreach (var url in new[] { $"/account/ras/start/{child.Id}", $"/account/ras/{id}", $"/account/ras/{id}/answers/personal-care", $"/account/ras/{id}/send", $"/account/ras/{id}/result" })
        {
            (await stranger.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        using var posted = await stranger.PostAsync($"/account/ras/{id}/answers/personal-care", ("q-" + Primary.Questionnaire.Domains[0].Questions[0].Id, "lots"), ("Version", "1"), ("action", "later"));
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var started = await stranger.PostAsync($"/account/ras/start/{child.Id}");
        started.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetDocumentAsync("/account")).GetElementById($"ras-child-{child.Id}").ShouldBeNull();
        var assessment = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id));
        assessment.LevelsJson.ShouldBe("{}");
    }

    [Theory]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.PersonalisationOfficer)]
    public async Task TheFamilyPages_AreRefusedToOtherAccounts(string role)
    {
        var (ownerBrowser, owner) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(owner.Id);
        var id = await StartAsync(ownerBrowser, child);
        var (other, _) = await app.SignedInAsAsync(role);

        foreach (var url in new[] { $"/account/ras/start/{child.Id}", $"/account/ras/{id}", $"/account/ras/{id}/answers/personal-care", $"/account/ras/{id}/send", $"/account/ras/{id}/result" })
        {
            using var response = await other.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            LocationOf(response).ShouldStartWith("/access-denied", customMessage: url);
        }
    }

    [Fact]
    public async Task AProvider_IsRefusedTheStaffAssessmentPagesToo()
    {
        var (ownerBrowser, owner) = await app.SignedInAsAsync();
        var child = await LinkedChildAsync(owner.Id);
        var id = await StartAsync(ownerBrowser, child);
        await CompleteAsOfficerAsync(id, "small", withOverride: false);
        var (provider, _) = await app.SignedInAsAsync(Roles.Provider);

        foreach (var url in new[] { $"/staff/children/{child.Id}/ras/{id}", $"/staff/children/{child.Id}/ras/{id}/result", $"/staff/children/{child.Id}/ras/{id}/override" })
        {
            using var response = await provider.GetAsync(url);
            LocationOf(response).ShouldStartWith("/access-denied", customMessage: url);
        }
    }
}
