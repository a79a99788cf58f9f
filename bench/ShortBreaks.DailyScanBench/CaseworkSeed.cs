using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Reviews;

/// <summary>
/// A county's casework at full size, for the reviews worklist, the caseload pages, the complaints list and the daily
/// scans: the demo county gives only a handful of plans, packages, reviews and complaints (it is made to be read by a
/// person), so this adds, once and kept in the database, what a county of this size carries.
/// <list type="bullet">
/// <item>Every child on Targeted Short Breaks with no plan gets a plan in force (the plan row the scan and the worklist
/// read, with no versions), its next review spread evenly from four weeks ago to thirty weeks ahead, six-monthly (RAS
/// package, or section 17(6) for one in ten), and the two reviews before it, completed.</item>
/// <item>Every child on Flexible Short Breaks with no package gets an accepted direct payment package that started on a
/// day spread over the last year, so their annual review falls due spread over the next year.</item>
/// <item>The scan is run on today, as the first night's run after go-live would be, making every review due within the
/// scheme's look-ahead; those are given to the reviewing officers in turn (about as many each as the guide).</item>
/// <item>Complaints: <c>complaints</c> over the last three years, most closed, the open ones at every stage with due
/// days from three weeks ago to three weeks ahead, some about a named worker.</item>
/// </list>
/// Written without per-row audit, like the demo county. Deterministic (seeded random, rows in id order).
/// </summary>
internal static class CaseworkSeed
{
    /// <summary>The marker that the seed has been made: plans made by it are created by this name.</summary>
    public const string By = "Casework seed";

    public static async Task<string> EnsureAsync(DatabaseOptions database, Func<ShortBreaksDbContext, Task<int>> firstScan, int complaints = 6000)
    {
        await using (var check = DatabaseSetup.Create(database))
        {
            if (await check.SupportPlans.AnyAsync(p => p.CreatedByName == By))
                return $"casework already seeded: {await check.Reviews.CountAsync(r => r.State != ReviewState.Completed):N0} open reviews, {await check.Complaints.CountAsync():N0} complaints";
        }

        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        var random = new Random(2026);
        int plans, packages, history;
        await using (var db = DatabaseSetup.Create(database))
        {
            db.AuditChanges = false;
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var targeted = await db.Children.AsNoTracking()
                .Where(c => c.Tier == Tier.TargetedShortBreaks && c.ClosedAt == null && c.MergedIntoChildId == null && !db.SupportPlans.Any(p => p.ChildId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            plans = targeted.Count;
            history = 0;
            foreach (var batch in targeted.Chunk(2000))
            {
                foreach (var childId in batch)
                {
                    var kind = random.Next(10) == 0 ? ReviewKind.Section17_6 : ReviewKind.RasPackage;
                    var next = today.AddDays(random.Next(-28, 210));
                    db.SupportPlans.Add(new SupportPlan
                    {
                        ChildId = childId, CreatedAt = now, CreatedByName = By, LatestNumber = 1, ApprovedNumber = 1,
                        NextReviewDue = next, NextReviewKind = kind, ReviewSchedule = "Every 6 months",
                    });
                    foreach (var monthsBack in new[] { 6, 12 })
                    {
                        var due = next.AddMonths(-monthsBack);
                        db.Reviews.Add(new Review
                        {
                            ChildId = childId, Kind = kind, DueOn = due, State = ReviewState.Completed, CreatedAt = now,
                            HeldOn = due, RecordedAt = now, RecordedByName = By, Decision = ReviewDecision.ContinueAsIs,
                            DecisionReasons = "Going well: carry on as planned.", DecidedAt = now, DecidedByName = By, NextReviewDue = due.AddMonths(6),
                        });
                        history++;
                    }
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            var flexible = await db.Children.AsNoTracking()
                .Where(c => c.Tier == Tier.FlexibleShortBreaks && c.ClosedAt == null && c.MergedIntoChildId == null
                            && !db.Packages.Any(p => p.ChildId == c.Id) && !db.SupportPlans.Any(p => p.ChildId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            packages = flexible.Count;
            foreach (var batch in flexible.Chunk(2000))
            {
                foreach (var childId in batch)
                {
                    var starts = today.AddDays(-random.Next(0, 364));
                    db.Packages.Add(new Package
                    {
                        ChildId = childId, Route = PackageRoute.DirectPayment, Tier = Tier.FlexibleShortBreaks,
                        YearStart = starts.Month >= 4 ? new DateOnly(starts.Year, 4, 1) : new DateOnly(starts.Year - 1, 4, 1),
                        StartsOn = starts, EndsOn = starts.AddYears(1).AddDays(-1), State = PackageState.Accepted,
                        DirectPaymentHours = 80, DirectPaymentAmount = 1200, SchemeVersion = "2026.1", CreatedAt = now, CreatedByName = By,
                    });
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        int made;
        await using (var db = DatabaseSetup.Create(database))
        {
            db.AuditChanges = false;
            made = await firstScan(db);
        }

        int given;
        await using (var db = DatabaseSetup.Create(database))
        {
            db.AuditChanges = false;
            var reviewerRole = await db.Roles.Where(r => r.Name == Roles.ReviewingOfficer).Select(r => r.Id).FirstAsync();
            var reviewers = await (from ur in db.UserRoles
                                   where ur.RoleId == reviewerRole
                                   join u in db.Users on ur.UserId equals u.Id
                                   orderby u.Email
                                   select new { u.Id, u.DisplayName }).ToListAsync();
            var open = await db.Reviews.Where(r => r.State == ReviewState.Due && r.CreatedAt >= now).OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync();
            foreach (var (review, i) in open.Select((r, i) => (r, i)))
                (review.OfficerId, review.OfficerName) = (reviewers[i % reviewers.Count].Id, reviewers[i % reviewers.Count].DisplayName);
            await db.SaveChangesAsync();
            given = open.Count;
        }

        var complaintCount = await AddComplaintsAsync(database, complaints, today, now, random);
        return $"seeded {plans:N0} plans with {history:N0} completed reviews, {packages:N0} packages, {made:N0} reviews made by the first scan " +
               $"({given:N0} given to reviewing officers), {complaintCount:N0} complaints";
    }

    private static async Task<int> AddComplaintsAsync(DatabaseOptions database, int count, DateOnly today, DateTime now, Random random)
    {
        await using var db = DatabaseSetup.Create(database);
        db.AuditChanges = false;
        var children = await db.Children.AsNoTracking()
            .Where(c => (c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks) && c.MergedIntoChildId == null)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.KeyWorkerId }).Take(count * 4).ToListAsync();
        var managerRole = await db.Roles.Where(r => r.Name == Roles.TeamManager).Select(r => r.Id).FirstAsync();
        var managers = await (from ur in db.UserRoles
                              where ur.RoleId == managerRole
                              join u in db.Users on ur.UserId equals u.Id
                              orderby u.Email
                              select new { u.Id, u.DisplayName }).ToListAsync();
        var names = await db.Users.AsNoTracking().Where(u => u.DisplayName != "").ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        ComplaintStageKind[] openStages =
            [.. Enumerable.Repeat(ComplaintStageKind.LocalResolution, 6), .. Enumerable.Repeat(ComplaintStageKind.Investigation, 2), ComplaintStageKind.ReviewPanel, ComplaintStageKind.Appeal];
        for (var i = 0; i < count; i++)
        {
            var child = children[random.Next(children.Count)];
            var open = random.Next(100) < 15;
            var stageKind = open ? openStages[random.Next(openStages.Length)] : (random.Next(10) == 0 ? ComplaintStageKind.Investigation : ComplaintStageKind.LocalResolution);
            var kind = stageKind == ComplaintStageKind.Appeal ? ComplaintKind.Appeal : !open && random.Next(8) == 0 ? ComplaintKind.Compliment : ComplaintKind.Complaint;
            var subject = kind == ComplaintKind.Appeal ? ComplaintSubject.Budget
                : random.Next(5) == 0 && child.KeyWorkerId is not null ? ComplaintSubject.Worker : ComplaintSubject.Service;
            var received = open ? today.AddDays(-random.Next(1, 60)) : today.AddDays(-random.Next(60, 3 * 365));
            var owner = managers[random.Next(managers.Count)];
            var complaint = new Complaint
            {
                ChildId = child.Id, Kind = kind, Subject = subject, MadeBy = ComplaintMadeBy.ParentCarer,
                Channel = random.Next(2) == 0 ? ComplaintChannel.Online : ComplaintChannel.Phone, MadeByName = "A parent carer",
                ReceivedOn = received, Summary = "What the family says happened, in their words.", OutcomeWanted = "What they would like done.",
                SubjectWorkerUserId = subject == ComplaintSubject.Worker ? child.KeyWorkerId : null,
                SubjectWorkerName = subject == ComplaintSubject.Worker ? names.GetValueOrDefault(child.KeyWorkerId!) : null,
                Open = open, SchemeVersion = "2026.1", CreatedAt = now, ChangedAt = now,
            };
            var stages = kind == ComplaintKind.Compliment ? [] : stageKind switch
            {
                ComplaintStageKind.Investigation => new[] { ComplaintStageKind.LocalResolution, ComplaintStageKind.Investigation },
                ComplaintStageKind.ReviewPanel => [ComplaintStageKind.LocalResolution, ComplaintStageKind.Investigation, ComplaintStageKind.ReviewPanel],
                _ => [stageKind],
            };
            var started = received;
            foreach (var (stage, n) in stages.Select((s, n) => (s, n)))
            {
                var last = n == stages.Length - 1;
                var due = open && last ? today.AddDays(random.Next(-21, 22)) : started.AddDays(14);
                var responded = open && last ? (DateOnly?)null : started.AddDays(random.Next(5, 14));
                complaint.Stages.Add(new ComplaintStage
                {
                    ChildId = child.Id, Kind = stage, OwnerUserId = owner.Id, OwnerName = owner.DisplayName, StartedOn = started,
                    DueOn = due, LatestDueOn = due.AddDays(14), RespondedOn = responded, RespondedAt = responded is null ? null : now,
                    Outcome = responded is null ? null : ComplaintOutcome.PartlyUpheld, Response = responded is null ? null : "Our answer.",
                    RespondedByName = responded is null ? null : owner.DisplayName,
                    OverdueFoundOn = open && last && due < today.AddDays(-7) ? due.AddDays(1) : null,
                    OverdueFoundBy = open && last && due < today.AddDays(-7) ? "seed" : null,
                });
                started = responded ?? started;
                if (open && last) (complaint.CurrentStage, complaint.CurrentDueOn) = (stage, due);
            }

            if (!open)
            {
                complaint.Outcome = kind == ComplaintKind.Compliment ? ComplaintOutcome.Noted : ComplaintOutcome.PartlyUpheld;
                complaint.ClosedAt = now;
            }

            db.Complaints.Add(complaint);
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        return count;
    }
}
