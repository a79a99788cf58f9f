using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Finance;

/// <summary>Finance officers' invoice and payment run pages, and a provider's own invoices.</summary>
public class FinancePageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    private static DateOnly LastMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    [Fact]
    public async Task A_run_is_approved_only_by_a_second_officer_then_paid_and_its_file_holds_the_bank_details_the_pages_mask()
    {
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var sortCode = "40" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await factory.Data.WithDbAsync(async db =>
        {
            TestData.AddPayableDirectPayment(db, child.Id, [(Today, 123.45m)], sortCode: sortCode, accountNumber: "12345678");
            await db.SaveChangesAsync();
        });
        var (preparer, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer, "Fran Finance");
        var (approver, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer, "Gus Ledger");

        var runs = await preparer.GetPageAsync("/finance/payment-runs");
        var refused = await preparer.SubmitAsync(runs, "main form[method=post]", new() { ["PayOn-day"] = "31", ["PayOn-month"] = "2", ["PayOn-year"] = "2027" });
        refused.ErrorSummary().ShouldHaveSingleItem();
        refused.Get("#PayOn-day").GetAttribute("value").ShouldBe("31");
        var prepared = await preparer.FollowAsync(await preparer.SubmitAsync(runs, "main form[method=post]", new()));
        prepared.Get("#done").TextContent.ShouldContain("Another finance officer must approve it");
        prepared.Get("#second-officer").TextContent.ShouldContain("You prepared this run");
        Page.Normalise(prepared.Get("#run-items").TextContent).ShouldContain($"**-**-{sortCode[^2..]} ****5678");
        prepared.Html.Body!.OuterHtml.ShouldNotContain(sortCode);
        prepared.Html.Body!.OuterHtml.ShouldNotContain("12345678");
        var runPath = new Uri("http://x" + prepared.Url).AbsolutePath;

        var approvePage = await approver.GetPageAsync(runPath);
        var ownApproval = await preparer.PostRawAsync(prepared, runPath + "?handler=Approve", new() { ["SeenVersion"] = prepared.Get("input[name=SeenVersion]").GetAttribute("value")! });
        ownApproval.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("You prepared this run");
        var approved = await approver.FollowAsync(await approver.SubmitAsync(approvePage, "form[action*=Approve]", new()));
        approved.Get("#run-state").TextContent.ShouldBe("Approved, to be paid");
        var stale = await approver.SubmitAsync(approvePage, "form[action*=Cancel]", new());
        stale.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this payment run");

        var paid = await approver.FollowAsync(await approver.SubmitAsync(approved, "form[action*=Pay]", new()));
        paid.Get("#run-state").TextContent.ShouldBe("Paid");
        var file = await approver.GetAsync(paid.Get("#payment-file").GetAttribute("href")!);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await file.Content.ReadAsStringAsync()).ShouldContain($",{sortCode},12345678,,123.45,");
        var instalment = await factory.Data.WithDbAsync(db => db.DirectPaymentInstalments.AsNoTracking().SingleAsync(i => i.ChildId == child.Id));
        instalment.State.ShouldBe(ShortBreaks.Core.DirectPayments.InstalmentState.Paid);
    }

    [Fact]
    public async Task Finance_makes_last_months_invoices_rejects_one_with_a_reason_and_the_provider_sees_only_its_own_with_the_reason()
    {
        var world = await factory.ProviderWorkerWithPackageAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            var package = await db.Packages.Include(p => p.Lines).SingleAsync(p => p.Id == world.PackageId);
            TestData.AddDeliveredSessions(db, package, [LastMonth.AddDays(2), LastMonth.AddDays(9)], 2m);
            var other = await db.Packages.Include(p => p.Lines).SingleAsync(p => p.Id == world.OtherPackageId);
            TestData.AddDeliveredSessions(db, other, [LastMonth.AddDays(3)], 1m);
            await db.SaveChangesAsync();
        });
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);

        var list = await finance.GetPageAsync("/finance/invoices");
        var made = await finance.FollowAsync(await finance.SubmitAsync(list, "form[action*=Make]", new() { ["Month"] = DeliveryRules.MonthKey(LastMonth) }));
        made.Get("#made").TextContent.ShouldContain("invoices were made");
        var invoiceLink = made.Get("#invoices").QuerySelectorAll("tr").First(r => r.TextContent.Contains(world.OrganisationName)).QuerySelector("a")!.GetAttribute("href")!;
        var invoice = await finance.GetPageAsync(invoiceLink);
        invoice.Get("#invoice-total").TextContent.ShouldBe("£64.00");
        var noReason = await finance.SubmitAsync(invoice, "main form[method=post]", new() { ["Decision"] = "reject" });
        noReason.ErrorSummary().ShouldBe(["Enter why the invoice is rejected"]);
        var rejected = await finance.FollowAsync(await finance.SubmitAsync(noReason, "main form[method=post]", new() { ["Decision"] = "reject", ["Reason"] = "The 3rd was a training day" }));
        rejected.Get("#invoice-state").TextContent.ShouldBe("Rejected");

        var mine = await world.Browser.GetPageAsync("/provider/invoices");
        var rows = mine.Get("#invoices").QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(1);
        var own = await world.Browser.GetPageAsync(rows[0].QuerySelector("a")!.GetAttribute("href")!);
        own.Get("#rejected-reason").TextContent.ShouldBe("The 3rd was a training day");
        var theirs = await factory.Data.WithDbAsync(db => db.ProviderInvoices.Where(i => i.OrganisationId == world.OtherOrganisationId).Select(i => i.Id).SingleAsync());
        (await world.Browser.GetPageAsync($"/provider/invoices/{theirs}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_provider_sending_more_than_it_delivered_is_told_why_by_line_and_keeps_what_it_typed()
    {
        var world = await factory.ProviderWorkerWithPackageAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            var package = await db.Packages.Include(p => p.Lines).SingleAsync(p => p.Id == world.PackageId);
            TestData.AddDeliveredSessions(db, package, [LastMonth.AddDays(4)], 3m);
            await db.SaveChangesAsync();
        });

        var form = await world.Browser.GetPageAsync($"/provider/invoices/new?month={DeliveryRules.MonthKey(LastMonth)}");
        var over = await world.Browser.SubmitAsync(form, "main form[method=post]", new() { ["ProviderReference"] = "OAK-1", ["Lines[0].Quantity"] = "4", ["Lines[0].Amount"] = "40" });
        over.ErrorSummary().ShouldHaveSingleItem(over.Status + " " + over.RedirectPath + Page.Normalise(over.Html.Body!.TextContent)).ShouldContain("is more than delivered");
        over.Get("input[name='Lines[0].Quantity']").GetAttribute("value").ShouldBe("4");
        var sent = await world.Browser.FollowAsync(await world.Browser.SubmitAsync(over, "main form[method=post]", new() { ["Lines[0].Quantity"] = "3", ["Lines[0].Amount"] = "48" }));
        sent.Get("#done").TextContent.ShouldContain("Your invoice is sent");
        sent.Get("#invoice-total").TextContent.ShouldBe("£48.00");
    }

    [Fact]
    public async Task Nonsense_in_any_finance_or_invoice_form_is_refused_with_a_message_never_an_error()
    {
        var world = await factory.ProviderWorkerWithPackageAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            var package = await db.Packages.Include(p => p.Lines).SingleAsync(p => p.Id == world.PackageId);
            TestData.AddDeliveredSessions(db, package, [LastMonth.AddDays(5)], 1m);
            await db.SaveChangesAsync();
        });
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        var invoices = await finance.GetPageAsync("/finance/invoices?state=Nonsense&p=-4");
        invoices.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var month in new[] { "9999-12", "0001-01", "2026-13", "x", "" })
        {
            var made = await finance.SubmitAsync(invoices, "form[action*=Make]", new() { ["Month"] = month });
            made.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
            if (made.Status == HttpStatusCode.OK) made.ErrorSummary().ShouldNotBeEmpty();
        }

        var runs = await finance.GetPageAsync("/finance/payment-runs?p=abc");
        foreach (var (day, monthBox, year) in new[] { ("1", "1", "9999"), ("x", "y", "z"), ("31", "12", "1"), ("", "", "") })
        {
            var refused = await finance.SubmitAsync(runs, "main form[method=post]", new() { ["PayOn-day"] = day, ["PayOn-month"] = monthBox, ["PayOn-year"] = year });
            refused.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
            if (refused.Status == HttpStatusCode.OK) refused.ErrorSummary().ShouldNotBeEmpty();
        }

        (await finance.GetPageAsync($"/finance/payment-runs/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await finance.GetAsync($"/finance/payment-runs/{Guid.NewGuid()}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var form = await world.Browser.GetPageAsync($"/provider/invoices/new?month={DeliveryRules.MonthKey(LastMonth)}");
        foreach (var (quantity, amount) in new[] { ("79228162514264337593543950335", "79228162514264337593543950335"), ("-1", "-1"), ("1.123", "16"), ("one", "£lots"), ("1", "1.001") })
        {
            var refused = await world.Browser.SubmitAsync(form, "main form[method=post]", new() { ["ProviderReference"] = "OAK-9", ["Lines[0].Quantity"] = quantity, ["Lines[0].Amount"] = amount, ["Lines[0].LineId"] = "zzz" });
            refused.Status.ShouldBe(HttpStatusCode.OK);
            refused.ErrorSummary().ShouldNotBeEmpty();
        }

        var tooMuch = await world.Browser.SubmitAsync(form, "main form[method=post]", new() { ["ProviderReference"] = "OAK-9", ["Lines[0].Quantity"] = "79228162514264337593543950335", ["Lines[0].Amount"] = "79228162514264337593543950335" });
        tooMuch.ErrorSummary().ShouldHaveSingleItem().ShouldContain("is more than delivered");
        (await world.Browser.GetPageAsync("/provider/invoices/new?month=9999-12")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer, "/finance/payment-runs")]
    [InlineData(Roles.TeamManager, "/finance/invoices")]
    [InlineData(Roles.Provider, "/finance")]
    [InlineData(Roles.FinanceOfficer, "/provider/invoices")]
    public async Task Only_finance_officers_open_the_finance_pages_and_only_providers_their_invoices(string role, string url)
    {
        var browser = await factory.SignInAsNewUserAsync(role);

        var page = await browser.GetPageAsync(url);

        page.Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (page.Status == HttpStatusCode.Redirect) page.RedirectPath!.ShouldStartWith("/access-denied");
    }
}
