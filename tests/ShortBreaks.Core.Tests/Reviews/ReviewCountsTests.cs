using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Reviews;

/// <summary>
/// The worklist's kept counts, on every database: kept while no review changes, counted again after any change on any
/// node, never kept for a viewer who sees only some children; and the reviews' change stamp moves with every save that
/// changes a review, and with no other.
/// </summary>
public sealed class ReviewCountsTests
{
    private static readonly Actor Officer = new() { UserId = OfficerId, Name = "Rhiannon Reviewer" };

    private const string OfficerId = "ro1";

    private static readonly ReviewFilter Everyones = new(null, null, null, ReviewWindow.Any, 6);

    private static Task<Guid> StampAsync(ShortBreaksDbContext db) =>
        db.ChangeStamps.AsNoTracking().Where(s => s.Area == ChangeStamp.Reviews).Select(s => s.Stamp).SingleAsync();

    private static async Task<Review> AddReviewAsync(ShortBreaksDbContext db, string? keyWorker = null)
    {
        var child = await new TestData(db).CreateChildAsync(tier: Tier.TargetedShortBreaks, keyWorkerId: keyWorker);
        var review = new Review { ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = db.Today.AddDays(7), State = ReviewState.Due, CreatedAt = db.UtcNow };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    }

    [SkippableTheory, AllDatabases]
    public async Task Stamp_MovesWithEverySaveThatAddsChangesOrDeletesAReview_AndNoOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer);
        var first = await StampAsync(db);

        var review = await AddReviewAsync(db);
        var added = await StampAsync(db);
        added.ShouldNotBe(first);

        await new TestData(db).CreateChildAsync();
        (await StampAsync(db)).ShouldBe(added, "a save with no review in it leaves the stamp");

        review.State = ReviewState.Booked;
        review.BookedFor = db.Today.AddDays(3);
        await db.SaveChangesAsync();
        var booked = await StampAsync(db);
        booked.ShouldNotBe(added);

        db.Reviews.Remove(review);
        await db.SaveChangesAsync();
        (await StampAsync(db)).ShouldNotBe(booked);
        (await db.ChangeStamps.AsNoTracking().SingleAsync(s => s.Area == ChangeStamp.Reviews)).ChangedAt.ShouldBe(db.UtcNow, TimeSpan.FromMinutes(1));
    }

    [SkippableTheory, AllDatabases]
    public async Task Worklist_KeepsItsCountWhileNoReviewChanges_AndCountsAgainAfterAChangeOnAnyNode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = database.NewContext(Officer);
        await using var two = database.NewContext(Officer);
        for (var i = 0; i < 3; i++) await AddReviewAsync(one);
        // Each node keeps its own counts.
        var nodeOne = new ReviewWorklist(one, ShippedSchemes.Catalog, new ReviewCounts());
        var nodeTwo = new ReviewWorklist(two, ShippedSchemes.Catalog, new ReviewCounts());
        (await nodeOne.ListAsync(Everyones, 1)).Total.ShouldBe(3);
        (await nodeTwo.ListAsync(Everyones, 1)).Total.ShouldBe(3);

        // A row taken out behind the change tracker's back, without moving the stamp: the kept count is what is shown,
        // which is why every such bulk change moves the stamp (as erasing a child's record does).
        var sneaked = await one.Reviews.Select(r => r.Id).FirstAsync();
        await one.Reviews.Where(r => r.Id == sneaked).ExecuteDeleteAsync();
        (await nodeOne.ListAsync(Everyones, 1)).Total.ShouldBe(3, "kept while the stamp stays");
        (await nodeOne.ListAsync(Everyones, 1)).Items.Count.ShouldBe(2, "the page itself is always read afresh");
        one.MoveChangeStamp(ChangeStamp.Reviews);
        await one.SaveChangesAsync();
        (await nodeOne.ListAsync(Everyones, 1)).Total.ShouldBe(2);
        (await nodeTwo.ListAsync(Everyones, 1)).Total.ShouldBe(2);

        // A review added on node one is counted by node two at its next view, and the other way round.
        await AddReviewAsync(one);
        (await nodeTwo.ListAsync(Everyones, 1)).Total.ShouldBe(3);
        var review = await two.Reviews.FirstAsync();
        review.State = ReviewState.Completed;
        review.DecidedAt = two.UtcNow;
        await two.SaveChangesAsync();
        (await nodeOne.ListAsync(Everyones, 1)).Total.ShouldBe(2, "completed on node two, so no longer open on node one");
        (await nodeOne.ListAsync(Everyones with { State = ReviewState.Completed }, 1)).Total.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Worklist_ForAViewerWhoSeesSomeChildren_IsCountedAfreshEveryTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer);
        await AddReviewAsync(db, keyWorker: OfficerId);
        var counts = new ReviewCounts();
        var worklist = new ReviewWorklist(db, ShippedSchemes.Catalog, counts);
        var own = new StaffViewer(OfficerId, ChildVisibilityScope.Own, null);

        (await worklist.ListAsync(Everyones, 1, own)).Total.ShouldBe(1);
        counts.Kept.ShouldBe(0);
        // Their children change with key workers, which no review's stamp follows.
        var child = await db.Children.SingleAsync();
        child.KeyWorkerId = "someone-else";
        await db.SaveChangesAsync();
        (await worklist.ListAsync(Everyones, 1, own)).Total.ShouldBe(0);
        (await worklist.ListAsync(Everyones, 1, StaffViewer.SeeingEveryChild(OfficerId))).Total.ShouldBe(1);
        counts.Kept.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Worklist_KeepsACountForEachFilterAndDay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var db = database.NewContext(Officer, clock);
        var review = await AddReviewAsync(db);
        review.DueOn = db.Today.AddDays(-1);
        await db.SaveChangesAsync();
        await AddReviewAsync(db);
        var worklist = new ReviewWorklist(db, ShippedSchemes.Catalog, new ReviewCounts());

        (await worklist.ListAsync(Everyones, 1)).Total.ShouldBe(2);
        (await worklist.ListAsync(Everyones with { Window = ReviewWindow.Overdue }, 1)).Total.ShouldBe(1);
        (await worklist.ListAsync(Everyones with { Window = ReviewWindow.Weeks, Weeks = 1 }, 1)).Total.ShouldBe(2);
        (await worklist.ListAsync(Everyones with { OfficerId = OfficerId }, 1)).Total.ShouldBe(0);
        (await worklist.ListAsync(Everyones with { Kind = ReviewKind.RasPackage }, 1)).Total.ShouldBe(0);
        (await worklist.ListAsync(Everyones with { State = ReviewState.Due }, 1)).Total.ShouldBe(2);

        // Eight days on (UK days), nothing saved: the second review is overdue too, and the count says so.
        clock.Advance(TimeSpan.FromDays(8));
        (await worklist.ListAsync(Everyones with { Window = ReviewWindow.Overdue }, 1)).Total.ShouldBe(2);
    }
}
