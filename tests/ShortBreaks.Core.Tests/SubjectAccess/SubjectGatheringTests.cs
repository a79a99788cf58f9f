using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.TestCommon;
using static ShortBreaks.Core.Tests.SubjectAccess.SubjectAccessServices;

namespace ShortBreaks.Core.Tests.SubjectAccess;

public sealed class SubjectGatheringTests
{
    private static IEnumerable<PropertyInfo> DataSets() =>
        typeof(ShortBreaksDbContext).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>));

    [Fact]
    public void EveryDataSet_IsGatheredForAChild_OrSaysWhyItHoldsNothingAboutOne()
    {
        var unaccounted = DataSets().Select(p => p.Name)
            .Where(name => !SubjectGathering.ChildTables.Contains(name) && !SubjectGathering.NotAboutAChild.ContainsKey(name)).ToList();

        unaccounted.ShouldBeEmpty("A new data set must be gathered for a child's subject access request (SubjectGathering.ChildTables) or listed in NotAboutAChild with the reason");
    }

    [Fact]
    public void EveryDataSetKeyedToAChild_IsGathered()
    {
        var childKeyed = DataSets()
            .Where(p => p.PropertyType.GetGenericArguments()[0] is var type &&
                        (type == typeof(Child) || type.GetProperties().Any(q => q.Name.EndsWith("ChildId", StringComparison.Ordinal) && (q.PropertyType == typeof(Guid) || q.PropertyType == typeof(Guid?)))))
            .Select(p => p.Name).ToList();

        childKeyed.ShouldNotBeEmpty();
        childKeyed.Where(name => !SubjectGathering.ChildTables.Contains(name)).ShouldBeEmpty("These data sets hold rows about a child but are not gathered for a subject access request");
    }

    [SkippableTheory, AllDatabases]
    public async Task GatheringAChild_FindsEveryRowAboutTheChild_InEveryTable_AndNoOtherChilds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);
        var populated = await data.PopulatedChildAsync();
        var other = await data.PopulatedChildAsync();
        await LogAboutChildAsync(db, populated.Child.Reference);
        var childId = populated.Child.Id;

        var subject = await new SubjectGathering(db).ChildAsync(childId);

        subject.ShouldNotBeNull();
        var requestIds = await db.Requests.Where(r => r.ChildId == childId).Select(r => r.Id).ToListAsync();
        var expected = new Dictionary<string, int>
        {
            [nameof(db.Children)] = 1,
            [nameof(db.ChildFamilyMembers)] = await db.ChildFamilyMembers.CountAsync(x => x.ChildId == childId),
            [nameof(db.TimelineEvents)] = await db.TimelineEvents.CountAsync(x => x.ChildId == childId),
            [nameof(db.ChildMerges)] = await db.ChildMerges.CountAsync(x => x.SurvivingChildId == childId || x.MergedChildId == childId),
            [nameof(db.Requests)] = requestIds.Count,
            [nameof(db.EvidenceDocuments)] = await db.EvidenceDocuments.CountAsync(x => requestIds.Contains(x.RequestId)),
            [nameof(db.Decisions)] = await db.Decisions.CountAsync(x => x.ChildId == childId),
            [nameof(db.Referrals)] = await db.Referrals.CountAsync(x => x.ChildId == childId),
            [nameof(db.Letters)] = await db.Letters.CountAsync(x => x.ChildId == childId),
            [nameof(db.AuditEntries)] = await db.AuditEntries.CountAsync(x => x.ChildId == childId),
            [nameof(db.SentEmails)] = await db.SentEmails.CountAsync(x => x.ChildId == childId),
            [nameof(db.PersonMessages)] = await db.PersonMessages.CountAsync(x => x.ChildId == childId),
            [nameof(db.Reviews)] = await db.Reviews.CountAsync(x => x.ChildId == childId),
            [nameof(db.RasAssessments)] = await db.RasAssessments.CountAsync(x => x.ChildId == childId),
            [nameof(db.SupportPlans)] = await db.SupportPlans.CountAsync(x => x.ChildId == childId),
            [nameof(db.PlanVersions)] = await db.PlanVersions.CountAsync(x => x.ChildId == childId),
            [nameof(db.TierChanges)] = await db.TierChanges.CountAsync(x => x.ChildId == childId),
            [nameof(db.PanelItems)] = await db.PanelItems.CountAsync(x => x.ChildId == childId),
            [nameof(db.BudgetNotices)] = await db.BudgetNotices.CountAsync(x => x.ChildId == childId),
            [nameof(db.FamilyAgreementsOnBehalf)] = await db.FamilyAgreementsOnBehalf.CountAsync(x => x.ChildId == childId),
            [nameof(db.SubjectAccessRequests)] = await db.SubjectAccessRequests.CountAsync(x => x.ChildId == childId),
            [nameof(db.RetentionItems)] = await db.RetentionItems.CountAsync(x => x.SubjectChildId == childId),
            [nameof(db.VirtualBudgetRuns)] = await db.VirtualBudgetRuns.CountAsync(x => x.FallsJson != null && x.FallsJson.Contains(childId.ToString())),
            [nameof(db.Packages)] = await db.Packages.CountAsync(x => x.ChildId == childId),
            [nameof(db.PackageLines)] = await db.PackageLines.CountAsync(x => x.ChildId == childId),
            [nameof(db.PackageStateChanges)] = await db.PackageStateChanges.CountAsync(x => x.ChildId == childId),
            [nameof(db.DeliveryReturns)] = await db.DeliveryReturns.CountAsync(x => x.ChildId == childId),
            [nameof(db.DeliveredSessions)] = await db.DeliveredSessions.CountAsync(x => x.ChildId == childId),
            [nameof(db.FsbRenewals)] = await db.FsbRenewals.CountAsync(x => x.ChildId == childId),
            [nameof(db.UnusedHoursDecisions)] = await db.UnusedHoursDecisions.CountAsync(x => x.ChildId == childId),
            [nameof(db.ChildEmergencyContacts)] = await db.ChildEmergencyContacts.CountAsync(x => x.ChildId == childId),
            [nameof(db.AllowanceYears)] = await db.AllowanceYears.CountAsync(x => x.ChildId == childId),
            [nameof(db.DirectPayments)] = await db.DirectPayments.CountAsync(x => x.ChildId == childId),
            [nameof(db.DirectPaymentAccounts)] = await db.DirectPaymentAccounts.CountAsync(x => x.ChildId == childId),
            [nameof(db.DirectPaymentInstalments)] = await db.DirectPaymentInstalments.CountAsync(x => x.ChildId == childId),
            [nameof(db.DirectPaymentStatements)] = await db.DirectPaymentStatements.CountAsync(x => x.ChildId == childId),
            [nameof(db.StatementLines)] = await db.StatementLines.CountAsync(x => x.ChildId == childId),
            [nameof(db.MonitoringReturns)] = await db.MonitoringReturns.CountAsync(x => x.ChildId == childId),
            [nameof(db.MonitoringReturnEvidence)] = await db.MonitoringReturnEvidence.CountAsync(x => x.ChildId == childId),
            [nameof(db.AccountAudits)] = await db.AccountAudits.CountAsync(x => x.ChildId == childId),
            [nameof(db.Recoupments)] = await db.Recoupments.CountAsync(x => x.ChildId == childId),
            [nameof(db.RecoupmentDeductions)] = await db.RecoupmentDeductions.CountAsync(x => x.ChildId == childId),
            [nameof(db.ProviderInvoiceLines)] = await db.ProviderInvoiceLines.CountAsync(x => x.ChildId == childId),
            [nameof(db.PaymentRunItems)] = await db.PaymentRunItems.CountAsync(x => x.ChildId == childId),
            [nameof(db.Complaints)] = await db.Complaints.CountAsync(x => x.ChildId == childId),
            [nameof(db.ComplaintStages)] = await db.ComplaintStages.CountAsync(x => x.ChildId == childId),
            [nameof(db.ComplaintExtensions)] = await db.ComplaintExtensions.CountAsync(x => x.ChildId == childId),
        };
        expected.Keys.ToHashSet().SetEquals(SubjectGathering.ChildTables).ShouldBeTrue("the test counts every table gathered");
        foreach (var (table, count) in expected)
        {
            count.ShouldBeGreaterThan(0, $"the populated child has no rows in {table}: the test would prove nothing");
            subject.Counts.GetValueOrDefault(table).ShouldBe(count, table);
        }

        subject.Counts[nameof(db.EvidenceDocuments)].ShouldBe(2);
        subject.Counts[nameof(db.PlanVersions)].ShouldBe(2);
        subject.Files.Count.ShouldBe(4, "two evidence files, the signed paper copy and a monitoring return's evidence");
        var everything = JsonSerializer.Serialize(subject);
        everything.ShouldNotContain(other.Request.Reference);
        everything.ShouldNotContain(other.DecisionReasons);
        everything.ShouldNotContain("00733445", customMessage: "bank details are masked in the archive");
        everything.ShouldNotContain("309430");
        everything.ShouldContain("****3445");
    }

    [SkippableTheory, AllDatabases]
    public async Task GatheringAChild_ListsOtherPeoplesDetails_StaffComments_AndThirdPartyEvidence_ForReview(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();

        var items = (await new SubjectGathering(db).ChildAsync(populated.Child.Id))!.ReviewItems;

        items.ShouldContain(i => i.Why == ReviewReason.OtherFamilyMember && i.Text == populated.SiblingDetails);
        items.ShouldContain(i => i.Why == ReviewReason.OtherFamilyMember && i.Key.StartsWith(nameof(db.ChildEmergencyContacts), StringComparison.Ordinal), "an emergency contact is another person");
        items.Count(i => i.Why == ReviewReason.OtherFamilyMember && i.Key.StartsWith(nameof(db.ChildFamilyMembers), StringComparison.Ordinal)).ShouldBe(2, "each linked account");
        items.ShouldContain(i => i.Why == ReviewReason.StaffComment && i.Text == populated.DecisionReasons);
        items.ShouldContain(i => i.Why == ReviewReason.StaffComment && i.Text == populated.PanelReasons);
        items.ShouldContain(i => i.Why == ReviewReason.StaffComment && i.IsFile && i.Key.StartsWith(nameof(db.Letters), StringComparison.Ordinal), "the letter never sent to the family");
        items.Count(i => i.Why == ReviewReason.ThirdPartyEvidence && i.IsFile).ShouldBe(2);
        items.Select(i => i.Key).ShouldBeUnique();
        items.ShouldAllBe(i => i.Text == null || !i.Description.Contains(i.Text));
    }

    [SkippableTheory, AllDatabases]
    public async Task GatheringAFamilyMember_GivesTheirAccountWithoutSecrets_TheirRequests_AndTheirChildrenForReview(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();
        var user = await db.Users.FirstAsync(u => u.Id == populated.FamilyUserId);
        user.PasswordHash = "AQAAAAIAAYagAAAAEHashThatMustNeverLeave";
        user.SecurityStamp = "STAMPTHATMUSTNEVERLEAVE";
        db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "AUTHENTICATORKEYNEVERLEAVES" });
        await db.SaveChangesAsync();

        var subject = await new SubjectGathering(db).FamilyMemberAsync(user.Id);

        subject.ShouldNotBeNull();
        var everything = JsonSerializer.Serialize(subject);
        everything.ShouldNotContain("HashThatMustNeverLeave");
        everything.ShouldNotContain("STAMPTHATMUSTNEVERLEAVE");
        everything.ShouldNotContain("AUTHENTICATORKEYNEVERLEAVES");
        everything.ShouldContain(user.Email!);
        subject.Counts[nameof(db.Requests)].ShouldBe(1);
        subject.Counts[nameof(db.AuditEntries)].ShouldBeGreaterThan(0, "changes to their account are in the audit");
        var child = subject.ReviewItems.Where(i => i.Why == ReviewReason.AnotherSubjectsRecord).ShouldHaveSingleItem();
        child.Text!.ShouldContain(populated.Child.Reference);
        subject.ReviewItems.ShouldContain(i => i.Text == populated.SiblingDetails);
    }
}
