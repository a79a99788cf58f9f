using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Staff.Tests.Rates;

/// <summary>
/// A host with three current cases, scored under the shipped RAS 2026.1 (questions score 0 to 6; under 20 points
/// is universal services, 20 to 50 is £750): one stays at £750, one falls from £1,800 to £750, one is sent to
/// universal services and falls from £750 to £0.
/// </summary>
public sealed class VirtualBudgetCaseload : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    public Child Same { get; private set; } = null!;
    public Child Falls { get; private set; } = null!;
    public Child ToUniversal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Same = await CaseAsync(Tier.FlexibleShortBreaks, 750m, lots: 10);
        Falls = await CaseAsync(Tier.TargetedShortBreaks, 1800m, lots: 10);
        ToUniversal = await CaseAsync(Tier.FlexibleShortBreaks, 750m, lots: 0);
    }

    private async Task<Child> CaseAsync(Tier tier, decimal current, int lots)
    {
        var child = await Factory.Data.ChildAsync(c => c.Tier = tier);
        await Factory.Data.WithDbAsync(async db =>
        {
            var catalog = Factory.Services.GetRequiredService<RasSchemeCatalog>();
            var phase = catalog.Find("2026.1")!.Phases.Single(p => p.Id == "primary");
            var levels = phase.Questionnaire.Domains.SelectMany(d => d.Questions).Select((q, i) => (q.Id, Level: i < lots ? "lots" : "none")).ToDictionary(x => x.Id, x => x.Level);
            db.RasAssessments.Add(new RasAssessment
            {
                ChildId = child.Id,
                Status = RasAssessmentStatus.Completed,
                AgeYears = 8,
                PhaseId = "primary",
                LevelsJson = JsonSerializer.Serialize(levels),
                CreatedAt = DateTime.UtcNow.AddDays(-20),
                CompletedAt = DateTime.UtcNow.AddDays(-19),
                RasVersion = "2026.1",
                IndicativeAmount = current,
            });
            await db.SaveChangesAsync();
        });
        return child;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class VirtualBudgetPagesTests(VirtualBudgetCaseload caseload) : IClassFixture<VirtualBudgetCaseload>
{
    private WebAppFactory Factory => caseload.Factory;

    private const string StartForm = "main form[method=post]";

    [Fact]
    public async Task Start_WithNoVersionChosen_ShowsTheErrorTheGovUkWay()
    {
        var (browser, _) = await Factory.SignedInAsAsync(Roles.CommissioningOfficer);
        var page = await browser.GetPageAsync("/rates/virtual-budgets/start");
        page.Html.QuerySelectorAll("input[name=VersionLabel]").Select(i => i.GetAttribute("value")).ShouldContain("2026.1");

        var result = await browser.SubmitAsync(page, StartForm, new() { ["VersionLabel"] = null });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.ErrorSummary().ShouldBe(["Choose the RAS version to try"]);
        result.Get("#VersionLabel-error").TextContent.ShouldContain("Choose the RAS version to try");
        result.Get("title").TextContent.ShouldStartWith("Error: ");

        var unknown = await browser.SubmitAsync(page, StartForm, new() { ["VersionLabel"] = "1999.9" });
        unknown.ErrorSummary().ShouldBe(["There is no RAS version '1999.9'"]);
    }

    [Fact]
    public async Task Start_ReturnsAtOnce_AndTheRunCompletesInTheBackground_WithTheSummaryAndFallingFamilies()
    {
        var (browser, user) = await Factory.SignedInAsAsync(Roles.FinanceOfficer, "Helen Marsh");
        var start = await browser.GetPageAsync("/rates/virtual-budgets/start");

        var started = await browser.SubmitAsync(start, StartForm, new() { ["VersionLabel"] = "2026.1" });

        started.Status.ShouldBe(HttpStatusCode.Redirect);
        started.RedirectPath.ShouldStartWith("/rates/virtual-budgets/");
        var run = await WaitForCompletionAsync(browser, started.RedirectPath!);
        run.Get("h1").TextContent.ShouldBe("Virtual budgets under RAS version 2026.1");
        Counts(run, "#counts").ShouldBe(new Dictionary<string, string>
        {
            ["Budget would go up"] = "0",
            ["Budget would go down"] = "2",
            ["Budget would stay the same"] = "1",
            ["Sent to universal services"] = "1",
            ["Sent for a social work assessment"] = "0",
            ["Cannot be scored under this version"] = "0",
        });
        Counts(run, "#totals")["Budgets now"].ShouldBe("£3,300 a year");
        Counts(run, "#totals")["Under version 2026.1"].ShouldBe("£1,500 a year");

        // The version's effect on budget monitoring's forecast outturn: both falls (-£1,800 a year) from the end of their
        // notice, for this year's days left after it, and for the whole of next year.
        var today = UkCalendar.Today(TimeProvider.System);
        var thisYear = FinancialYears.Of(today);
        var yearEnd = FinancialYears.Start(thisYear + 1).AddDays(-1);
        var fallsFrom = today.AddMonths(3);
        var daysInYear = yearEnd.DayNumber - FinancialYears.Start(thisYear).DayNumber + 1m;
        var thisYearChange = fallsFrom > yearEnd ? 0m : decimal.Round(-1800m * (yearEnd.DayNumber - fallsFrom.DayNumber + 1) / daysInYear, 2, MidpointRounding.AwayFromZero);
        var nextYearChange = fallsFrom > yearEnd.AddYears(1) ? 0m : fallsFrom <= yearEnd.AddDays(1) ? -1800m
            : decimal.Round(-1800m * (yearEnd.AddYears(1).DayNumber - fallsFrom.DayNumber + 1) / (yearEnd.AddYears(1).DayNumber - yearEnd.DayNumber), 2, MidpointRounding.AwayFromZero);
        foreach (var (year, change) in new[] { (thisYear, thisYearChange), (thisYear + 1, nextYearChange) })
        {
            var cells = run.Get($"#outturn tr[data-year='{year}']").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            cells[1].ShouldBe(Core.Money.Signed(change));
            var now = decimal.Parse(cells[0].Replace("£", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            cells[2].ShouldBe(Core.Money.FormatPence(now + change));
        }

        var rows = run.Html.QuerySelectorAll("#falls ~ table tbody tr").Select(r => Page.Normalise(r.TextContent)).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldStartWith(caseload.Falls.FullName);
        rows[0].ShouldContain("£1,800 £750 −£1,050");
        rows[0].ShouldContain(UkCalendar.DateOf(DateTime.UtcNow).AddMonths(3).ToString("d MMMM yyyy"));
        rows[1].ShouldStartWith(caseload.ToUniversal.FullName);
        rows[1].ShouldContain("sent to universal services");

        var runId = started.RedirectPath!.Split('/').Last();
        var csv = await browser.GetAsync($"/rates/virtual-budgets/{runId}?handler=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("reference,child,key_worker,tier,phase,current,new,change,routing,takes_effect_from");
        lines.Length.ShouldBe(3);
        lines[1].ShouldStartWith($"{caseload.Falls.Reference},{caseload.Falls.FullName},,Targeted Short Breaks,primary,1800.00,750.00,-1050.00,None,");

        var views = await Factory.Data.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "view" && a.EntityType == "VirtualBudgetRun" && a.UserId == user.Id).Select(a => a.ChildId).ToListAsync());
        views.ShouldContain(caseload.Falls.Id);
        views.ShouldContain(caseload.ToUniversal.Id);
        views.ShouldNotContain(caseload.Same.Id);

        var index = await browser.GetPageAsync("/rates/virtual-budgets");
        Page.Normalise(index.Get("table tbody").TextContent).ShouldContain("2026.1");
        Page.Normalise(index.Get("table tbody").TextContent).ShouldContain("Complete");
    }

    [Fact]
    public async Task ARunLeftUnfinishedWhenTheServiceStopped_IsRunWhenItStartsAgain()
    {
        var runId = await Factory.Data.WithDbAsync(async db =>
        {
            var run = new VirtualBudgetRun { VersionLabel = "2026.1", RequestedByName = "Helen Marsh", RequestedAt = DateTime.UtcNow, Status = VirtualBudgetRunStatus.Running, StartedAt = DateTime.UtcNow };
            db.VirtualBudgetRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        var worker = Factory.Services.GetServices<IHostedService>().OfType<VirtualBudgetWorker>().Single();

        await worker.StopAsync(CancellationToken.None);
        await worker.StartAsync(CancellationToken.None);

        var (browser, _) = await Factory.SignedInAsAsync(Roles.TeamManager);
        var page = await WaitForCompletionAsync(browser, $"/rates/virtual-budgets/{runId}");
        Counts(page, "#counts")["Budget would go down"].ShouldBe("2");
    }

    [Fact]
    public async Task ARunOfAVersionThatNoLongerExists_FailsWithTheReason()
    {
        var runId = await Factory.Data.WithDbAsync(async db =>
        {
            var run = new VirtualBudgetRun { VersionLabel = "gone-draft", RequestedByName = "Helen Marsh", RequestedAt = DateTime.UtcNow, Status = VirtualBudgetRunStatus.Queued };
            db.VirtualBudgetRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        Factory.Services.GetRequiredService<VirtualBudgetQueue>().Enqueue(runId);
        var (browser, _) = await Factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var page = await WaitForCompletionAsync(browser, $"/rates/virtual-budgets/{runId}", VirtualBudgetRunStatus.Failed);

        Page.Normalise(page.Get(".govuk-warning-text").TextContent).ShouldContain("RAS version 'gone-draft' no longer exists");
    }

    [Fact]
    public async Task ServiceBudget_IsSetByFinance_ShownOnTheList_AndCheckedForErrorsAndLostUpdates()
    {
        var (finance, _) = await Factory.SignedInAsAsync(Roles.FinanceOfficer, "Helen Marsh");
        var form = await finance.GetPageAsync("/rates/virtual-budgets/service-budget?year=2031");

        var empty = await finance.SubmitAsync(form, StartForm, new() { ["FinancialYear"] = "", ["Amount"] = "" });
        empty.ErrorSummary().ShouldBe(["Enter the year the financial year starts, like " + FinancialYears.Of(UkCalendar.DateOf(DateTime.UtcNow)), "Enter the service budget for the year, in pounds"], ignoreOrder: true);
        var bad = await finance.SubmitAsync(form, StartForm, new() { ["FinancialYear"] = "twenty", ["Amount"] = "lots" });
        bad.ErrorSummary().ShouldBe(["Enter the year the financial year starts as 4 numbers, like " + FinancialYears.Of(UkCalendar.DateOf(DateTime.UtcNow)), "Enter the service budget as an amount in pounds, like 4500000"], ignoreOrder: true);
        var negative = await finance.SubmitAsync(form, StartForm, new() { ["FinancialYear"] = "2026", ["Amount"] = "-5" });
        negative.Status.ShouldBe(HttpStatusCode.OK);
        negative.ErrorSummary().ShouldBe(["Enter the service budget as an amount in pounds, like 4500000"]);

        var year = FinancialYears.Of(UkCalendar.DateOf(DateTime.UtcNow)) + 1;
        var fresh = await finance.GetPageAsync($"/rates/virtual-budgets/service-budget?year={year}");
        var saved = await finance.SubmitAsync(fresh, StartForm, new() { ["Amount"] = "£4,500,000" });
        saved.RedirectPath.ShouldBe("/rates/virtual-budgets");
        var list = await finance.GetPageAsync("/rates/virtual-budgets");
        Page.Normalise(list.Get(".govuk-summary-list").TextContent).ShouldContain($"{year} to {year + 1} £4,500,000Set by Helen Marsh");

        // Someone else saves from the same starting point: they are told, nothing is overwritten.
        var (admin, _) = await Factory.SignedInAsAsync(Roles.Admin);
        var mine = await finance.GetPageAsync($"/rates/virtual-budgets/service-budget?year={year}");
        var theirs = await admin.GetPageAsync($"/rates/virtual-budgets/service-budget?year={year}");
        (await admin.SubmitAsync(theirs, StartForm, new() { ["Amount"] = "5000000" })).RedirectPath.ShouldBe("/rates/virtual-budgets");
        var lost = await finance.SubmitAsync(mine, StartForm, new() { ["Amount"] = "4000000" });
        lost.ErrorSummary().Single().ShouldStartWith("Someone else set the service budget for this year");
        (await Factory.Data.WithDbAsync(db => db.ServiceBudgets.SingleAsync(b => b.FinancialYear == year))).Amount.ShouldBe(5_000_000m);
        var audit = await Factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(ServiceBudget)).OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName }).ToListAsync());
        audit.Select(a => (a.Action, a.UserName)).ShouldBe([("create", "Helen Marsh"), ("update", audit[1].UserName)]);
        audit[1].UserName.ShouldNotBe("Helen Marsh");
    }

    [Theory]
    [InlineData(Roles.CommissioningOfficer)]
    [InlineData(Roles.TeamManager)]
    public async Task ServiceBudget_IsRefusedToRatesStaffOtherThanFinanceAndAdmin(string role)
    {
        var (browser, _) = await Factory.SignedInAsAsync(role);

        var page = await browser.GetPageAsync("/rates/virtual-budgets/service-budget");

        page.RedirectPath.ShouldNotBeNull();
        page.RedirectPath.ShouldStartWith("/access-denied");
        (await browser.GetPageAsync("/rates/virtual-budgets")).Find("a[href='/rates/virtual-budgets/service-budget']").ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task EveryVirtualBudgetPage_IsRefusedToAccountsOutsideRates(string role)
    {
        var runId = await Factory.Data.WithDbAsync(db => db.VirtualBudgetRuns.Select(r => (Guid?)r.Id).FirstOrDefaultAsync());
        var (browser, _) = await Factory.SignedInAsAsync(role);
        string[] urls = ["/rates/virtual-budgets", "/rates/virtual-budgets/start", "/rates/virtual-budgets/service-budget", $"/rates/virtual-budgets/{runId ?? Guid.NewGuid()}", $"/rates/virtual-budgets/{runId ?? Guid.NewGuid()}?handler=csv"];
        foreach (var url in urls)
        {
            var page = await browser.GetPageAsync(url);

            page.RedirectPath.ShouldNotBeNull(url);
            page.RedirectPath.ShouldStartWith("/access-denied", customMessage: url);
        }

        var anonymous = await Factory.NewBrowser().GetPageAsync("/rates/virtual-budgets");
        anonymous.RedirectPath!.ShouldStartWith("/account/sign-in");
    }

    [Fact]
    public async Task ARunThatDoesNotExist_IsNotFound()
    {
        var (browser, _) = await Factory.SignedInAsAsync(Roles.FinanceOfficer);

        (await browser.GetAsync($"/rates/virtual-budgets/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, string> Counts(Page page, string selector) =>
        page.Get(selector).QuerySelectorAll(".govuk-summary-list__row").ToDictionary(
            r => Page.Normalise(r.QuerySelector("dt")!.TextContent),
            r => Page.Normalise(r.QuerySelector("dd")!.ChildNodes.First().TextContent));

    /// <summary>Follows "Check again" as a person would, until the run has finished.</summary>
    private static async Task<Page> WaitForCompletionAsync(PageClient browser, string url, VirtualBudgetRunStatus expected = VirtualBudgetRunStatus.Completed)
    {
        var page = await Eventually.UntilAsync(() => browser.GetPageAsync(url), seen => !seen.HasLink("Check again"), "the run finished");
        page.Status.ShouldBe(HttpStatusCode.OK);
        if (expected == VirtualBudgetRunStatus.Completed) page.Find(".govuk-warning-text").ShouldBeNull("the run failed");
        return page;
    }
}
