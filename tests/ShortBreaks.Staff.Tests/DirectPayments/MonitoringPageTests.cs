using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.DirectPayments;

/// <summary>Finance officers' monitoring pages: statement import, an account's figures, marking lines, audits and recoupment.</summary>
public class MonitoringPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    private const string Statement = "Date,Details,Paid in,Paid out,Balance\n" +
        "01/11/2026,Council payment,200.00,,300.00\n" +
        "10/11/2026,Swim club,,40.00,260.00\n" +
        "20/11/2026,Council payment,200.00,,460.00\n";

    /// <summary>A child with an active direct payment of £2,600 a year into a card account (so the tests' mapping is the card provider's alone).</summary>
    private async Task<DirectPayment> PaymentAsync(DateOnly? startsOn = null, DirectPaymentAccountKind kind = DirectPaymentAccountKind.PrepaidCard)
    {
        var child = await factory.Data.CreateChildAsync();
        return await factory.Data.WithDbAsync(async db =>
        {
            var payment = TestData.AddDirectPayment(db, child.Id, startsOn ?? Today.AddMonths(-3), annualAmount: 2600m, paid: 4, scheduled: 9, kind: kind);
            await db.SaveChangesAsync();
            return payment;
        });
    }

    private static MultipartFormDataContent ImportForm(string token, string csv, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        content.Add(file, "Upload", "statement.csv");
        return content;
    }

    private static readonly (string, string)[] Mapping =
        [("DateColumn", "Date"), ("DescriptionColumn", "Details"), ("AmountInColumn", "Paid in"), ("AmountOutColumn", "Paid out"), ("BalanceColumn", "Balance"), ("DateFormat", "dd/MM/yyyy")];

    private async Task<HttpResponseMessage> ImportAsync(PageClient browser, Guid directPaymentId, string csv, params (string, string)[] fields)
    {
        var page = await browser.GetPageAsync($"/finance/direct-payments/{directPaymentId}/import");
        page.Status.ShouldBe(HttpStatusCode.OK);
        var token = page.Get("#import input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var version = page.Html.QuerySelector("#import input[name=MappingVersion]")?.GetAttribute("value");
        var all = version is null ? fields : [.. fields, ("MappingVersion", version)];
        return await browser.PostMultipartAsync($"/finance/direct-payments/{directPaymentId}/import", ImportForm(token, csv, all), withToken: false);
    }

    [Fact]
    public async Task A_finance_officer_imports_a_statement_and_sees_the_balance_in_weeks_with_the_surplus_flagged_and_the_view_audited()
    {
        var payment = await PaymentAsync();
        var other = await PaymentAsync();
        var (finance, user) = await factory.SignedInAsAsync(Roles.FinanceOfficer);

        var imported = await ImportAsync(finance, payment.Id, Statement, Mapping);
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
        var account = await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}?done=imported");
        // The mapping is remembered: the next card statement is imported with it, shown filled in.
        var second = await finance.GetPageAsync($"/finance/direct-payments/{other.Id}/import");
        second.Get("#DateColumn").GetAttribute("value").ShouldBe("Date");
        var again = await ImportAsync(finance, payment.Id, Statement, Mapping);

        account.Get("#balance").TextContent.ShouldContain("£460.00");
        account.Get("#weeks").TextContent.ShouldContain("9.2 weeks");
        account.Get("#flags").TextContent.ShouldContain("Holds a surplus");
        account.Get("#figures").TextContent.ShouldContain("Prepaid card ****3456");
        Page.Normalise(account.Get("#state").TextContent).ShouldBe("Being paid");

        // With a last day, an agreed direct payment says it; an ended one says when it ended.
        await factory.Data.WithDbAsync(async db =>
        {
            var row = await db.DirectPayments.SingleAsync(d => d.Id == payment.Id);
            row.EndsOn = new DateOnly(2027, 1, 31);
            await db.SaveChangesAsync();
        });
        Page.Normalise((await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}")).Get("#state").TextContent).ShouldBe("Being paid, last day 31 January 2027");
        await factory.Data.WithDbAsync(async db =>
        {
            var row = await db.DirectPayments.SingleAsync(d => d.Id == payment.Id);
            row.State = DirectPaymentState.Ended;
            await db.SaveChangesAsync();
        });
        Page.Normalise((await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}")).Get("#state").TextContent).ShouldBe("Ended on 31 January 2027");
        account.Text.ShouldNotContain("CARD123456");
        account.Get("#lines").TextContent.ShouldContain("Swim club");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageClient.ParseAsync(again)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Every line of this statement has already been imported");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "view" && a.ChildId == payment.ChildId && a.UserId == user.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_statement_with_problems_lists_each_by_row_keeps_the_mapping_typed_and_imports_nothing()
    {
        var payment = await PaymentAsync(kind: DirectPaymentAccountKind.BankAccount);
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);

        var response = await ImportAsync(finance, payment.Id, Statement + "31/02/2026,Cinema,,20.00,440.00\n03/12/2026,Cafe,,lots,1\n",
            [("DateColumn", "Date"), ("DescriptionColumn", "Details"), ("AmountInColumn", "Paid in"), ("AmountOutColumn", "Paid out"), ("BalanceColumn", "Balance"), ("DateFormat", "dd/MM/yyyy")]);
        var page = await PageClient.ParseAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Title!.ShouldStartWith("Error: ");
        var rows = page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        rows.ShouldBe(["5", "6"]);
        page.QuerySelector("#AmountOutColumn")!.GetAttribute("value").ShouldBe("Paid out");
        (await factory.Data.WithDbAsync(db => db.StatementLines.AnyAsync(l => l.DirectPaymentId == payment.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_line_marked_outside_the_plan_flags_the_account_and_a_reasonless_mark_is_refused_keeping_the_choice()
    {
        var payment = await PaymentAsync();
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        (await ImportAsync(finance, payment.Id, Statement, Mapping)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lineId = await factory.Data.WithDbAsync(db => db.StatementLines.Where(l => l.DirectPaymentId == payment.Id && l.Description == "Swim club").Select(l => l.Id).SingleAsync());
        var url = $"/finance/direct-payments/{payment.Id}/lines/{lineId}";

        var refused = await finance.SubmitAsync(await finance.GetPageAsync(url), "#mark", new() { ["OutsidePlan"] = "yes", ["MayNotBuyId"] = "school-place", ["Reason"] = "" });
        var saved = await finance.SubmitAsync(await finance.GetPageAsync(url), "#mark", new() { ["OutsidePlan"] = "yes", ["Reason"] = "A school trip" });
        var account = await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}");

        refused.ErrorSummary().ShouldBe(["Enter why this spending is outside the plan"]);
        refused.Get("#MayNotBuyId option[selected]").GetAttribute("value").ShouldBe("school-place");
        saved.RedirectPath.ShouldBe($"/finance/direct-payments/{payment.Id}?done=marked");
        account.Get("#flags").TextContent.ShouldContain("Spending outside the plan");
    }

    [Fact]
    public async Task The_audit_worklist_shows_an_overdue_account_and_an_audit_is_recorded_after_its_errors_keep_what_was_typed()
    {
        var payment = await PaymentAsync(startsOn: Today.AddMonths(-14));
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);

        var worklist = await finance.GetPageAsync("/finance/direct-payments/audits");
        var form = await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}/audit");
        var refused = await finance.SubmitAsync(form, "#audit", new() { ["PeriodTo-day"] = "31", ["PeriodTo-month"] = "2", ["BalanceFound"] = "lots", ["Findings"] = "Receipts kept." });
        var recorded = await finance.SubmitAsync(form, "#audit", new() { ["Checked"] = "receipts", ["Outcome"] = "Satisfactory", ["Findings"] = "Receipts kept." });
        var after = await finance.GetPageAsync("/finance/direct-payments/audits");

        worklist.Get("#worklist").TextContent.ShouldContain(payment.Reference);
        worklist.Get("#worklist").TextContent.ShouldContain("Overdue");
        refused.ErrorSummary().ShouldBe(["The last day the audit looked at must be a real date", "Select what you checked", "Enter the balance in pounds and pence, like 420 or 420.50", "Select the outcome of the audit"]);
        refused.Get("#Findings").TextContent.ShouldBe("Receipts kept.");
        refused.Get("#BalanceFound").GetAttribute("value").ShouldBe("lots");
        recorded.RedirectPath.ShouldBe($"/finance/direct-payments/{payment.Id}?done=audited");
        after.Html.QuerySelector("#worklist")?.TextContent.ShouldNotContain(payment.Reference);
    }

    [Fact]
    public async Task Recoupment_sends_a_letter_with_the_amount_and_the_dispute_day_which_finance_reads_and_downloads_as_a_pdf()
    {
        var payment = await PaymentAsync();
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        (await ImportAsync(finance, payment.Id, Statement, Mapping)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var proposal = await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}/recover");
        var refused = await finance.SubmitAsync(proposal, "#recover", new() { ["Reasons"] = "" });
        var made = await finance.SubmitAsync(proposal, "#recover", new() { ["Reasons"] = "The account held more than eight weeks of payments." });
        var letterId = await factory.Data.WithDbAsync(db => db.Recoupments.Where(r => r.DirectPaymentId == payment.Id).Select(r => r.LetterId!.Value).SingleAsync());
        var letter = await finance.GetPageAsync($"/finance/direct-payments/{payment.Id}/letters/{letterId}");
        var pdf = await finance.GetAsync($"/finance/direct-payments/{payment.Id}/letters/{letterId}?handler=pdf");

        proposal.Get("#amount").TextContent.ShouldContain("£260.00");
        refused.ErrorSummary().ShouldBe(["Enter the reasons for recovering the money: the family reads them in the letter"]);
        made.RedirectPath.ShouldBe($"/finance/direct-payments/{payment.Id}?done=recovered");
        letter.Get("#letter").TextContent.ShouldContain("£260.00");
        letter.Get("#letter").TextContent.ShouldContain("The account held more than eight weeks of payments.");
        letter.Get("#letter").TextContent.ShouldContain(Today.AddDays(28).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task A_personalisation_officer_reads_an_account_but_may_not_import_audit_or_recover_and_families_and_providers_are_refused()
    {
        var payment = await PaymentAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (family, _) = await factory.SignedInAsAsync(Roles.Family);
        var (provider, _) = await factory.SignedInAsAsync(Roles.Provider);
        var (commissioner, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);

        var page = await officer.GetPageAsync($"/finance/direct-payments/{payment.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.QuerySelector("#actions").ShouldBeNull();
        foreach (var action in new[] { "import", "audit", "recover" })
            (await officer.GetAsync($"/finance/direct-payments/{payment.Id}/{action}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, action);
        foreach (var browser in new[] { family, provider, commissioner })
        {
            var refused = await browser.GetAsync($"/finance/direct-payments/{payment.Id}");
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldContain("/access-denied");
            (await browser.GetAsync("/finance/direct-payments")).Headers.Location!.OriginalString.ShouldContain("/access-denied");
        }

        (await officer.GetAsync($"/finance/direct-payments/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Garbage_in_every_form_and_import_gets_a_govuk_error_never_a_500()
    {
        var payment = await PaymentAsync();
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        (await ImportAsync(finance, payment.Id, Statement, Mapping)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lineId = await factory.Data.WithDbAsync(db => db.StatementLines.Where(l => l.DirectPaymentId == payment.Id).Select(l => l.Id).FirstAsync());
        string[] junk = ["abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0001", "１２", new string('9', 5000), "💥", "1e3"];
        var forms = new (string Url, string Form, string[] Fields)[]
        {
            ($"/finance/direct-payments/{payment.Id}/lines/{lineId}", "#mark", ["OutsidePlan", "MayNotBuyId", "Reason", "Seen"]),
            ($"/finance/direct-payments/{payment.Id}/audit", "#audit", ["PeriodFrom-day", "PeriodFrom-month", "PeriodFrom-year", "PeriodTo-year", "Checked", "BalanceFound", "Outcome", "Findings"]),
            ($"/finance/direct-payments/{payment.Id}/recover", "#recover", ["Reasons", "AmountSeen"]),
        };

        foreach (var (url, form, fields) in forms)
        {
            foreach (var value in junk)
            {
                var page = await finance.GetPageAsync(url);
                var answer = await finance.SubmitAsync(page, form, fields.ToDictionary(f => f, string? (_) => value));
                ((int)answer.Status).ShouldBeLessThan(500, $"{url} with {value}");
                if (answer.Status == HttpStatusCode.OK) answer.ErrorSummary().ShouldNotBeEmpty($"{url} with {value}");
            }
        }

        foreach (var value in junk)
        {
            var response = await ImportAsync(finance, payment.Id, value + "\n" + value, Mapping.Select(m => (m.Item1, value)).ToArray());
            ((int)response.StatusCode).ShouldBeLessThan(500, value);
        }

        var token = await finance.TokenAsync();
        var broken = new StringContent($"--xyz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--xyz\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"a.csv\"\r\n\r\nDate,", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        ((int)(await finance.Http.PostAsync($"/finance/direct-payments/{payment.Id}/import", broken)).StatusCode).ShouldBeLessThan(500);
    }
}
