using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Plans;

/// <summary>
/// Plans for the load run: children on Targeted Short Breaks each get a plan of several versions, every version
/// with the same number of support lines; the first version is in force and the newest waits for the panel.
/// Made once and kept, written without per-row audit like the demo county.
/// </summary>
internal static class PlanSeed
{
    public static async Task<List<Guid>> EnsureAsync(ShortBreaksDbContext db, int children, int versions, int lines)
    {
        var existing = await db.SupportPlans.Where(p => p.LatestNumber == versions).Select(p => p.ChildId).Take(children).ToListAsync();
        if (existing.Count >= children) return existing;

        var candidates = await db.Children
            .Where(c => c.Tier == Tier.TargetedShortBreaks && c.MergedIntoChildId == null && !db.SupportPlans.Any(p => p.ChildId == c.Id))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(children - existing.Count).ToListAsync();
        if (existing.Count + candidates.Count < children)
            throw new InvalidOperationException($"Only {existing.Count + candidates.Count} children on Targeted Short Breaks: make a bigger county.");

        db.AuditChanges = false;
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var random = new Random(2026);
        foreach (var childId in candidates)
        {
            var plan = new SupportPlan
            {
                ChildId = childId, CreatedAt = DateTime.UtcNow.AddYears(-1), CreatedByName = "Load run", LatestNumber = versions, ApprovedNumber = 1,
                NextReviewDue = today.AddMonths(3), ReviewSchedule = "RAS package review: every 6 months",
            };
            db.SupportPlans.Add(plan);
            for (var n = 1; n <= versions; n++)
            {
                var version = new PlanVersion
                {
                    PlanId = plan.Id, ChildId = childId, Number = n,
                    Status = n == 1 ? PlanVersionStatus.Approved : n == versions ? PlanVersionStatus.AwaitingApproval : PlanVersionStatus.Superseded,
                    ChangeSummary = n == 1 ? "" : $"Change {n}: hours moved between weekdays and weekends.",
                    WhatMattersToMe = "Swimming, music, and seeing my cousins.", HowBestToSupportMe = "Calm voices; tell me what happens next.",
                    MyCommunication = "Some words and Makaton.", PeriodStart = today.AddMonths(-6), PeriodEnd = today.AddMonths(6).AddDays(-1),
                    IndicativeBudget = 2400m, CreatedAt = DateTime.UtcNow.AddDays(-30 * (versions - n)), CreatedByName = "Load run",
                    FamilyAgreedAt = DateTime.UtcNow, FamilyAgreedByName = "Parent", OfficerAgreedAt = DateTime.UtcNow, OfficerAgreedByName = "Officer",
                    ApprovalRoute = n == versions ? PlanApprovalRoute.Panel : PlanApprovalRoute.Manager,
                    ApprovalReason = n == versions ? "Costs more than the indicative budget" : null,
                    EffectiveFrom = n == 1 ? today.AddMonths(-6) : null, DecidedAt = n == 1 ? DateTime.UtcNow.AddMonths(-6) : null, DecidedByName = n == 1 ? "Manager" : null,
                };
                for (var o = 0; o < 3; o++)
                    version.Outcomes.Add(new PlanOutcome { PlanVersionId = version.Id, Order = o, What = $"Outcome {o + 1}", Term = (OutcomeTerm)(o % 3), HowWeWillKnow = "We will see it happen." });
                decimal annual = 0;
                for (var l = 0; l < lines; l++)
                {
                    var line = new PlanSupportLine
                    {
                        PlanVersionId = version.Id, Order = l, Description = $"Personal assistant {l + 1}", Type = SupportType.PersonalAssistantHours,
                        Quantity = 1 + random.Next(0, 4) * 0.5m, Frequency = SupportFrequency.PerMonth, UnitCost = 9m + random.Next(0, 13) * 0.5m,
                        Route = l % 3 == 0 ? PaymentRoute.CommissionedFromProvider : PaymentRoute.DirectPayment, RateName = l % 2 == 0 ? "weekday" : "weekend",
                    };
                    annual += line.Quantity * 12 * line.UnitCost;
                    version.Lines.Add(line);
                }

                version.AnnualCost = annual;
                version.PeriodCost = annual;
                db.PlanVersions.Add(version);
                if (n == versions)
                {
                    db.PanelItems.Add(new PanelItem
                    {
                        ChildId = childId, Kind = PanelItemKind.AboveIndicativeBudget, Status = PanelItemStatus.Awaiting, PlanVersionId = version.Id,
                        Summary = "Costs more a year than the indicative budget of £2,400.00", AddedAt = DateTime.UtcNow.AddMinutes(-random.Next(0, 60 * 24 * 30)), AddedByName = "Load run",
                    });
                }
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return existing.Concat(candidates).ToList();
    }
}
