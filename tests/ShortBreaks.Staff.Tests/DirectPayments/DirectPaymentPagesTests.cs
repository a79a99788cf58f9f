using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.DirectPayments;

/// <summary>The staff's direct payment pages: setting one up, recording agreement, the account and its confirmation, one-off payments, and who may do what.</summary>
public class DirectPaymentPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Form = "main form[method=post]";

    private static Dictionary<string, string?> Today(string name)
    {
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        return new()
        {
            [$"{name}-day"] = today.Day.ToString(CultureInfo.InvariantCulture),
            [$"{name}-month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            [$"{name}-year"] = today.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An officer sets up a direct payment for a child with a plan, paid to someone with no online account; answers its id.</summary>
    private async Task<(Guid ChildId, Guid DirectPaymentId, PageClient Officer)> SetUpAsync()
    {
        var (child, _) = await factory.Data.ChildWithDirectPaymentPlanAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/direct-payments");
        var source = page.Get("input[name=Source]").GetAttribute("value");
        var done = await officer.SubmitAsync(page, Form, new() { ["Source"] = source, ["RecipientUserId"] = "", ["RecipientName"] = "Grace Mensah", ["RecipientRelationship"] = "Grandmother" });
        done.RedirectPath.ShouldNotBeNull();
        var id = Guid.Parse(done.RedirectPath!.Split('/', '?')[2]);
        return (child.Id, id, officer);
    }

    [Fact]
    public async Task AnOfficer_SetsUpADirectPayment_FromTheChildsPage_AndReadsTheDraftAgreement()
    {
        var (child, _) = await factory.Data.ChildWithDirectPaymentPlanAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        (await officer.GetPageAsync($"/staff/children/{child.Id}")).Get("#direct-payments-link").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/direct-payments");
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/direct-payments");

        var refused = await officer.SubmitAsync(page, Form, new() { ["Source"] = null, ["RecipientUserId"] = "", ["RecipientName"] = "", ["RecipientRelationship"] = "" });
        refused.ErrorSummary().ShouldBe(["Choose what the direct payment is for", "Enter the name of the person receiving the direct payment", "Enter how they are related to the child"]);

        var done = await officer.SubmitAsync(refused, Form, new() { ["Source"] = page.Get("input[name=Source]").GetAttribute("value"), ["RecipientUserId"] = "", ["RecipientName"] = "Grace Mensah", ["RecipientRelationship"] = "Grandmother" });
        var payment = await officer.FollowAsync(done);
        payment.Status.ShouldBe(HttpStatusCode.OK);
        payment.Get("h1").TextContent.ShouldStartWith("Direct payment DP-");
        payment.Get("#draft-agreement").TextContent.ShouldContain("Go swimming once a week with a friend");
        payment.Get("#draft-agreement").TextContent.ShouldContain("A residential placement");
        payment.Find("#instalments").ShouldBeNull("nothing is scheduled before agreement");
        var pdf = await officer.Http.GetAsync(payment.Url.Split('?')[0] + "?handler=pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        (await officer.GetPageAsync($"/staff/children/{child.Id}/direct-payments")).Find("input[name=Source]").ShouldBeNull("the same plan never makes two");
    }

    [Fact]
    public async Task AReviewingOfficer_ReadsButCannotSetUp_AndAProviderCannotOpenIt()
    {
        var (child, _) = await factory.Data.ChildWithDirectPaymentPlanAsync();
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var page = await reviewer.GetPageAsync($"/staff/children/{child.Id}/direct-payments");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("input[name=Source]").ShouldBeNull();
        var post = await reviewer.PostAsync($"/staff/children/{child.Id}/direct-payments", ("Source", "x"));
        post.Headers.Location!.OriginalString.ShouldContain("/access-denied");
        (await factory.Data.WithDbAsync(db => db.DirectPayments.CountAsync(d => d.ChildId == child.Id))).ShouldBe(0);

        var (_, id, _) = await SetUpAsync();
        var (provider, _) = await factory.SignedInAsAsync(Roles.Provider);
        (await provider.GetPageAsync($"/direct-payments/{id}")).RedirectPath!.ShouldStartWith("/access-denied");
    }

    [Fact]
    public async Task AnOfficer_RecordsTheFamilysAgreement_AndThePaymentsAreScheduled_WithTheAgreedTextKept()
    {
        var (_, id, officer) = await SetUpAsync();
        var page = await officer.GetPageAsync($"/direct-payments/{id}/agree-for-family");
        var refused = await officer.SubmitAsync(page, Form, new() { ["AgreedByName"] = "", ["Method"] = null, ["AgreedOn-day"] = "31", ["AgreedOn-month"] = "2", ["AgreedOn-year"] = "2026" });
        refused.ErrorSummary().ShouldContain("Enter the name of the person who agreed");
        refused.ErrorSummary().ShouldContain("Choose how they agreed it");
        refused.Find("#AgreedOn-day.govuk-input--error").ShouldNotBeNull();

        var values = new Dictionary<string, string?>(Today("AgreedOn")) { ["AgreedByName"] = "Grace Mensah", ["Relationship"] = "Grandmother", ["Method"] = "InPerson" };
        var done = await officer.FollowAsync(await officer.SubmitAsync(refused, Form, values));
        // The plan's year runs into the next allowance year: each year's share is rounded to the penny and its payments add up to it.
        var rows = await factory.Data.WithDbAsync(db => db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == id).Select(i => i.Amount).ToListAsync());
        done.Get("#instalments-total").TextContent.ShouldBe(Core.Money.FormatPence(rows.Sum()));
        var payment = await factory.Data.WithDbAsync(db => db.DirectPayments.SingleAsync(d => d.Id == id));
        rows.Sum().ShouldBe(DirectPaymentSchedule.Build(ShippedSchemes.Scheme2026_1.DirectPaymentRules.Schedule, 4, 2808m, payment.StartsOn, payment.EndsOn).Payments.Sum(p => p.Amount));
        var letter = done.Get("#agreed-letter").GetAttribute("href")!;
        (await officer.GetPageAsync(letter)).Html.Body!.TextContent.ShouldContain("recorded by");
        (await factory.Data.WithDbAsync(db => db.Letters.CountAsync(l => l.Kind == LetterKinds.DirectPaymentAgreement && db.DirectPayments.Any(d => d.Id == id && d.AgreementLetterId == l.Id)))).ShouldBe(1);
    }

    [Fact]
    public async Task TheAccount_IsMaskedAfterEntry_AndConfirmedOnlyBySomeoneElse_AFinanceOfficerSeesMoneyNotTheAgreement()
    {
        var (_, id, officer) = await SetUpAsync();
        var form = await officer.GetPageAsync($"/direct-payments/{id}/account");
        var refused = await officer.SubmitAsync(form, Form, new() { ["Kind"] = "BankAccount", ["AccountName"] = "G Mensah", ["SortCode"] = "30-94", ["AccountNumber"] = "00733445" });
        refused.ErrorSummary().ShouldBe(["Sort code must be 6 digits long"]);
        refused.Get("input[name=AccountNumber]").GetAttribute("value").ShouldBe("00733445", "what was typed is kept on the form");

        var saved = await officer.FollowAsync(await officer.SubmitAsync(refused, Form, new() { ["Kind"] = "BankAccount", ["AccountName"] = "G Mensah", ["SortCode"] = "30-94-30", ["AccountNumber"] = "00733445" }));
        saved.Get("#accounts").TextContent.ShouldContain("****3445");
        saved.Html.Body!.InnerHtml.ShouldNotContain("00733445");
        saved.Html.Body!.InnerHtml.ShouldNotContain("309430");
        var confirmLink = saved.Get("#confirm-account").GetAttribute("href")!;
        var own = await officer.SubmitAsync(await officer.GetPageAsync(confirmLink), Form, new() { ["Note"] = "Called the number on file" });
        own.ErrorSummary().ShouldHaveSingleItem().ShouldContain("someone other than the person who entered it");

        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        var seen = await finance.GetPageAsync($"/direct-payments/{id}");
        seen.Status.ShouldBe(HttpStatusCode.OK);
        seen.Find("#draft-agreement").ShouldBeNull("finance officers see the money, not the plan");
        (await finance.GetPageAsync($"/direct-payments/{id}?handler=pdf")).Status.ShouldBe(HttpStatusCode.NotFound);
        var confirmPage = await finance.GetPageAsync(confirmLink);
        (await finance.SubmitAsync(confirmPage, Form, new() { ["Note"] = "" })).ErrorSummary().ShouldBe(["Enter the number you called and who confirmed the details"]);
        var confirmed = await finance.FollowAsync(await finance.SubmitAsync(confirmPage, Form, new() { ["Note"] = "Called 01632 960001 on file; Grace confirmed the last digits" }));
        confirmed.Get("#accounts").TextContent.ShouldContain("Paid into");
        (await factory.Data.WithDbAsync(async db => await db.DirectPaymentAccounts.SingleAsync(a => a.DirectPaymentId == id))).ConfirmedByName.ShouldNotBeNull();
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DirectPayment) && a.EntityId == id.ToString() && a.Action == "view"))).ShouldBeTrue();
    }

    [Fact]
    public async Task AOneOffPayment_ShowsItsErrors_AndIsAddedToThePayments()
    {
        var (_, id, officer) = await SetUpAsync();
        var agree = await officer.GetPageAsync($"/direct-payments/{id}/agree-for-family");
        await officer.SubmitAsync(agree, Form, new Dictionary<string, string?>(Today("AgreedOn")) { ["AgreedByName"] = "Grace Mensah", ["Relationship"] = "Grandmother", ["Method"] = "ByPhone" });

        var page = await officer.GetPageAsync($"/direct-payments/{id}/one-off");
        var refused = await officer.SubmitAsync(page, Form, new() { ["Amount"] = "lots", ["Reason"] = "" });
        refused.ErrorSummary().ShouldBe(["Enter the amount in pounds and pence, like 150 or 150.50", "Enter the date it is paid", "Enter the reason for the one-off payment"]);
        refused.Get("input[name=Amount]").GetAttribute("value").ShouldBe("lots");

        var done = await officer.FollowAsync(await officer.SubmitAsync(refused, Form, new Dictionary<string, string?>(Today("DueOn")) { ["Amount"] = "150", ["Reason"] = "Start-up sum" }));
        done.Get("#instalments").TextContent.ShouldContain("One-off: Start-up sum");
        var rows = await factory.Data.WithDbAsync(db => db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == id).Select(i => i.Amount).ToListAsync());
        rows.ShouldContain(150m);
        done.Get("#instalments-total").TextContent.ShouldBe(Core.Money.FormatPence(rows.Sum()));
    }
}
