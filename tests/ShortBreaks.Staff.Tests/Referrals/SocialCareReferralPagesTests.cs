using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Referrals;

/// <summary>
/// A referral to social care (a step up, or a request's decision) waits on every team manager's list until one of them
/// records how it was passed on: the letter's "we have referred" is kept by a person, and seen until it is.
/// </summary>
public class SocialCareReferralPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private Task<Referral> ReferralOfAsync(Guid childId) =>
        factory.Data.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.ChildId == childId));

    private Task<List<Core.Notifications.PersonMessage>> TasksAsync(Guid referralId) =>
        factory.Data.WithDbAsync(db => db.PersonMessages.AsNoTracking().Where(m => m.TaskKey == SocialCareReferrals.TaskKey(referralId)).ToListAsync());

    private async Task<Child> SteppedUpAsync(string reason)
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Tier.TargetedShortBreaks);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var moved = await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/move"), "main form",
            new() { ["Move"] = "StepUpToSocialCare", ["Reason"] = reason });
        moved.RedirectPath.ShouldBe($"/staff/children/{child.Id}");
        return child;
    }

    [Fact]
    public async Task AStepUpToSocialCare_WaitsOnEveryManagersList_UntilOneRecordsHowItWasPassedOn()
    {
        var (manager, me) = await factory.SignedInAsAsync(Roles.TeamManager, "Priya Manager");
        var other = await factory.CreateUserAsync(Roles.TeamManager);
        var child = await SteppedUpAsync("Needs now call for a social work assessment.");

        var referral = await ReferralOfAsync(child.Id);
        referral.Kind.ShouldBe(ReferralKind.SocialCare);
        referral.RequestId.ShouldBeNull();
        referral.Reasons.ShouldBe("Needs now call for a social work assessment.");
        referral.PassedOnAt.ShouldBeNull();
        var tasks = await TasksAsync(referral.Id);
        tasks.Select(t => t.UserId).ShouldContain(me.Id);
        tasks.Select(t => t.UserId).ShouldContain(other.Id);
        tasks.ShouldAllBe(t => t.CompletedAt == null && t.Link == $"/staff/referrals/{referral.Id}" && !t.Title.Contains(child.FirstName));

        var list = await manager.GetPageAsync("/staff/referrals");
        list.Get("#waiting").TextContent.ShouldContain(child.Reference);
        var page = await manager.GetPageAsync($"/staff/referrals/{referral.Id}");
        Page.Normalise(page.Get("#referral").TextContent).ShouldContain("Step up to social care");
        page.Get("#reasons").TextContent.ShouldBe("Needs now call for a social work assessment.");

        var blank = await manager.SubmitAsync(page, "#pass-on-form", new() { ["How"] = "   " });
        blank.Status.ShouldBe(HttpStatusCode.OK);
        blank.ErrorSummary().ShouldBe(["Enter how the referral was passed on to social care"]);
        var tooLong = await manager.SubmitAsync(page, "#pass-on-form", new() { ["How"] = new string('x', Referral.PassedOnHowMaxLength + 1) });
        tooLong.ErrorSummary().ShouldBe([$"How it was passed on must be {Referral.PassedOnHowMaxLength} characters or fewer"]);
        (await ReferralOfAsync(child.Id)).PassedOnAt.ShouldBeNull();

        var done = await manager.SubmitAsync(page, "#pass-on-form", new() { ["How"] = "Secure email to the social care front door; their reference SC-4471." });
        done.RedirectPath.ShouldBe($"/staff/referrals/{referral.Id}?done=passed-on");

        var saved = await ReferralOfAsync(child.Id);
        saved.PassedOnAt.ShouldNotBeNull();
        saved.PassedOnByUserId.ShouldBe(me.Id);
        saved.PassedOnByName.ShouldBe("Priya Manager");
        saved.PassedOnHow.ShouldBe("Secure email to the social care front door; their reference SC-4471.");
        (await TasksAsync(referral.Id)).ShouldAllBe(t => t.CompletedAt != null);
        var shown = await manager.GetPageAsync($"/staff/referrals/{referral.Id}");
        shown.Find("#pass-on-form").ShouldBeNull();
        shown.Get("#how").TextContent.ShouldBe("Secure email to the social care front door; their reference SC-4471.");
        (await manager.GetPageAsync($"/staff/children/{child.Id}")).Text.ShouldContain("Referral passed on to social care");
        var after = await manager.GetPageAsync("/staff/referrals");
        (after.Find("#waiting")?.TextContent ?? "").ShouldNotContain(child.Reference);
        after.Get("#passed-on").TextContent.ShouldContain(child.Reference);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Referral) && a.EntityId == referral.Id.ToString() && a.Action == "update")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task TwoManagersAtOnce_TheSecondIsToldWhoRecordedItFirst_AndNothingIsWrittenOverIt()
    {
        var (first, _) = await factory.SignedInAsAsync(Roles.TeamManager, "First Manager");
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager, "Second Manager");
        var child = await SteppedUpAsync("Step up after a review.");
        var referral = await ReferralOfAsync(child.Id);
        var firstPage = await first.GetPageAsync($"/staff/referrals/{referral.Id}");
        var secondPage = await second.GetPageAsync($"/staff/referrals/{referral.Id}");

        (await first.SubmitAsync(firstPage, "#pass-on-form", new() { ["How"] = "Phoned the duty social worker." })).Status.ShouldBe(HttpStatusCode.Redirect);
        var refused = await second.SubmitAsync(secondPage, "#pass-on-form", new() { ["How"] = "Emailed the front door." });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("First Manager recorded this referral as passed on to social care on ");
        (await ReferralOfAsync(child.Id)).PassedOnHow.ShouldBe("Phoned the duty social worker.");
    }

    [Fact]
    public async Task ARequestReferredToSocialCare_IsOnTheList_AndTheRequestSaysWhetherItIsPassedOn()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (request, child) = await factory.Data.MatchedRequestAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        await officer.FollowAsync(await officer.DecideAsync(request.Id, "ReferToSocialCare", "Needs call for a social work assessment."));

        var referral = await ReferralOfAsync(child.Id);
        referral.RequestId.ShouldBe(request.Id);
        (await TasksAsync(referral.Id)).ShouldNotBeEmpty();
        var letter = await factory.Data.WithDbAsync(db => db.Letters.AsNoTracking().SingleAsync(l => l.RequestId == request.Id));
        letter.BodyHtml.ShouldContain("we have referred your request to our children's social care team");
        letter.BodyHtml.ShouldContain("If you have not heard from them, contact us");
        Page.Normalise((await officer.RequestPageAsync(request.Id)).Get("#social-care-referral").TextContent).ShouldContain("Not yet passed on to social care.");

        var page = await manager.GetPageAsync($"/staff/referrals/{referral.Id}");
        Page.Normalise(page.Get("#referral").TextContent).ShouldContain($"Decision on request {request.Reference}");
        await manager.SubmitAsync(page, "#pass-on-form", new() { ["How"] = "Secure email to the front door." });
        Page.Normalise((await officer.RequestPageAsync(request.Id)).Get("#social-care-referral").TextContent).ShouldContain("Passed on to social care by ");
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.Family)]
    public async Task OnlyManagers_SeeTheReferrals(string role)
    {
        var child = await SteppedUpAsync("Needs a social work assessment.");
        var referral = await ReferralOfAsync(child.Id);
        var (someone, _) = await factory.SignedInAsAsync(role);

        (await someone.GetPageAsync("/staff/referrals")).RedirectPath!.ShouldStartWith("/access-denied");
        (await someone.GetPageAsync($"/staff/referrals/{referral.Id}")).RedirectPath!.ShouldStartWith("/access-denied");
    }
}
