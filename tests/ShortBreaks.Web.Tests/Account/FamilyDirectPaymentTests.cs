using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>A family's direct payment in their account: reading and agreeing the agreement, their account (masked) and its confirmation, the payments.</summary>
public class FamilyDirectPaymentTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Form = "main form[method=post]";

    /// <summary>A direct payment set up by an officer for the signed-in family member's child, paid to them.</summary>
    private async Task<(PageClient Family, TestUser User, Guid DirectPaymentId)> SetUpAsync()
    {
        var (family, user) = await factory.SignedInAsAsync(Roles.Family);
        var (child, _) = await factory.Data.ChildWithDirectPaymentPlanAsync(user.Id);
        var id = await factory.WithServicesAsync(async services =>
        {
            var payments = services.GetRequiredService<DirectPaymentService>();
            var source = (await payments.SourcesAsync(child.Id)).Single();
            var (made, result) = await payments.SetUpAsync(child.Id, new DirectPaymentSetUp(source.Key, user.Id, null, null));
            result.Succeeded.ShouldBeTrue();
            return made!.Id;
        }, actorUserId: "officer-1");
        return (family, user, id);
    }

    [Fact]
    public async Task TheRecipient_ReadsAndAgreesTheAgreement_AndTheAgreedCopyIsKeptAsALetter()
    {
        var (family, _, id) = await SetUpAsync();
        var home = await family.GetPageAsync("/account");
        home.Get("#direct-payments a").GetAttribute("href").ShouldBe($"/account/direct-payments/{id}");

        var page = await family.GetPageAsync($"/account/direct-payments/{id}");
        page.Get("#draft-agreement").TextContent.ShouldContain("Go swimming once a week with a friend");
        page.Get("#no-instalments").ShouldNotBeNull();
        (await family.Http.GetAsync($"/account/direct-payments/{id}?handler=pdf")).Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        var agreed = await family.FollowAsync(await family.SubmitAsync(page, "main form[method=post]", []));
        agreed.Get("#agreed").TextContent.ShouldContain("Agreed on");
        agreed.Get("#instalments").ShouldNotBeNull();
        var letterLink = agreed.Get("#agreed a").GetAttribute("href")!;
        (await family.GetPageAsync(letterLink)).Text.ShouldContain("in their online account");
        (await factory.Data.WithDbAsync(db => db.Letters.CountAsync(l => l.Kind == LetterKinds.DirectPaymentAgreement && db.DirectPayments.Any(d => d.Id == id && d.AgreementLetterId == l.Id)))).ShouldBe(1);
    }

    [Fact]
    public async Task AStaleAgreement_IsNotAgreed_AndTheFamilyIsAskedToReadItAgain()
    {
        var (family, _, id) = await SetUpAsync();
        var page = await family.GetPageAsync($"/account/direct-payments/{id}");
        var refused = await family.SubmitAsync(page, Form, new() { ["SeenVersion"] = "999" });
        refused.ErrorSummary().ShouldHaveSingleItem().ShouldContain("has changed since you opened this page");
        (await factory.Data.WithDbAsync(db => db.DirectPayments.SingleAsync(d => d.Id == id))).State.ShouldBe(DirectPaymentState.AwaitingAgreement);
    }

    [Fact]
    public async Task TheFamily_EntersTheirAccount_ShownMaskedAndNotPaidUntilAnOfficerConfirmsIt_AndConfirmsDetailsAnOfficerEntered()
    {
        var (family, _, id) = await SetUpAsync();
        var form = await family.GetPageAsync($"/account/direct-payments/{id}/account");
        var refused = await family.SubmitAsync(form, Form, new() { ["Kind"] = "PrepaidCard", ["AccountName"] = "", ["CardReference"] = "4111111111111111" });
        refused.ErrorSummary().ShouldBe(["Enter the name on the account", "Enter the card account reference, not the long number on the front of the card"]);

        var saved = await family.FollowAsync(await family.SubmitAsync(refused, Form, new() { ["Kind"] = "BankAccount", ["AccountName"] = "S Patel", ["SortCode"] = "309430", ["AccountNumber"] = "12345678" }));
        saved.Get("#accounts").TextContent.ShouldContain("****5678");
        saved.Html.Body!.InnerHtml.ShouldNotContain("12345678");
        saved.Find("form[action*='handler=Confirm'], form input[name=AccountId]").ShouldBeNull("the family cannot confirm what they entered");
        (await factory.WithServicesAsync(s => s.GetRequiredService<DirectPaymentAccounts>().PayableAccountAsync(id))).ShouldBeNull();

        // An officer enters other details: the family confirms them in their account.
        await factory.WithServicesAsync(async s =>
        {
            var version = (await s.GetRequiredService<DirectPaymentService>().FindAsync(id))!.Version;
            (await s.GetRequiredService<DirectPaymentAccounts>().AddAsync(id, new AccountInput(DirectPaymentAccountKind.BankAccount, "S Patel", "309430", "87654321", null), version)).Succeeded.ShouldBeTrue();
            return true;
        }, actorUserId: "officer-1");
        var page = await family.GetPageAsync($"/account/direct-payments/{id}");
        var confirmForm = page.Get("input[name=AccountId]").Closest("form")!;
        confirmForm.TextContent.ShouldContain("****4321");
        var confirmed = await family.FollowAsync(await family.PostRawAsync(page, $"/account/direct-payments/{id}?handler=Confirm",
            new() { ["AccountId"] = page.Get("input[name=AccountId]").GetAttribute("value")!, ["SeenVersion"] = confirmForm.QuerySelector("input[name=SeenVersion]")!.GetAttribute("value")! }));
        confirmed.Text.ShouldContain("the account is confirmed");
        (await factory.WithServicesAsync(s => s.GetRequiredService<DirectPaymentAccounts>().PayableAccountAsync(id)))!.AccountNumber.ShouldBe("87654321");
    }

    [Fact]
    public async Task AnotherFamilyMember_SeesButCannotAgreeOrChangeTheAccount()
    {
        var (_, user, id) = await SetUpAsync();
        var (other, otherUser) = await factory.SignedInAsAsync(Roles.Family);
        await factory.Data.WithDbAsync(async db =>
        {
            var childId = await db.DirectPayments.Where(d => d.Id == id).Select(d => d.ChildId).SingleAsync();
            db.ChildFamilyMembers.Add(new Core.Children.ChildFamilyMember { ChildId = childId, UserId = otherUser.Id, Relationship = "Father", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var page = await other.GetPageAsync($"/account/direct-payments/{id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find(Form).ShouldBeNull();
        (await other.GetPageAsync($"/account/direct-payments/{id}/account")).Status.ShouldBe(HttpStatusCode.NotFound);
        user.Id.ShouldNotBe(otherUser.Id);
    }
}
