using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>A family's own direct payment: balance, statements, returns with evidence, audits and recoupment letters.</summary>
public class FamilyDirectPaymentMonitoringTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    /// <summary>A child linked to the family with an active direct payment started seven months ago, and a row in each monitoring table.</summary>
    private async Task<DirectPayment> PaymentAsync(string familyUserId)
    {
        var child = await app.Data.CreateChildAsync(firstName: "Nia");
        return await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            var payment = TestData.AddMonitoringRows(db, child.Id, "family", Today);
            var letterId = Guid.NewGuid();
            db.Recoupments.Local.Single(r => r.DirectPaymentId == payment.Id).LetterId = letterId;
            db.Letters.Add(new Core.Letters.Letter
            {
                Id = letterId, ChildId = child.Id, Kind = Core.Letters.LetterKinds.Recoupment,
                Title = "Unspent money", BodyHtml = "<p>We will recover £210.00.</p>", CreatedAt = DateTime.UtcNow, VisibleToFamily = true,
            });
            await db.SaveChangesAsync();
            return payment;
        });
    }

    private static MultipartFormDataContent ReturnForm(string token, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return content;
    }

    private static void AddFile(MultipartFormDataContent content, string field, string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        content.Add(file, field, name);
    }

    [Fact]
    public async Task A_family_sees_their_balance_statement_lines_audit_and_recoupment_letter_and_the_view_is_audited()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var payment = await PaymentAsync(user.Id);

        var home = await family.GetPageAsync("/account");
        var page = await family.GetPageAsync($"/account/direct-payments/{payment.Id}/money");

        home.Get("#direct-payments").TextContent.ShouldContain(payment.Reference);
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#balance").TextContent.ShouldContain("£410.00");
        page.Get("#figures").TextContent.ShouldContain("Bank account **-**-30 ****3445");
        page.Text.ShouldNotContain("00733445");
        page.Get("#lines").TextContent.ShouldContain("Not what the plan is for");
        page.Text.ShouldContain("Surplus to recover");
        page.Get("#recoupments").TextContent.ShouldContain("£210.00");
        (await app.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "view" && a.ChildId == payment.ChildId && a.UserId == user.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Another_family_gets_404_for_the_direct_payment_and_its_return()
    {
        var (_, owner) = await app.SignedInAsAsync(Roles.Family);
        var payment = await PaymentAsync(owner.Id);
        var (stranger, _) = await app.SignedInAsAsync(Roles.Family);

        (await stranger.GetAsync($"/account/direct-payments/{payment.Id}/money")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/account/direct-payments/{payment.Id}/return")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_return_with_problems_keeps_what_was_typed_and_a_good_one_is_sent_with_its_evidence()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var payment = await PaymentAsync(user.Id);
        var url = $"/account/direct-payments/{payment.Id}/return";
        var form = await family.GetPageAsync(url);
        var token = form.Get("#return input[name=__RequestVerificationToken]").GetAttribute("value")!;

        var bad = ReturnForm(token, ("Spent", "lots"), ("BalanceHeld", "420"), ("Notes", "Holiday club"));
        AddFile(bad, "Upload-receipts", "receipt.txt", "not a pdf"u8.ToArray());
        var refused = await PageClient.ParseAsync(await family.PostMultipartAsync(url, bad, withToken: false));
        var good = ReturnForm(token, ("Spent", "1,200.00"), ("BalanceHeld", "420"), ("Notes", "Holiday club"));
        AddFile(good, "Upload-receipts", "receipt.pdf", "%PDF-1.4 receipt"u8.ToArray());
        AddFile(good, "Upload-timesheets", "timesheet.pdf", "%PDF-1.4 timesheet"u8.ToArray());
        var sent = await family.PostMultipartAsync(url, good, withToken: false);

        refused.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())
            .ShouldBe(["Enter what you spent in pounds and pence, like 120 or 120.50", "The file receipt.txt must be a PDF, JPG or PNG"]);
        refused.QuerySelector("#Spent")!.GetAttribute("value").ShouldBe("lots");
        refused.QuerySelector("#Notes")!.TextContent.ShouldBe("Holiday club");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        var made = await app.Data.WithDbAsync(db => db.MonitoringReturns.OrderByDescending(r => r.PeriodFrom).FirstAsync(r => r.DirectPaymentId == payment.Id));
        made.Spent.ShouldBe(1200m);
        made.SubmittedByUserId.ShouldBe(user.Id);
        (await app.Data.WithDbAsync(db => db.MonitoringReturnEvidence.CountAsync(e => e.ReturnId == made.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Garbage_in_the_return_form_gets_a_govuk_error_never_a_500()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var payment = await PaymentAsync(user.Id);
        var url = $"/account/direct-payments/{payment.Id}/return";
        var token = (await family.GetPageAsync(url)).Get("#return input[name=__RequestVerificationToken]").GetAttribute("value")!;
        string[] junk = ["abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0001", "１２", new string('9', 5000), "💥", "\u202Eevil"];

        foreach (var value in junk)
        {
            var content = ReturnForm(token, ("Spent", value), ("BalanceHeld", value), ("Notes", value));
            AddFile(content, "Upload-receipts", "receipt.pdf", Encoding.UTF8.GetBytes(value));
            var response = await family.PostMultipartAsync(url, content, withToken: false);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, value);
            (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary").ShouldNotBeNull(value);
        }

        var broken = new StringContent($"--xyz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--xyz\r\nContent-Disposition: form-data; name=\"Upload-receipts\"; filename=\"a.pdf\"\r\n\r\n%PDF-trunc", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        ((int)(await family.Http.PostAsync(url, broken)).StatusCode).ShouldBeLessThan(500);
    }
}
