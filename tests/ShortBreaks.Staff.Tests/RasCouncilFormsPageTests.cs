using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;
using RasCouncilForms = ShortBreaks.TestCommon.RasCouncilForms;

namespace ShortBreaks.Staff.Tests;

/// <summary>
/// An assessment under a version written the way councils publish theirs (see <see cref="RasCouncilForms"/>): support
/// already funded entered on the support page, and the result with its hours, the assessment it asks for and what
/// was taken off.
/// </summary>
public class RasCouncilFormsPageTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _factory;
    private readonly RasScheme _forms;

    public RasCouncilFormsPageTests(WebAppFactory factory)
    {
        _factory = factory;
        var catalog = factory.Services.GetRequiredService<RasSchemeCatalog>();
        var forms = RasCouncilForms.From(catalog.Find("2026.1")!, new DateOnly(2026, 4, 2));
        _forms = forms with { ContentHash = RasSchemeCatalog.HashOf(forms) };
        catalog.Add(_forms);
    }

    private static string Url(Child child, Guid id, string rest = "") => $"/staff/children/{child.Id}/ras/{id}{rest}";

    [Fact]
    public async Task SupportAlreadyFunded_IsEnteredCheckedAndTakenOffAndTheResultShowsHoursAndTheAssessmentAskedFor()
    {
        var child = await _factory.Data.ChildAsync(c => c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-8).AddDays(-20));
        var (browser, _) = await _factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var started = await browser.SubmitAsync(await browser.GetPageAsync($"/staff/children/{child.Id}/ras/start"), "main form[method=post]", new());
        var id = Guid.Parse(started.RedirectPath!.Split('/').Last());
        var primary = _forms.Phases.Single(p => p.Id == "primary");
        // 28 questions at "lots" (4 points) and 12 at "none": 112 points, in the band 100–129.
        var levels = RasCouncilForms.PrimaryLevels(_forms, lots: 28);
        foreach (var domain in primary.Questionnaire.Domains)
        {
            var page = await browser.GetPageAsync(Url(child, id, "/answers/" + domain.Id));
            (await browser.SubmitAsync(page, "main form[method=post]", domain.Questions.ToDictionary(q => "q-" + q.Id, q => (string?)levels[q.Id])))
                .Status.ShouldBe(HttpStatusCode.Redirect);
        }

        var support = await browser.GetPageAsync(Url(child, id, "/answers/support"));
        support.Get("label[for='f-equipment']").TextContent.ShouldBe("Equipment already funded (£ a year)");
        support.Get("#f-holiday-club-hint").TextContent.ShouldContain("taken off at £15 an hour");

        var refused = await browser.SubmitAsync(support, "main form[method=post]", new() { ["f-equipment"] = "£2,50", ["f-holiday-club"] = "ten", ["action"] = "later" });
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe([
            "Enter equipment already funded as an amount in pounds a year, like 250 or 250.50, or leave it empty",
            "Enter hours at a holiday club already funded as a number of hours a year, like 40 or 40.5, or leave it empty",
        ]);
        refused.Get("#f-equipment").GetAttribute("value").ShouldBe("£2,50");

        var saved = await browser.SubmitAsync(support, "main form[method=post]", new() { ["f-equipment"] = "£250.50", ["f-holiday-club"] = "10.6", ["action"] = "later" });
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var stored = await _factory.Data.WithDbAsync(db => db.RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id));
        RasAssessmentService.FundedSupportOf(stored.FundedSupportJson).ShouldBe(new Dictionary<string, decimal> { ["equipment"] = 250.50m, ["holiday-club"] = 10.6m }, ignoreOrder: true);

        var check = await browser.GetPageAsync(Url(child, id, "/check"));
        check.Get("[data-funded='equipment']").TextContent.ShouldBe("£250.50 a year");
        check.Get("[data-funded='holiday-club']").TextContent.ShouldBe("10.6 hours a year (at £15 an hour)");

        var completed = await browser.SubmitAsync(check, "main form[method=post]", new());
        completed.RedirectPath.ShouldBe(Url(child, id, "/result"));
        var result = await browser.FollowAsync(completed);

        // £3,000, less £250.50 of equipment and 10 hours (10.6 down to whole hours) at £15: £2,599.50, up to £2,600.
        Page.Normalise(result.Get("#indicative").TextContent).ShouldBe("Indicative budget: £2,600 a year.");
        result.Get("#hours").TextContent.ShouldBe("173 hours a year");
        result.Get("#funded").TextContent.ShouldBe("£400.50 a year taken off");
        result.Get("#flagged").TextContent.ShouldContain("the amount is kept meanwhile");
        Page.Normalise(result.Get("#flagged-assessment").TextContent).ShouldContain("The family keeps this amount while the assessment happens.");
        result.Get("#scored-under").TextContent.ShouldBe($"RAS version {RasCouncilForms.Version}, Primary school age questionnaire");
        var working = result.Html.QuerySelectorAll("#working li").Select(li => (Kind: li.GetAttribute("data-kind"), Text: li.TextContent)).ToList();
        working.ShouldContain(("Conversion", "112 points is in the band \"Targeted Short Breaks, band 3\" (100 to 129 points), which gives £3,000 a year."));
        working.ShouldContain(l => l.Kind == "Assessment");
        working.ShouldContain(("FundedSupport", "Equipment already funded: £250.50 a year, which comes off, leaving £2,749.50."));
        working.ShouldContain(("FundedSupport", "Hours at a holiday club already funded: 10.6 hours a year, rounded down to whole hours to 10 hours, at £15 an hour is £150, which comes off, leaving £2,599.50."));
        working.ShouldContain(("Rounding", "Before rounding the amount is £2,599.50; rounded up to a multiple of £1 it is £2,600."));
        working.ShouldContain(("Hours", "At £15 an hour, £2,600 a year is 173.3333 hours, rounded down to whole hours: 173 hours of short breaks a year."));
        var kinds = working.Select(l => l.Kind).ToList();
        kinds.IndexOf("FundedSupport").ShouldBeLessThan(kinds.IndexOf("Rounding"));
        kinds.IndexOf("Rounding").ShouldBeLessThan(kinds.IndexOf("Hours"));
    }

    [Fact]
    public async Task AVersionWithoutSupportAlreadyFunded_AsksForNone()
    {
        var child = await _factory.Data.ChildAsync(c => c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-13));
        var (browser, _) = await _factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var started = await browser.SubmitAsync(await browser.GetPageAsync($"/staff/children/{child.Id}/ras/start"), "main form[method=post]", new());
        var id = Guid.Parse(started.RedirectPath!.Split('/').Last());

        // The secondary phase of the same version has no support already funded.
        var support = await browser.GetPageAsync(Url(child, id, "/answers/support"));

        support.Status.ShouldBe(HttpStatusCode.OK);
        support.Html.QuerySelectorAll("input[name^='f-']").ShouldBeEmpty();
    }
}
