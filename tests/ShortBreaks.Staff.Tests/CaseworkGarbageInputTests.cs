using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

/// <summary>
/// Whatever is typed into the review, complaint and allocation forms, the answer is a GOV.UK page (with an error summary
/// where an answer was expected) or a redirect: never a 500, and nothing is saved from junk.
/// </summary>
public class CaseworkGarbageInputTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string[] Junk =
    [
        "abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0000\u0001", "１２", new string('9', 5000), "NaN", "💥", "",
    ];

    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private static readonly string[] ReviewFields =
    [
        "SeenVersion", "Date-day", "Date-month", "Date-year", "Time", "Meeting", "Place", "Invited", "HeldOn-day", "HeldOn-month", "HeldOn-year",
        "Attended", "ChildVoice", "Progress", "Progress[0]", "Evidence", "Evidence[0]", "WhatIsWorking", "WhatIsNotWorking", "BudgetAlreadyBuys",
        "Decision", "Reasons",
    ];

    private static readonly string[] ComplaintFields =
    [
        "SeenVersion", "OwnerUserId", "WorkerUserId", "ExtendTo-day", "ExtendTo-month", "ExtendTo-year", "ExtensionReason", "PanelDay-day",
        "PanelDay-month", "PanelDay-year", "Outcome", "Reasons",
    ];

    private static readonly string[] NewComplaintFields =
    [
        "Kind", "Subject", "Decision", "MadeBy", "Summary", "OutcomeWanted", "MatterArose-day", "MatterArose-month", "MatterArose-year",
        "SubjectWorkerUserId", "SubjectWorkerName",
    ];

    private static readonly string[] AllocationFields = ["children", "newWorker", "reason", "moveAllTo", "moveAllReason", "p"];

    private async Task<(Child Child, Review Review)> DueReviewAsync(string officerId)
    {
        var child = await app.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officerId);
        return await app.Data.WithDbAsync(async db =>
        {
            var review = new Review { ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = Today.AddDays(7), State = ReviewState.Due, CreatedAt = DateTime.UtcNow, OfficerId = officerId, OfficerName = "An officer" };
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return (child, review);
        });
    }

    private Task<Complaint> ComplaintAsync(Guid childId) => app.Data.WithDbAsync(async db =>
    {
        var complaint = TestData.AddComplaintRows(db, childId, TestData.NewName(), Today);
        await db.SaveChangesAsync();
        return complaint;
    });

    /// <summary>Posts the junk in every field to each handler, and a second value for the first field, as a hand-made form might.</summary>
    private static async Task PostJunkAsync(PageClient browser, string url, IEnumerable<string> handlers, string[] fields)
    {
        foreach (var handler in handlers)
        {
            foreach (var junk in Junk)
            {
                var values = fields.Select(f => (f, junk)).Append((fields[0], "second value"));
                var address = $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
                using var response = await browser.PostAsync(address, values);
                ((int)response.StatusCode).ShouldBeLessThan(500, $"POST {address} with '{junk[..Math.Min(junk.Length, 20)]}'");
            }
        }
    }

    [Fact]
    public async Task ReviewForms_JunkInEveryField_NeverGivesA500_AndTheReviewIsUnchanged()
    {
        var (officer, user) = await app.SignedInAsAsync(Roles.ReviewingOfficer);
        var (_, review) = await DueReviewAsync(user.Id);

        await PostJunkAsync(officer, $"/staff/reviews/{review.Id}", ["Book", "Record", "Decide", "Nonsense"], ReviewFields);

        var stored = await app.Data.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        (stored.State, stored.Version).ShouldBe((ReviewState.Due, review.Version));
    }

    [Fact]
    public async Task ReviewForms_WrongAnswersWithTheRightVersion_AreShownInTheErrorSummary()
    {
        var (officer, user) = await app.SignedInAsAsync(Roles.ReviewingOfficer);
        var (_, review) = await DueReviewAsync(user.Id);
        var version = review.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (handler, fields) in new (string, (string, string)[])[]
                 {
                     ("Book", [("Date-day", "31"), ("Date-month", "2"), ("Date-year", "2026"), ("Meeting", "Pigeon"), ("Place", new string('x', 5000))]),
                     ("Record", [("HeldOn-day", "x"), ("Attended", "\u0001")]),
                     ("Decide", [("Decision", "7"), ("Reasons", "")]),
                 })
        {
            using var response = await officer.PostAsync($"/staff/reviews/{review.Id}?handler={handler}", fields.Append(("SeenVersion", version)));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
            var page = await PageClient.ParseAsync(response);
            page.Title.ShouldNotBeNull().ShouldStartWith("Error: ", customMessage: handler);
            page.QuerySelector(".govuk-error-summary").ShouldNotBeNull(handler);
        }
    }

    [Fact]
    public async Task ComplaintForms_JunkInEveryField_NeverGivesA500_AndNothingIsSaved()
    {
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var child = await app.Data.CreateChildAsync();
        var complaint = await ComplaintAsync(child.Id);

        await PostJunkAsync(manager, $"/staff/complaints/{complaint.Id}", ["Assign", "NameWorker", "Extend", "Panel", "Report", "Respond", "Escalate", "Nonsense"], ComplaintFields);
        await PostJunkAsync(manager, $"/staff/children/{child.Id}/complaints/new", [""], NewComplaintFields);

        var stored = await app.Data.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.Extensions).Where(c => c.ChildId == child.Id).ToListAsync());
        stored.Single().Version.ShouldBe(complaint.Version);
        stored.Single().Stages.Single().Extensions.Count.ShouldBe(1, "only the extension the test data made");
    }

    [Fact]
    public async Task ComplaintForms_WrongAnswersWithTheRightVersion_AreShownInTheErrorSummary()
    {
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var child = await app.Data.CreateChildAsync();
        var complaint = await ComplaintAsync(child.Id);
        var version = complaint.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (handler, fields) in new (string, (string, string)[])[]
                 {
                     ("Assign", [("OwnerUserId", "nobody")]),
                     ("Extend", [("ExtendTo-day", "31"), ("ExtendTo-month", "2"), ("ExtendTo-year", "2026"), ("ExtensionReason", new string('x', 5000))]),
                     ("Respond", [("Outcome", "Noted"), ("Reasons", "")]),
                     ("Escalate", []),
                 })
        {
            using var response = await manager.PostAsync($"/staff/complaints/{complaint.Id}?handler={handler}", fields.Append(("SeenVersion", version)));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
            var page = await PageClient.ParseAsync(response);
            page.Title.ShouldNotBeNull().ShouldStartWith("Error: ", customMessage: handler);
            page.QuerySelector(".govuk-error-summary").ShouldNotBeNull(handler);
        }

        var made = await manager.PostAsync($"/staff/children/{child.Id}/complaints/new", ("Kind", "Grumble"), ("MadeBy", "Robot"), ("Summary", "\u0001"));
        made.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageClient.ParseAsync(made)).QuerySelector(".govuk-error-summary").ShouldNotBeNull();
    }

    [Fact]
    public async Task AllocationForms_JunkInEveryField_NeverGivesA500_AndNobodyMoves()
    {
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        var mine = await app.Data.ChildAsync(c => { c.KeyWorkerId = officer.Id; c.Tier = Tier.FlexibleShortBreaks; });
        var unallocated = await app.Data.ChildAsync(c => c.Tier = Tier.FlexibleShortBreaks);

        await PostJunkAsync(manager, "/staff/caseloads/children", ["Allocate", "MoveAll", "Nonsense"], AllocationFields);
        await PostJunkAsync(manager, $"/staff/caseloads/children?worker={officer.Id}&tier=Gold&name={new string('z', 200)}", ["Allocate", "MoveAll"], AllocationFields);
        // A child's id with a version that is not a number, or another child's id: refused with an error, never a 500.
        foreach (var selected in new[] { $"{unallocated.Id}:x", $"{unallocated.Id}:99999999999999999999", $"{Guid.NewGuid()}:1", $"{mine.Id}" })
        {
            using var response = await manager.PostAsync("/staff/caseloads/children?handler=Allocate", ("children", selected), ("newWorker", officer.Id), ("reason", "Because"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, selected);
            (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary").ShouldNotBeNull(selected);
        }

        var keyWorkers = await app.Data.WithDbAsync(db => db.Children.Where(c => c.Id == mine.Id || c.Id == unallocated.Id).ToDictionaryAsync(c => c.Id, c => c.KeyWorkerId));
        (keyWorkers[mine.Id], keyWorkers[unallocated.Id]).ShouldBe((officer.Id, null));
    }
}
