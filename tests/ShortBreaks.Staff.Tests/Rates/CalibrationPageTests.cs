using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Rates;

/// <summary>Calibration pages: upload, row-by-row problems with nothing kept, the report, saving a draft, and who may use them.</summary>
public sealed class CalibrationPageTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _factory;

    public CalibrationPageTests(WebAppFactory factory) => _factory = factory;

    private static readonly Lazy<RasScheme> Shipped = new(() =>
        RasSchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes", "ras")).Find(TestData.SchemeVersion)!);

    private static string SampleCsv(int count = 80, int seed = 2025) =>
        CalibrationSample.ToCsv(Shipped.Value, CalibrationSample.Generate(Shipped.Value, count, seed, CalibrationSample.RealisticCost));

    /// <summary>Sends the upload form as a browser does: multipart, with the antiforgery token and the file.</summary>
    private static async Task<Page> UploadAsync(PageClient browser, string? csv, string fileName = "packages.csv", string method = CalibrationOptions.AsBase, string? floor = null, string? minimumPerBand = null)
    {
        var form = await browser.GetPageAsync("/rates/calibration/new");
        form.Status.ShouldBe(HttpStatusCode.OK);
        var token = form.Get("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(TestData.SchemeVersion), "BaseVersion" },
            { new StringContent(method), "Method" },
            { new StringContent(floor ?? ""), "Floor" },
            { new StringContent(""), "Cap" },
            { new StringContent(minimumPerBand ?? ""), "MinimumPerBand" },
        };
        if (csv is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "Upload", fileName);
        }

        var response = await browser.PostAsync("/rates/calibration/new", content);
        var html = await response.Content.ReadAsStringAsync();
        return new Page("/rates/calibration/new", response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), response);
    }

    private Task<int> RunCountAsync() => _factory.Data.WithDbAsync(db => db.CalibrationRuns.CountAsync());

    [Fact]
    public async Task New_OffersTemplatesMadeFromTheVersionsQuestions()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var page = await browser.GetPageAsync("/rates/calibration/new");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe("Calibrate the rates from last year's packages");
        var href = page.Html.QuerySelectorAll("a[href*='handler=Template']").Select(a => a.GetAttribute("href")!).First(h => h.Contains("format=answers"));

        var template = await browser.GetAsync(href);
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await template.Content.ReadAsStringAsync();
        text.Split('\n')[0].ShouldStartWith("child_reference,age,personal-care-washing-and-bathing,");
        CalibrationCsv.Read(new StringReader(text), Shipped.Value).Succeeded.ShouldBeTrue();
        (await browser.GetAsync("/rates/calibration/new?handler=Template&version=no-such&format=answers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_WithoutAFile_ShowsTheGovukError()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.FinanceOfficer);

        var page = await UploadAsync(browser, null);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.Title!.ShouldStartWith("Error: ");
        page.ErrorSummary().ShouldBe(["Select a CSV file of last year's packages"]);
        page.Get("#Upload-error").TextContent.ShouldContain("Select a CSV file");
    }

    [Fact]
    public async Task Post_WithABadFloor_ShowsTheGovukError()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.FinanceOfficer);

        var page = await UploadAsync(browser, SampleCsv(10), method: CalibrationOptions.PricePerPoint, floor: "lots");

        page.ErrorSummary().ShouldBe(["Enter the least amount in pounds, like 500"]);

        page = await UploadAsync(browser, SampleCsv(10), method: CalibrationOptions.Bands, minimumPerBand: "none");
        page.ErrorSummary().ShouldBe(["Enter the fewest packages as a whole number from 1 to 10,000"]);
        page.Get("#MinimumPerBand").GetAttribute("value").ShouldBe("none");
    }

    [Fact]
    public async Task Post_WithAFileOverTheLimit_ShowsTheGovukError_AndKeepsNothing()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.FinanceOfficer);
        var before = await RunCountAsync();

        var page = await UploadAsync(browser, new string('a', 26 * 1024 * 1024));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldBe(["The selected file must be smaller than 25MB"]);
        (await RunCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_WithBadRows_ListsEachRowsProblem_InPages_WithACsv_AndKeepsNothing()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.FinanceOfficer);
        var before = await RunCountAsync();
        var lines = SampleCsv(120).TrimEnd('\n').Split('\n');
        for (var i = 1; i < lines.Length; i++) lines[i] = lines[i][..lines[i].LastIndexOf(',')] + ",-1";
        var cells = lines[3].Split(',');
        cells[2] = "heaps"; // the first question's answer, on row 4
        lines[3] = string.Join(',', cells);

        var page = await UploadAsync(browser, string.Join('\n', lines), "last year.csv");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.Title!.ShouldStartWith("Error: ");
        var summary = page.ErrorSummary().ShouldHaveSingleItem();
        summary.ShouldStartWith("The file has 121 problems. Nothing has been imported");
        page.Get("#problems").TextContent.ShouldBe("Problems in last year.csv");
        var rows = page.Html.QuerySelectorAll("table.govuk-table tbody tr");
        rows.Length.ShouldBe(50);
        rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(["2", "actual_annual_cost", "-1", "The cost must not be negative"]);
        (await RunCountAsync()).ShouldBe(before);

        var third = await browser.SubmitAsync(page, "form[action*='handler=Problems#']", new() { ["ProblemsPage"] = "3" });
        third.Status.ShouldBe(HttpStatusCode.OK);
        third.Get("table.govuk-table caption").TextContent.Trim().ShouldBe("Problems 101 to 121 of 121");
        third.Html.QuerySelectorAll("table.govuk-table tbody tr").Length.ShouldBe(21);
        third.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("The file has 121 problems");

        var download = await browser.SubmitAsync(page, "form[action*='handler=ProblemsCsv']", new());
        download.Status.ShouldBe(HttpStatusCode.OK);
        download.Response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("last year-problems.csv");
        var csv = await download.Response.Content.ReadAsStringAsync();
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(122);
        // A value a spreadsheet would take for a formula is written with an apostrophe before it.
        csv.ShouldStartWith("row,column,value,problem\n2,actual_annual_cost,'-1,The cost must not be negative\n");
    }

    [Fact]
    public async Task Post_WithAGoodFile_ShowsTheReport_ListsTheRun_AndSavesADraft()
    {
        var (browser, user) = await _factory.SignedInAsAsync(Roles.CommissioningOfficer, "Cara Commissioning");

        var posted = await UploadAsync(browser, SampleCsv(150), "packages-2025-26.csv", CalibrationOptions.Bands);

        posted.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(posted.Text));
        var report = await browser.FollowAsync(posted);
        report.Status.ShouldBe(HttpStatusCode.OK);
        report.Get("h1").TextContent.ShouldBe("Calibration report");
        report.Text.ShouldContain("packages-2025-26.csv: 150 packages, with RAS answers");
        var fit = report.Html.QuerySelectorAll("table")[0];
        fit.QuerySelectorAll("tbody tr")[0].QuerySelector("th")!.TextContent.ShouldBe("R²");
        report.Text.ShouldContain("Primary school age: bands");
        report.Text.ShouldContain("By main need");
        report.Text.ShouldContain("main need is the domain where they score the most points");
        report.Html.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.Contains("furthest")).QuerySelectorAll("tbody tr").Length.ShouldBe(10);
        var id = report.Url.Split('/')[^1];
        (await _factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(CalibrationRun) && a.EntityId == id && a.Action == "view" && a.UserId == user.Id))).ShouldBe(1);

        var list = await browser.GetPageAsync("/rates/calibration");
        list.Get($"a[href='/rates/calibration/{id}']").TextContent.ShouldContain("Cara Commissioning");

        var refused = await browser.SubmitAsync(report, "form[action*='handler=SaveDraft']", new() { ["Label"] = "", ["EffectiveFrom-day"] = "31", ["EffectiveFrom-month"] = "2", ["EffectiveFrom-year"] = "2030" });
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe(["The date the version takes effect must be a real date"]);
        refused = await browser.SubmitAsync(report, "form[action*='handler=SaveDraft']", new() { ["Label"] = "", ["EffectiveFrom-day"] = "1", ["EffectiveFrom-month"] = "4", ["EffectiveFrom-year"] = "2030" });
        refused.ErrorSummary().ShouldBe(["Enter a version label, like 2027.1"]);
        refused.Get("a[href='#Label']").ShouldNotBeNull();

        var label = "cal-" + Guid.NewGuid().ToString("N")[..8];
        var saved = await browser.SubmitAsync(report, "form[action*='handler=SaveDraft']", new() { ["Label"] = label, ["EffectiveFrom-day"] = "1", ["EffectiveFrom-month"] = "4", ["EffectiveFrom-year"] = "2030", ["Notes"] = "Fitted on last year's packages" });
        saved.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(saved.Text));
        var done = await browser.FollowAsync(saved);
        done.Get(".govuk-notification-banner--success").TextContent.ShouldContain($"draft RAS version {label}");
        done.Get($".govuk-notification-banner a[href='/rates/versions/{label}']").ShouldNotBeNull();
        done.Find("form[action*='handler=SaveDraft']").ShouldBeNull();

        var draft = await _factory.Data.WithDbAsync(db => db.RasVersions.SingleAsync(v => v.Label == label));
        (draft.Status, draft.Source, draft.BasedOn, draft.CreatedByName).ShouldBe((RasVersionStatus.Draft, RasVersionSource.Calibrated, TestData.SchemeVersion, "Cara Commissioning"));

        // The form from before the draft was saved, sent again, is refused with a reason.
        var again = await browser.SubmitAsync(report, "form[action*='handler=SaveDraft']", new() { ["Label"] = label + "b", ["EffectiveFrom-day"] = "1", ["EffectiveFrom-month"] = "5", ["EffectiveFrom-year"] = "2030" });
        again.ErrorSummary().ShouldHaveSingleItem().ShouldContain("already been made from this calibration");
    }

    /// <summary>A file of domain points: the same points for every child in a phase when <paramref name="same"/>.</summary>
    private static string DomainPointsCsv(bool same)
    {
        var domains = Shipped.Value.Phases.SelectMany(p => p.Questionnaire.Domains.Select(d => d.Id)).Distinct().ToList();
        var csv = new StringBuilder("child_reference,age," + string.Join(',', domains.Select(d => "domain_" + d)) + ",actual_annual_cost\n");
        for (var i = 0; i < 40; i++)
        {
            var phase = Shipped.Value.Phases[i % 2];
            var points = same ? 5 : 3 + i % 7;
            var cells = domains.Select(d => phase.Questionnaire.Domains.Any(x => x.Id == d) ? points.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            csv.Append($"D{i},{phase.MinimumAge},{string.Join(',', cells)},{(same ? 1500 : 800 + 30 * i)}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Post_DomainPoints_ByPricePerPoint_ShowsTheFittedLine()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.FinanceOfficer);

        var posted = await UploadAsync(browser, DomainPointsCsv(same: false), method: CalibrationOptions.PricePerPoint);

        posted.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(posted.Text));
        var report = await browser.FollowAsync(posted);
        report.Text.ShouldContain("40 packages, with domain points");
        report.Text.ShouldContain("Primary school age: price per point");
        report.Text.ShouldContain("Fitted line");
        report.Text.ShouldContain("still goes to universal services");
    }

    [Fact]
    public async Task Post_RatesThatCannotBeFitted_ShowTheReason_AndKeepNothing()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.FinanceOfficer);
        var before = await RunCountAsync();

        var page = await UploadAsync(browser, DomainPointsCsv(same: true), method: CalibrationOptions.PricePerPoint);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldContain(e => e.Contains("needs packages at two or more different points totals"));
        (await RunCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnUnknownCalibration_IsNotFound()
    {
        var (browser, _) = await _factory.SignedInAsAsync(Roles.TeamManager);

        (await browser.GetAsync($"/rates/calibration/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    public async Task CalibrationPages_AreRefused_ToThoseWhoDoNotKeepTheRates(string role)
    {
        var (browser, _) = await _factory.SignedInAsAsync(role);
        foreach (var url in new[] { "/rates/calibration", "/rates/calibration/new", $"/rates/calibration/{Guid.NewGuid()}", "/rates/calibration/new?handler=Template&version=2026.1&format=answers" })
        {
            var page = await browser.GetPageAsync(url);

            page.RedirectPath.ShouldNotBeNull(url);
            page.RedirectPath.ShouldStartWith("/access-denied", customMessage: url);
        }
    }

    [Fact]
    public async Task CalibrationPages_SendSomeoneNotSignedIn_ToSignIn()
    {
        var response = await _factory.NewBrowser().GetAsync("/rates/calibration/new");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldStartWith("/account/sign-in?ReturnUrl=");
    }

    [Theory]
    [InlineData(Roles.CommissioningOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.Admin)]
    public async Task CalibrationPages_AreOpen_ToThoseWhoKeepTheRates(string role)
    {
        var (browser, _) = await _factory.SignedInAsAsync(role);

        (await browser.GetPageAsync("/rates/calibration")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetPageAsync("/rates/calibration/new")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
