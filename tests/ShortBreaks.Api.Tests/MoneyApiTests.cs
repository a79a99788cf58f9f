using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>
/// The money API: a child's direct payment for the family, case staff and finance; payment runs and invoices; a provider's
/// own invoices; statement imports. The same access as the pages, bank details never in full, every refusal a problem.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MoneyApiTests(WebAppFactory factory)
{
    // The test data's bank account (TestData.AddDirectPayment): none of these may ever be in an answer.
    private static readonly string[] FullBankDetails = ["309430", "30-94-30", "30 94 30", "00733445"];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>A family account linked to a child whose direct payment has a statement, a return, an audit and a recoupment.</summary>
    private async Task<(PageClient Family, TestUser User, Guid ChildId, Guid PaymentId)> FamilyWithDirectPaymentAsync()
    {
        var (family, user) = await factory.SignedInAsAsync(Roles.Family);
        var child = await factory.Data.CreateChildAsync();
        var paymentId = await factory.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = user.Id, Relationship = "Mother", AddedAt = db.UtcNow });
            var payment = TestData.AddMonitoringRows(db, child.Id, "api", db.Today);
            await db.SaveChangesAsync();
            return payment.Id;
        });
        return (family, user, child.Id, paymentId);
    }

    /// <summary>An active direct payment of 2,600 a year (50 a week) with a confirmed bank account and three payments made.</summary>
    private async Task<(Guid ChildId, Guid PaymentId)> DirectPaymentAsync()
    {
        var child = await factory.Data.CreateChildAsync();
        var paymentId = await factory.Data.WithDbAsync(async db =>
        {
            var payment = TestData.AddDirectPayment(db, child.Id, db.Today.AddMonths(-3), annualAmount: 2600m, paid: 3, scheduled: 4);
            await db.SaveChangesAsync();
            return payment.Id;
        });
        return (child.Id, paymentId);
    }

    private static void ShouldHoldNoBankDetails(string body)
    {
        foreach (var full in FullBankDetails) body.ShouldNotContain(full);
    }

    [Fact]
    public async Task A_family_reads_their_own_childs_direct_payment_with_the_account_masked_and_the_view_is_audited()
    {
        var (family, user, childId, paymentId) = await FamilyWithDirectPaymentAsync();

        var response = await family.Http.GetAsync($"/api/direct-payments/{paymentId}");

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        ShouldHoldNoBankDetails(text);
        var body = JsonNode.Parse(text)!.AsObject();
        body["childId"]!.GetValue<Guid>().ShouldBe(childId);
        body["state"].Text().ShouldBe("Active");
        body["agreement"]!["annualAmount"]!.GetValue<decimal>().ShouldBe(2600m);
        body["accounts"]![0]!["details"].Text().ShouldBe("Sort code **-**-30, account number ****3445");
        var schedule = body["schedule"]!;
        schedule["paidCount"]!.GetValue<int>().ShouldBe(3);
        schedule["paidTotal"]!.GetValue<decimal>().ShouldBe(3 * 200m);
        schedule["instalments"]!.AsArray().Count.ShouldBe(13);
        body["balance"]!["source"].Text().ShouldBe("Statement");
        body["balance"]!["balance"]!.GetValue<decimal>().ShouldBe(410m);
        body["balance"]!["weeksHeld"]!.GetValue<decimal>().ShouldBe(8.2m);
        body["audits"]![0]!["outcome"].Text().ShouldBe("SurplusToRecover");
        body["recoupments"]![0]!["amount"]!.GetValue<decimal>().ShouldBe(210m);
        body["recoupments"]![0]!["reasons"].Text().ShouldBe("Surplus held api");
        body["recoupments"]![0]!["disputeBy"].Text().ShouldNotBeNullOrEmpty();
        var views = await factory.Data.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(DirectPayment) && a.EntityId == paymentId.ToString() && a.Action == "view").ToListAsync());
        views.ShouldContain(a => a.UserId == user.Id && a.ChildId == childId);
    }

    [Fact]
    public async Task Finance_and_case_staff_read_any_direct_payment_and_a_stranger_family_other_roles_and_providers_do_not()
    {
        var (_, _, _, paymentId) = await FamilyWithDirectPaymentAsync();
        var url = $"/api/direct-payments/{paymentId}";
        var stranger = await factory.SignInAsNewUserAsync(Roles.Family);
        var provider = await factory.ProviderWorkerWithPackageAsync();
        var commissioning = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);

        foreach (var role in new[] { Roles.FinanceOfficer, Roles.TeamManager, Roles.ReviewingOfficer, Roles.PersonalisationOfficer, Roles.Admin })
        {
            var staff = await factory.SignInAsNewUserAsync(role);
            var response = await staff.Http.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, role);
            ShouldHoldNoBankDetails(text);
        }

        await (await stranger.Http.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Http.GetAsync($"/api/direct-payments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await provider.Browser.Http.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await commissioning.Http.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.Anonymous().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == paymentId.ToString() && a.Action == "view").Select(a => a.UserId).ToListAsync());
        views.ShouldNotContain(provider.User.Id);
    }

    [Fact]
    public async Task A_payment_run_gives_totals_by_kind_and_budget_head_that_add_up_to_its_total_with_accounts_masked_for_finance_only()
    {
        var (finance, financeUser) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        var child = await factory.Data.CreateChildAsync();
        var paymentId = await factory.Data.WithDbAsync(async db =>
        {
            var (payment, _, _) = TestData.AddPayableDirectPayment(db, child.Id, [(db.Today, 123.45m)], sortCode: "401276", accountNumber: "81726354");
            await db.SaveChangesAsync();
            return payment.Id;
        });
        var runId = await factory.WithServicesAsync(async services =>
        {
            var runs = services.GetRequiredService<PaymentRunService>();
            var (made, result) = await runs.PrepareAsync(runs.Today);
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Message)));
            return made!.Id;
        }, financeUser.Id);

        var list = await (await finance.Http.GetAsync("/api/finance/payment-runs")).ReadObjectAsync();
        list["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()).ShouldContain(runId);
        var items = new List<JsonNode>();
        JsonObject run;
        var page = 1;
        do
        {
            var response = await finance.Http.GetAsync($"/api/finance/payment-runs/{runId}?page={page}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            foreach (var full in new[] { "401276", "40-12-76", "81726354" }) text.ShouldNotContain(full);
            run = JsonNode.Parse(text)!.AsObject();
            items.AddRange(run["items"]!.AsArray()!);
        }
        while (page++ < run["pages"]!.GetValue<int>());

        var total = run["run"]!["total"]!.GetValue<decimal>();
        run["totals"]!.AsArray().Sum(t => t!["amount"]!.GetValue<decimal>()).ShouldBe(total);
        items.Sum(i => i["amount"]!.GetValue<decimal>()).ShouldBe(total);
        run["run"]!["state"].Text().ShouldBe("Prepared");
        var mine = items.Single(i => i["childId"]?.GetValue<Guid>() == child.Id);
        mine["account"].Text().ShouldBe("**-**-76 ****6354");
        mine["amount"]!.GetValue<decimal>().ShouldBe(123.45m);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PaymentRun) && a.ChildId == child.Id && a.UserId == financeUser.Id)))
            .ShouldBeTrue();

        foreach (var role in new[] { Roles.Family, Roles.Provider, Roles.ReviewingOfficer, Roles.TeamManager })
        {
            var other = await factory.SignInAsNewUserAsync(role);
            await (await other.Http.GetAsync($"/api/finance/payment-runs/{runId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await other.Http.GetAsync("/api/finance/invoices")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await finance.Http.GetAsync($"/api/finance/payment-runs/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        paymentId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task A_provider_sends_an_invoice_sees_only_its_own_and_finance_sees_every_providers()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var other = await factory.ProviderWorkerWithPackageAsync();
        var finance = await factory.SignInAsNewUserAsync(Roles.FinanceOfficer);
        foreach (var day in new[] { 2, 3 })
        {
            var session = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions",
                Json(new JsonObject { ["lineId"] = w.LineId, ["date"] = Day(w.LastMonth.AddDays(day)), ["quantity"] = 2, ["staff"] = "JW" }));
            session.StatusCode.ShouldBe(HttpStatusCode.Created, await session.Content.ReadAsStringAsync());
        }

        var price = await factory.Data.WithDbAsync(db => db.PackageLines.Where(l => l.Id == w.LineId).Select(l => l.UnitPrice).FirstAsync());
        JsonObject Invoice(decimal quantity) => new()
        {
            ["month"] = MonthKey(w.LastMonth), ["providerReference"] = "INV-" + Guid.NewGuid().ToString("N")[..6],
            ["lines"] = new JsonArray(new JsonObject { ["packageLineId"] = w.LineId, ["quantity"] = quantity, ["amount"] = quantity * price }),
        };

        var over = await w.Browser.Http.PostAsync("/api/provider/invoices", Json(Invoice(5)));
        var sent = await w.Browser.Http.PostAsync("/api/provider/invoices", Json(Invoice(4)));

        (await over.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["lines[0].quantity"]);
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var invoice = await sent.ReadObjectAsync();
        var id = invoice.Id();
        sent.Headers.Location!.ToString().ShouldBe($"/api/provider/invoices/{id}");
        invoice["state"].Text().ShouldBe("Submitted");
        invoice["total"]!.GetValue<decimal>().ShouldBe(4 * price);
        invoice["lines"]![0]!["childId"]!.GetValue<Guid>().ShouldBe(w.Child.Id);

        (await w.Browser.Http.GetAsync($"/api/provider/invoices/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await w.Browser.Http.GetAsync("/api/provider/invoices")).ReadObjectAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([id]);
        await (await other.Browser.Http.GetAsync($"/api/provider/invoices/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await other.Browser.Http.GetAsync("/api/provider/invoices")).ReadObjectAsync())["items"]!.AsArray().ShouldBeEmpty();
        (await finance.Http.GetAsync($"/api/finance/invoices/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await (await finance.Http.GetAsync("/api/finance/invoices?state=Submitted")).ReadObjectAsync();
        submitted["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldContain(id);
        await (await finance.Http.GetAsync("/api/finance/invoices?state=Bogus")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.Http.GetAsync("/api/finance/invoices?state=1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.Http.PostAsync("/api/provider/invoices", Json(Invoice(1)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ProviderInvoice) && a.EntityId == id.ToString() && a.ChildId == w.Child.Id)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_statement_import_keeps_its_lines_flags_a_surplus_and_a_file_with_problems_keeps_nothing_and_lists_them_by_row()
    {
        var (childId, paymentId) = await DirectPaymentAsync();
        var finance = await factory.SignInAsNewUserAsync(Roles.FinanceOfficer);
        var today = UkCalendar.Today(TimeProvider.System);
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string Columns = "dateColumn=Date&descriptionColumn=Description&amountInColumn=Paid%20in&amountOutColumn=Paid%20out&balanceColumn=Balance&dateFormat=yyyy-MM-dd";
        var good = "Date,Description,Paid in,Paid out,Balance\n" +
                   $"{Day(today.AddDays(-20))},Council payment {tag},600.00,,950.00\n" +
                   $"{Day(today.AddDays(-10))},Swimming {tag},,50.00,900.00\n";
        var bad = "Date,Description,Paid in,Paid out,Balance\n" +
                  $"31-31-2026,Swimming {tag}b,,50.00,850.00\n" +
                  $"{Day(today.AddDays(-5))},Club {tag}b,,lots,800.00\n";

        var refused = await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{Columns}", Csv(bad));
        var imported = await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{Columns}", Csv(good));
        var again = await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{Columns}", Csv(good));

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["rows"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()).ShouldBe([2, 3]);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        var statement = await imported.ReadObjectAsync();
        statement["linesAdded"]!.GetValue<int>().ShouldBe(2);
        statement["closingBalance"]!.GetValue<decimal>().ShouldBe(900m);
        (await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["body"]);
        (await factory.Data.WithDbAsync(db => db.StatementLines.CountAsync(l => l.DirectPaymentId == paymentId))).ShouldBe(2);

        var payment = await (await finance.Http.GetAsync($"/api/direct-payments/{paymentId}")).ReadObjectAsync();
        payment["balance"]!["balance"]!.GetValue<decimal>().ShouldBe(900m);
        payment["balance"]!["weeksHeld"]!.GetValue<decimal>().ShouldBe(18m);
        payment["balance"]!["flags"]!.AsArray().Select(f => f!["flag"].Text()).ShouldContain("Surplus");
        childId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task A_change_of_statement_columns_from_a_stale_version_is_a_409_and_keeps_nothing()
    {
        var (_, paymentId) = await DirectPaymentAsync();
        var finance = await factory.SignInAsNewUserAsync(Roles.FinanceOfficer);
        var today = UkCalendar.Today(TimeProvider.System);
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string ColumnsA = "dateColumn=Date&descriptionColumn=Description&amountInColumn=Paid%20in&amountOutColumn=Paid%20out&balanceColumn=Balance&dateFormat=yyyy-MM-dd";
        const string ColumnsB = "dateColumn=When&descriptionColumn=What&amountInColumn=In&amountOutColumn=Out&balanceColumn=Held&dateFormat=dd/MM/yyyy";
        string FileA(int day) => $"Date,Description,Paid in,Paid out,Balance\n{Day(today.AddDays(-day))},Spend {tag} {day},,10.00,100.00\n";
        string FileB(int day) => $"When,What,In,Out,Held\n{today.AddDays(-day):dd/MM/yyyy},Spend {tag} {day},,10.00,100.00\n";

        var first = await (await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{ColumnsA}", Csv(FileA(9)))).ReadObjectAsync();
        var seen = first["mappingVersion"]!.GetValue<long>();
        var changed = await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{ColumnsB}&mappingVersion={seen}", Csv(FileB(8)));
        var stale = await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{ColumnsA}&mappingVersion={seen}", Csv(FileA(7)));
        var unreadable = await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?{ColumnsA}&mappingVersion=x", Csv(FileA(6)));

        changed.StatusCode.ShouldBe(HttpStatusCode.Created, await changed.Content.ReadAsStringAsync());
        (await changed.ReadObjectAsync())["mappingVersion"]!.GetValue<long>().ShouldBeGreaterThan(seen);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await unreadable.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["mappingVersion"]);
        (await factory.Data.WithDbAsync(db => db.StatementLines.CountAsync(l => l.DirectPaymentId == paymentId))).ShouldBe(2);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_statement_body_as_csv()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;

        var body = document["paths"]!["/api/direct-payments/{directPaymentId}/statements"]!["post"]!["requestBody"]!;
        body["required"]!.GetValue<bool>().ShouldBeTrue();
        body["content"]!["text/csv"]!["schema"]!["type"].Text().ShouldBe("string");
    }

    [Fact]
    public async Task Only_those_who_look_after_the_money_import_statements()
    {
        var (family, _, _, paymentId) = await FamilyWithDirectPaymentAsync();
        var reviewing = await factory.SignInAsNewUserAsync(Roles.ReviewingOfficer);
        var provider = await factory.SignInAsNewUserAsync(Roles.Provider);
        var file = Csv("Date,Description,Paid in,Paid out,Balance\n2026-01-01,x,,1.00,1.00\n");

        await (await family.Http.PostAsync($"/api/direct-payments/{paymentId}/statements", file)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await reviewing.Http.PostAsync($"/api/direct-payments/{paymentId}/statements", file)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await provider.Http.PostAsync($"/api/direct-payments/{paymentId}/statements", file)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.Data.WithDbAsync(db => db.DirectPaymentStatements.CountAsync(s => s.DirectPaymentId == paymentId))).ShouldBe(1);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"month\":5}")]
    [InlineData("{\"month\":\"2026-13\"}")]
    [InlineData("{\"month\":\"yesterday\",\"lines\":[]}")]
    [InlineData("{\"lines\":\"all of them\"}")]
    [InlineData("{\"lines\":[{\"quantity\":\"lots\"}]}")]
    [InlineData("{\"lines\":[{\"packageLineId\":\"abc\"}]}")]
    [InlineData("{\"lines\":[{\"quantity\":1e400}]}")]
    [InlineData("{\"lines\":[{\"amount\":79228162514264337593543950336}]}")]
    [InlineData("{\"lines\":[null,7,\"x\"]}")]
    [InlineData("{\"providerReference\":[\"a\"]}")]
    public async Task Garbage_invoice_bodies_are_answered_with_problem_details_never_a_500(string body)
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var response = await w.Browser.Http.PostAsync("/api/provider/invoices", RawJson(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await factory.Data.WithDbAsync(db => db.ProviderInvoices.CountAsync(i => i.OrganisationId == w.OrganisationId))).ShouldBe(0);
    }

    [Fact]
    public async Task Garbage_invoice_lines_with_huge_or_unknown_values_are_refused_line_by_line()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var month = MonthKey(w.LastMonth);
        var bodies = new[]
        {
            $"{{\"month\":\"{month}\",\"providerReference\":\"A1\",\"lines\":[{{\"packageLineId\":\"{Guid.NewGuid()}\",\"quantity\":1,\"amount\":1}}]}}",
            $"{{\"month\":\"{month}\",\"providerReference\":\"A1\",\"lines\":[{{\"packageLineId\":\"{w.LineId}\",\"quantity\":79228162514264337593543950335,\"amount\":79228162514264337593543950335}}]}}",
            $"{{\"month\":\"{month}\",\"providerReference\":\"A1\",\"lines\":[{{\"packageLineId\":\"{w.LineId}\",\"quantity\":-79228162514264337593543950335,\"amount\":0.000000001}}]}}",
            $"{{\"month\":\"{month}\",\"providerReference\":\"{new string('9', 5000)}\",\"lines\":[{{\"packageLineId\":\"{w.LineId}\",\"quantity\":1,\"amount\":1}}]}}",
            $"{{\"month\":\"9999-12\",\"providerReference\":\"A1\",\"lines\":[{{\"packageLineId\":\"{w.LineId}\",\"quantity\":1,\"amount\":1}}]}}",
            $"{{\"month\":\"0001-01\",\"providerReference\":\"A1\",\"lines\":[{{\"packageLineId\":\"{w.LineId}\",\"quantity\":1,\"amount\":1}}]}}",
        };

        foreach (var body in bodies)
        {
            var response = await w.Browser.Http.PostAsync("/api/provider/invoices", RawJson(body));
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await factory.Data.WithDbAsync(db => db.ProviderInvoices.CountAsync(i => i.OrganisationId == w.OrganisationId))).ShouldBe(0);
    }

    [Fact]
    public async Task Garbage_statements_and_queries_are_answered_with_problem_details_never_a_500()
    {
        var (_, paymentId) = await DirectPaymentAsync();
        var finance = await factory.SignInAsNewUserAsync(Roles.FinanceOfficer);
        var url = $"/api/direct-payments/{paymentId}/statements?dateColumn=Date&descriptionColumn=Description&amountInColumn=In&balanceColumn=Balance&dateFormat=yyyy-MM-dd";
        const string Header = "Date,Description,In,Balance\n";
        var bodies = new HttpContent[]
        {
            Csv(""),
            Csv("just one line"),
            Csv(Header),
            Csv(Header + "2026-01-01,huge,79228162514264337593543950336,1\n"),
            Csv(Header + "2026-01-01,huge,1e400,1\n"),
            Csv(Header + "2026-01-01,\"unclosed,1,1\n"),
            Csv(Header + "9999-99-99,x,1,1\n"),
            Csv(Header + $"2026-01-01,{new string('x', 100_000)},1,1\n"),
            Csv("\u0000\u0001\u0002,\u0003\n\u0004"),
            new ByteArrayContent([0xff, 0xfe, 0xfd, 0x00, 0xc3]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            RawJson("{\"date\":\"2026-01-01\"}"),
            new StringContent("a,b", Encoding.UTF8, "text/plain"),
        };

        foreach (var body in bodies)
        {
            var response = await finance.Http.PostAsync(url, body);
            var status = (int)response.StatusCode;
            status.ShouldBeInRange(400, 499, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }

        await (await finance.Http.PostAsync($"/api/direct-payments/{paymentId}/statements?dateFormat=%25%25", Csv(Header))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.Http.PostAsync($"/api/direct-payments/{Guid.NewGuid()}/statements", Csv(Header))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await finance.Http.PostAsync("/api/direct-payments/not-an-id/statements", Csv(Header))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.DirectPaymentStatements.CountAsync(s => s.DirectPaymentId == paymentId))).ShouldBe(0);

        foreach (var query in new[] { "/api/finance/payment-runs?page=-1", "/api/finance/payment-runs?page=abc", "/api/finance/payment-runs?page=99999999999999999999",
                     "/api/finance/invoices?page=0&state=", $"/api/finance/payment-runs/{Guid.NewGuid()}?page=x", "/api/finance/invoices/not-an-id",
                     $"/api/finance/invoices/{Guid.NewGuid()}", "/api/direct-payments/12345" })
        {
            var response = await finance.Http.GetAsync(query);
            ((int)response.StatusCode).ShouldBeLessThan(500, query);
            if ((int)response.StatusCode >= 400) response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", query);
        }
    }
}
