using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class UpdateRecordPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string UpdateForm = "main form[method=post]";

    private static string UpdateUrl(Guid requestId) => $"/staff/requests/{requestId}/record";

    /// <summary>A request matched to a record whose address, school and needs differ from the request's answers.</summary>
    private async Task<(ShortBreakRequest Request, Child Child)> MatchedToAnOlderRecordAsync()
    {
        var (request, child) = await factory.Data.MatchedRequestAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            var tracked = await db.Children.SingleAsync(c => c.Id == child.Id);
            tracked.School = "Record Academy";
            tracked.NeedsInFamilyWords = "As the record had it.";
            await db.SaveChangesAsync();
        });
        return (request, await factory.Data.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)));
    }

    [Fact]
    public async Task TheRecordAndTheRequest_AreShownSideBySideWithAChoiceOnlyWhereTheyDiffer()
    {
        var (request, child) = await MatchedToAnOlderRecordAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync(UpdateUrl(request.Id));

        page.Status.ShouldBe(HttpStatusCode.OK);
        var school = page.Html.QuerySelectorAll("#row-School td").Select(c => Page.Normalise(c.TextContent)).ToList();
        school.ShouldBe(["Record Academy", "Demoton Primary School"]);
        Page.Normalise(page.Get("#row-Name").TextContent).ShouldContain("(the same)");
        page.Html.QuerySelectorAll($"{UpdateForm} input[name=Fields]").Select(i => i.GetAttribute("value"))
            .ShouldBe(["Address", "School", "EhcPlan", "DisabilityCodes", "NeedsInOwnWords"]);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "view" && a.EntityType == "Child" && a.ChildId == child.Id)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task ChoosingNothing_IsRefusedAndTheRecordIsUnchanged()
    {
        var (request, child) = await MatchedToAnOlderRecordAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync(UpdateUrl(request.Id));

        var result = await browser.SubmitAsync(page, UpdateForm, new() { ["Fields"] = null });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Html.Title!.ShouldStartWith("Error: ");
        result.ErrorSummary().ShouldBe(["Select the answers from the request that should replace the record's"]);
        result.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#Fields");
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == child.Id))).Version.ShouldBe(child.Version);
    }

    [Fact]
    public async Task OnlyTheChosenAnswers_ReplaceTheRecordAndTheChangeIsAuditedAndOnTheTimeline()
    {
        var (request, child) = await MatchedToAnOlderRecordAsync();
        var (browser, officer) = await factory.SignedInAsAsync(Roles.TeamManager);
        var page = await browser.GetPageAsync(UpdateUrl(request.Id));

        var result = await browser.PostRawAsync(page, UpdateUrl(request.Id), new()
        {
            ["Fields"] = "School", ["ChildVersion"] = page.Get("input[name=ChildVersion]").GetAttribute("value")!,
        });

        result.RedirectPath.ShouldBe($"/staff/requests/{request.Id}?done=updated");
        var saved = await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == child.Id));
        saved.School.ShouldBe("Demoton Primary School");
        saved.NeedsInFamilyWords.ShouldBe("As the record had it.");
        saved.AddressLine1.ShouldBe(child.AddressLine1);
        saved.DisabilityCodes.ShouldBe(child.DisabilityCodes);
        var audit = await factory.Data.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "update" && a.EntityType == nameof(Child) && a.ChildId == child.Id && a.UserId == officer.Id).Select(a => a.Details).ToListAsync());
        audit.ShouldHaveSingleItem()!.ShouldContain("Record Academy");
        (await factory.Data.WithDbAsync(db => db.TimelineEvents.SingleAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.RecordUpdatedFromRequest)))
            .Detail.ShouldBe("School or college");
    }

    [Fact]
    public async Task ARecordChangedMeanwhile_IsReportedAndNothingIsSaved()
    {
        var (request, child) = await MatchedToAnOlderRecordAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync(UpdateUrl(request.Id));
        await factory.Data.WithDbAsync(async db =>
        {
            (await db.Children.SingleAsync(c => c.Id == child.Id)).School = "Changed Meanwhile School";
            await db.SaveChangesAsync();
        });

        var result = await browser.SubmitAsync(page, UpdateForm, new() { ["Fields"] = "NeedsInOwnWords" });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this child's record while you were working on it.");
        var saved = await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == child.Id));
        saved.NeedsInFamilyWords.ShouldBe("As the record had it.");
        saved.School.ShouldBe("Changed Meanwhile School");
    }

    [Fact]
    public async Task ARequestNotMatchedToARecord_HasNoSuchPage()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        (await browser.GetAsync(UpdateUrl(request.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task OnlyPersonalisationOfficersAndTeamManagers_MayUpdateTheRecord(string role)
    {
        var (request, child) = await MatchedToAnOlderRecordAsync();
        var (browser, _) = await factory.SignedInAsAsync(role);

        var opened = await browser.GetPageAsync(UpdateUrl(request.Id));
        var ownPage = await browser.GetPageAsync("/account/sign-in");
        var posted = await browser.PostRawAsync(ownPage, UpdateUrl(request.Id), new() { ["Fields"] = "School", ["ChildVersion"] = child.Version.ToString() });

        opened.RedirectPath!.ShouldStartWith("/access-denied");
        posted.RedirectPath!.ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == child.Id))).School.ShouldBe("Record Academy");
    }
}
