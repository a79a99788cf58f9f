using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShortBreaks.Core.Data;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    /// <summary>A child still open: the same SQL on SQLite and PostgreSQL.</summary>
    private const string OpenChild = "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.HasIndex(c => c.Reference).IsUnique();
        b.HasIndex(c => new { c.NameKey, c.DateOfBirth });
        b.HasIndex(c => new { c.NameKey, c.PostcodeKey });
        b.HasIndex(c => c.LastNameKey);
        b.HasIndex(c => c.PostcodeKey);
        b.HasIndex(c => c.DateOfBirth);
        // With the child's key, so that the children on a worker's caseload (for the requests they hold, and a team's
        // children under the visibility setting) are read from this index alone.
        b.HasIndex(c => new { c.KeyWorkerId, c.Tier, c.Id });
        // The caseload view counts open children by worker and tier, and those with no key worker: over a county these
        // read only these indexes of the children still open (not closed, not merged), never the table. The two columns
        // that say a child is open are in the indexes too (always empty there), because SQLite's planner counts an index
        // as holding everything a query reads only when it holds every column the query names. The names and key after
        // them let a page of a worker's children, or of those with no key worker, be found in order from this index alone
        // (the page's 50 rows are then read by key), rather than reading each of thousands of children to sort them.
        b.HasIndex(c => new { c.KeyWorkerId, c.Tier, c.MergedIntoChildId, c.ClosedAt, c.LastNameKey, c.NameKey, c.Id }, "IX_Children_Open_KeyWorkerId_Tier")
            .HasFilter(OpenChild);
        b.HasIndex(c => new { c.Tier, c.MergedIntoChildId, c.ClosedAt }, "IX_Children_Open_Tier").HasFilter(OpenChild);
        b.Property(c => c.Reference).HasMaxLength(20);
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.NameKey).HasMaxLength(201);
        b.Property(c => c.LastNameKey).HasMaxLength(100);
        b.Property(c => c.Postcode).HasMaxLength(10);
        b.Property(c => c.PostcodeKey).HasMaxLength(8);
        b.Property(c => c.DisabilityCodes).HasMaxLength(100);
        b.Property(c => c.Arrangements).HasMaxLength(ChildArrangements.ArrangementsMaxLength);
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

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.Team).HasMaxLength(AppUser.TeamMaxLength);
        b.HasIndex(u => u.Team);
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

internal sealed class ChildEmergencyContactConfiguration : IEntityTypeConfiguration<ChildEmergencyContact>
{
    public void Configure(EntityTypeBuilder<ChildEmergencyContact> b)
    {
        b.HasIndex(c => new { c.ChildId, c.Position });
        b.Property(c => c.Name).HasMaxLength(ChildEmergencyContact.NameMaxLength);
        b.Property(c => c.Relationship).HasMaxLength(ChildEmergencyContact.RelationshipMaxLength);
        b.Property(c => c.Phone).HasMaxLength(ChildEmergencyContact.PhoneMaxLength);
        b.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId);
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
        b.HasIndex(r => new { r.CreatedByUserId, r.Status });
        // The requests waiting for a decision, by child: the caseload view looks up each child on a worker's caseload here,
        // in an index of the few thousand waiting rather than of every request ever made.
        b.HasIndex(r => new { r.ChildId, r.Channel }, "IX_Requests_Submitted_ChildId_Channel").HasFilter("\"Status\" = 'Submitted'");
        // The requests waiting for a decision, by the worker who holds them: a page of workers' caseloads counts theirs here.
        b.HasIndex(r => r.HeldByUserId, "IX_Requests_Submitted_HeldByUserId").HasFilter("\"Status\" = 'Submitted'");
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
        b.HasIndex(d => new { d.DecidedByUserId, d.ChildId });
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasIndex(r => r.ChildId);
        b.HasIndex(r => new { r.Kind, r.PassedOnAt });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.PassedOnHow).HasMaxLength(Referral.PassedOnHowMaxLength);
        b.Property(r => r.PassedOnAt).IsConcurrencyToken();
        b.Property(r => r.PassedOnByName).HasMaxLength(200);
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

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.Status);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.LegalName).HasMaxLength(200);
        b.Property(o => o.CompaniesHouseNumber).HasMaxLength(20);
        b.Property(o => o.CharityNumber).HasMaxLength(20);
        b.Property(o => o.Email).HasMaxLength(254);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Website).HasMaxLength(500);
        b.Property(o => o.AddressLine).HasMaxLength(300);
        b.Property(o => o.Town).HasMaxLength(100);
        b.Property(o => o.Postcode).HasMaxLength(10);
        b.Property(o => o.SafeguardingLeadName).HasMaxLength(200);
        b.Property(o => o.SafeguardingLeadEmail).HasMaxLength(254);
        b.Property(o => o.SafeguardingLeadPhone).HasMaxLength(30);
        b.Property(o => o.ImportedId).HasMaxLength(100);
        b.HasIndex(o => o.ImportedId);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasMany(o => o.Insurances).WithOne().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Registrations).WithOne().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationUserConfiguration : IEntityTypeConfiguration<OrganisationUser>
{
    public void Configure(EntityTypeBuilder<OrganisationUser> b)
    {
        b.HasKey(u => new { u.OrganisationId, u.UserId });
        b.HasIndex(u => u.UserId).IsUnique();
        b.Property(u => u.UserId).HasMaxLength(450);
        b.Property(u => u.AddedByName).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationInsuranceConfiguration : IEntityTypeConfiguration<OrganisationInsurance>
{
    public void Configure(EntityTypeBuilder<OrganisationInsurance> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        b.ToTable("OrganisationInsurances");
        b.HasIndex(i => i.ExpiresOn);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Insurer).HasMaxLength(200);
        b.Property(i => i.PolicyNumber).HasMaxLength(60);
    }
}

internal sealed class OrganisationRegistrationConfiguration : IEntityTypeConfiguration<OrganisationRegistration>
{
    public void Configure(EntityTypeBuilder<OrganisationRegistration> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.ToTable("OrganisationRegistrations");
        b.HasIndex(r => r.ExpiresOn);
        b.Property(r => r.Regulator).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Number).HasMaxLength(40);
    }
}

internal sealed class OrganisationDocumentConfiguration : IEntityTypeConfiguration<OrganisationDocument>
{
    public void Configure(EntityTypeBuilder<OrganisationDocument> b)
    {
        b.HasIndex(d => d.OrganisationId);
        b.HasIndex(d => d.ApplicationId);
        b.Property(d => d.CriterionId).HasMaxLength(60);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.UploadedByName).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId);
    }
}

internal sealed class FrameworkApplicationConfiguration : IEntityTypeConfiguration<FrameworkApplication>
{
    public void Configure(EntityTypeBuilder<FrameworkApplication> b)
    {
        b.HasIndex(a => new { a.Status, a.SubmittedAt });
        b.HasIndex(a => a.OrganisationId);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.SchemeVersion).HasMaxLength(40);
        b.Property(a => a.SubmittedByName).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId);
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FrameworkAnswerConfiguration : IEntityTypeConfiguration<FrameworkAnswer>
{
    public void Configure(EntityTypeBuilder<FrameworkAnswer> b)
    {
        b.HasKey(a => new { a.ApplicationId, a.CriterionId });
        b.Property(a => a.CriterionId).HasMaxLength(60);
    }
}

internal sealed class FrameworkStatusChangeConfiguration : IEntityTypeConfiguration<FrameworkStatusChange>
{
    public void Configure(EntityTypeBuilder<FrameworkStatusChange> b)
    {
        b.HasIndex(c => new { c.OrganisationId, c.At });
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.LivePackages).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ByName).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
    }
}

internal sealed class ExpiryWarningConfiguration : IEntityTypeConfiguration<ExpiryWarning>
{
    public void Configure(EntityTypeBuilder<ExpiryWarning> b)
    {
        b.HasIndex(w => new { w.ItemId, w.ExpiresOn, w.DaysBefore }).IsUnique();
        b.HasIndex(w => w.OrganisationId);
        b.Property(w => w.Item).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.ClaimedBy).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.HasIndex(s => new { s.OrganisationId, s.Name });
        b.HasIndex(s => new { s.Status, s.Kind });
        b.HasIndex(s => new { s.Name, s.Id });
        b.HasIndex(s => s.ImportedId);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Kind).HasMaxLength(60);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Needs).HasMaxLength(1000);
        b.Property(s => s.AreaServed).HasMaxLength(500);
        b.Property(s => s.Email).HasMaxLength(254);
        b.Property(s => s.Phone).HasMaxLength(30);
        b.Property(s => s.Url).HasMaxLength(500);
        b.Property(s => s.ImportedId).HasMaxLength(100);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId);
        b.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Schedules).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Prices).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.TaxonomyTerms).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.HasIndex(l => l.OrganisationId);
        b.HasIndex(l => l.PostcodeKey);
        b.HasIndex(l => new { l.Latitude, l.Longitude });
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.AddressLine).HasMaxLength(300);
        b.Property(l => l.Town).HasMaxLength(100);
        b.Property(l => l.Postcode).HasMaxLength(10);
        b.Property(l => l.PostcodeKey).HasMaxLength(8);
        b.Property(l => l.ImportedId).HasMaxLength(100);
        b.HasIndex(l => new { l.OrganisationId, l.ImportedId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId);
    }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> b)
    {
        b.HasKey(s => s.Area);
        b.Property(s => s.Area).HasMaxLength(40);
        // One row an area, there from the start, so that a save moving a stamp always finds its row.
        b.HasData(ChangeStamp.Watched.Keys.Select(area => new ChangeStamp { Area = area, Stamp = Guid.Empty, ChangedAt = DateTime.UnixEpoch }));
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.ToTable("ServiceAtLocations");
        b.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique();
        b.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId);
    }
}

internal sealed class ServiceScheduleConfiguration : IEntityTypeConfiguration<ServiceSchedule>
{
    public void Configure(EntityTypeBuilder<ServiceSchedule> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.ToTable("ServiceSchedules");
        b.HasIndex(s => s.ServiceId);
        b.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Days).HasMaxLength(30);
        b.Property(s => s.DaysOfMonth).HasMaxLength(100);
    }
}

internal sealed class ServicePriceConfiguration : IEntityTypeConfiguration<ServicePrice>
{
    public void Configure(EntityTypeBuilder<ServicePrice> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.ToTable("ServicePrices");
        b.HasIndex(p => new { p.ServiceId, p.EffectiveFrom });
        b.Property(p => p.Unit).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.SetByName).HasMaxLength(200);
    }
}

internal sealed class ServiceTaxonomyTermConfiguration : IEntityTypeConfiguration<ServiceTaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<ServiceTaxonomyTerm> b)
    {
        b.ToTable("ServiceTaxonomyTerms");
        b.HasKey(t => new { t.ServiceId, t.TermId });
        b.HasIndex(t => t.TermId);
        b.Property(t => t.TermId).HasMaxLength(60);
    }
}

internal sealed class PackageConfiguration : IEntityTypeConfiguration<Package>
{
    public void Configure(EntityTypeBuilder<Package> b)
    {
        b.HasIndex(p => new { p.ChildId, p.YearStart });
        b.HasIndex(p => new { p.OrganisationId, p.State });
        b.HasIndex(p => new { p.YearStart, p.State });
        b.HasIndex(p => p.PlanVersionId);
        b.Property(p => p.Route).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Tier).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.SchemeVersion).HasMaxLength(40);
        b.Property(p => p.CreatedByName).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.ReturnsSubmitted).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId);
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AllowanceYearConfiguration : IEntityTypeConfiguration<AllowanceYear>
{
    public void Configure(EntityTypeBuilder<AllowanceYear> b)
    {
        b.HasKey(a => new { a.ChildId, a.YearStart });
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId);
    }
}

internal sealed class PackageLineConfiguration : IEntityTypeConfiguration<PackageLine>
{
    public void Configure(EntityTypeBuilder<PackageLine> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => l.ChildId);
        b.HasIndex(l => l.ServiceId);
        b.Property(l => l.ServiceName).HasMaxLength(200);
        b.Property(l => l.Unit).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.Frequency).HasConversion<string>().HasMaxLength(10);
        // Kept only by DeliveredTotals (an atomic add in the save that changes sessions): a line loaded earlier and saved
        // again never writes back the total it read.
        b.Property(l => l.DeliveredUnits).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        b.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PackageStateChangeConfiguration : IEntityTypeConfiguration<PackageStateChange>
{
    public void Configure(EntityTypeBuilder<PackageStateChange> b)
    {
        b.HasIndex(c => new { c.PackageId, c.At });
        b.HasIndex(c => c.ChildId);
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.By).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ByName).HasMaxLength(200);
        b.HasOne<Package>().WithMany().HasForeignKey(c => c.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryReturnConfiguration : IEntityTypeConfiguration<DeliveryReturn>
{
    public void Configure(EntityTypeBuilder<DeliveryReturn> b)
    {
        b.HasIndex(r => new { r.PackageId, r.Month }).IsUnique();
        b.HasIndex(r => new { r.OrganisationId, r.Month });
        b.HasIndex(r => new { r.Status, r.DueOn });
        // The unused-hours report takes off a package's kept count of submitted returns those for months not yet due.
        b.HasIndex(r => new { r.Status, r.Month, r.PackageId });
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.SubmittedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Package>().WithMany().HasForeignKey(r => r.PackageId);
        b.HasMany(r => r.Sessions).WithOne().HasForeignKey(s => s.ReturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveredSessionConfiguration : IEntityTypeConfiguration<DeliveredSession>
{
    public void Configure(EntityTypeBuilder<DeliveredSession> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => new { s.PackageId, s.Date });
        // The unused-hours report reads each line's kept total and takes off only sessions dated after the day it is
        // worked out for (none when that is today): a range of this index, read alone.
        b.HasIndex(s => new { s.Date, s.PackageLineId, s.Quantity, s.Cancellation }).HasDatabaseName("IX_DeliveredSessions_UnusedHours");
        b.HasIndex(s => s.PackageLineId);
        b.HasIndex(s => s.ChildId);
        b.Property(s => s.Unit).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Staff).HasMaxLength(200);
        b.Property(s => s.Cancellation).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.RecordedByName).HasMaxLength(200);
    }
}

internal sealed class UnusedHoursDecisionConfiguration : IEntityTypeConfiguration<UnusedHoursDecision>
{
    public void Configure(EntityTypeBuilder<UnusedHoursDecision> b)
    {
        b.HasIndex(d => d.PackageId).IsUnique();
        b.HasIndex(d => new { d.YearStart, d.OrganisationId });
        b.HasIndex(d => d.ChildId);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Reason).HasMaxLength(UnusedHoursRules.ReasonMaxLength);
        b.Property(d => d.ByName).HasMaxLength(200);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Package>().WithMany().HasForeignKey(d => d.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FsbRenewalConfiguration : IEntityTypeConfiguration<FsbRenewal>
{
    public void Configure(EntityTypeBuilder<FsbRenewal> b)
    {
        b.HasIndex(r => new { r.ChildId, r.YearStart }).IsUnique();
        b.HasIndex(r => new { r.Status, r.YearStart });
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecidedByName).HasMaxLength(200);
        b.Property(r => r.SubmittedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
    }
}

internal sealed class RenewalNoticeConfiguration : IEntityTypeConfiguration<RenewalNotice>
{
    public void Configure(EntityTypeBuilder<RenewalNotice> b)
    {
        b.HasIndex(n => new { n.RenewalId, n.Kind, n.Number }).IsUnique();
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.ClaimedBy).HasMaxLength(200);
        b.HasOne<FsbRenewal>().WithMany().HasForeignKey(n => n.RenewalId).OnDelete(DeleteBehavior.Cascade);
    }
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
        b.Property(p => p.NextReviewKind).HasConversion<string>().HasMaxLength(20);
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
        // Who sees which children reads the items a manager decided (ChildVisibility.WorkingOn).
        b.HasIndex(p => p.DecidedByUserId);
        b.Property(p => p.DecidedByUserId).HasMaxLength(450);
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

internal sealed class HeadBudgetConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Finance.HeadBudget>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Finance.HeadBudget> b)
    {
        b.HasIndex(x => new { x.FinancialYear, x.HeadCode }).IsUnique();
        b.Property(x => x.HeadCode).HasMaxLength(20);
        b.Property(x => x.SetByUserId).HasMaxLength(450);
        b.Property(x => x.SetByName).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
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

internal sealed class DirectPaymentConfiguration : IEntityTypeConfiguration<DirectPayments.DirectPayment>
{
    public void Configure(EntityTypeBuilder<DirectPayments.DirectPayment> b)
    {
        b.HasIndex(d => d.Reference).IsUnique();
        b.HasIndex(d => new { d.ChildId, d.State });
        // One direct payment a source, on any node: a second set-up of the same plan or package is refused by the key.
        b.HasIndex(d => d.PlanId).IsUnique();
        b.HasIndex(d => d.PlanVersionId);
        b.HasIndex(d => d.PackageId).IsUnique();
        b.Property(d => d.Reference).HasMaxLength(20);
        b.Property(d => d.RecipientRelationship).HasMaxLength(100);
        b.Property(d => d.RateHistory).HasMaxLength(4000);
        b.Property(d => d.AgreedByName).HasMaxLength(320);
        b.Property(d => d.AgreedOnBehalfMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.AgreementRecordedByName).HasMaxLength(200);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.RecipientUserId).HasMaxLength(450);
        b.Property(d => d.RecipientName).HasMaxLength(200);
        b.Property(d => d.SchemeVersion).HasMaxLength(40);
        b.Property(d => d.CreatedByUserId).HasMaxLength(450);
        b.Property(d => d.CreatedByName).HasMaxLength(200);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId);
        b.HasOne<Package>().WithMany().HasForeignKey(d => d.PackageId);
        b.HasOne<ShortBreaks.Core.Plans.SupportPlan>().WithMany().HasForeignKey(d => d.PlanId);
    }
}

internal sealed class DirectPaymentAccountConfiguration : IEntityTypeConfiguration<DirectPayments.DirectPaymentAccount>
{
    public void Configure(EntityTypeBuilder<DirectPayments.DirectPaymentAccount> b)
    {
        b.HasIndex(a => new { a.DirectPaymentId, a.CreatedAt });
        b.HasIndex(a => a.ChildId);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.AccountName).HasMaxLength(200);
        b.Property(a => a.SortCode).HasMaxLength(6);
        b.Property(a => a.AccountNumber).HasMaxLength(8);
        b.Property(a => a.CardAccountReference).HasMaxLength(40);
        b.Property(a => a.CreatedByUserId).HasMaxLength(450);
        b.Property(a => a.ConfirmedByUserId).HasMaxLength(450);
        b.Property(a => a.ConfirmedByName).HasMaxLength(200);
        b.Property(a => a.ConfirmedBy).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.ConfirmationNote).HasMaxLength(500);
        b.Property(a => a.CreatedByName).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<DirectPayments.DirectPayment>().WithMany().HasForeignKey(a => a.DirectPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectPaymentInstalmentConfiguration : IEntityTypeConfiguration<DirectPayments.DirectPaymentInstalment>
{
    public void Configure(EntityTypeBuilder<DirectPayments.DirectPaymentInstalment> b)
    {
        b.HasIndex(i => new { i.DirectPaymentId, i.DueOn });
        // A payment run takes every instalment still scheduled and due by its day.
        b.HasIndex(i => new { i.State, i.DueOn });
        b.HasIndex(i => i.PaymentRunId);
        b.HasIndex(i => i.ChildId);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Reason).HasMaxLength(500);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<DirectPayments.DirectPayment>().WithMany().HasForeignKey(i => i.DirectPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderInvoiceConfiguration : IEntityTypeConfiguration<Finance.ProviderInvoice>
{
    public void Configure(EntityTypeBuilder<Finance.ProviderInvoice> b)
    {
        b.HasIndex(i => i.Reference).IsUnique();
        b.HasIndex(i => new { i.OrganisationId, i.Month });
        b.HasIndex(i => new { i.State, i.Month });
        b.HasIndex(i => i.PaymentRunId);
        b.Property(i => i.Reference).HasMaxLength(20);
        b.Property(i => i.ProviderReference).HasMaxLength(40);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.SubmittedByUserId).HasMaxLength(450);
        b.Property(i => i.SubmittedByName).HasMaxLength(200);
        b.Property(i => i.DecidedByUserId).HasMaxLength(450);
        b.Property(i => i.DecidedByName).HasMaxLength(200);
        b.Property(i => i.RejectedReason).HasMaxLength(1000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderInvoiceLineConfiguration : IEntityTypeConfiguration<Finance.ProviderInvoiceLine>
{
    public void Configure(EntityTypeBuilder<Finance.ProviderInvoiceLine> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => l.PackageLineId);
        b.HasIndex(l => l.ChildId);
        b.Property(l => l.Unit).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Package>().WithMany().HasForeignKey(l => l.PackageId);
    }
}

internal sealed class PaymentRunConfiguration : IEntityTypeConfiguration<Finance.PaymentRun>
{
    public void Configure(EntityTypeBuilder<Finance.PaymentRun> b)
    {
        b.HasIndex(r => r.Reference).IsUnique();
        b.HasIndex(r => new { r.State, r.PayOn });
        b.Property(r => r.Reference).HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Total).HasPrecision(14, 2);
        b.Property(r => r.PreparedByUserId).HasMaxLength(450);
        b.Property(r => r.PreparedByName).HasMaxLength(200);
        b.Property(r => r.ApprovedByUserId).HasMaxLength(450);
        b.Property(r => r.ApprovedByName).HasMaxLength(200);
        b.Property(r => r.CancelledByName).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class PaymentRunItemConfiguration : IEntityTypeConfiguration<Finance.PaymentRunItem>
{
    public void Configure(EntityTypeBuilder<Finance.PaymentRunItem> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        // Paid once and only once: an instalment or invoice can be in one run, whichever node or retry adds it.
        b.HasIndex(i => i.SourceId).IsUnique();
        b.HasIndex(i => i.PaymentReference).IsUnique();
        b.HasIndex(i => new { i.PaymentRunId, i.Kind });
        b.HasIndex(i => i.ChildId);
        b.HasIndex(i => i.OrganisationId);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.RecordReference).HasMaxLength(20);
        b.Property(i => i.PaymentReference).HasMaxLength(30);
        b.Property(i => i.PayeeName).HasMaxLength(200);
        b.Property(i => i.BudgetHead).HasMaxLength(20);
        b.HasOne<Finance.PaymentRun>().WithMany().HasForeignKey(i => i.PaymentRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementColumnMappingConfiguration : IEntityTypeConfiguration<DirectPayments.StatementColumnMapping>
{
    public void Configure(EntityTypeBuilder<DirectPayments.StatementColumnMapping> b)
    {
        // One remembered mapping per source: two first imports at once cannot both make one.
        b.HasIndex(m => m.Source).IsUnique();
        b.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.DateColumn).HasMaxLength(100);
        b.Property(m => m.DescriptionColumn).HasMaxLength(100);
        b.Property(m => m.AmountInColumn).HasMaxLength(100);
        b.Property(m => m.AmountOutColumn).HasMaxLength(100);
        b.Property(m => m.BalanceColumn).HasMaxLength(100);
        b.Property(m => m.DateFormat).HasMaxLength(20);
        b.Property(m => m.UpdatedByUserId).HasMaxLength(450);
        b.Property(m => m.UpdatedByName).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class DirectPaymentStatementConfiguration : IEntityTypeConfiguration<DirectPayments.DirectPaymentStatement>
{
    public void Configure(EntityTypeBuilder<DirectPayments.DirectPaymentStatement> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => new { s.DirectPaymentId, s.ImportedAt });
        b.HasIndex(s => s.ChildId);
        b.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.FileName).HasMaxLength(150);
        b.Property(s => s.ImportedByUserId).HasMaxLength(450);
        b.Property(s => s.ImportedByName).HasMaxLength(200);
        b.HasOne<DirectPayments.DirectPayment>().WithMany().HasForeignKey(s => s.DirectPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementLineConfiguration : IEntityTypeConfiguration<DirectPayments.StatementLine>
{
    public void Configure(EntityTypeBuilder<DirectPayments.StatementLine> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        // The same line is held once for a direct payment, whichever import or node brings it.
        b.HasIndex(l => new { l.DirectPaymentId, l.Fingerprint }).IsUnique();
        b.HasIndex(l => new { l.DirectPaymentId, l.Date });
        b.HasIndex(l => l.StatementId);
        b.HasIndex(l => l.ChildId);
        b.Property(l => l.Description).HasMaxLength(300);
        b.Property(l => l.Fingerprint).HasMaxLength(32);
        b.Property(l => l.OutsidePlanReason).HasMaxLength(1000);
        b.Property(l => l.MayNotBuyId).HasMaxLength(50);
        b.Property(l => l.MarkedByName).HasMaxLength(200);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<DirectPayments.DirectPaymentStatement>().WithMany().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonitoringReturnConfiguration : IEntityTypeConfiguration<DirectPayments.MonitoringReturn>
{
    public void Configure(EntityTypeBuilder<DirectPayments.MonitoringReturn> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        // One return a period: two sent at once for the same period cannot both be kept.
        b.HasIndex(r => new { r.DirectPaymentId, r.PeriodFrom }).IsUnique();
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        b.Property(r => r.SubmittedByName).HasMaxLength(200);
        b.HasOne<DirectPayments.DirectPayment>().WithMany().HasForeignKey(r => r.DirectPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonitoringReturnEvidenceConfiguration : IEntityTypeConfiguration<DirectPayments.MonitoringReturnEvidence>
{
    public void Configure(EntityTypeBuilder<DirectPayments.MonitoringReturnEvidence> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasIndex(e => e.ReturnId);
        b.HasIndex(e => e.ChildId);
        b.Property(e => e.KindId).HasMaxLength(50);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.HasOne<DirectPayments.MonitoringReturn>().WithMany().HasForeignKey(e => e.ReturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountAuditConfiguration : IEntityTypeConfiguration<DirectPayments.AccountAudit>
{
    public void Configure(EntityTypeBuilder<DirectPayments.AccountAudit> b)
    {
        b.HasIndex(a => new { a.DirectPaymentId, a.AuditedOn });
        b.HasIndex(a => a.ChildId);
        b.Property(a => a.Checked).HasMaxLength(500);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Findings).HasMaxLength(4000);
        b.Property(a => a.AuditedByUserId).HasMaxLength(450);
        b.Property(a => a.AuditedByName).HasMaxLength(200);
        b.HasOne<DirectPayments.DirectPayment>().WithMany().HasForeignKey(a => a.DirectPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoupmentConfiguration : IEntityTypeConfiguration<DirectPayments.Recoupment>
{
    public void Configure(EntityTypeBuilder<DirectPayments.Recoupment> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => new { r.DirectPaymentId, r.CreatedAt });
        b.HasIndex(r => r.ChildId);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Method).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Reasons).HasMaxLength(4000);
        b.Property(r => r.WithdrawnReason).HasMaxLength(4000);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<DirectPayments.DirectPayment>().WithMany().HasForeignKey(r => r.DirectPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoupmentDeductionConfiguration : IEntityTypeConfiguration<DirectPayments.RecoupmentDeduction>
{
    public void Configure(EntityTypeBuilder<DirectPayments.RecoupmentDeduction> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.HasIndex(d => d.RecoupmentId);
        b.HasIndex(d => d.InstalmentId);
        b.HasIndex(d => d.ChildId);
        b.HasOne<DirectPayments.Recoupment>().WithMany().HasForeignKey(d => d.RecoupmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DirectPayments.DirectPaymentInstalment>().WithMany().HasForeignKey(d => d.InstalmentId);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Reviews.Review>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Reviews.Review> b)
    {
        // One review per child and due day: the daily scan on two nodes makes it once.
        b.HasIndex(r => new { r.ChildId, r.DueOn }).IsUnique();

        // The worklist filters by state (and officer) and sorts by the due day.
        b.HasIndex(r => new { r.State, r.DueOn });
        // The worklist in due order a page at a time: the open reviews only (a county's completed ones, due earlier, would
        // otherwise be stepped over on every page), read in this order with the state in the index itself.
        b.HasIndex(r => new { r.DueOn, r.Id, r.State }, "IX_Reviews_Open_DueOn_Id_State").HasFilter("\"State\" <> 'Completed'");
        b.HasIndex(r => new { r.OfficerId, r.State, r.DueOn });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Meeting).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.OfficerId).HasMaxLength(450);
        b.Property(r => r.OfficerName).HasMaxLength(200);
        b.Property(r => r.BookedTime).HasMaxLength(20);
        b.Property(r => r.Place).HasMaxLength(ShortBreaks.Core.Reviews.Review.ShortTextMaxLength);
        b.Property(r => r.BookedByName).HasMaxLength(200);
        b.Property(r => r.ViewsSentByName).HasMaxLength(200);
        b.Property(r => r.RecordedByName).HasMaxLength(200);
        b.Property(r => r.DecidedByName).HasMaxLength(200);
        b.Property(r => r.DecidedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Complaints.Complaint>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Complaints.Complaint> b)
    {
        // The managers' list: open cases by due date and closed ones newest first, a page found from this index alone (it
        // holds every column the list filters by, so a later page skips cases without reading them); and the counts by
        // kind, subject, stage and outcome read in one pass of the second, in the order they are grouped.
        b.HasIndex(c => new { c.CurrentDueOn, c.CreatedAt, c.Id, c.SubjectWorkerUserId, c.ChildId, c.Kind, c.Subject, c.CurrentStage, c.Outcome }, "IX_Complaints_List");
        b.HasIndex(c => new { c.Kind, c.Subject, c.CurrentStage, c.Outcome, c.CurrentDueOn, c.SubjectWorkerUserId }, "IX_Complaints_Counts");
        b.HasIndex(c => new { c.CurrentStage, c.CurrentDueOn });
        b.HasIndex(c => c.Subject);
        b.HasIndex(c => c.Outcome);
        b.HasIndex(c => new { c.ChildId, c.CreatedAt });
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Subject).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.MadeBy).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CurrentStage).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.SubjectWorkerName).HasMaxLength(200);
        b.Property(c => c.MadeByName).HasMaxLength(200);
        b.Property(c => c.SchemeVersion).HasMaxLength(40);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId);
        b.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintStageConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Complaints.ComplaintStage>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Complaints.ComplaintStage> b)
    {
        b.HasIndex(s => new { s.ComplaintId, s.Kind }).IsUnique();
        b.HasIndex(s => s.OwnerUserId);
        // The daily scan: unanswered stages past their due day, not yet found.
        b.HasIndex(s => new { s.RespondedOn, s.OverdueFoundOn, s.DueOn });
        b.HasIndex(s => s.OverdueFoundBy);
        b.HasIndex(s => s.ChildId);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.OwnerName).HasMaxLength(200);
        b.Property(s => s.RespondedByName).HasMaxLength(200);
        b.Property(s => s.OverdueFoundBy).HasMaxLength(40);
        b.HasMany(s => s.Extensions).WithOne().HasForeignKey(e => e.StageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintExtensionConfiguration : IEntityTypeConfiguration<ShortBreaks.Core.Complaints.ComplaintExtension>
{
    public void Configure(EntityTypeBuilder<ShortBreaks.Core.Complaints.ComplaintExtension> b)
    {
        b.HasIndex(e => e.ChildId);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ByName).HasMaxLength(200);
    }
}
