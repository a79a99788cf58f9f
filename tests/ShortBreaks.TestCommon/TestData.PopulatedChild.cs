using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.TestCommon;

/// <summary>A child with rows in every table about a child, and the words and bytes a test finds them by.</summary>
public sealed record PopulatedChild(
    Child Child, ShortBreakRequest Request, string FamilyUserId, string OtherFamilyUserId,
    string SiblingDetails, string DecisionReasons, string PanelReasons,
    Guid LetterId, string LetterTitle, string LetterSentence, byte[] EvidenceBytes, string EvidenceFileName, byte[] SignedCopyBytes);

public sealed partial class TestData
{
    /// <summary>
    /// A child with at least one row in every table about a child: two linked family accounts, a request with its
    /// evidence and sibling details, a decision, a referral, two letters (one never sent to the family), a RAS
    /// assessment with answers, a plan with two versions, an agreement recorded on the family's behalf with a signed
    /// copy, a tier change, a panel item, a budget notice, a merge, an email, the timeline, and a provider package with its
    /// moves, a return of sessions and a renewal, and a direct payment's statement, return with evidence, audit and recoupment. Each free text is
    /// unique to this child, so a test can look for it anywhere. Pass <paramref name="familyUserId"/> to link an
    /// account a test made; otherwise one is made here.
    /// </summary>
    public async Task<PopulatedChild> PopulatedChildAsync(string? familyUserId = null)
    {
        var tag = NewName();
        familyUserId ??= await NewFamilyAccountAsync($"Parent {tag}");
        var otherFamilyUserId = await NewFamilyAccountAsync($"Other carer {tag}");
        var siblings = $"A sister called Ottilie {tag}, aged 12, who helps at bedtime.";
        var request = await CreateSubmittedRequestAsync(childFirstName: NewName(), childLastName: NewName(), familyUserId: familyUserId,
            evidenceKindIds: ["disability-benefit", "professional-letter"], configure: r => r.SiblingDetails = siblings);
        var child = await CreateChildAsync(firstName: request.ChildFirstName, lastName: request.ChildLastName, dateOfBirth: request.ChildDateOfBirth, postcode: request.Postcode, tier: Tier.TargetedShortBreaks);
        var decisionReasons = $"Officer's note {tag}: the school nurse reports night waking five times a week.";
        var panelReasons = $"Panel {tag} agreed the overnight stays given the family's circumstances.";
        var letterTitle = $"Your short breaks decision {tag}";
        var letterSentence = $"We have decided {tag} can have Flexible Short Breaks.";
        var signedCopy = Encoding.ASCII.GetBytes($"%PDF-1.4\n% signed copy {tag}\n%%EOF\n");
        var evidence = request.Evidence.Single(e => e.KindId == "professional-letter");

        Guid letterId = default;
        await WithDbAsync(async db =>
        {
            var tracked = await db.Requests.FirstAsync(r => r.Id == request.Id);
            tracked.ChildId = child.Id;
            tracked.ChildConfirmed = true;
            tracked.Status = RequestStatus.Decided;
            var now = db.UtcNow;
            db.ChildFamilyMembers.AddRange(
                new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = now, IdentityCheck = "Passport seen", ParentalResponsibilityCheck = "Birth certificate", LinkedByName = "Sam Officer" },
                new ChildFamilyMember { ChildId = child.Id, UserId = otherFamilyUserId, Relationship = "Stepfather", AddedAt = now, IdentityCheck = "Driving licence seen", ParentalResponsibilityCheck = "Court order", LinkedByName = "Sam Officer" });
            var letter = new Letter { ChildId = child.Id, RequestId = request.Id, Kind = LetterKinds.Decision, Title = letterTitle, BodyHtml = $"<p>Dear family,</p><p>{letterSentence}</p>", CreatedAt = now, CreatedByUserId = "officer", VisibleToFamily = true };
            var mashLetter = new Letter { ChildId = child.Id, RequestId = request.Id, Kind = "mash-referral", Title = $"Referral to the MASH {tag}", BodyHtml = "<p>Referred.</p>", CreatedAt = now, CreatedByUserId = "officer", VisibleToFamily = false };
            db.Letters.AddRange(letter, mashLetter);
            letterId = letter.Id;
            db.Decisions.Add(new RequestDecision { RequestId = request.Id, ChildId = child.Id, Outcome = DecisionOutcome.FlexibleShortBreaksApproved, Reasons = decisionReasons, DecidedAt = now, DecidedByUserId = "officer", DecidedByName = "Sam Officer", SchemeVersion = SchemeVersion, LetterId = letter.Id });
            db.Referrals.Add(new Referral { RequestId = request.Id, ChildId = child.Id, Kind = ReferralKind.SocialCare, Reasons = $"Referral {tag}: complex health needs.", ReferredAt = now, ReferredByUserId = "officer", ReferredByName = "Sam Officer" });
            var assessment = new RasAssessment { ChildId = child.Id, Status = RasAssessmentStatus.Completed, AgeYears = 10, PhaseId = "primary", LevelsJson = "{\"personal-care\":3,\"sleep\":4}", SupportJson = "{}", CreatedAt = now, CreatedByUserId = "officer", RasVersion = "2026.1", IndicativeAmount = 4200m, CompletedAt = now, CompletedByName = "Sam Officer" };
            db.RasAssessments.Add(assessment);
            var plan = new SupportPlan { ChildId = child.Id, CreatedAt = now, CreatedByName = "Sam Officer", LatestNumber = 2, ApprovedNumber = 1 };
            db.SupportPlans.Add(plan);
            var first = new PlanVersion { PlanId = plan.Id, ChildId = child.Id, Number = 1, Status = PlanVersionStatus.Approved, ChangeSummary = "First plan", WhatMattersToMe = $"Swimming on Saturdays {tag}", PeriodStart = Today, PeriodEnd = Today.AddMonths(12), RasAssessmentId = assessment.Id, IndicativeBudget = 4200m, AnnualCost = 4000m, PeriodCost = 4000m, CreatedAt = now, CreatedByUserId = "officer", CreatedByName = "Sam Officer", DecidedAt = now, DecidedByName = "Team Manager", DecisionReasons = $"Approved {tag}: within the budget." };
            first.Lines.Add(new PlanSupportLine { PlanVersionId = first.Id, Order = 1, Description = "Youth club", Type = SupportType.DayCareHours, Quantity = 3, Frequency = SupportFrequency.PerWeek, UnitCost = 18m, Route = PaymentRoute.DirectPayment });
            first.Outcomes.Add(new PlanOutcome { PlanVersionId = first.Id, Order = 1, What = "Make friends", Term = OutcomeTerm.Short, HowWeWillKnow = "Goes to the club" });
            var second = new PlanVersion { PlanId = plan.Id, ChildId = child.Id, Number = 2, Status = PlanVersionStatus.AwaitingApproval, ChangeSummary = "More hours", PeriodStart = Today, PeriodEnd = Today.AddMonths(12), AnnualCost = 5000m, PeriodCost = 5000m, CreatedAt = now, CreatedByUserId = "officer", CreatedByName = "Sam Officer" };
            db.PlanVersions.AddRange(first, second);
            db.FamilyAgreementsOnBehalf.Add(new FamilyAgreementOnBehalf { PlanVersionId = second.Id, ChildId = child.Id, AgreedByName = $"Grandmother {tag}", Relationship = "Grandmother", Method = AgreementMethod.SignedPaperCopy, AgreedOn = Today, Comments = $"Happy with it {tag}", RecordedAt = now, RecordedByUserId = "officer", RecordedByName = "Sam Officer", FileName = "signed plan.pdf", ContentType = "application/pdf", SizeBytes = signedCopy.Length, Content = signedCopy });
            db.TierChanges.Add(new TierChange { ChildId = child.Id, Move = TierMove.StepUpToTargeted, From = Tier.FlexibleShortBreaks, To = Tier.TargetedShortBreaks, At = now, ByName = "Team Manager", Reason = $"Stepped up {tag}" });
            db.PanelItems.Add(new PanelItem { ChildId = child.Id, Kind = PanelItemKind.EntryToTargeted, Status = PanelItemStatus.Decided, PlanVersionId = first.Id, Summary = "Entry to Targeted Short Breaks", AddedAt = now, AddedByName = "Sam Officer", Outcome = PanelOutcome.Approved, Reasons = panelReasons, DecidedAt = now, DecidedByName = "Panel chair" });
            db.BudgetNotices.Add(new BudgetNotice { ChildId = child.Id, PlanId = plan.Id, FromNumber = 1, ToNumber = 2, CurrentAnnualAmount = 5000m, NewAnnualAmount = 4000m, Reasons = $"Lower need {tag}", GivenAt = now, GivenByName = "Sam Officer", TakesEffectOn = Today.AddMonths(3), Status = BudgetNoticeStatus.Withdrawn });
            var duplicate = new Child { Reference = NewReference('C'), FirstName = child.FirstName, LastName = child.LastName, NameKey = child.NameKey, LastNameKey = child.LastNameKey, DateOfBirth = child.DateOfBirth, AddressLine1 = "1 Example Road", Town = "Newark", Postcode = child.Postcode, PostcodeKey = child.PostcodeKey, CreatedAt = now, MergedIntoChildId = child.Id };
            db.Children.Add(duplicate);
            db.ChildMerges.Add(new ChildMerge { SurvivingChildId = child.Id, MergedChildId = duplicate.Id, MergedChildReference = duplicate.Reference, Reason = $"Same child {tag}", MergedAt = now, MergedByUserId = "manager", MergedByName = "Team Manager" });
            db.SentEmails.Add(new SentEmail { ChildId = child.Id, To = "parent@example.org", Subject = $"A decision {tag}", SentAt = now, Transport = "file" });
            new Messenger(db).Tell(familyUserId, new Notice("A letter is ready to read", "/account", child.Id, $"A letter about {child.FirstName} {tag}"));
            db.AddTimeline(child.Id, TimelineKinds.Panel, "The panel approved the plan", panelReasons);
            var review = new Core.Retention.RetentionReview { Month = $"{2100 + Random.Shared.Next(800)}-{Random.Shared.Next(1, 13):00}", Status = Core.Retention.RetentionReviewStatus.Ready, StartedAt = now, ScannedAt = now, StartedByName = "System", SchemeVersion = SchemeVersion };
            db.RetentionReviews.Add(review);
            db.RetentionItems.Add(new Core.Retention.RetentionItem { ReviewId = review.Id, Kind = Core.Retention.RetentionItemKind.CaseRecord, TargetKey = child.Id.ToString(), SubjectChildId = child.Id, Reference = child.Reference, Rule = "until the 25th birthday", From = Today, RetentionEnds = Today, Status = Core.Retention.RetentionItemStatus.Kept, DecidedAt = now, DecidedByName = "Team Manager", Reason = $"A complaint is open {tag}." });
            var fall = new Core.Ras.VirtualBudgets.VirtualBudgetFall(child.Id, child.Reference, child.FullName, null, Tier.TargetedShortBreaks, "primary", 4200m, 3600m, RasRouting.None, Today.AddMonths(3));
            db.VirtualBudgetRuns.Add(new Core.Ras.VirtualBudgets.VirtualBudgetRun { VersionLabel = "2026.9", RequestedByName = "Rates keeper", RequestedAt = now, Status = Core.Ras.VirtualBudgets.VirtualBudgetRunStatus.Completed, FallsJson = System.Text.Json.JsonSerializer.Serialize(new[] { fall }, Core.Ras.VirtualBudgets.VirtualBudgetSimulation.JsonOptions) });
            var package = AddPackageRows(db, child.Id, tag, Today);
            db.Reviews.Add(new Core.Reviews.Review { ChildId = child.Id, PlanId = plan.Id, Kind = ReviewKind.RasPackage, DueOn = Today, State = Core.Reviews.ReviewState.Booked, CreatedAt = now, BookedFor = Today.AddDays(7), BookedTime = "10am", Meeting = Core.Reviews.ReviewMeeting.InPerson, Place = "The family home", Invited = $"Parents {tag}", FamilyViews = $"Going well {tag}" });
            db.AllowanceYears.Add(new Core.Providers.AllowanceYear { ChildId = child.Id, YearStart = package.YearStart, ChangedAt = now });
            AddMonitoringRows(db, child.Id, tag, Today);
            AddComplaintRows(db, child.Id, tag, Today);
            AddApprovedInvoice(db, package, new DateOnly(Today.Year, Today.Month, 1), 2m, 1).Reference = "INV-" + Guid.NewGuid().ToString("N")[..12];
            var run = new Core.Finance.PaymentRun { Reference = "RUN-" + Guid.NewGuid().ToString("N")[..12], PayOn = Today, PreparedAt = now, PreparedByName = "Fran Finance", State = Core.Finance.PaymentRunState.Paid, ItemCount = 1, Total = 99.99m };
            db.PaymentRuns.Add(run);
            db.PaymentRunItems.Add(new Core.Finance.PaymentRunItem
            {
                PaymentRunId = run.Id, Kind = Core.DirectPayments.SpendingKind.DirectPayment, SourceId = Guid.NewGuid(), ChildId = child.Id, RecordReference = "DP-" + Guid.NewGuid().ToString("N")[..8],
                PaymentReference = run.Reference + "-00001", PayeeName = $"Pat Parent {tag}", Amount = 99.99m, BudgetHead = "SB-DP", PaidAt = now,
            });
            db.ChildEmergencyContacts.Add(new ChildEmergencyContact { ChildId = child.Id, Position = 1, Name = $"Grace Contact {tag}", Relationship = "Aunt", Phone = "07700 900 123" });
            child.Arrangements = $"Inhaler before swimming {tag}";
            var directPayment = new Core.DirectPayments.DirectPayment { ChildId = child.Id, Reference = $"DP-{tag[..Math.Min(tag.Length, 12)]}", PlanId = plan.Id, PlanVersionId = first.Id, State = Core.DirectPayments.DirectPaymentState.Active, RecipientUserId = familyUserId, RecipientName = $"Parent {tag}", RecipientRelationship = "Mother", AnnualAmount = 2808m, StartsOn = Today, EndsOn = Today.AddMonths(12), SchemeVersion = SchemeVersion, CreatedAt = now, CreatedByName = "Sam Officer", AgreedAt = now, AgreedByName = $"Parent {tag} (Mother)" };
            db.DirectPayments.Add(directPayment);
            db.DirectPaymentAccounts.Add(new Core.DirectPayments.DirectPaymentAccount { DirectPaymentId = directPayment.Id, ChildId = child.Id, Kind = Core.DirectPayments.DirectPaymentAccountKind.BankAccount, AccountName = $"Parent {tag}", SortCode = "309430", AccountNumber = "00733445", CreatedAt = now, CreatedByUserId = "officer", CreatedByName = "Sam Officer" });
            db.DirectPaymentInstalments.Add(new Core.DirectPayments.DirectPaymentInstalment { DirectPaymentId = directPayment.Id, ChildId = child.Id, Kind = Core.DirectPayments.ScheduledPaymentKind.OneOff, DueOn = Today, Amount = 150m, Reason = $"Start-up sum {tag}" });
            await db.SaveChangesAsync();
        });

        return new PopulatedChild(child, request, familyUserId, otherFamilyUserId, siblings, decisionReasons, panelReasons,
            letterId, letterTitle, letterSentence, evidence.Content, evidence.FileName, signedCopy);
    }

    /// <summary>A family account saved straight to the database (no password: for records that name an account).</summary>
    public Task<string> NewFamilyAccountAsync(string name) => WithDbAsync(async db =>
    {
        var email = $"{NewName().ToLowerInvariant()}@example.org";
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name, CreatedAt = db.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N") };
        db.Users.Add(user);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Family);
        if (role is null)
        {
            role = new IdentityRole(Roles.Family) { NormalizedName = Roles.Family.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        return user.Id;
    });
}
