using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A direct payment from the plan to recoupment: the officer sets it up from the child's approved plan, the parent reads
/// and agrees it in their account and enters the bank account, the officer confirms the account by calling back; one
/// finance officer prepares a payment run and cannot approve it, a second approves it, downloads the payment file (its
/// total checked against the run) and pays it; the first imports the bank statement (once with a mistake), sees the
/// surplus flagged on the monitoring list, records the annual audit and recovers the surplus with a letter giving the
/// amount, the reasons, how to dispute it and by when. The full account number never shows after it is entered. In
/// Chromium with axe-core checking every page visited, errors included.
/// </summary>
public sealed class DirectPaymentJourneyTests
{
    private const string SortCode = "309430";
    private const string AccountNumber = "00733445";

    [SkippableTheory, AllDatabases]
    public async Task A_direct_payment_goes_from_the_plan_through_agreement_a_payment_run_a_statement_an_audit_and_a_recoupment_letter(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var parentLogin = await server.CreateUserAsync(Roles.Family, "Grace Okafor");
        var preparer = await server.CreateUserAsync(Roles.FinanceOfficer, "Fola Finance");
        var approver = await server.CreateUserAsync(Roles.FinanceOfficer, "Kit Checker");
        var (child, _) = await server.Data.ChildWithDirectPaymentPlanAsync(parentLogin.Id, annual: 2808m);
        var today = UkCalendar.Today(TimeProvider.System);

        // The officer sets the direct payment up from the approved plan, for the mother to agree in her account.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, $"{server.BaseUrl}/staff/children/{child.Id}/direct-payments");
        await staff.Locator("input#Source").CheckAsync();
        await staff.Locator($"input[name='RecipientUserId'][value='{parentLogin.Id}']").CheckAsync();
        await browser.ClickAsync(staff, "Set up the direct payment");
        var directPaymentUrl = staff.Url.Split('?')[0];
        var directPaymentId = Guid.Parse(directPaymentUrl[(directPaymentUrl.LastIndexOf('/') + 1)..]);
        (await staff.Locator("#draft-agreement").TextContentAsync() ?? "").ShouldContain("Go swimming once a week with a friend");

        // The parent reads and agrees the agreement, then enters the bank account.
        var parent = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(parent, server.BaseUrl, parentLogin.Email, parentLogin.Password);
        await browser.GoAsync(parent, $"{server.BaseUrl}/account/direct-payments/{directPaymentId}");
        (await parent.Locator("#draft-agreement").InnerTextAsync()).ShouldContain("Go swimming once a week with a friend");
        await browser.ClickAsync(parent, "I agree to this agreement");
        (await parent.Locator("#agreed").InnerTextAsync()).ShouldContain("Agreed on");
        await browser.FollowAsync(parent, parent.Locator("#change-account"));
        await browser.ClickAsync(parent, "Save the account details");
        (await parent.TitleAsync()).ShouldStartWith("Error: ");
        await parent.Locator("#Kind-bank").CheckAsync();
        await parent.GetByLabel("Sort code").FillAsync("30-94-30");
        await parent.GetByLabel("Account number").FillAsync(AccountNumber);
        await parent.GetByLabel("Name on the account").FillAsync("Grace Okafor");
        await browser.ClickAsync(parent, "Save the account details");
        await ShouldNotShowBankDetailsAsync(parent);
        (await parent.Locator("#accounts").InnerTextAsync()).ShouldContain("****3445");

        // The officer calls the family back on the number on file and confirms the account: payments can go there now.
        await browser.GoAsync(staff, directPaymentUrl);
        await ShouldNotShowBankDetailsAsync(staff);
        await browser.FollowAsync(staff, staff.Locator("#confirm-account"));
        await staff.GetByLabel("The number you called and who confirmed the details").FillAsync("Called 07700 900 982 from the file; Grace Okafor confirmed the details.");
        await browser.ClickAsync(staff, "Confirm the account");
        await ShouldNotShowBankDetailsAsync(staff);

        // One finance officer prepares today's run, and may not approve it.
        var finance = await browser.NewPageAsync();
        await browser.SignInAsync(finance, server.BaseUrl, preparer.Email, preparer.Password);
        await browser.GoAsync(finance, server.BaseUrl + "/finance/payment-runs");
        await browser.ClickAsync(finance, "Prepare the run");
        var runUrl = finance.Url.Split('?')[0];
        var runTotal = Money(await finance.Locator("#run-total").InnerTextAsync());
        runTotal.ShouldBeGreaterThan(0m);
        await ShouldNotShowBankDetailsAsync(finance);
        (await finance.Locator("#second-officer").InnerTextAsync()).ShouldContain("another finance officer must approve it");
        (await finance.GetByRole(AriaRole.Button, new() { Name = "Approve the run" }).CountAsync()).ShouldBe(0);
        // Sent anyway (as a forged form would be), the approval is refused by the service.
        await browser.ClickAsync(finance, () => finance.EvaluateAsync(
            "() => { const form = document.querySelector('form[action*=\"handler=Cancel\"]'); form.action = form.action.replace('handler=Cancel', 'handler=Approve'); form.submit(); }"));
        (await finance.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("another finance officer must approve it");
        (await finance.Locator("#run-state").InnerTextAsync()).ShouldBe("Waiting for approval");

        // A second finance officer approves it, downloads the payment file, and pays it.
        var checker = await browser.NewPageAsync();
        await browser.SignInAsync(checker, server.BaseUrl, approver.Email, approver.Password);
        await browser.GoAsync(checker, runUrl);
        await browser.ClickAsync(checker, "Approve the run");
        (await checker.Locator("#run-state").InnerTextAsync()).ShouldStartWith("Approved");
        var download = await checker.RunAndWaitForDownloadAsync(() => checker.Locator("#payment-file").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"run-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(path);
        try
        {
            var rows = (await File.ReadAllLinesAsync(path, Encoding.UTF8)).Where(l => l.Length > 0).ToList();
            var headers = rows[0].Split(',');
            var amount = Array.IndexOf(headers, "Amount");
            amount.ShouldBeGreaterThanOrEqualTo(0);
            rows.Skip(1).Sum(r => decimal.Parse(r.Split(',')[amount], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)).ShouldBe(runTotal);
            rows.Count.ShouldBe(2);
            rows[1].ShouldContain(AccountNumber); // the payment file is the one place the account number goes
        }
        finally
        {
            File.Delete(path);
        }

        await browser.ClickAsync(checker, "Pay the run");
        (await checker.Locator("#run-state").InnerTextAsync()).ShouldStartWith("Paid");

        // The first officer imports the bank's statement: first a file with a mistake (nothing kept), then the right one.
        var account = $"{server.BaseUrl}/finance/direct-payments/{directPaymentId}";
        await browser.GoAsync(finance, account);
        await browser.FollowAsync(finance, "Import a statement");
        var date = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await finance.GetByLabel("Date", new() { Exact = true }).FillAsync("Date");
        await finance.GetByLabel("Description", new() { Exact = true }).FillAsync("Description");
        await finance.GetByLabel("Money paid in").FillAsync("Paid in");
        await finance.GetByLabel("Money paid out (optional)").FillAsync("Paid out");
        await finance.GetByLabel("Balance", new() { Exact = true }).FillAsync("Balance");
        await finance.GetByLabel("How the file writes dates").SelectOptionAsync("dd/MM/yyyy");
        await finance.Locator("#Upload").SetInputFilesAsync(Statement($"Date,Description,Paid in,Paid out,Balance\n{date},Council direct payment,{runTotal:0.00},,1266.00\n31/02/2026,Swimming lessons,,sixteen,1250.00\n"));
        await browser.ClickAsync(finance, "Import the statement");
        (await finance.TitleAsync()).ShouldStartWith("Error: ");
        (await finance.Locator("#problems").InnerTextAsync()).ShouldContain("3");
        await finance.Locator("#Upload").SetInputFilesAsync(Statement($"Date,Description,Paid in,Paid out,Balance\n{date},Council direct payment,{runTotal:0.00},,1266.00\n{date},Swimming lessons,,16.00,1250.00\n"));
        await browser.ClickAsync(finance, "Import the statement");
        (await finance.Locator("#done").InnerTextAsync()).ShouldBe("The statement is imported.");
        (await finance.Locator("#balance").InnerTextAsync()).ShouldStartWith("£1,250.00");

        // The monitoring list flags the surplus it holds.
        await browser.GoAsync(finance, server.BaseUrl + "/finance/direct-payments");
        var row = finance.Locator("#accounts tr", new() { Has = finance.GetByRole(AriaRole.Link, new() { Name = await ReferenceAsync(finance, directPaymentId) }) });
        (await row.InnerTextAsync()).ShouldContain("Holds a surplus");

        // The annual audit, then the recoupment of the surplus above the contingency, with its letter.
        await browser.GoAsync(finance, account);
        await browser.FollowAsync(finance, "Record an audit");
        await browser.ClickAsync(finance, "Record the audit");
        (await finance.TitleAsync()).ShouldStartWith("Error: ");
        await finance.Locator("input[name='Checked']").First.CheckAsync();
        await finance.GetByLabel("Balance the account held").FillAsync("1250.00");
        await finance.GetByLabel("Surplus to recover").CheckAsync();
        await finance.GetByLabel("What the audit found").FillAsync("Receipts for swimming kept; the account holds far more than the contingency.");
        await browser.ClickAsync(finance, "Record the audit");
        (await finance.Locator("#done").InnerTextAsync()).ShouldBe("The audit is recorded.");

        await browser.FollowAsync(finance, "Recover unspent money");
        var toRecover = (await finance.Locator("#amount").InnerTextAsync()).Trim();
        Money(toRecover).ShouldBeGreaterThan(0m);
        await browser.ClickAsync(finance, finance.Locator("#save"));
        (await finance.TitleAsync()).ShouldStartWith("Error: ");
        const string Reasons = "The account held more than eight weeks of payments at the annual audit.";
        await finance.GetByLabel("Reasons").FillAsync(Reasons);
        await browser.ClickAsync(finance, finance.Locator("#save"));
        (await finance.Locator("#done").InnerTextAsync()).ShouldContain("The recoupment is made");
        await browser.FollowAsync(finance, finance.Locator("#recoupments a"));
        var letter = await finance.Locator("#letter").InnerTextAsync();
        letter.ShouldContain(toRecover);
        letter.ShouldContain(Reasons);
        letter.ShouldContain("If you think this is wrong");
        letter.ShouldContain($"tell us by {today.AddDays(28).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");

        // The family sees the same on their money page.
        await browser.GoAsync(parent, $"{server.BaseUrl}/account/direct-payments/{directPaymentId}/money");
        await ShouldNotShowBankDetailsAsync(parent);
        (await parent.Locator("main").InnerTextAsync()).ShouldContain(toRecover);

        browser.ShouldHaveNoAccessibilityViolations();
    }

    private static FilePayload Statement(string csv) => new() { Name = "statement.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

    /// <summary>"£1,234.50" as a number.</summary>
    private static decimal Money(string text) =>
        decimal.Parse(text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static async Task<string> ReferenceAsync(IPage page, Guid directPaymentId) =>
        (await page.Locator($"#accounts a[href$='/finance/direct-payments/{directPaymentId}']").InnerTextAsync()).Trim();

    /// <summary>After entry, neither the full sort code nor the full account number is ever on a page.</summary>
    private static async Task ShouldNotShowBankDetailsAsync(IPage page)
    {
        var html = await page.ContentAsync();
        html.ShouldNotContain(AccountNumber);
        html.ShouldNotContain(SortCode);
        html.ShouldNotContain("30-94-30");
    }
}
