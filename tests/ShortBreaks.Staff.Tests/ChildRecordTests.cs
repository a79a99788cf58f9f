using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class ChildRecordTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Record_ShowsTheChildAndTheTimelineNewestFirstAndAuditsTheView()
    {
        var request = await factory.Data.SubmittedRequestAsync(r => r.ChildDateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-11).AddDays(-3));
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Kim Keyworker");
        var requestPage = await browser.RequestPageAsync(request.Id);
        await browser.SubmitAsync(requestPage, StaffSteps.ConfirmChildForm, new() { ["ChildId"] = "new" });
        await browser.DecideAsync(request.Id, "FlexibleShortBreaksApproved", "Needs care at night.\nEvidence of DLA.");
        var childId = await factory.Data.WithDbAsync(db => db.Requests.Where(r => r.Id == request.Id).Select(r => r.ChildId!.Value).SingleAsync());

        var page = await browser.GetPageAsync($"/staff/children/{childId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe(request.ChildName);
        page.Get("#date-of-birth").TextContent.ShouldContain("(aged 11)");
        page.Get("#tier").TextContent.ShouldBe("Flexible Short Breaks");
        page.Get("#key-worker").TextContent.ShouldBe("Kim Keyworker");
        Page.Normalise(page.Get("#disability-codes").TextContent).ShouldBe(
            "COMM: Communication (Communicating, such as talking or understanding others) AUT: Autism or Asperger syndrome (Autism or Asperger syndrome (diagnosed))");
        page.Get("#family-words").TextContent.ShouldContain("wakes three times a night");
        Page.Normalise(page.Get("#requests").TextContent).ShouldContain($"{request.Reference} Online");
        Page.Normalise(page.Get("#requests").TextContent).ShouldContain("Flexible Short Breaks approved");
        page.Get("#letters a").GetAttribute("href").ShouldStartWith("/staff/letters/");

        var items = page.Html.QuerySelectorAll("#timeline .app-timeline__item").Select(i => Page.Normalise(i.TextContent)).ToList();
        items.Count.ShouldBe(5);
        items.Take(2).ShouldAllBe(i => i.StartsWith("Flexible Short Breaks approved") && i.Contains("by Kim Keyworker") && i.Contains("Needs care at night. Evidence of DLA."));

        // The decision moves the tier by the named move, on the timeline like every move.
        items.ShouldContain(i => i.StartsWith("Flexible Short Breaks approved: Not receiving short breaks to Flexible Short Breaks"));
        items.ShouldContain(i => i.StartsWith($"Request {request.Reference} made online"));
        items.ShouldContain(i => i.StartsWith("Request confirmed as a child new to the service"));

        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "view" && a.EntityType == "Child" && a.ChildId == childId).ToListAsync());
        views.ShouldHaveSingleItem().UserId.ShouldBe(officer.Id);
    }

    [Fact]
    public async Task AnUnknownChild_IsNotFound()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        (await browser.GetAsync($"/staff/children/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMergedRecord_PointsToTheRecordThatStays()
    {
        var surviving = await factory.Data.ChildAsync();
        var merged = await factory.Data.ChildAsync(c => c.MergedIntoChildId = surviving.Id);
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var page = await browser.GetPageAsync($"/staff/children/{merged.Id}");

        Page.Normalise(page.Get("#merged-into").TextContent).ShouldContain($"merged into {surviving.FullName}, {surviving.Reference}");
        page.Get("#merged-into a").GetAttribute("href").ShouldBe($"/staff/children/{surviving.Id}");
        page.Find("#merge-link").ShouldBeNull();
    }

    [Fact]
    public async Task OnlyDeciders_AreOfferedTheMerge()
    {
        var child = await factory.Data.ChildAsync();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        (await manager.GetPageAsync($"/staff/children/{child.Id}")).Get("#merge-link").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/merge");
        (await reviewer.GetPageAsync($"/staff/children/{child.Id}")).Find("#merge-link").ShouldBeNull();
    }

    [Fact]
    public async Task ALetterNotShownToTheFamily_SaysSo()
    {
        var child = await factory.Data.ChildAsync();
        var letterId = await factory.Data.WithDbAsync(async db =>
        {
            var letter = new Core.Letters.Letter { ChildId = child.Id, Kind = "note", Title = "Internal note", BodyHtml = "<p class=\"govuk-body\">Only for staff &amp; managers.</p>", CreatedAt = DateTime.UtcNow };
            db.Letters.Add(letter);
            await db.SaveChangesAsync();
            return letter.Id;
        });
        var (browser, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        var page = await browser.GetPageAsync($"/staff/letters/{letterId}");

        page.Get("#visible-to-family").TextContent.ShouldBe("No, this letter is not shown to the family");
        page.Get(".app-letter p").TextContent.ShouldBe("Only for staff & managers.");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "view" && a.EntityType == "Letter" && a.UserId == user.Id))).ShouldBe(1);
        (await browser.GetAsync($"/staff/letters/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        page.Get($"a[href='/staff/letters/{letterId}?handler=pdf']");
        using var pdf = await browser.GetAsync($"/staff/letters/{letterId}?handler=pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue("a PDF is never cached");
        using var shown = await browser.GetAsync($"/staff/letters/{letterId}");
        shown.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue("a letter is never cached");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        System.Text.Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync()).ShouldContain("/Title(Internal note)");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "view" && a.EntityType == "Letter" && a.UserId == user.Id && a.Details == "Downloaded as PDF"))).ShouldBe(1);
        (await browser.GetAsync($"/staff/letters/{Guid.NewGuid()}?handler=pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
