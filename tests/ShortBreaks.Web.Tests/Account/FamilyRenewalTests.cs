using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>A family renews their child's Flexible Short Breaks from their account, and sees only their own child's renewal.</summary>
public class FamilyRenewalTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly RenewalAnswer[] LastYear =
    [
        new("address", "Where Sam lives", "1 Example Road, Newark, NG24 1AA"),
        new("school", "Sam's school", "Example Primary School"),
        new("needs", "What support Sam needs", "Needs a lot more care and supervision than other children of the same age"),
    ];

    private async Task<(Child Child, FsbRenewal Renewal)> RenewalAsync(string familyUserId)
    {
        var child = await app.Data.CreateChildAsync(firstName: "Sam", tier: Tier.FlexibleShortBreaks);
        return await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            var yearStart = RenewalRules.NextYearStart(Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow), Core.Schemes.ProviderSettings.Defaults);
            var renewal = new FsbRenewal { ChildId = child.Id, YearStart = yearStart, InvitedAt = DateTime.UtcNow, AnswersJson = RenewalRules.Write(LastYear) };
            db.FsbRenewals.Add(renewal);
            await db.SaveChangesAsync();
            return (child, renewal);
        });
    }

    [Fact]
    public async Task AFamily_SeesLastYearsAnswers_ConfirmsOneAndChangesAnother_AndTheRenewalGoesToTheOfficer()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var (child, renewal) = await RenewalAsync(user.Id);

        var account = await family.GetPageAsync("/account");
        account.Get("#renewals a").GetAttribute("href").ShouldBe($"/account/renewal/{child.Id}");
        var page = await family.GetPageAsync($"/account/renewal/{child.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        Page.Normalise(page.Get("#last-school").TextContent).ShouldBe("You told us last year: Example Primary School");

        var missing = await family.SubmitAsync(page, "#renewal-form", new() { ["Answers[0].Unchanged"] = "yes", ["Answers[1].Unchanged"] = "no" });
        missing.ErrorSummary().ShouldBe(["Enter what has changed: Sam's school", "Say whether this is still right: What support Sam needs"]);
        missing.Get("title").TextContent.ShouldStartWith("Error: ");

        var sent = await family.FollowAsync(await family.SubmitAsync(missing, "#renewal-form", new()
        {
            ["Answers[0].Unchanged"] = "yes", ["Answers[1].Unchanged"] = "no", ["Answers[1].Now"] = "Sherwood Academy", ["Answers[2].Unchanged"] = "yes",
        }));

        Page.Normalise(sent.Get("#status").TextContent).ShouldBe("Sent: waiting for the officer");
        sent.Get("#changed-school").ShouldNotBeNull();
        sent.Find("#renewal-form").ShouldBeNull();
        var stored = await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().SingleAsync(r => r.Id == renewal.Id));
        (stored.Status, stored.AnyChanged, stored.SubmittedByUserId, stored.TakenByPhone).ShouldBe((RenewalStatus.Submitted, true, user.Id, false));
        (await app.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FsbRenewal) && a.Action == "view" && a.ChildId == child.Id))).ShouldBeTrue();
        (await family.GetPageAsync("/account")).Find("#renewals").ShouldBeNull();
    }

    [Fact]
    public async Task AFormFromBeforeAnotherChange_IsRefused_AndNothingIsSavedOverIt()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var (child, renewal) = await RenewalAsync(user.Id);
        var page = await family.GetPageAsync($"/account/renewal/{child.Id}");
        await app.Data.WithDbAsync(async db =>
        {
            var tracked = await db.FsbRenewals.SingleAsync(r => r.Id == renewal.Id);
            tracked.DecisionReason = "Touched by someone else";
            await db.SaveChangesAsync();
        });

        var stale = await family.SubmitAsync(page, "#renewal-form", new() { ["Answers[0].Unchanged"] = "yes", ["Answers[1].Unchanged"] = "yes", ["Answers[2].Unchanged"] = "yes" });

        stale.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this renewal");
        (await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().SingleAsync(r => r.Id == renewal.Id))).Status.ShouldBe(RenewalStatus.Invited);
    }

    [Fact]
    public async Task AnotherFamily_OrAStranger_GetsNotFound_AndCannotRenewForTheChild()
    {
        var (owner, ownerUser) = await app.SignedInAsAsync(Roles.Family);
        var (child, renewal) = await RenewalAsync(ownerUser.Id);
        var (other, otherUser) = await app.SignedInAsAsync(Roles.Family);
        var (own, _) = await RenewalAsync(otherUser.Id);

        (await other.GetAsync($"/account/renewal/{child.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/account/renewal/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ownPage = await other.GetPageAsync($"/account/renewal/{own.Id}");
        var forced = await other.PostRawAsync(ownPage, $"/account/renewal/{child.Id}", new()
        {
            ["SeenVersion"] = "0", ["Answers[0].Unchanged"] = "yes", ["Answers[1].Unchanged"] = "yes", ["Answers[2].Unchanged"] = "yes",
        });
        forced.Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/staff/renewals/{renewal.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().SingleAsync(r => r.Id == renewal.Id))).Status.ShouldBe(RenewalStatus.Invited);
        (await owner.GetAsync($"/account/renewal/{child.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task JunkInEveryField_GetsTheFormsOwnErrors_NeverA500()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var (child, renewal) = await RenewalAsync(user.Id);
        var page = await family.GetPageAsync($"/account/renewal/{child.Id}");

        foreach (var junk in new[] { "abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0000\u0001", new string('9', 5000), "💥" })
        {
            var response = await family.PostRawAsync(page, $"/account/renewal/{child.Id}", new()
            {
                ["SeenVersion"] = junk, ["Answers[0].Unchanged"] = junk, ["Answers[1].Unchanged"] = "no", ["Answers[1].Now"] = new string('z', 3001), ["Answers[x].Now"] = junk,
            });
            response.Status.ShouldBe(HttpStatusCode.OK, junk);
            response.ErrorSummary().ShouldNotBeEmpty();
        }

        (await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().SingleAsync(r => r.Id == renewal.Id))).Status.ShouldBe(RenewalStatus.Invited);
    }

    [Fact]
    public async Task AChildWithNothingToRenew_SaysSo()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var child = await app.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = user.Id, Relationship = "Father", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await family.GetPageAsync($"/account/renewal/{child.Id}");

        page.Get("#nothing-to-renew").ShouldNotBeNull();
        page.Find("#renewal-form").ShouldBeNull();
    }
}
