using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Complaints;

/// <summary>The complaint pages: taken by phone, listed for managers, handled through a stage, and never shown to a worker it names.</summary>
public class ComplaintPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    private static Dictionary<string, string?> Phone(string? workerId = null) => new()
    {
        ["Kind"] = "Complaint", ["Subject"] = workerId is null ? "Service" : "Worker", ["SubjectWorkerUserId"] = workerId ?? "",
        ["MadeBy"] = "ParentCarer", ["Summary"] = "Nobody rang back about the sitter.",
    };

    private async Task<Guid> TakeByPhoneAsync(PageClient officer, Guid childId, string? workerId = null)
    {
        var form = await officer.GetPageAsync($"/staff/children/{childId}/complaints/new");
        var made = await officer.SubmitAsync(form, "main form", Phone(workerId));
        made.Status.ShouldBe(HttpStatusCode.Redirect, made.Text);
        return await app.Data.WithDbAsync(db => db.Complaints.Where(c => c.ChildId == childId).OrderByDescending(c => c.CreatedAt).Select(c => c.Id).FirstAsync());
    }

    [Fact]
    public async Task AnOfficer_TakesAComplaintByPhone_KeepingWhatWasTypedOnErrors()
    {
        var (officer, _) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await app.Data.CreateChildAsync();
        var form = await officer.GetPageAsync($"/staff/children/{child.Id}/complaints/new");

        var hidden = await officer.SubmitAsync(form, "main form", new() { ["Kind"] = "Complaint", ["Summary"] = "Bad\u0001text" });
        hidden.ErrorSummary().ShouldBe([$"Summary {Core.Text.PlainText.Refusal}"]);
        var refused = await officer.SubmitAsync(form, "main form", new()
        {
            ["Kind"] = "Appeal", ["Decision"] = "Budget:not-a-guid", ["MadeBy"] = "Nonsense", ["Summary"] = new string('x', ComplaintRules.TextMaxLength + 1),
            ["MatterArose-day"] = "31", ["MatterArose-month"] = "2", ["MatterArose-year"] = "2026",
        });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe([
            "Choose the decision being appealed.", "Choose who is making it.", "The day it happened must be a real date",
            $"What happened must be {ComplaintRules.TextMaxLength:N0} characters or fewer",
        ]);
        refused.Html.Title.ShouldStartWith("Error: ");
        refused.Get("#MatterArose-day").GetAttribute("value").ShouldBe("31");

        var made = await officer.SubmitAsync(refused, "main form", new(Phone()) { ["MatterArose-day"] = "", ["MatterArose-month"] = "", ["MatterArose-year"] = "" });
        // A personalisation officer is not a handler until a manager gives it to them: back to the child.
        made.RedirectPath.ShouldBe($"/staff/children/{child.Id}");
        var saved = await app.Data.WithDbAsync(db => db.Complaints.Include(c => c.Stages).SingleAsync(c => c.ChildId == child.Id));
        (saved.Channel, saved.Stages.Single().DueOn).ShouldBe((ComplaintChannel.Phone, ShippedSchemes.WorkingDays.Add(Today, 10)));
    }

    [Fact]
    public async Task AManager_ListsGivesExtendsAndAnswers_AndTheFamilyReadsTheLetter()
    {
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager, "Mina Manager");
        var (handlerBrowser, handler) = await app.SignedInAsAsync(Roles.PersonalisationOfficer, "Hana Handler");
        var child = await app.Data.CreateChildAsync(lastName: "Complainant");
        var id = await TakeByPhoneAsync(manager, child.Id);

        var list = await manager.GetPageAsync("/staff/complaints");
        list.Get("#complaints").TextContent.ShouldContain(child.Reference);
        (await manager.GetPageAsync("/staff/complaints?show=all&kind=Compliment&p=abc")).Find("#complaints")?.TextContent.Contains(child.Reference).ShouldNotBe(true);
        (await manager.GetAsync("/staff/complaints?stage=999&outcome=%3Cscript%3E")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await handlerBrowser.GetAsync($"/staff/complaints/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await manager.GetPageAsync($"/staff/complaints/{id}");
        var given = await manager.SubmitAsync(page, "#assign-form", new() { ["OwnerUserId"] = handler.Id });
        given.RedirectPath.ShouldBe($"/staff/complaints/{id}?done=assigned");

        var managerBefore = await manager.GetPageAsync($"/staff/complaints/{id}");
        page = await handlerBrowser.GetPageAsync($"/staff/complaints/{id}");
        page.Get(".app-handler").TextContent.ShouldBe("Hana Handler");
        var latest = ShippedSchemes.WorkingDays.Add(Today, 20);
        var tooLate = latest.AddDays(1);
        var refused = await handlerBrowser.SubmitAsync(page, "#extend-form", new()
        {
            ["ExtendTo-day"] = tooLate.Day.ToString(), ["ExtendTo-month"] = tooLate.Month.ToString(), ["ExtendTo-year"] = tooLate.Year.ToString(), ["ExtensionReason"] = "Waiting for the provider",
        });
        refused.ErrorSummary().ShouldHaveSingleItem().ShouldContain("no later than");
        refused.Get("#ExtensionReason").TextContent.ShouldBe("Waiting for the provider");
        var extended = await handlerBrowser.SubmitAsync(refused, "#extend-form", new()
        {
            ["ExtendTo-day"] = latest.Day.ToString(), ["ExtendTo-month"] = latest.Month.ToString(), ["ExtendTo-year"] = latest.Year.ToString(),
        });
        extended.RedirectPath.ShouldBe($"/staff/complaints/{id}?done=extended");

        // A second handler working from the page before the extension is told, and nothing is saved.
        var stale = await manager.SubmitAsync(managerBefore, "#respond-form", new() { ["Outcome"] = "Upheld", ["Reasons"] = "We are sorry." });
        stale.ErrorSummary().ShouldHaveSingleItem().ShouldContain("Someone else changed this case");

        page = await handlerBrowser.GetPageAsync($"/staff/complaints/{id}");
        page.Get(".app-extension").TextContent.ShouldContain("Waiting for the provider");
        var answered = await handlerBrowser.SubmitAsync(page, "#respond-form", new() { ["Outcome"] = "PartlyUpheld", ["Reasons"] = "We should have rung back." });
        answered.RedirectPath.ShouldBe($"/staff/complaints/{id}?done=answered");
        page = await handlerBrowser.GetPageAsync($"/staff/complaints/{id}");
        var letterLink = page.Get(".app-answer a").GetAttribute("href")!;
        (await handlerBrowser.GetPageAsync(letterLink)).Text.ShouldContain("We should have rung back.");
        page.Get("#escalate-form").ShouldNotBeNull();

        // Complaint letters are not on the child's record for every case worker.
        var record = await manager.GetPageAsync($"/staff/children/{child.Id}");
        record.Text.ShouldNotContain("Our answer to your complaint");
    }

    [Fact]
    public async Task AComplaintAboutAWorker_IsNotFoundForThem_ByListPageOrLetter()
    {
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var (namedBrowser, named) = await app.SignedInAsAsync(Roles.TeamManager, "Nia Named");
        var (handlerBrowser, handler) = await app.SignedInAsAsync(Roles.ReviewingOfficer);
        var child = await app.Data.CreateChildAsync();
        var id = await TakeByPhoneAsync(manager, child.Id, named.Id);
        var page = await manager.GetPageAsync($"/staff/complaints/{id}");
        page.Get("#assign-form").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldNotContain(named.Id);
        (await manager.SubmitAsync(page, "#assign-form", new() { ["OwnerUserId"] = handler.Id })).RedirectPath.ShouldNotBeNull();
        page = await handlerBrowser.GetPageAsync($"/staff/complaints/{id}");
        (await handlerBrowser.SubmitAsync(page, "#respond-form", new() { ["Outcome"] = "NotUpheld", ["Reasons"] = "Nia acted properly." })).RedirectPath.ShouldNotBeNull();
        var letterId = await app.Data.WithDbAsync(db => db.Letters.Where(l => l.ChildId == child.Id && l.Kind == LetterKinds.ComplaintResponse).Select(l => l.Id).SingleAsync());

        (await namedBrowser.GetAsync($"/staff/complaints/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await namedBrowser.GetAsync($"/staff/letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await namedBrowser.GetAsync($"/staff/letters/{letterId}?handler=pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await namedBrowser.GetPageAsync("/staff/complaints?show=all")).Text.ShouldNotContain(child.Reference);
        (await namedBrowser.GetPageAsync($"/staff/children/{child.Id}")).Text.ShouldNotContain("Nia acted properly");
        (await manager.GetAsync($"/staff/letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "view" && a.EntityId == id.ToString()))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AFamily_ComplainsFromTheirAccount_ReadsTheAnswer_AndAsksForStageTwo_AndNobodyElseCanSeeIt()
    {
        var (family, familyUser) = await app.SignedInAsAsync(Roles.Family);
        var (stranger, _) = await app.SignedInAsAsync(Roles.Family);
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var child = await app.Data.CreateChildAsync(firstName: "Amara");
        await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUser.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var home = await family.GetPageAsync("/account");
        home.Get("#complaints a").GetAttribute("href").ShouldBe($"/account/children/{child.Id}/complaints");
        (await stranger.GetAsync($"/account/children/{child.Id}/complaints")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var form = await family.GetPageAsync($"/account/children/{child.Id}/complaints/new");
        var empty = await family.SubmitAsync(form, "main form", new() { ["Kind"] = "Complaint", ["Subject"] = "Worker" });
        empty.ErrorSummary().ShouldBe(["Enter the name of the member of staff", "Choose who is making it.", "Enter what happened"]);
        var made = await family.SubmitAsync(empty, "main form", new()
        {
            ["MadeBy"] = "YoungPerson", ["Summary"] = "My sitter was late every week.", ["SubjectWorkerName"] = "Sam",
        });
        made.RedirectPath!.ShouldStartWith($"/account/children/{child.Id}/complaints/");
        var id = Guid.Parse(made.RedirectPath!.Split('/')[5].Split('?')[0]);
        (await family.GetPageAsync(made.RedirectPath)).Get("#due").TextContent.ShouldContain(ComplaintRules.Day(ShippedSchemes.WorkingDays.Add(Today, 10)));
        (await stranger.GetAsync($"/account/children/{child.Id}/complaints/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await manager.GetPageAsync($"/staff/complaints/{id}");
        page.Get("#subject").TextContent.ShouldContain("Sam (as the family named them)");
        var managerUser = await app.Data.WithDbAsync(db => db.Users.Where(u => u.Id != familyUser.Id).OrderByDescending(u => u.CreatedAt).Select(u => u.Id).FirstAsync());
        page = await manager.GetPageAsync($"/staff/complaints/{id}");
        var managerId = page.Get("#assign-form select").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        (await manager.SubmitAsync(page, "#assign-form", new() { ["OwnerUserId"] = managerId })).RedirectPath.ShouldNotBeNull();
        var handlerBrowser = managerId == managerUser ? manager : null;
        page = await manager.GetPageAsync($"/staff/complaints/{id}");
        (await manager.SubmitAsync(page, "#respond-form", new() { ["Outcome"] = "NotUpheld", ["Reasons"] = "The sitter kept to the agreed times." })).RedirectPath.ShouldNotBeNull();

        var mine = await family.GetPageAsync($"/account/children/{child.Id}/complaints/{id}");
        var letter = mine.Html.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Read our letter", StringComparison.Ordinal)).GetAttribute("href")!;
        (await family.GetPageAsync(letter)).Text.ShouldContain("The sitter kept to the agreed times.");
        var asked = await family.SubmitAsync(mine, "main form", []);
        asked.RedirectPath.ShouldBe($"/account/children/{child.Id}/complaints/{id}?done=escalated");
        (await family.GetPageAsync(asked.RedirectPath!)).Get("#due").TextContent.ShouldContain(ComplaintRules.Day(ShippedSchemes.WorkingDays.Add(Today, 25)));
        _ = handlerBrowser;
    }

    /// <summary>A review of the child, decided by <paramref name="decidedBy"/> when completed, held on <paramref name="heldOn"/>.</summary>
    private Task<Guid> ReviewAsync(Guid childId, string decidedBy, DateOnly heldOn, ReviewState state = ReviewState.Completed) =>
        app.Data.WithDbAsync(async db =>
        {
            var review = new Review
            {
                ChildId = childId, Kind = ReviewKind.Annual, DueOn = heldOn.AddDays(state == ReviewState.Completed ? 3 : 30), State = state, CreatedAt = DateTime.UtcNow,
                HeldOn = heldOn, Decision = state == ReviewState.Completed ? ReviewDecision.ContinueAsIs : null, DecidedAt = state == ReviewState.Completed ? DateTime.UtcNow : null,
                DecidedByName = "The decider", DecidedByUserId = state == ReviewState.Completed ? decidedBy : null,
            };
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });

    [Fact]
    public async Task AFamily_ComplainsAndAppealsAboutAReviewOutcome_ChoosingTheReview_AndGarbageIsRefused()
    {
        var (family, familyUser) = await app.SignedInAsAsync(Roles.Family);
        var (manager, managerUser) = await app.SignedInAsAsync(Roles.TeamManager);
        var child = await app.Data.CreateChildAsync(firstName: "Amara", tier: Tier.TargetedShortBreaks);
        var other = await app.Data.CreateChildAsync(tier: Tier.TargetedShortBreaks);
        var heldOn = new DateOnly(2026, 3, 12);
        var reviewId = await ReviewAsync(child.Id, managerUser.Id, heldOn);
        var notCompleted = await ReviewAsync(child.Id, managerUser.Id, heldOn, ReviewState.Held);
        var othersReview = await ReviewAsync(other.Id, managerUser.Id, heldOn);
        await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUser.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var form = await family.GetPageAsync($"/account/children/{child.Id}/complaints/new");
        form.Get("select[name=Review]").QuerySelectorAll("option").Select(o => (o.GetAttribute("value"), Page.Normalise(o.TextContent)))
            .ShouldBe([("", "Choose a review"), (reviewId.ToString(), "Review held 12 March 2026: Continue as it is")], "only the child's completed reviews");
        form.Get("select[name=Decision]").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldContain($"ReviewOutcome:{reviewId}");

        var complaint = new Dictionary<string, string?> { ["Kind"] = "Complaint", ["Subject"] = "ReviewOutcome", ["MadeBy"] = "ParentCarer", ["Summary"] = "Nobody listened at the review." };
        foreach (var garbage in new[] { "", "not-a-guid", othersReview.ToString(), notCompleted.ToString(), Guid.NewGuid().ToString() })
        {
            var refused = await family.SubmitAsync(form, "main form", new(complaint) { ["Review"] = garbage });
            refused.Status.ShouldBe(HttpStatusCode.OK, garbage);
            refused.ErrorSummary().ShouldBe(["Choose the review it is about."], garbage);
            refused.Get("#Summary").TextContent.ShouldBe("Nobody listened at the review.", "what was typed is kept");
        }

        foreach (var garbage in new[] { $"ReviewOutcome:{othersReview}", $"ReviewOutcome:{notCompleted}", "ReviewOutcome:x", $"Nonsense:{reviewId}" })
        {
            var refused = await family.SubmitAsync(form, "main form", new(complaint) { ["Kind"] = "Appeal", ["Decision"] = garbage });
            refused.Status.ShouldBe(HttpStatusCode.OK, garbage);
            refused.ErrorSummary().ShouldBe(["Choose the decision being appealed."], garbage);
        }

        var made = await family.SubmitAsync(form, "main form", new(complaint) { ["Review"] = reviewId.ToString() });
        made.RedirectPath!.ShouldStartWith($"/account/children/{child.Id}/complaints/");
        Page.Normalise((await family.GetPageAsync(made.RedirectPath!)).Get("#subject").TextContent).ShouldBe("A review outcome: Review held 12 March 2026: Continue as it is");

        var appealed = await family.SubmitAsync(form, "main form", new(complaint) { ["Kind"] = "Appeal", ["Decision"] = $"ReviewOutcome:{reviewId}", ["Summary"] = "The support should change." });
        var appealId = Guid.Parse(appealed.RedirectPath!.Split('/')[5].Split('?')[0]);
        var page = await manager.GetPageAsync($"/staff/complaints/{appealId}");
        Page.Normalise(page.Get("#subject").TextContent).ShouldStartWith("A review outcome: Review held 12 March 2026: Continue as it is");
        page.Get("#subject-review").GetAttribute("href").ShouldBe($"/staff/reviews/{reviewId}");
        // The manager who decided the review cannot hear the appeal of it.
        var refusedOwner = await manager.SubmitAsync(page, "#assign-form", new() { ["OwnerUserId"] = managerUser.Id });
        refusedOwner.ErrorSummary().ShouldHaveSingleItem().ShouldContain("did not make the decision");
    }

    [Fact]
    public async Task AnOfficer_RecordsAnAppealOfAReviewOutcomeByPhone_FromTheChildsCompletedReviews()
    {
        var (officer, officerUser) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await app.Data.CreateChildAsync(tier: Tier.TargetedShortBreaks);
        var reviewId = await ReviewAsync(child.Id, officerUser.Id, new DateOnly(2026, 2, 2));
        var form = await officer.GetPageAsync($"/staff/children/{child.Id}/complaints/new");
        form.Get("select[name=Review]").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldContain(reviewId.ToString());
        var made = await officer.SubmitAsync(form, "main form", new()
        {
            ["Kind"] = "Appeal", ["Decision"] = $"ReviewOutcome:{reviewId}", ["MadeBy"] = "ParentCarer", ["Summary"] = "They want the plan changed.",
        });
        made.Status.ShouldBe(HttpStatusCode.Redirect, made.Text);
        var saved = await app.Data.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.ChildId == child.Id));
        (saved.Kind, saved.Subject, saved.SubjectRecordId, saved.DecisionMakerUserIds).ShouldBe((ComplaintKind.Appeal, ComplaintSubject.ReviewOutcome, (Guid?)reviewId, officerUser.Id));
    }
}
