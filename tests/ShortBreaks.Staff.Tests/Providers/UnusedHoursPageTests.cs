using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

/// <summary>The unused-hours report for commissioning and officers, its downloads, and the decision on a child's unused hours.</summary>
public class UnusedHoursPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private static DateOnly YearStart => AllowanceYears.StartOf(Today, ProviderSettings.Defaults);

    // A day of the year already past (or today), so the session is delivered on the year's first day too.
    private static DateOnly FirstDaysOfTheYear => YearStart.AddDays(3) <= Today ? YearStart.AddDays(3) : Today;

    private sealed record Provider(Guid Id, string Name, IReadOnlyList<(Child Child, Guid PackageId)> Packages);

    /// <summary>
    /// An organisation with a package of 100 hours for the whole year for each of <paramref name="children"/> children,
    /// none delivered and no returns: the first child has 6 hours delivered.
    /// </summary>
    private async Task<Provider> ProviderWithPackagesAsync(int children, string? keyWorkerId = null)
    {
        var name = "Unused " + Guid.NewGuid().ToString("N")[..8];
        var made = new List<Child>();
        for (var i = 0; i < children; i++)
            made.Add(await factory.Data.CreateChildAsync(lastName: $"Zed{i:000}", tier: Tier.FlexibleShortBreaks, keyWorkerId: keyWorkerId));
        return await factory.Data.WithDbAsync(async db =>
        {
            var (organisation, service) = TestData.AddApprovedOrganisation(db, name, YearStart);
            var packages = made.Select(c =>
            {
                var p = TestData.AddProviderPackage(db, c.Id, organisation, service, YearStart, AllowanceYears.EndOf(YearStart), totalUnits: 100);
                p.YearStart = YearStart;
                p.Lines[0].UnitPrice = 20m;
                return (c, p.Id);
            }).ToList();
            var first = db.Packages.Local.Single(p => p.Id == packages[0].Id);
            var month = DeliveryRules.MonthOf(YearStart);
            db.DeliveryReturns.Add(new DeliveryReturn
            {
                PackageId = first.Id, ChildId = first.ChildId, OrganisationId = organisation.Id, Month = month, DueOn = DeliveryRules.DueOn(month, ProviderSettings.Defaults),
                Status = DeliveryReturnStatus.Submitted, SubmittedAt = DateTime.UtcNow,
                Sessions =
                [
                    new DeliveredSession
                    {
                        PackageId = first.Id, PackageLineId = first.Lines[0].Id, ChildId = first.ChildId, Date = FirstDaysOfTheYear, Unit = PriceUnit.Hour,
                        Quantity = 6, Hours = 6, Staff = "JW", RecordedAt = DateTime.UtcNow,
                    },
                ],
            });
            await db.SaveChangesAsync();
            return new Provider(organisation.Id, name, packages);
        });
    }

    private static string Commissioning(Provider p, string extra = "") => $"/commissioning/unused-hours?provider={p.Id}{extra}";

    [Fact]
    public async Task Commissioning_sees_a_providers_packages_with_figures_and_late_returns_and_the_downloads_hold_exactly_the_filtered_rows()
    {
        var provider = await ProviderWithPackagesAsync(3);
        await ProviderWithPackagesAsync(1);
        var (commissioner, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var page = await commissioner.GetPageAsync(Commissioning(provider));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find(".govuk-error-summary").ShouldBeNull();
        page.Html.QuerySelectorAll("#providers tbody tr").Length.ShouldBe(1);
        Page.Normalise(page.Get("#providers tbody tr").TextContent).ShouldStartWith($"{provider.Name} 3 300 hours £6,000.00 6 hours £120.00");
        var rows = page.Html.QuerySelectorAll("#children tbody tr");
        rows.Length.ShouldBe(3);
        rows.Select(r => r.QuerySelector("td")!.TextContent).ShouldAllBe(t => t.Contains("Zed"));
        page.Html.QuerySelectorAll("#children a[href^='/staff/children/']").ShouldBeEmpty(); // commissioning officers do not open children's records
        var monthsDue = UnusedHoursRules.MonthsDue(YearStart, AllowanceYears.EndOf(YearStart), Today, ProviderSettings.Defaults);
        if (monthsDue > 1) Page.Normalise(rows[1].TextContent).ShouldContain($"{monthsDue} late");

        var csvResponse = await commissioner.GetAsync(page.Get("#download-csv").GetAttribute("href")!);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldStartWith("Provider,Child,Child reference,Package starts,Package ends,Agreed hours");
        csv.Length.ShouldBe(4);
        csv.Skip(1).ShouldAllBe(l => l.StartsWith(provider.Name + ","));
        var first = csv.Single(l => l.Contains(provider.Packages[0].Child.Reference)).Split(',');
        first[5].ShouldBe("100");
        first[8].ShouldBe("2000");
        first[12].ShouldBe("6");

        var xlsxResponse = await commissioner.GetAsync(page.Get("#download-xlsx").GetAttribute("href")!);
        xlsxResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsxResponse.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".xlsx");
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        sheet.Count.ShouldBe(3);
        sheet.ShouldAllBe(r => (string)r["Provider"]! == provider.Name);
        var row = sheet.Single(r => (string)r["Child reference"]! == provider.Packages[0].Child.Reference);
        Convert.ToDecimal(row["Agreed hours"], CultureInfo.InvariantCulture).ShouldBe(100);
        Convert.ToDecimal(row["Delivered money"], CultureInfo.InvariantCulture).ShouldBe(120);
        Convert.ToDecimal(row["Unused hours"], CultureInfo.InvariantCulture)
            .ShouldBe(Math.Max(0, UnusedHoursRules.AgreedSoFar(100, YearStart, AllowanceYears.EndOf(YearStart), Today) - 6));

        // The child filter narrows the page and the downloads alike.
        var one = await commissioner.GetPageAsync(Commissioning(provider, $"&child={provider.Packages[2].Child.Reference}"));
        one.Html.QuerySelectorAll("#children tbody tr").Length.ShouldBe(1);
        var oneCsv = await commissioner.Http.GetStringAsync(one.Get("#download-csv").GetAttribute("href")!);
        oneCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        oneCsv.ShouldContain(provider.Packages[2].Child.Reference);
        var none = await commissioner.GetPageAsync(Commissioning(provider, "&child=nobody-at-all"));
        none.Get("#no-rows").ShouldNotBeNull();
        using var empty = new MemoryStream(await commissioner.Http.GetByteArrayAsync(none.Get("#download-xlsx").GetAttribute("href")!));
        empty.Query(useHeaderRow: true, excelType: ExcelType.XLSX).ShouldBeEmpty();

        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "UnusedHoursReport" && a.ChildId == provider.Packages[0].Child.Id).ToListAsync());
        views.Count.ShouldBeGreaterThanOrEqualTo(3);
        views.ShouldContain(v => v.Details == "downloaded (xlsx) in the unused-hours report");
    }

    [Fact]
    public async Task Only_packages_with_late_returns_are_shown_when_asked()
    {
        var monthsDue = UnusedHoursRules.MonthsDue(YearStart, AllowanceYears.EndOf(YearStart), Today, ProviderSettings.Defaults);
        var provider = await ProviderWithPackagesAsync(2);
        var (commissioner, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var late = await commissioner.GetPageAsync(Commissioning(provider, "&late=true"));

        late.Get("input[name=late]").HasAttribute("checked").ShouldBeTrue();
        // The first child's April return is in; the second has none, so is late once any month is due.
        late.Html.QuerySelectorAll("#children tbody tr").Length.ShouldBe(monthsDue == 0 ? 0 : monthsDue == 1 ? 1 : 2);
        if (monthsDue == 0) return;
        var link = late.Get("#download-csv").GetAttribute("href")!;
        link.ShouldContain("late=true");
        var csv = await commissioner.Http.GetStringAsync(link);
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(late.Html.QuerySelectorAll("#children tbody tr").Length + 1);
    }

    [Fact]
    public async Task A_long_report_comes_a_page_at_a_time()
    {
        var provider = await ProviderWithPackagesAsync(UnusedHoursService.PageSize + 2);
        var (commissioner, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var first = await commissioner.GetPageAsync(Commissioning(provider));
        first.Html.QuerySelectorAll("#children tbody tr").Length.ShouldBe(UnusedHoursService.PageSize);
        var next = first.Get(".govuk-pagination__next a").GetAttribute("href")!;
        next.ShouldContain("p=2");
        var second = await commissioner.GetPageAsync(next);
        second.Html.QuerySelectorAll("#children tbody tr").Length.ShouldBe(2);
        (await commissioner.GetPageAsync(Commissioning(provider, "&p=999"))).Html.QuerySelectorAll("#children tbody tr").Length.ShouldBe(2);
        var all = await commissioner.Http.GetStringAsync(Commissioning(provider, "&handler=Csv&p=2"));
        all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(UnusedHoursService.PageSize + 3); // every row, not a page
    }

    [Fact]
    public async Task An_officer_offers_a_childs_unused_hours_back_to_the_family_then_releases_them_and_a_stale_form_is_refused()
    {
        var (officer, officerUser) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var provider = await ProviderWithPackagesAsync(1, officerUser.Id);
        var (child, packageId) = provider.Packages[0];
        var familyEmail = await factory.Data.WithDbAsync(async db =>
        {
            var email = $"family-{Guid.NewGuid():N}@example.org";
            var user = new AppUser { UserName = email, Email = email, DisplayName = "A parent", CreatedAt = DateTime.UtcNow };
            db.Users.Add(user);
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = user.Id, Relationship = "Father", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return email;
        });

        var report = await officer.GetPageAsync($"/staff/unused-hours?provider={provider.Id}");
        report.Get("#children tbody tr a").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/packages");
        var decide = report.Find($"#children a[href='/staff/children/{child.Id}/packages/{packageId}/unused-hours']");
        if (UnusedHoursRules.AgreedSoFar(100, YearStart, AllowanceYears.EndOf(YearStart), Today) <= 6)
        {
            decide.ShouldBeNull(); // nothing unused yet, so nothing to decide
            return;
        }

        var page = await officer.GetPageAsync(decide.ShouldNotBeNull().GetAttribute("href")!);
        page.Status.ShouldBe(HttpStatusCode.OK);
        var stale = page;

        var refused = await officer.SubmitAsync(page, "#decide", new() { ["State"] = "OfferedToFamily", ["Reason"] = "" });
        refused.ErrorSummary().ShouldContain("Enter why");
        var offered = await officer.FollowAsync(await officer.SubmitAsync(page, "#decide", new() { ["State"] = "OfferedToFamily", ["Reason"] = "Away in the summer" }));
        offered.Get("#done").TextContent.ShouldContain("offered back to the family");
        Page.Normalise(offered.Get("#decision").TextContent).ShouldContain("Offered back to the family");
        factory.Emails().ShouldContain(m => m.Contains(familyEmail) && m.Contains(provider.Name) && m.Contains($"/account/packages/{child.Id}"));

        var conflict = await officer.SubmitAsync(stale, "#decide", new() { ["State"] = "Released", ["Reason"] = "Not needed" });
        conflict.Status.ShouldBe(HttpStatusCode.OK);
        conflict.ErrorSummary().ShouldContain(UnusedHoursService.Conflict);

        var released = await officer.FollowAsync(await officer.SubmitAsync(offered, "#decide", new() { ["State"] = "Released", ["Reason"] = "Not rebooked" }));
        released.Get("#done").TextContent.ShouldBe("The unused hours are released for others.");
        released.Find("#decide").ShouldBeNull();
        var timeline = Page.Normalise((await officer.GetPageAsync($"/staff/children/{child.Id}")).Get("#timeline").TextContent);
        timeline.ShouldContain($"Unused hours offered back to the family:");
        timeline.ShouldContain($"Unused hours released for others:");
        var after = await officer.GetPageAsync($"/staff/unused-hours?provider={provider.Id}");
        Page.Normalise(after.Get("#children tbody tr").TextContent).ShouldContain("Released for others");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(UnusedHoursDecision) && a.ChildId == child.Id && a.Action == "update"))).ShouldBe(1);
    }

    [Fact]
    public async Task Providers_families_and_commissioning_without_casework_are_kept_out()
    {
        var provider = await ProviderWithPackagesAsync(1);
        var (child, packageId) = provider.Packages[0];
        var decision = $"/staff/children/{child.Id}/packages/{packageId}/unused-hours";
        foreach (var role in new[] { Roles.Provider, Roles.Family, Roles.FinanceOfficer })
        {
            var (browser, _) = await factory.SignedInAsAsync(role);
            foreach (var path in new[] { "/commissioning/unused-hours", "/commissioning/unused-hours?handler=Csv", "/staff/unused-hours", "/staff/unused-hours?handler=Xlsx", decision })
            {
                using var response = await browser.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{role} {path}");
                response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
            }
        }

        var (commissioner, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);
        using var staffPage = await commissioner.GetAsync("/staff/unused-hours");
        staffPage.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        (await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{Guid.NewGuid()}/unused-hours")).Status.ShouldBe(HttpStatusCode.NotFound);
        var other = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        (await officer.GetPageAsync($"/staff/children/{other.Id}/packages/{packageId}/unused-hours")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Garbage_in_the_filters_or_the_decision_gets_a_govuk_error_never_a_500()
    {
        var (officer, officerUser) = await factory.SignedInAsAsync(Roles.TeamManager);
        var provider = await ProviderWithPackagesAsync(1, officerUser.Id);
        var (child, packageId) = provider.Packages[0];
        string[] junk = ["abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0001", "１２", new string('9', 5000), "💥"];

        foreach (var value in junk)
        {
            foreach (var field in new[] { "year", "provider", "child", "late", "p", "handler" })
            {
                foreach (var path in new[] { "/commissioning/unused-hours", "/staff/unused-hours" })
                {
                    using var response = await officer.GetAsync($"{path}?{field}={Uri.EscapeDataString(value)}");
                    ((int)response.StatusCode).ShouldBeLessThan(500, $"{path} {field}={value}");
                }
            }
        }

        var bad = await officer.GetPageAsync($"/staff/unused-hours?year=abc&provider=nope&late=maybe&child={new string('x', 101)}");
        bad.Status.ShouldBe(HttpStatusCode.OK);
        bad.ErrorSummary().Count.ShouldBe(4);
        bad.Find("#children").ShouldBeNull();
        var badDownload = await officer.GetAsync("/commissioning/unused-hours?handler=Csv&year=1999");
        badDownload.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await officer.GetPageAsync("/staff/unused-hours?year=2999")).ErrorSummary().ShouldHaveSingleItem();

        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{packageId}/unused-hours");
        if (page.Find("#decide") is null) return; // nothing unused yet this early in the year
        foreach (var value in junk)
        {
            var answer = await officer.SubmitAsync(page, "#decide", new() { ["State"] = value, ["Reason"] = value, ["Seen"] = value });
            answer.Status.ShouldBe(HttpStatusCode.OK, value);
            answer.Find(".govuk-error-summary").ShouldNotBeNull(value);
        }

        (await officer.SubmitAsync(page, "#decide", new() { ["State"] = "1", ["Reason"] = "why" })).ErrorSummary()
            .ShouldContain("Select whether to offer the hours back to the family or release them for others");
    }
}
