using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// Creates a child whose case closed at <paramref name="closedAt"/>, with a row in every table a case record
    /// reaches: a decided request with evidence, its decision, referral and letter, timeline, a family account link,
    /// a sent email, a RAS assessment, a plan with a version and its lines, outcomes and on-costs, a tier change, a
    /// panel item, a budget notice, an agreement recorded for the family, audit entries, and a duplicate record
    /// merged into it with a RAS assessment of its own. For retention tests.
    /// </summary>
    public async Task<(Child Child, Child Duplicate, string FamilyUserId)> CreateClosedCaseAsync(DateTime closedAt, DateOnly dateOfBirth, CancellationToken cancellationToken = default)
    {
        var child = await CreateChildAsync(dateOfBirth: dateOfBirth, tier: Tier.None, configure: c =>
        {
            c.ClosedAt = closedAt;
            c.ClosedByName = "Amira Hughes";
            c.ClosureReason = "The family moved out of the county.";
        }, cancellationToken: cancellationToken);
        var duplicate = await CreateChildAsync(firstName: child.FirstName, lastName: child.LastName, dateOfBirth: dateOfBirth,
            configure: c => c.MergedIntoChildId = child.Id, cancellationToken: cancellationToken);
        var request = await CreateSubmittedRequestAsync(child, submittedAt: closedAt.AddYears(-2), cancellationToken: cancellationToken);

        var familyUserId = request.FamilyUserId!;
        await WithDbAsync(async db =>
        {
            var at = closedAt.AddYears(-2);
            db.Users.Add(new AppUserSeed(familyUserId).User);
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = at });
            var tracked = await db.Requests.FirstAsync(r => r.Id == request.Id, cancellationToken);
            tracked.Status = RequestStatus.Decided;
            var decision = new RequestDecision
            {
                RequestId = request.Id, ChildId = child.Id, Outcome = DecisionOutcome.ReferToSocialCare, Reasons = "Needs are higher than short breaks meet.",
                DecidedAt = at.AddDays(10), DecidedByName = "Amira Hughes", SchemeVersion = SchemeVersion,
            };
            db.Decisions.Add(decision);
            db.Referrals.Add(new Referral { RequestId = request.Id, ChildId = child.Id, Kind = ReferralKind.SocialCare, Reasons = decision.Reasons, ReferredAt = decision.DecidedAt });
            db.Letters.Add(ChildTimeline.NewLetter(child.Id, LetterKinds.Decision, "Your request", "<p>Dear family</p>", request.Id, Actor.System, decision.DecidedAt));
            db.TimelineEvents.Add(ChildTimeline.NewEvent(child.Id, TimelineKinds.Decision, "Referred to social care", null, request.Id, Actor.System, decision.DecidedAt));
            db.SentEmails.Add(new SentEmail { ChildId = child.Id, To = "family@example.org", Subject = "Your request", SentAt = decision.DecidedAt, Transport = "pickup" });
            db.ChildMerges.Add(new ChildMerge { SurvivingChildId = child.Id, MergedChildId = duplicate.Id, MergedChildReference = duplicate.Reference, Reason = "Same child", MergedAt = at, MergedByName = "Amira Hughes" });

            foreach (var id in new[] { child.Id, duplicate.Id })
            {
                db.RasAssessments.Add(new RasAssessment { ChildId = id, Status = RasAssessmentStatus.Draft, CreatedAt = at, CreatedByUserId = "officer" });
            }

            var plan = new SupportPlan { ChildId = child.Id, CreatedAt = at, CreatedByName = "Amira Hughes", LatestNumber = 1, ApprovedNumber = 1, EndedAt = closedAt };
            db.SupportPlans.Add(plan);
            var version = new PlanVersion
            {
                PlanId = plan.Id, ChildId = child.Id, Number = 1, Status = PlanVersionStatus.Approved, PeriodStart = DateOnly.FromDateTime(at),
                PeriodEnd = DateOnly.FromDateTime(at).AddYears(1).AddDays(-1), CreatedAt = at, CreatedByName = "Amira Hughes", EffectiveFrom = DateOnly.FromDateTime(at),
                Outcomes = [new PlanOutcome { What = "Swimming", HowWeWillKnow = "Goes most weeks" }],
                Lines = [new PlanSupportLine { Description = "Personal assistant", Quantity = 2, UnitCost = 12m }],
                OnCosts = [new PlanOnCost { Description = "Insurance", MonthlyAmount = 8m }],
            };
            db.PlanVersions.Add(version);
            db.FamilyAgreementsOnBehalf.Add(new FamilyAgreementOnBehalf
            {
                PlanVersionId = version.Id, ChildId = child.Id, AgreedByName = "Parent", Relationship = "Mother", AgreedOn = DateOnly.FromDateTime(at), RecordedAt = at,
            });
            db.TierChanges.Add(new TierChange { ChildId = child.Id, Move = TierMove.Closure, From = Tier.FlexibleShortBreaks, To = Tier.None, At = closedAt, ByName = "Amira Hughes", Reason = "Closed" });
            var notice = new BudgetNotice { ChildId = child.Id, PlanId = plan.Id, Reasons = "Lower need", GivenAt = at, GivenByName = "Amira Hughes", TakesEffectOn = DateOnly.FromDateTime(at).AddMonths(3) };
            db.BudgetNotices.Add(notice);
            db.PanelItems.Add(new PanelItem { ChildId = child.Id, Kind = PanelItemKind.Reconsideration, Status = PanelItemStatus.Decided, BudgetNoticeId = notice.Id, Summary = "Reconsideration", AddedAt = at });
            db.SubjectAccessRequests.Add(new Core.SubjectAccess.SubjectAccessRequest
            {
                SubjectKind = Core.SubjectAccess.SubjectKind.Child, ChildId = child.Id, SubjectName = child.FullName, SubjectReference = child.Reference,
                RequestedBy = "The child's mother", IdentityCheck = "Passport seen", ReceivedOn = DateOnly.FromDateTime(at), DueOn = DateOnly.FromDateTime(at).AddMonths(1),
                LoggedAt = at, LoggedByUserId = "admin", LoggedByName = "An administrator",
                Status = Core.SubjectAccess.SubjectAccessStatus.Released, ReleasedAt = at, ReleasedByName = "An administrator",
            });
            var package = AddPackageRows(db, child.Id, "closed", DateOnly.FromDateTime(at));
            db.Reviews.Add(new Core.Reviews.Review { ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = DateOnly.FromDateTime(at), State = Core.Reviews.ReviewState.Completed, CreatedAt = at, Decision = Core.Reviews.ReviewDecision.Close, DecisionReasons = "The family asked to close", DecidedAt = at });
            AddApprovedInvoice(db, package, new DateOnly(at.Year, at.Month, 1), 1m, 1).Reference = "INV-" + Guid.NewGuid().ToString("N")[..12];
            AddMonitoringRows(db, child.Id, "closed", DateOnly.FromDateTime(at));
            AddComplaintRows(db, child.Id, "closed", DateOnly.FromDateTime(at));
            var run = new Core.Finance.PaymentRun { Reference = "RUN-" + Guid.NewGuid().ToString("N")[..12], PayOn = DateOnly.FromDateTime(at), PreparedAt = at, PreparedByName = "Fran Finance", State = Core.Finance.PaymentRunState.Paid, ItemCount = 1, Total = 99.99m };
            db.PaymentRuns.Add(run);
            db.PaymentRunItems.Add(new Core.Finance.PaymentRunItem
            {
                PaymentRunId = run.Id, Kind = Core.DirectPayments.SpendingKind.DirectPayment, SourceId = Guid.NewGuid(), ChildId = child.Id, RecordReference = "DP-" + Guid.NewGuid().ToString("N")[..8],
                PaymentReference = run.Reference + "-00001", PayeeName = "Pat Parent", Amount = 99.99m, BudgetHead = "SB-DP", PaidAt = at,
            });
            db.RecordView(nameof(Child), child.Id.ToString(), child.Id);
            await db.SaveChangesAsync(cancellationToken);
        });

        return (child, duplicate, familyUserId);
    }

    /// <summary>How many rows each table holds about the given children (and their requests), by table.</summary>
    public static async Task<Dictionary<string, int>> RowsAboutAsync(ShortBreaksDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken cancellationToken = default)
    {
        var ids = childIds.ToList();
        var requestIds = await db.Requests.Where(r => r.ChildId != null && ids.Contains(r.ChildId.Value)).Select(r => r.Id).ToListAsync(cancellationToken);
        var texts = ids.Concat(requestIds).Select(i => i.ToString()).ToList();
        return new Dictionary<string, int>
        {
            ["Children"] = await db.Children.CountAsync(c => ids.Contains(c.Id), cancellationToken),
            ["Complaints"] = await db.Complaints.CountAsync(c => ids.Contains(c.ChildId), cancellationToken),
            ["ComplaintStages"] = await db.ComplaintStages.CountAsync(s => ids.Contains(s.ChildId), cancellationToken),
            ["ComplaintExtensions"] = await db.ComplaintExtensions.CountAsync(e => ids.Contains(e.ChildId), cancellationToken),
            ["DirectPayments"] = await db.DirectPayments.CountAsync(d => ids.Contains(d.ChildId), cancellationToken),
            ["DirectPaymentAccounts"] = await db.DirectPaymentAccounts.CountAsync(a => ids.Contains(a.ChildId), cancellationToken),
            ["DirectPaymentInstalments"] = await db.DirectPaymentInstalments.CountAsync(i => ids.Contains(i.ChildId), cancellationToken),
            ["DirectPaymentStatements"] = await db.DirectPaymentStatements.CountAsync(s => ids.Contains(s.ChildId), cancellationToken),
            ["StatementLines"] = await db.StatementLines.CountAsync(l => ids.Contains(l.ChildId), cancellationToken),
            ["MonitoringReturns"] = await db.MonitoringReturns.CountAsync(r => ids.Contains(r.ChildId), cancellationToken),
            ["MonitoringReturnEvidence"] = await db.MonitoringReturnEvidence.CountAsync(e => ids.Contains(e.ChildId), cancellationToken),
            ["AccountAudits"] = await db.AccountAudits.CountAsync(a => ids.Contains(a.ChildId), cancellationToken),
            ["Recoupments"] = await db.Recoupments.CountAsync(r => ids.Contains(r.ChildId), cancellationToken),
            ["RecoupmentDeductions"] = await db.RecoupmentDeductions.CountAsync(d => ids.Contains(d.ChildId), cancellationToken),
            ["ProviderInvoiceLines"] = await db.ProviderInvoiceLines.CountAsync(l => ids.Contains(l.ChildId), cancellationToken),
            ["PaymentRunItems"] = await db.PaymentRunItems.CountAsync(i => i.ChildId != null && ids.Contains(i.ChildId.Value), cancellationToken),
            ["ChildFamilyMembers"] = await db.ChildFamilyMembers.CountAsync(m => ids.Contains(m.ChildId), cancellationToken),
            ["TimelineEvents"] = await db.TimelineEvents.CountAsync(e => ids.Contains(e.ChildId), cancellationToken),
            ["ChildMerges"] = await db.ChildMerges.CountAsync(m => ids.Contains(m.SurvivingChildId) || ids.Contains(m.MergedChildId), cancellationToken),
            ["Requests"] = requestIds.Count,
            ["EvidenceDocuments"] = await db.EvidenceDocuments.CountAsync(e => requestIds.Contains(e.RequestId), cancellationToken),
            ["Decisions"] = await db.Decisions.CountAsync(d => ids.Contains(d.ChildId), cancellationToken),
            ["Referrals"] = await db.Referrals.CountAsync(r => ids.Contains(r.ChildId), cancellationToken),
            ["Letters"] = await db.Letters.CountAsync(l => ids.Contains(l.ChildId), cancellationToken),
            ["SentEmails"] = await db.SentEmails.CountAsync(e => e.ChildId != null && ids.Contains(e.ChildId.Value), cancellationToken),
            ["RasAssessments"] = await db.RasAssessments.CountAsync(a => ids.Contains(a.ChildId), cancellationToken),
            ["SupportPlans"] = await db.SupportPlans.CountAsync(p => ids.Contains(p.ChildId), cancellationToken),
            ["PlanVersions"] = await db.PlanVersions.CountAsync(v => ids.Contains(v.ChildId), cancellationToken),
            ["PlanOutcomes"] = await (from o in db.Set<PlanOutcome>() join v in db.PlanVersions on o.PlanVersionId equals v.Id where ids.Contains(v.ChildId) select o).CountAsync(cancellationToken),
            ["PlanSupportLines"] = await (from l in db.Set<PlanSupportLine>() join v in db.PlanVersions on l.PlanVersionId equals v.Id where ids.Contains(v.ChildId) select l).CountAsync(cancellationToken),
            ["TierChanges"] = await db.TierChanges.CountAsync(t => ids.Contains(t.ChildId), cancellationToken),
            ["PanelItems"] = await db.PanelItems.CountAsync(p => ids.Contains(p.ChildId), cancellationToken),
            ["BudgetNotices"] = await db.BudgetNotices.CountAsync(n => ids.Contains(n.ChildId), cancellationToken),
            ["FamilyAgreementsOnBehalf"] = await db.FamilyAgreementsOnBehalf.CountAsync(a => ids.Contains(a.ChildId), cancellationToken),
            ["SubjectAccessRequests"] = await db.SubjectAccessRequests.CountAsync(s => s.ChildId != null && ids.Contains(s.ChildId.Value), cancellationToken),
            ["Packages"] = await db.Packages.CountAsync(p => ids.Contains(p.ChildId), cancellationToken),
            ["PackageLines"] = await db.PackageLines.CountAsync(l => ids.Contains(l.ChildId), cancellationToken),
            ["PackageStateChanges"] = await db.PackageStateChanges.CountAsync(c => ids.Contains(c.ChildId), cancellationToken),
            ["DeliveryReturns"] = await db.DeliveryReturns.CountAsync(r => ids.Contains(r.ChildId), cancellationToken),
            ["DeliveredSessions"] = await db.DeliveredSessions.CountAsync(x => ids.Contains(x.ChildId), cancellationToken),
            ["FsbRenewals"] = await db.FsbRenewals.CountAsync(r => ids.Contains(r.ChildId), cancellationToken),
            ["Reviews"] = await db.Reviews.CountAsync(r => ids.Contains(r.ChildId), cancellationToken),
            ["AuditEntries"] = await db.AuditEntries.CountAsync(a => a.Action != "erase" && ((a.ChildId != null && ids.Contains(a.ChildId.Value)) || texts.Contains(a.EntityId)), cancellationToken),
        };
    }

    private sealed record AppUserSeed(string Id)
    {
        public Core.Identity.AppUser User => new()
        {
            Id = Id, UserName = $"{Id}@example.org", NormalizedUserName = $"{Id}@EXAMPLE.ORG", Email = $"{Id}@example.org",
            NormalizedEmail = $"{Id}@EXAMPLE.ORG", DisplayName = "A parent", SecurityStamp = Guid.NewGuid().ToString(),
        };
    }
}
