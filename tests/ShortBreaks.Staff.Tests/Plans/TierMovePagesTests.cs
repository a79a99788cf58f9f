using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>Moves an officer records on the child's record, and the list of young people moving to adult services.</summary>
public class TierMovePagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task AStepDownToFlexible_IsRecordedWithItsReason_OnTheTimeline()
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Tier.TargetedShortBreaks);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Amira Hughes");
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/move");
        page.Html.QuerySelectorAll("input[name=Move]").Select(i => i.GetAttribute("value")).ShouldBe(
            ["StepUpToSocialCare", "StepDownToFlexible", "TransferToAdultServices", "Closure"]);
        page.Find("#Move-StepUpToTargeted").ShouldBeNull();

        var empty = await officer.SubmitAsync(page, "main form", new());
        empty.ErrorSummary().ShouldBe(["Choose the move", "Enter why the child is moving"]);
        var moved = await officer.SubmitAsync(page, "main form", new() { ["Move"] = "StepDownToFlexible", ["Reason"] = "Needs are met by the core offer now." });
        moved.RedirectPath.ShouldBe($"/staff/children/{child.Id}");

        var record = await officer.GetPageAsync($"/staff/children/{child.Id}");
        record.Text.ShouldContain("Step down to Flexible Short Breaks: Targeted Short Breaks to Flexible Short Breaks");
        (await factory.Data.WithDbAsync(db => db.TierChanges.AsNoTracking().SingleAsync(t => t.ChildId == child.Id))).Reason.ShouldBe("Needs are met by the core offer now.");
    }

    [Fact]
    public async Task ATransferTooEarly_IsRefusedWithTheDate_AndTheListShowsThoseDue()
    {
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var young = await factory.Data.ChildAsync(c => { c.Tier = Tier.TargetedShortBreaks; c.DateOfBirth = today.AddYears(-15); });
        var soon = await factory.Data.ChildAsync(c => { c.Tier = Tier.FlexibleShortBreaks; c.DateOfBirth = today.AddYears(-18).AddMonths(3); });
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var refused = await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{young.Id}/move"), "main form", new() { ["Move"] = "TransferToAdultServices", ["Reason"] = "Handover" });
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldContain(e => e.Contains("moves to adult services on") && e.Contains("can be recorded from"));

        var list = await officer.GetPageAsync("/staff/adult-transfers");
        list.Get("#transfers").TextContent.ShouldContain(soon.Reference);
        list.Get("#transfers").TextContent.ShouldNotContain(young.Reference);
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task OutsideCaseStaff_NobodySeesTheTransfersList(string role)
    {
        var (someone, _) = await factory.SignedInAsAsync(role);
        (await someone.GetPageAsync("/staff/adult-transfers")).RedirectPath!.ShouldStartWith("/access-denied");
    }

    [Fact]
    public async Task AReviewingOfficer_CannotMoveAChild()
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Tier.TargetedShortBreaks);
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        (await reviewer.GetPageAsync($"/staff/children/{child.Id}/move")).RedirectPath!.ShouldStartWith("/access-denied");
    }
}
