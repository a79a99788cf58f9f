using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

/// <summary>The officer's renewal queue and renewal page: approve, refer, take a renewal by phone, overdue renewals.</summary>
public class RenewalPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private static readonly RenewalAnswer[] LastYear =
    [
        new("address", "Where the child lives", "1 Example Road, Newark, NG24 1AA"),
        new("school", "The child's school", "Example Primary School"),
    ];

    private async Task<(Child Child, FsbRenewal Renewal)> RenewalAsync(RenewalStatus status, DateOnly? yearStart = null, bool changed = false)
    {
        var child = await app.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        return await app.Data.WithDbAsync(async db =>
        {
            var answers = status == RenewalStatus.Invited
                ? LastYear
                : LastYear.Select(a => a.Id == "school" && changed ? a with { Now = "Sherwood Academy", Changed = true } : a with { Now = a.Last }).ToArray();
            var renewal = new FsbRenewal
            {
                ChildId = child.Id, YearStart = yearStart ?? RenewalRules.NextYearStart(Today, Core.Schemes.ProviderSettings.Defaults), Status = status,
                InvitedAt = DateTime.UtcNow.AddDays(-20), AnswersJson = RenewalRules.Write(answers), AnyChanged = changed,
                SubmittedAt = status == RenewalStatus.Submitted ? DateTime.UtcNow : null, SubmittedByName = status == RenewalStatus.Submitted ? "Jo Parent" : null,
            };
            db.FsbRenewals.Add(renewal);
            await db.SaveChangesAsync();
            return (child, renewal);
        });
    }

    private static string Row(Page queue, Child child) =>
        Page.Normalise(queue.Html.QuerySelectorAll("#renewals tbody tr").Single(r => r.TextContent.Contains(child.Reference, StringComparison.Ordinal)).TextContent);

    [Fact]
    public async Task AnOfficer_SeesAChangedRenewalInTheQueue_NeedsReasonsToApproveIt_AndApproves()
    {
        var (officer, _) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (child, renewal) = await RenewalAsync(RenewalStatus.Submitted, changed: true);

        var home = await officer.GetPageAsync("/staff");
        home.Get("#renewals-link").GetAttribute("href").ShouldBe("/staff/renewals");
        var queue = await officer.GetPageAsync("/staff/renewals");
        Row(queue, child).ShouldContain("Waiting for a decision Answers changed");
        var page = await officer.GetPageAsync($"/staff/renewals/{renewal.Id}");
        page.Get("#changed-school").ShouldNotBeNull();
        page.Find("#same-address").ShouldNotBeNull();

        var noReason = await officer.SubmitAsync(page, "#decide-form", new() { ["Decision"] = "Approve" });
        noReason.ErrorSummary().ShouldBe(["Enter the reasons for approving it with the changed answers"]);
        var approved = await officer.FollowAsync(await officer.SubmitAsync(noReason, "#decide-form", new() { ["Decision"] = "Approve", ["Reason"] = "A new school; the same needs." }));

        approved.Get("#done").TextContent.ShouldContain("The renewal is approved");
        Page.Normalise(approved.Get("#status").TextContent).ShouldBe("Approved");
        approved.Find("#decide-form").ShouldBeNull();
        var stored = await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().SingleAsync(r => r.Id == renewal.Id));
        (stored.Status, stored.ApprovedAutomatically, stored.DecisionReason).ShouldBe((RenewalStatus.Approved, false, "A new school; the same needs."));
        (await app.Data.WithDbAsync(db => db.TimelineEvents.AsNoTracking().AnyAsync(t => t.ChildId == child.Id && t.Kind == TimelineKinds.Renewal)))
            .ShouldBeTrue();
        (await app.Data.WithDbAsync(db => db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityType == nameof(FsbRenewal) && a.Action == "view" && a.ChildId == child.Id)))
            .ShouldBeTrue();
        (await officer.GetPageAsync("/staff/renewals")).Html.QuerySelectorAll("#renewals tbody tr").ShouldNotContain(r => r.TextContent.Contains(child.Reference));
    }

    [Fact]
    public async Task ARenewalNotSentByTheYearsEnd_IsOverdue_AndTheOfficerTakesItByPhone_ThenRefersIt()
    {
        var (officer, _) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (child, renewal) = await RenewalAsync(RenewalStatus.Invited, yearStart: Today);

        Row(await officer.GetPageAsync("/staff/renewals"), child).ShouldContain("Overdue");
        var page = await officer.GetPageAsync($"/staff/renewals/{renewal.Id}");
        page.Get("#overdue").ShouldNotBeNull();
        page.Get("#not-renewed").TextContent.ShouldContain("stays on Flexible Short Breaks until you decide");
        page.Find("#decide-form").ShouldBeNull();

        var taken = await officer.FollowAsync(await officer.SubmitAsync(page, "#phone-form", new() { ["Answers[0].Unchanged"] = "yes", ["Answers[1].Unchanged"] = "yes" }));
        taken.Get("#done").TextContent.ShouldContain("taken by phone is recorded");
        taken.Get("#sent").TextContent.ShouldContain("(taken by phone)");
        var noReason = await officer.SubmitAsync(taken, "#decide-form", new() { ["Decision"] = "Refer" });
        noReason.ErrorSummary().ShouldBe(["Enter the reasons for referring it"]);
        var referred = await officer.FollowAsync(await officer.SubmitAsync(noReason, "#decide-form", new() { ["Decision"] = "Refer", ["Reason"] = "Needs have grown: look at Targeted Short Breaks." }));

        Page.Normalise(referred.Get("#status").TextContent).ShouldBe("Referred for a threshold decision");
        (await app.Data.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id))).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        (await officer.GetPageAsync("/staff/renewals")).Html.QuerySelectorAll("#renewals tbody tr").ShouldNotContain(r => r.TextContent.Contains(child.Reference));
    }

    [Fact]
    public async Task TwoOfficersAtOnce_TheSecondIsTold_AndNothingIsSavedOverTheFirst()
    {
        var (first, _) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (second, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var (_, renewal) = await RenewalAsync(RenewalStatus.Submitted);
        var firstPage = await first.GetPageAsync($"/staff/renewals/{renewal.Id}");
        var secondPage = await second.GetPageAsync($"/staff/renewals/{renewal.Id}");

        await first.FollowAsync(await first.SubmitAsync(firstPage, "#decide-form", new() { ["Decision"] = "Approve" }));
        var late = await second.SubmitAsync(secondPage, "#decide-form", new() { ["Decision"] = "Refer", ["Reason"] = "Too late" });

        late.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this renewal");
        (await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().SingleAsync(r => r.Id == renewal.Id))).Status.ShouldBe(RenewalStatus.Approved);
    }

    [Fact]
    public async Task JunkInEveryField_GetsGovukErrors_NeverA500()
    {
        var (officer, _) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (_, invited) = await RenewalAsync(RenewalStatus.Invited);
        var (_, submitted) = await RenewalAsync(RenewalStatus.Submitted);
        var page = await officer.GetPageAsync($"/staff/renewals/{submitted.Id}");

        foreach (var junk in new[] { "abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0000\u0001", new string('9', 5000), "💥" })
        {
            foreach (var (id, handler) in new[] { (submitted.Id, "Decide"), (invited.Id, "Phone"), (submitted.Id, "Phone"), (invited.Id, "Decide") })
            {
                var response = await officer.PostRawAsync(page, $"/staff/renewals/{id}?handler={handler}", new()
                {
                    ["SeenVersion"] = junk, ["Decision"] = junk, ["Reason"] = new string('z', 3001), ["Answers[0].Unchanged"] = junk, ["Answers[1].Now"] = junk,
                });
                response.Status.ShouldBe(HttpStatusCode.OK, $"{handler} {junk}");
                response.ErrorSummary().ShouldNotBeEmpty();
            }
        }

        (await officer.GetAsync($"/staff/renewals/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync("/staff/renewals/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Data.WithDbAsync(db => db.FsbRenewals.AsNoTracking().CountAsync(r => (r.Id == invited.Id || r.Id == submitted.Id) && r.DecidedAt == null && r.SubmittedByUserId == null)))
            .ShouldBe(2);
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task OnlyCaseStaff_OpenTheQueue(string role)
    {
        var (someone, _) = await app.SignedInAsAsync(role);
        var (_, renewal) = await RenewalAsync(RenewalStatus.Submitted);

        foreach (var url in new[] { "/staff/renewals", $"/staff/renewals/{renewal.Id}" })
        {
            var response = await someone.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/access-denied");
        }
    }
}
