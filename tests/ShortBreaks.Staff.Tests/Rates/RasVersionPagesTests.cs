using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Rates;

/// <summary>Administrators make a RAS version from an earlier one, change it on the pages, and publish it; nobody changes a published one.</summary>
public class RasVersionPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Shipped = "2026.1";
    private static int _next;

    /// <summary>A label and a start date no other test in the class uses.</summary>
    private static (string Label, DateOnly From) Fresh()
    {
        var n = Interlocked.Increment(ref _next);
        return ($"t{n}.{Guid.NewGuid().ToString("N")[..6]}", UkCalendar.DateOf(DateTime.UtcNow).AddDays(30 + n * 7 + Random.Shared.Next(0, 5000) * 3));
    }

    private static Dictionary<string, string?> DateFields(DateOnly date) => new()
    {
        ["EffectiveFrom-day"] = date.Day.ToString(),
        ["EffectiveFrom-month"] = date.Month.ToString(),
        ["EffectiveFrom-year"] = date.Year.ToString(),
    };

    private async Task<(PageClient Admin, string Label, DateOnly From)> DraftAsync()
    {
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);
        var (label, from) = Fresh();
        var page = await admin.GetPageAsync($"/rates/versions/new?from={Shipped}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        var fields = DateFields(from);
        fields["NewLabel"] = label;
        fields["Notes"] = "Bands up after the calibration of 2025-26 packages";
        var created = await admin.SubmitAsync(page, "main form", fields);
        created.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=created", Page.Normalise(created.Text));
        return (admin, label, from);
    }

    [Fact]
    public async Task Admin_MakesADraft_ChangesABand_AndPublishes_AndThePublishedVersionCannotBeChanged()
    {
        var (admin, label, from) = await DraftAsync();

        var version = await admin.GetPageAsync($"/rates/versions/{label}");
        version.Text.ShouldContain("Draft RAS version");
        version.Text.ShouldContain("Nothing yet");

        var money = await admin.GetPageAsync($"/rates/versions/{label}/money/primary");
        money.Status.ShouldBe(HttpStatusCode.OK);
        var band = money.Html.QuerySelectorAll("input[name$='.Amount']").First(i => i.GetAttribute("value") == "1800");
        var saved = await admin.SubmitAsync(money, "main form", new() { [band.GetAttribute("name")!] = "1850", ["Action"] = "save" });
        saved.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=changes", Page.Normalise(saved.Text));

        version = await admin.GetPageAsync($"/rates/versions/{label}");
        version.Get("#changes").TextContent.ShouldContain("£1,850 a year (was £1,800)");

        var publish = await admin.GetPageAsync($"/rates/versions/{label}/publish");
        publish.Text.ShouldContain("can never be changed");
        publish.Text.ShouldContain("3 months' notice");
        var published = await admin.SubmitAsync(publish, "main form", []);
        published.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=published");

        var catalog = factory.Services.GetRequiredService<RasSchemeCatalog>();
        var scheme = catalog.Find(label).ShouldNotBeNull();
        scheme.EffectiveFrom.ShouldBe(from);
        scheme.Phases.Single(p => p.Id == "primary").Conversion.Bands!.ShouldContain(b => b.Amount == 1850m);
        scheme.Phases.Single(p => p.Id == "secondary").Conversion.Bands!.ShouldContain(b => b.Amount == 1800m, "only the primary phase was changed");

        // Published: the editing pages send the administrator back to the version, and a post changes nothing.
        (await admin.GetPageAsync($"/rates/versions/{label}/money/primary")).RedirectPath.ShouldBe($"/rates/versions/{label}");
        var again = await admin.PostRawAsync(version, $"/rates/versions/{label}/money/primary", new() { ["Method"] = "bands", ["Action"] = "save" });
        again.RedirectPath.ShouldBe($"/rates/versions/{label}");
        (await admin.GetPageAsync($"/rates/versions/{label}")).Text.ShouldContain("it can never be changed");
        catalog.Find(label)!.ContentHash.ShouldBe(scheme.ContentHash);
    }

    [Fact]
    public async Task NewVersion_WithATakenLabelAndNoDate_ShowsBothErrors_AndMakesNothing()
    {
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/rates/versions/new");
        var result = await admin.SubmitAsync(page, "main form", new() { ["NewLabel"] = Shipped });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Html.Title!.ShouldStartWith("Error: ");
        result.ErrorSummary().ShouldContain("There is already a RAS version '2026.1': choose another label");
        result.ErrorSummary().ShouldContain("Enter the date the version takes effect");
        result.Get(".govuk-error-summary a[href='#NewLabel']");
        result.Get(".govuk-error-summary a[href='#EffectiveFrom-day']");
    }

    [Fact]
    public async Task Money_WithAWordForAnAmountAndAGapBetweenBands_ListsTheProblems_AndKeepsTheDraft()
    {
        var (admin, label, _) = await DraftAsync();
        var before = (await admin.GetPageAsync($"/rates/versions/{label}?handler=json")).Text;

        var money = await admin.GetPageAsync($"/rates/versions/{label}/money/secondary");
        var word = await admin.SubmitAsync(money, "main form", new() { ["Bands[1].Amount"] = "lots", ["Action"] = "save" });
        word.Status.ShouldBe(HttpStatusCode.OK);
        word.ErrorSummary().ShouldContain("The amount a year for band 2 must be a number, like 12 or 12.5");
        word.Get("#band-1-amount").GetAttribute("value").ShouldBe("lots", "what was typed is shown again");
        word.Get(".govuk-error-summary a[href='#band-1-amount']");

        var gap = await admin.SubmitAsync(money, "main form", new() { ["Bands[1].From"] = "25", ["Action"] = "save" });
        gap.Status.ShouldBe(HttpStatusCode.OK);
        gap.ErrorSummary().ShouldNotBeEmpty();
        gap.ErrorSummary().ShouldContain(e => e.Contains("band", StringComparison.OrdinalIgnoreCase));

        (await admin.GetPageAsync($"/rates/versions/{label}?handler=json")).Text.ShouldBe(before, "nothing was saved");
    }

    [Fact]
    public async Task Money_AddAndRemoveABand_ThenSwitchToAPricePerPoint()
    {
        var (admin, label, _) = await DraftAsync();
        var money = await admin.GetPageAsync($"/rates/versions/{label}/money/primary");
        var bands = money.Html.QuerySelectorAll("input[name$='.Name']").Length;

        var added = await admin.SubmitAsync(money, "main form", new() { ["Action"] = "add" });
        added.Html.QuerySelectorAll("input[name$='.Name']").Length.ShouldBe(bands + 1);
        var removed = await admin.SubmitAsync(added, "main form", new() { ["Action"] = $"remove-{bands}" });
        removed.Html.QuerySelectorAll("input[name$='.Name']").Length.ShouldBe(bands);

        var price = await admin.SubmitAsync(removed, "main form", new()
        {
            ["Method"] = "pricePerPoint", ["Threshold"] = "20", ["PricePerPoint"] = "30", ["Floor"] = "600", ["Cap"] = "3000", ["Action"] = "save",
        });
        price.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=changes", Page.Normalise(price.Text));
        var version = await admin.GetPageAsync($"/rates/versions/{label}");
        version.Text.ShouldContain("£30 for each point above 20, at least £600 and at most £3,000 a year");
        version.Get("#changes").TextContent.ShouldContain("money is now worked out by a price per point (was bands)");
    }

    [Fact]
    public async Task Points_ChangesAQuestionsPoints_AndTheSupportRule()
    {
        var (admin, label, _) = await DraftAsync();
        var scheme = factory.Services.GetRequiredService<RasSchemeCatalog>().Find(Shipped)!;
        var phase = scheme.Phases.Single(p => p.Id == "primary");
        var domain = phase.Questionnaire.Domains[0];

        var page = await admin.GetPageAsync($"/rates/versions/{label}/points/primary/{domain.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        var fields = new Dictionary<string, string?>
        {
            ["Questions[0].Points[1]"] = "1.5",
            ["SupportMethod"] = "percent",
        };
        for (var s = 0; s < phase.SupportRules.Levels.Count; s++) fields[$"Support[{s}]"] = (s * 10).ToString();
        var saved = await admin.SubmitAsync(page, "main form", fields);
        saved.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=changes", Page.Normalise(saved.Text));

        var json = (await admin.GetPageAsync($"/rates/versions/{label}?handler=json")).Response;
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var (draft, errors) = RasSchemeCatalog.Parse(await json.Content.ReadAsStringAsync());
        errors.ShouldBeEmpty();
        var changed = draft!.Phases.Single(p => p.Id == "primary");
        changed.Questionnaire.Domains[0].Questions[0].Levels[1].Points.ShouldBe(1.5m);
        changed.SupportRules.Domains.Single(r => r.DomainId == domain.Id).PercentOff!.Values.ShouldBe(
            Enumerable.Range(0, phase.SupportRules.Levels.Count).Select(s => s * 10m));

        var lowered = await admin.SubmitAsync(await admin.GetPageAsync($"/rates/versions/{label}/points/primary/{domain.Id}"), "main form",
            new() { ["Questions[0].Points[0]"] = "50" });
        lowered.Status.ShouldBe(HttpStatusCode.OK, "points going down along the answers are refused by the scheme's rules");
        lowered.ErrorSummary().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Upload_RefusesABrokenFile_WithEveryProblem_AndAcceptsAWholeVersion()
    {
        var (admin, label, from) = await DraftAsync();
        var upload = await admin.GetPageAsync($"/rates/versions/{label}/upload");
        var token = upload.Get("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var seen = upload.Get("input[name=SeenVersion]").GetAttribute("value")!;

        async Task<Page> SendAsync(string json)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(seen), "SeenVersion" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "File", "ras.json" },
            };
            var response = await admin.PostAsync($"/rates/versions/{label}/upload", form);
            return new Page($"/rates/versions/{label}/upload", response.StatusCode,
                new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
        }

        var broken = await SendAsync("{ \"version\": \"x\" ");
        broken.Status.ShouldBe(HttpStatusCode.OK);
        broken.ErrorSummary().ShouldContain(e => e.Contains("not a valid RAS file"));

        var json = (await admin.GetPageAsync($"/rates/versions/{label}?handler=json")).Text;

        // A null in a list (a stray comma, "null" in the file) is named, not a server error.
        var withNull = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        withNull["phases"]![0]!["conversion"]!["bands"]!.AsArray().Insert(1, null);
        withNull["phases"]![0]!["questionnaire"]!["domains"]![0]!["questions"]!.AsArray().Add(null);
        var nulls = await SendAsync(withNull.ToJsonString());
        nulls.Status.ShouldBe(HttpStatusCode.OK);
        nulls.ErrorSummary().ShouldContain(e => e.Contains("conversion.bands: band 2 is empty (null)"));
        nulls.ErrorSummary().ShouldContain(e => e.Contains("questions: question 5 is empty (null)"));

        var doc = JsonSerializer.Deserialize<RasScheme>(json, RasSchemeCatalog.JsonOptions)!;
        var replaced = doc with { Description = "Uploaded with new wording", Rounding = new RasRounding(Mode: RasRoundingMode.Down, To: 10) };
        var ok = await SendAsync(JsonSerializer.Serialize(replaced, RasSchemeCatalog.JsonOptions));
        ok.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=changes", Page.Normalise(ok.Text));
        (await admin.GetPageAsync($"/rates/versions/{label}")).Text.ShouldContain("Rounding: down to a multiple of £10 (was up to the next £1)");

        // The forms councils publish: inclusive bands, a band that also asks for an assessment, hours, support already funded.
        var forms = ShortBreaks.TestCommon.RasCouncilForms.From(doc, doc.EffectiveFrom) with { Version = doc.Version };
        seen = (await admin.GetPageAsync($"/rates/versions/{label}/upload")).Get("input[name=SeenVersion]").GetAttribute("value")!;
        var councils = await SendAsync(JsonSerializer.Serialize(forms, RasSchemeCatalog.JsonOptions));
        councils.RedirectPath.ShouldBe($"/rates/versions/{label}?saved=changes", Page.Normalise(councils.Text));
        var shown = await admin.GetPageAsync($"/rates/versions/{label}");
        var primaryBands = shown.Html.QuerySelectorAll("table").First(t => t.TextContent.Contains("Bands for Primary school age"));
        Page.Normalise(primaryBands.TextContent).ShouldContain("Targeted Short Breaks, band 3 100–129 £3,000, and a social work assessment");
        shown.Get("#hours-at-primary").TextContent.ShouldBe("Shown as hours at £15 an hour, the hours rounded down to whole hours.");
        shown.Get("#funded-primary").TextContent.ShouldContain("hours at a holiday club already funded (hours a year at £15 an hour, the hours rounded down to whole hours)");
        shown.Text.ShouldContain("band edges are now whole points, both ends included");
    }

    [Fact]
    public async Task TwoAdministrators_EditTheSameDraft_TheSecondIsTold_AndKeepsWhatTheyTyped()
    {
        var (first, label, _) = await DraftAsync();
        var (second, _) = await factory.SignedInAsAsync(Roles.Admin);
        var firstPage = await first.GetPageAsync($"/rates/versions/{label}/details");
        var secondPage = await second.GetPageAsync($"/rates/versions/{label}/details");

        (await first.SubmitAsync(firstPage, "main form", new() { ["Notes"] = "First administrator's notes" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var conflict = await second.SubmitAsync(secondPage, "main form", new() { ["Notes"] = "Second administrator's notes" });

        conflict.Status.ShouldBe(HttpStatusCode.OK);
        conflict.ErrorSummary().ShouldContain(e => e.Contains("Someone else changed this RAS version"));
        conflict.Get("#Notes").TextContent.ShouldBe("Second administrator's notes");
        (await first.GetPageAsync($"/rates/versions/{label}")).Text.ShouldContain("First administrator's notes");

        var retried = await second.SubmitAsync(conflict, "main form", []);
        retried.Status.ShouldBe(HttpStatusCode.Redirect, "saving again over what is there now works");
        (await first.GetPageAsync($"/rates/versions/{label}")).Text.ShouldContain("Second administrator's notes");
    }

    [Fact]
    public async Task Delete_ThrowsTheDraftAway()
    {
        var (admin, label, _) = await DraftAsync();
        var page = await admin.GetPageAsync($"/rates/versions/{label}/delete");
        var deleted = await admin.SubmitAsync(page, "main form", []);
        deleted.RedirectPath.ShouldBe("/rates/versions");
        (await admin.GetPageAsync($"/rates/versions/{label}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.CommissioningOfficer)]
    [InlineData(Roles.TeamManager)]
    public async Task RatesStaff_SeeVersions_ButOnlyAdministratorsChangeThem(string role)
    {
        var (staff, _) = await factory.SignedInAsAsync(role);
        (await staff.GetPageAsync("/rates")).Status.ShouldBe(HttpStatusCode.OK);
        var list = await staff.GetPageAsync("/rates/versions");
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Text.ShouldContain(Shipped);
        var version = await staff.GetPageAsync($"/rates/versions/{Shipped}");
        version.Status.ShouldBe(HttpStatusCode.OK);
        version.Find("a[href^='/rates/versions/new']").ShouldBeNull();
        (await staff.GetPageAsync("/rates/versions/new")).RedirectPath!.ShouldStartWith("/access-denied");
        (await staff.GetPageAsync($"/rates/versions/{Shipped}/details")).RedirectPath!.ShouldStartWith("/access-denied");
        (await staff.GetPageAsync($"/rates/versions/{Shipped}/publish")).RedirectPath!.ShouldStartWith("/access-denied");
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task Others_CannotSeeTheRatesPages(string role)
    {
        var (someone, _) = await factory.SignedInAsAsync(role);
        foreach (var url in new[] { "/rates", "/rates/versions", $"/rates/versions/{Shipped}", $"/rates/versions/{Shipped}?handler=json" })
        {
            (await someone.GetPageAsync(url)).RedirectPath!.ShouldStartWith("/access-denied", customMessage: url);
        }
    }
}
