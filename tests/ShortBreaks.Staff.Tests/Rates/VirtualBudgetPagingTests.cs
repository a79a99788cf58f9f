using System.Net;
using System.Text.Json;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Rates;

/// <summary>A completed run with 27 falling budgets, one more page than the 25 a page shows.</summary>
public sealed class ManyFallingBudgets : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    public string RunUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Factory.Data.WithDbAsync(async db =>
        {
            var phase = Factory.Services.GetService(typeof(RasSchemeCatalog)) is RasSchemeCatalog catalog
                ? catalog.Find("2026.1")!.Phases.Single(p => p.Id == "primary")
                : throw new InvalidOperationException("No RAS catalog.");
            var levels = JsonSerializer.Serialize(phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToDictionary(q => q.Id, _ => "none"));
            for (var i = 0; i < 27; i++)
            {
                var child = new Child
                {
                    Reference = $"C-PAGE-{i:D4}",
                    FirstName = "Paged",
                    LastName = $"Family{i:D2}",
                    DateOfBirth = new DateOnly(2017, 5, 1),
                    Tier = Tier.TargetedShortBreaks,
                    CreatedAt = DateTime.UtcNow,
                };
                db.Children.Add(child);
                // £1,800 plus a little more for each, so the largest fall comes first in a known order.
                db.RasAssessments.Add(new RasAssessment
                {
                    ChildId = child.Id, Status = RasAssessmentStatus.Completed, AgeYears = 8, PhaseId = "primary", LevelsJson = levels,
                    CreatedAt = DateTime.UtcNow.AddDays(-3), CompletedAt = DateTime.UtcNow.AddDays(-2), RasVersion = "2026.1", IndicativeAmount = 1800m + i,
                });
            }

            await db.SaveChangesAsync();
        });

        var (browser, _) = await Factory.SignedInAsAsync(Roles.CommissioningOfficer);
        var start = await browser.GetPageAsync("/rates/virtual-budgets/start");
        var started = await browser.SubmitAsync(start, "main form[method=post]", new() { ["VersionLabel"] = "2026.1" });
        RunUrl = started.RedirectPath!;
        await Eventually.UntilAsync(() => browser.GetPageAsync(RunUrl), page => !page.HasLink("Check again"), "the run finished");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class VirtualBudgetPagingTests(ManyFallingBudgets run) : IClassFixture<ManyFallingBudgets>
{
    /// <summary>The reference of each family on the page, in order.</summary>
    private static List<string> Children(Page page) =>
        page.Html.QuerySelectorAll("#falls ~ table tbody tr td:first-child .govuk-hint").Select(hint => Page.Normalise(hint.TextContent).Split(',')[0]).ToList();

    [Fact]
    public async Task FallingBudgets_AreShown25APage_LargestFallFirst_WithLinksBetweenPages()
    {
        var (browser, _) = await run.Factory.SignedInAsAsync(Roles.TeamManager);

        var first = await browser.GetPageAsync(run.RunUrl);
        var second = await browser.GetPageAsync(run.RunUrl + "?p=2");

        Children(first).Count.ShouldBe(25);
        Children(first)[0].ShouldBe("C-PAGE-0026");
        first.Get(".govuk-pagination__next a").GetAttribute("href").ShouldBe(run.RunUrl + "?p=2#falls");
        first.Find(".govuk-pagination__prev").ShouldBeNull();
        Children(second).ShouldBe(["C-PAGE-0001", "C-PAGE-0000"]);
        second.Get(".govuk-pagination__prev a").GetAttribute("href").ShouldBe(run.RunUrl + "?p=1#falls");
        second.Find(".govuk-pagination__next").ShouldBeNull();
    }

    [Theory]
    [InlineData("?p=99", 2)]
    [InlineData("?p=0", 25)]
    [InlineData("?p=abc", 25)]
    public async Task APageNumberOutOfRangeOrNotANumber_ShowsTheNearestPage(string query, int rows)
    {
        var (browser, _) = await run.Factory.SignedInAsAsync(Roles.FinanceOfficer);

        var page = await browser.GetPageAsync(run.RunUrl + query);

        page.Status.ShouldBe(HttpStatusCode.OK);
        Children(page).Count.ShouldBe(rows);
    }
}
