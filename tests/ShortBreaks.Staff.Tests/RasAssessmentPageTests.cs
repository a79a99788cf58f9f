using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class RasAssessmentPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private RasPhase Primary => factory.Services.GetRequiredService<RasSchemeCatalog>().Find("2026.1")!.Phases.Single(p => p.Id == "primary");

    private Task<Child> PrimaryAgeChildAsync() => factory.Data.ChildAsync(c => c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-8).AddDays(-20));

    private static string Url(Child child, Guid id, string rest = "") => $"/staff/children/{child.Id}/ras/{id}{rest}";

    private async Task<Guid> StartAsync(PageClient browser, Child child)
    {
        var start = await browser.GetPageAsync($"/staff/children/{child.Id}/ras/start");
        start.Status.ShouldBe(HttpStatusCode.OK);
        var started = await browser.SubmitAsync(start, "main form[method=post]", new());
        started.Status.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(started.RedirectPath!.Split('/').Last());
    }

    /// <summary>Answers every question of a domain with the level given, from its page.</summary>
    private async Task<Page> AnswerDomainAsync(PageClient browser, Child child, Guid id, RasDomain domain, string level, string? action = null)
    {
        var page = await browser.GetPageAsync(Url(child, id, "/answers/" + domain.Id));
        page.Status.ShouldBe(HttpStatusCode.OK);
        var values = domain.Questions.ToDictionary(q => "q-" + q.Id, _ => (string?)level);
        if (action is not null) values["action"] = action;
        return await browser.SubmitAsync(page, "main form[method=post]", values);
    }

    private async Task AnswerEverythingAsync(PageClient browser, Child child, Guid id, string level)
    {
        foreach (var domain in Primary.Questionnaire.Domains)
        {
            (await AnswerDomainAsync(browser, child, id, domain, level)).Status.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    private Task<RasAssessment> LoadAsync(Guid id) => factory.Data.WithDbAsync(db => db.RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id));

    private static string Status(Page page, string section) => Page.Normalise(page.Get($"#status-{section}").TextContent);

    [Fact]
    public async Task StartingFromTheRecord_GivesATaskListForThePhaseOfTheChildsAgeAndAuditsTheView()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Olu Officer");
        var record = await browser.GetPageAsync($"/staff/children/{child.Id}");
        record.Get("#ras-none").TextContent.ShouldBe("No RAS assessment yet.");
        record.Get("#ras-start").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/ras/start");

        var id = await StartAsync(browser, child);
        var tasks = await browser.GetPageAsync(Url(child, id));

        tasks.Status.ShouldBe(HttpStatusCode.OK);
        tasks.Get("#phase").TextContent.ShouldBe("Primary school age (ages 5 to 10), RAS version 2026.1");
        var names = tasks.Html.QuerySelectorAll("#tasks .govuk-task-list__item").Select(i => Page.Normalise(i.QuerySelector(".govuk-task-list__name-and-hint")!.TextContent)).ToList();
        names.ShouldBe([.. Primary.Questionnaire.Domains.Select(d => d.Name), "Support already around the child", "Check answers and work out the indicative budget"]);
        Status(tasks, "personal-care").ShouldBe("Not yet started");
        Status(tasks, "support").ShouldBe("Not yet started");
        var assessment = await LoadAsync(id);
        (assessment.PhaseId, assessment.AgeYears, assessment.CreatedByUserId).ShouldBe(("primary", 8, officer.Id));
        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "view" && e.EntityType == nameof(RasAssessment) && e.EntityId == id.ToString()).ToListAsync());
        views.ShouldHaveSingleItem().ChildId.ShouldBe(child.Id);
        views[0].UserId.ShouldBe(officer.Id);

        // Starting again opens the assessment already being filled in rather than a second one.
        var startAgain = await browser.GetPageAsync($"/staff/children/{child.Id}/ras/start");
        startAgain.Get("#draft + a").GetAttribute("href").ShouldBe(Url(child, id));
        var again = await browser.GetPageAsync($"/staff/children/{child.Id}");
        Page.Normalise(again.Get($"#ras-{id}").TextContent).ShouldContain("Being filled in");
        Page.Normalise(again.Get($"#ras-{id}").TextContent).ShouldContain("by Olu Officer");
    }

    [Fact]
    public async Task SaveAndComeBackLater_KeepsPartialAnswersAndTheTaskShowsInProgress()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var id = await StartAsync(browser, child);
        var domain = Primary.Questionnaire.Domains[0];
        var page = await browser.GetPageAsync(Url(child, id, "/answers/" + domain.Id));
        page.Html.QuerySelectorAll($"input[name='q-{domain.Questions[0].Id}']").Length.ShouldBe(9, "five levels and the four half levels between them");

        var saved = await browser.SubmitAsync(page, "main form[method=post]", new()
        {
            ["q-" + domain.Questions[0].Id] = "lots",
            ["q-" + domain.Questions[1].Id] = "some/lots",
            ["action"] = "later",
        });

        saved.RedirectPath.ShouldBe(Url(child, id, "?saved=true"));
        var tasks = await browser.FollowAsync(saved);
        tasks.Get("#saved").TextContent.ShouldContain("The answers have been saved");
        Status(tasks, domain.Id).ShouldBe("In progress");
        Page.Normalise(tasks.Get($"#task-{domain.Id}").TextContent).ShouldContain("2 of 4 answered");
        Status(tasks, Primary.Questionnaire.Domains[1].Id).ShouldBe("Not yet started");
        var answers = RasAssessmentService.AnswersOf(await LoadAsync(id));
        answers.Levels.ShouldBe(new Dictionary<string, string> { [domain.Questions[0].Id] = "lots", [domain.Questions[1].Id] = "some/lots" }, ignoreOrder: true);

        var reopened = await browser.GetPageAsync(Url(child, id, "/answers/" + domain.Id));
        reopened.Get($"input[name='q-{domain.Questions[1].Id}'][value='some/lots']").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task SaveAndContinue_AsksForEveryQuestionOnThePageAndSavesNothingUntilThen()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var id = await StartAsync(browser, child);
        var domain = Primary.Questionnaire.Domains[1];
        var page = await browser.GetPageAsync(Url(child, id, "/answers/" + domain.Id));

        var posted = await browser.SubmitAsync(page, "main form[method=post]", new()
        {
            ["q-" + domain.Questions[0].Id] = "some",
            ["q-" + domain.Questions[1].Id] = "made-up",
        });

        posted.Status.ShouldBe(HttpStatusCode.OK);
        posted.Get("title").TextContent.ShouldStartWith("Error: Mobility");
        posted.ErrorSummary().ShouldBe([
            "Select one of the answers for getting out and about",
            "Select how much help is needed with getting in and out of bed, chairs and cars",
            "Select how much help is needed with needing equipment or adaptations",
        ]);
        posted.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe($"#q-{domain.Questions[1].Id}");
        posted.Get($"#q-{domain.Questions[2].Id}-error").TextContent.ShouldContain("Select how much help is needed");
        posted.Get($"input[name='q-{domain.Questions[0].Id}'][value='some']").HasAttribute("checked").ShouldBeTrue();
        RasAssessmentService.AnswersOf(await LoadAsync(id)).Levels.ShouldBeEmpty();

        var fixedUp = await browser.SubmitAsync(posted, "main form[method=post]", domain.Questions.ToDictionary(q => "q-" + q.Id, _ => (string?)"small"));
        fixedUp.RedirectPath.ShouldBe(Url(child, id, "/answers/" + Primary.Questionnaire.Domains[2].Id));
    }

    [Fact]
    public async Task CompletingWithQuestionsUnanswered_ListsEachDomainInTheErrorSummary()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var id = await StartAsync(browser, child);
        await AnswerDomainAsync(browser, child, id, Primary.Questionnaire.Domains[0], "small");
        var check = await browser.GetPageAsync(Url(child, id, "/check"));
        check.Get($"#domain-personal-care [data-question='{Primary.Questionnaire.Domains[0].Questions[0].Id}']").TextContent.ShouldBe("Needs a little extra help");
        check.Get("#domain-personal-care .govuk-summary-card__actions a").GetAttribute("href").ShouldBe(Url(child, id, "/answers/personal-care"));

        var posted = await browser.SubmitAsync(check, "main form[method=post]", new());

        posted.Status.ShouldBe(HttpStatusCode.OK);
        var errors = posted.ErrorSummary();
        errors.Count.ShouldBe(Primary.Questionnaire.Domains.Count - 1);
        errors[0].ShouldBe("Mobility: answer the 4 questions not yet answered");
        posted.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#domain-mobility");
        (await LoadAsync(id)).Status.ShouldBe(RasAssessmentStatus.Draft);
    }

    [Fact]
    public async Task Completing_ShowsTheIndicativeBudgetWithItsWholeWorkingTheVersionAndTheNote()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Priya Officer");
        var id = await StartAsync(browser, child);
        await AnswerEverythingAsync(browser, child, id, "small");
        var support = await browser.GetPageAsync(Url(child, id, "/answers/support"));
        var supportSaved = await browser.SubmitAsync(support, "main form[method=post]", new() { ["s-personal-care"] = "some", ["s-mobility"] = "none", ["action"] = "later" });
        supportSaved.Status.ShouldBe(HttpStatusCode.Redirect);
        var check = await browser.GetPageAsync(Url(child, id, "/check"));
        check.Get("[data-support='personal-care']").TextContent.ShouldBe("Some support from family, friends or other services");

        var completed = await browser.SubmitAsync(check, "main form[method=post]", new());

        completed.RedirectPath.ShouldBe(Url(child, id, "/result"));
        var result = await browser.FollowAsync(completed);
        // 40 questions at 1 point, less 2 points of support with personal care: 38 points, in the Flexible Short Breaks band.
        Page.Normalise(result.Get("#indicative").TextContent).ShouldBe("Indicative budget: £750 a year.");
        result.Get("#total-points").TextContent.ShouldBe("38");
        result.Get("#band-hours").TextContent.ShouldBe("About 80 hours of short breaks a year");
        result.Get("#band-provider").TextContent.ShouldBe("£1,200 a year through an approved provider");
        result.Get("#scored-under").TextContent.ShouldBe("RAS version 2026.1, Primary school age questionnaire");
        result.Get("#completed").TextContent.ShouldContain("by Priya Officer");
        result.Get("#indicative-note").TextContent.ShouldContain("The plan must meet the child's assessed needs.");
        var working = result.Html.QuerySelectorAll("#working li").Select(li => li.TextContent).ToList();
        working.ShouldContain("Personal care, Washing and bathing: needs a little extra help, 1 point.");
        working.ShouldContain("Personal care: some support from family, friends or other services takes off 2 points.");
        working.ShouldContain("Personal care comes to 2 points.");
        working.ShouldContain("In all, the answers come to 38 points.");
        working.ShouldContain(l => l.StartsWith("38 points is in the band \"Flexible Short Breaks\"") && l.Contains("£750 a year"));
        working.Count(l => l.StartsWith("Personal care, ") || l.StartsWith("Mobility, ")).ShouldBe(8);

        var record = await browser.GetPageAsync($"/staff/children/{child.Id}");
        var row = Page.Normalise(record.Get($"#ras-{id}").TextContent);
        row.ShouldContain("Completed");
        row.ShouldContain("RAS version 2026.1");
        row.ShouldContain("£750 a year");
        (await browser.GetPageAsync(Url(child, id))).RedirectPath.ShouldBe(Url(child, id, "/result"));
        (await browser.GetPageAsync(Url(child, id, "/answers/mobility"))).RedirectPath.ShouldBe(Url(child, id, "/result"));
    }

    [Fact]
    public async Task AnswersBelowTheFirstBand_RouteToUniversalServicesWithNoBudgetAndTheViewIsAudited()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var id = await StartAsync(browser, child);
        await AnswerEverythingAsync(browser, child, id, "none/small");
        await browser.SubmitAsync(await browser.GetPageAsync(Url(child, id, "/check")), "main form[method=post]", new());

        var result = await browser.GetPageAsync(Url(child, id, "/result"));

        // 40 questions half way between none and small: 20 points, the first money band starts at 20.
        Page.Normalise(result.Get("#indicative").TextContent).ShouldBe("Indicative budget: £750 a year.");
        (await LoadAsync(id)).TotalPoints.ShouldBe(20m);

        var lower = await PrimaryAgeChildAsync();
        var lowerId = await StartAsync(browser, lower);
        await AnswerEverythingAsync(browser, lower, lowerId, "none");
        await browser.SubmitAsync(await browser.GetPageAsync(Url(lower, lowerId, "/check")), "main form[method=post]", new());
        var routed = await browser.GetPageAsync(Url(lower, lowerId, "/result"));
        Page.Normalise(routed.Get("#indicative").TextContent).ShouldBe("No budget in money: universal and early help services.");
        routed.Get("#band").TextContent.ShouldContain("Universal and early help services");
        routed.Find("#band-hours").ShouldBeNull();
        routed.Html.QuerySelectorAll("#working li[data-kind=Routing]").ShouldHaveSingleItem().TextContent.ShouldContain("universal and early help services are the right place to start");
        Page.Normalise((await browser.GetPageAsync($"/staff/children/{lower.Id}")).Get($"#ras-{lowerId}").TextContent).ShouldContain("Universal and early help services");
        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "view" && e.EntityType == nameof(RasAssessment) && e.EntityId == lowerId.ToString()).Select(e => e.Details).ToListAsync());
        views.ShouldContain("Result");
        views.ShouldContain("Check");
        views.Count(v => v == "Section").ShouldBe(Primary.Questionnaire.Domains.Count);
    }

    [Fact]
    public async Task AnOverride_NeedsAnAmountAReasonAndWhoAgreedAndThenShowsBesideTheIndicativeBudget()
    {
        var child = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Ola Officer");
        var id = await StartAsync(browser, child);
        await AnswerEverythingAsync(browser, child, id, "small/some");
        await browser.SubmitAsync(await browser.GetPageAsync(Url(child, id, "/check")), "main form[method=post]", new());
        var result = await browser.GetPageAsync(Url(child, id, "/result"));
        Page.Normalise(result.Get("#indicative").TextContent).ShouldBe("Indicative budget: £1,800 a year.");
        result.Get("#override-link").GetAttribute("href").ShouldBe(Url(child, id, "/override"));
        var form = await browser.GetPageAsync(Url(child, id, "/override"));

        var empty = await browser.SubmitAsync(form, "main form[method=post]", new() { ["Amount"] = "", ["Reason"] = " ", ["AgreedBy"] = "" });
        empty.ErrorSummary().ShouldBe([
            "Enter the amount a year, in pounds",
            "Enter why the amount differs from the indicative budget",
            "Enter who agreed the different amount",
        ]);
        var bad = await browser.SubmitAsync(empty, "main form[method=post]", new() { ["Amount"] = "lots", ["Reason"] = "Two carers needed at all times.", ["AgreedBy"] = "Team manager" });
        bad.ErrorSummary().ShouldBe(["Enter the amount a year as a number of pounds, like 2400 or 2400.50"]);
        bad.Get("#Reason").TextContent.ShouldBe("Two carers needed at all times.");
        var pence = await browser.SubmitAsync(bad, "main form[method=post]", new() { ["Amount"] = "2400.505" });
        pence.ErrorSummary().ShouldBe(["The amount must be in pounds and pence, like 2400 or 2400.50"]);
        (await LoadAsync(id)).OverrideAmount.ShouldBeNull();

        var saved = await browser.SubmitAsync(pence, "main form[method=post]", new() { ["Amount"] = "£2,600" });

        saved.RedirectPath.ShouldBe(Url(child, id, "/result"));
        var shown = await browser.FollowAsync(saved);
        Page.Normalise(shown.Get("#indicative").TextContent).ShouldBe("Indicative budget: £1,800 a year.");
        shown.Get("#override-amount").TextContent.ShouldBe("£2,600");
        shown.Get("#override-reason").TextContent.ShouldBe("Two carers needed at all times.");
        shown.Get("#override-agreed-by").TextContent.ShouldBe("Team manager");
        shown.Get("#override-recorded").TextContent.ShouldContain("by Ola Officer");
        var record = await browser.GetPageAsync($"/staff/children/{child.Id}");
        var row = Page.Normalise(record.Get($"#ras-{id}").TextContent);
        row.ShouldContain("£1,800 a year");
        row.ShouldContain("£2,600 a year Agreed by Team manager; recorded by Ola Officer");
    }

    [Fact]
    public async Task WhenTwoPeopleSaveTheSameAssessment_TheSecondIsToldAndTheirAnswersAreShownBack()
    {
        var child = await PrimaryAgeChildAsync();
        var (first, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var id = await StartAsync(first, child);
        var domain = Primary.Questionnaire.Domains[3];
        var firstPage = await first.GetPageAsync(Url(child, id, "/answers/" + domain.Id));
        var secondPage = await second.GetPageAsync(Url(child, id, "/answers/" + domain.Id));
        (await first.SubmitAsync(firstPage, "main form[method=post]", domain.Questions.ToDictionary(q => "q-" + q.Id, _ => (string?)"some"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var conflict = await second.SubmitAsync(secondPage, "main form[method=post]", domain.Questions.ToDictionary(q => "q-" + q.Id, _ => (string?)"exceptional"));

        conflict.Status.ShouldBe(HttpStatusCode.OK);
        conflict.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this assessment while you were working on it.");
        foreach (var q in domain.Questions)
        {
            conflict.Get($"input[name='q-{q.Id}'][value='exceptional']").HasAttribute("checked").ShouldBeTrue();
        }

        RasAssessmentService.AnswersOf(await LoadAsync(id)).Levels.Values.ShouldAllBe(v => v == "some");

        var resent = await second.SubmitAsync(conflict, "main form[method=post]", new());
        resent.Status.ShouldBe(HttpStatusCode.Redirect);
        RasAssessmentService.AnswersOf(await LoadAsync(id)).Levels.Values.ShouldAllBe(v => v == "exceptional");
    }

    [Fact]
    public async Task AReviewingOfficer_MayLookButNotStartChangeOrOverride()
    {
        var child = await PrimaryAgeChildAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var id = await StartAsync(officer, child);
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        (await reviewer.GetPageAsync($"/staff/children/{child.Id}")).Find("#ras-start").ShouldBeNull();
        var tasks = await reviewer.GetPageAsync(Url(child, id));
        tasks.Status.ShouldBe(HttpStatusCode.OK);
        tasks.Get("#view-only").TextContent.ShouldContain("not change it");
        tasks.Find("#tasks a[href$='/answers/personal-care']").ShouldBeNull();
        (await reviewer.GetPageAsync($"/staff/children/{child.Id}/ras/start")).RedirectPath!.ShouldStartWith("/access-denied");
        (await reviewer.GetPageAsync(Url(child, id, "/check"))).Find("main form[method=post]").ShouldBeNull();

        var posted = await reviewer.PostRawAsync(tasks, Url(child, id, "/answers/personal-care"),
            new() { ["q-" + Primary.Questionnaire.Domains[0].Questions[0].Id] = "lots", ["Version"] = "0", ["action"] = "later" });

        posted.RedirectPath!.ShouldStartWith("/access-denied");
        RasAssessmentService.AnswersOf(await LoadAsync(id)).Levels.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheTaskList_SaysWhenTheFamilyFilledItInAndAnotherChildsAddressIsNotFound()
    {
        var child = await PrimaryAgeChildAsync();
        var other = await PrimaryAgeChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var id = await StartAsync(browser, child);
        await factory.Data.WithDbAsync(async db =>
        {
            var a = await db.RasAssessments.SingleAsync(x => x.Id == id);
            a.FamilyFinishedAt = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
            a.FamilyFinishedByName = "Sam Parent";
            await db.SaveChangesAsync();
        });

        var tasks = await browser.GetPageAsync(Url(child, id));

        tasks.Get("#family-finished").TextContent.ShouldStartWith("Filled in by the family on 4 March 2026 (Sam Parent)");
        (await browser.GetAsync(Url(other, id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(Url(child, id, "/answers/no-such-domain"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(Url(child, Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChildTooYoungForAnyQuestionnaire_CannotBeStarted()
    {
        var child = await factory.Data.ChildAsync(c => c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-3));
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var start = await browser.GetPageAsync($"/staff/children/{child.Id}/ras/start");

        start.Get("#no-phase").TextContent.ShouldBe("RAS version 2026.1 has no questionnaire for a child aged 3.");
        start.Find("main form[method=post]").ShouldBeNull();
        (await factory.Data.WithDbAsync(db => db.RasAssessments.CountAsync(a => a.ChildId == child.Id))).ShouldBe(0);
    }
}
