using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShortBreaks.Core.Data;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.HasIndex(c => c.Reference).IsUnique();
        b.HasIndex(c => new { c.NameKey, c.DateOfBirth });
        b.HasIndex(c => new { c.NameKey, c.PostcodeKey });
        b.HasIndex(c => c.LastNameKey);
        b.HasIndex(c => c.PostcodeKey);
        b.HasIndex(c => c.DateOfBirth);
        b.HasIndex(c => new { c.KeyWorkerId, c.Tier });
        b.Property(c => c.Reference).HasMaxLength(20);
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.NameKey).HasMaxLength(201);
        b.Property(c => c.LastNameKey).HasMaxLength(100);
        b.Property(c => c.Postcode).HasMaxLength(10);
        b.Property(c => c.PostcodeKey).HasMaxLength(8);
        b.Property(c => c.DisabilityCodes).HasMaxLength(100);
        b.Property(c => c.Tier).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ClosedAt);
        b.HasIndex(c => c.MergedIntoChildId);
        b.Property(c => c.ClosedByUserId).HasMaxLength(450);
        b.Property(c => c.ClosedByName).HasMaxLength(200);
        b.HasMany(c => c.FamilyMembers).WithOne().HasForeignKey(m => m.ChildId);
        b.Ignore(c => c.FullName);
    }
}

internal sealed class ChildFamilyMemberConfiguration : IEntityTypeConfiguration<ChildFamilyMember>
{
    public void Configure(EntityTypeBuilder<ChildFamilyMember> b)
    {
        b.HasKey(m => new { m.ChildId, m.UserId });
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> b)
    {
        b.HasIndex(e => new { e.ChildId, e.At });
        b.Property(e => e.Kind).HasMaxLength(40);
    }
}

internal sealed class ChildMergeConfiguration : IEntityTypeConfiguration<ChildMerge>
{
    public void Configure(EntityTypeBuilder<ChildMerge> b)
    {
        b.HasIndex(m => m.SurvivingChildId);
        b.HasIndex(m => m.MergedChildId);
    }
}

internal sealed class ShortBreakRequestConfiguration : IEntityTypeConfiguration<ShortBreakRequest>
{
    public void Configure(EntityTypeBuilder<ShortBreakRequest> b)
    {
        b.ToTable("Requests");
        b.HasIndex(r => r.Reference).IsUnique();
        b.HasIndex(r => new { r.Status, r.SubmittedAt });
        b.HasIndex(r => r.FamilyUserId);
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.Reference).HasMaxLength(20);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.PreferredContact).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Child).WithMany().HasForeignKey(r => r.ChildId);
        b.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.RequestId);
        b.HasOne(r => r.Decision).WithOne().HasForeignKey<RequestDecision>(d => d.RequestId);
        b.Ignore(r => r.NeedIdList);
        b.Ignore(r => r.ChildName);
    }
}

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> b)
    {
        b.HasIndex(e => e.RequestId);
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
    }
}

internal sealed class RequestDecisionConfiguration : IEntityTypeConfiguration<RequestDecision>
{
    public void Configure(EntityTypeBuilder<RequestDecision> b)
    {
        b.HasIndex(d => d.RequestId).IsUnique();
        b.HasIndex(d => d.ChildId);
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> b)
    {
        b.HasIndex(l => new { l.ChildId, l.CreatedAt });
        b.HasIndex(l => l.RequestId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.ChildId, a.At });
        b.HasIndex(a => a.At);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(100);
    }
}

internal sealed class SchemeVersionRecordConfiguration : IEntityTypeConfiguration<SchemeVersionRecord>
{
    public void Configure(EntityTypeBuilder<SchemeVersionRecord> b)
    {
        b.HasKey(s => s.Version);
        b.Property(s => s.Version).HasMaxLength(40);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b) => b.HasIndex(p => p.Name);
}

internal sealed class SentEmailConfiguration : IEntityTypeConfiguration<SentEmail>
{
    public void Configure(EntityTypeBuilder<SentEmail> b) => b.HasIndex(e => e.ChildId);
}

internal sealed class RasAssessmentConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Ras.RasAssessment>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Ras.RasAssessment> b)
    {
        b.HasIndex(a => new { a.ChildId, a.CreatedAt });
        b.HasIndex(a => new { a.Status, a.RasVersion });
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Routing).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.RasVersion).HasMaxLength(40);
        b.Property(a => a.PhaseId).HasMaxLength(60);
        b.Property(a => a.FamilyFinishedByName).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId);
    }
}

internal sealed class RasVersionRecordConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Ras.RasVersionRecord>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Ras.RasVersionRecord> b)
    {
        b.HasIndex(v => v.Label).IsUnique();
        b.Property(v => v.Label).HasMaxLength(40);
        b.Property(v => v.BasedOn).HasMaxLength(40);
        b.Property(v => v.ContentHash).HasMaxLength(40);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Version).IsConcurrencyToken();
    }
}

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.SupportPlan>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.SupportPlan> b)
    {
        b.HasIndex(p => p.ChildId);
        b.HasIndex(p => p.NextReviewDue);
        b.Property(p => p.PendingMove).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.ReviewSchedule).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId);
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.PlanVersion>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.PlanVersion> b)
    {
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        b.HasIndex(v => new { v.ChildId, v.Status });
        b.HasIndex(v => v.Status);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(v => v.ApprovalRoute).HasConversion<string>().HasMaxLength(20);
        b.HasOne<ShortBreaks.Core.Plans.SupportPlan>().WithMany().HasForeignKey(v => v.PlanId);
        b.HasMany(v => v.Outcomes).WithOne().HasForeignKey(o => o.PlanVersionId);
        b.HasMany(v => v.Lines).WithOne().HasForeignKey(l => l.PlanVersionId);
        b.HasMany(v => v.OnCosts).WithOne().HasForeignKey(o => o.PlanVersionId);
    }
}

internal sealed class PlanOutcomeConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.PlanOutcome>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.PlanOutcome> b) =>
        b.Property(o => o.Term).HasConversion<string>().HasMaxLength(20);
}

internal sealed class PlanSupportLineConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.PlanSupportLine>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.PlanSupportLine> b)
    {
        b.Property(l => l.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Route).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.RateName).HasMaxLength(60);
        b.Property(l => l.ProvidedBy).HasMaxLength(200);
        b.Property(l => l.Description).HasMaxLength(200);
    }
}

internal sealed class PlanOnCostConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.PlanOnCost>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.PlanOnCost> b)
    {
        b.Property(o => o.Route).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Description).HasMaxLength(200);
    }
}

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.TierChange>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.TierChange> b)
    {
        b.HasIndex(t => new { t.ChildId, t.At });
        b.Property(t => t.Move).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Child>().WithMany().HasForeignKey(t => t.ChildId);
    }
}

internal sealed class PanelItemConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.PanelItem>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.PanelItem> b)
    {
        b.HasIndex(p => new { p.Status, p.AddedAt });
        b.HasIndex(p => p.ChildId);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId);
    }
}

internal sealed class BudgetNoticeConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.BudgetNotice>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.BudgetNotice> b)
    {
        b.HasIndex(n => new { n.ChildId, n.GivenAt });
        b.HasIndex(n => new { n.Status, n.TakesEffectOn });
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(n => n.ChildId);
    }
}

internal sealed class FamilyAgreementOnBehalfConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Plans.FamilyAgreementOnBehalf>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Plans.FamilyAgreementOnBehalf> b)
    {
        b.HasIndex(a => a.PlanVersionId).IsUnique();
        b.HasIndex(a => a.ChildId);
        b.Property(a => a.AgreedByName).HasMaxLength(200);
        b.Property(a => a.Relationship).HasMaxLength(100);
        b.Property(a => a.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.RecordedByUserId).HasMaxLength(450);
        b.Property(a => a.RecordedByName).HasMaxLength(200);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.HasOne<ShortBreaks.Core.Plans.PlanVersion>().WithMany().HasForeignKey(a => a.PlanVersionId);
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId);
    }
}

internal sealed class VirtualBudgetRunConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Ras.VirtualBudgets.VirtualBudgetRun>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Ras.VirtualBudgets.VirtualBudgetRun> b)
    {
        b.HasIndex(r => r.RequestedAt);
        b.HasIndex(r => r.Status);
        b.Property(r => r.VersionLabel).HasMaxLength(40);
        b.Property(r => r.RequestedByUserId).HasMaxLength(450);
        b.Property(r => r.RequestedByName).HasMaxLength(200);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Error).HasMaxLength(4000);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ServiceBudgetConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Ras.VirtualBudgets.ServiceBudget>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Ras.VirtualBudgets.ServiceBudget> b)
    {
        b.HasIndex(x => x.FinancialYear).IsUnique();
        b.Property(x => x.SetByUserId).HasMaxLength(450);
        b.Property(x => x.SetByName).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CalibrationRunConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Ras.Calibration.CalibrationRun>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Ras.Calibration.CalibrationRun> b)
    {
        b.ToTable("CalibrationRuns");
        b.HasIndex(r => r.CreatedAt);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.Property(r => r.FileName).HasMaxLength(ShortBreaks.Core.Ras.Calibration.CalibrationService.FileNameMaxLength);
        b.Property(r => r.BaseVersion).HasMaxLength(40);
        b.Property(r => r.Method).HasMaxLength(20);
        b.Property(r => r.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DraftLabel).HasMaxLength(40);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RetentionReviewConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Retention.RetentionReview>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Retention.RetentionReview> b)
    {
        b.HasIndex(r => r.Month).IsUnique();
        b.Property(r => r.Month).HasMaxLength(7);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.StartedByName).HasMaxLength(200);
        b.Property(r => r.ClaimedBy).HasMaxLength(200);
        b.Property(r => r.SchemeVersion).HasMaxLength(40);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RetentionItemConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Retention.RetentionItem>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Retention.RetentionItem> b)
    {
        b.HasIndex(i => new { i.ReviewId, i.Kind, i.TargetKey }).IsUnique();
        b.HasIndex(i => new { i.Kind, i.TargetKey, i.Status });
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.TargetKey).HasMaxLength(40);
        b.Property(i => i.Reference).HasMaxLength(40);
        b.Property(i => i.Rule).HasMaxLength(300);
        b.Property(i => i.DecidedByUserId).HasMaxLength(450);
        b.Property(i => i.DecidedByName).HasMaxLength(200);
        b.Property(i => i.ReleasedByName).HasMaxLength(200);
        b.HasOne<ShortBreaks.Core.Retention.RetentionReview>().WithMany().HasForeignKey(i => i.ReviewId);
    }
}

internal sealed class SubjectAccessRequestConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.SubjectAccess.SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.SubjectAccess.SubjectAccessRequest> b)
    {
        b.HasIndex(s => new { s.Status, s.DueOn });
        b.HasIndex(s => s.ChildId);
        b.HasIndex(s => s.FamilyUserId);
        b.Property(s => s.SubjectKind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.SubjectName).HasMaxLength(300);
        b.Property(s => s.SubjectReference).HasMaxLength(300);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasMany(s => s.Choices).WithOne().HasForeignKey(c => c.RequestId);
    }
}

internal sealed class SubjectAccessChoiceConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.SubjectAccess.SubjectAccessChoice>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.SubjectAccess.SubjectAccessChoice> b)
    {
        b.HasIndex(c => new { c.RequestId, c.ItemKey }).IsUnique();
        b.Property(c => c.ItemKey).HasMaxLength(200);
        b.Property(c => c.Choice).HasConversion<string>().HasMaxLength(20);
    }
}
