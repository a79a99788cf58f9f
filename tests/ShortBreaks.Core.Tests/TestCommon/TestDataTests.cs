using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.TestCommon;

/// <summary>The builders make records that the rules and the database accept as they are.</summary>
public class TestDataTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero));

    [SkippableTheory, AllDatabases]
    public async Task CreateChildAsync_SavesAValidChild_WithOverrides(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(clock: _clock))
        {
            var data = new TestData(db);
            await data.CreateChildAsync();
            await data.CreateChildAsync(firstName: "Ottilie", lastName: "Mc Bride", postcode: "ng99 1ab", tier: Tier.FlexibleShortBreaks, hasEhcPlan: true);
        }

        await using var check = database.NewContext();
        var children = await check.Children.ToListAsync();
        children.Count.ShouldBe(2);
        children.Select(c => c.Reference).Distinct().Count().ShouldBe(2);
        children.ShouldAllBe(c => c.Reference.Length == 11 && c.Reference.StartsWith("C-"));
        var ottilie = children.Single(c => c.FirstName == "Ottilie");
        ottilie.NameKey.ShouldBe("ottilie mc bride");
        ottilie.LastNameKey.ShouldBe("mc bride");
        ottilie.PostcodeKey.ShouldBe("NG991AB");
        ottilie.Tier.ShouldBe(Tier.FlexibleShortBreaks);
        ottilie.EhcPlanReviewDate.ShouldNotBeNull();
        ottilie.CreatedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        CinDisabilityCodes.Parse(ottilie.DisabilityCodes).ShouldNotBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateSubmittedRequestAsync_MeetsTheShippedCriteriaByDefault(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(clock: _clock))
        {
            await new TestData(db).CreateSubmittedRequestAsync();
        }

        await using var check = database.NewContext();
        var request = await check.Requests.Include(r => r.Evidence).SingleAsync();
        request.Status.ShouldBe(RequestStatus.Submitted);
        request.SubmittedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        request.ChildId.ShouldBeNull();
        request.FamilyUserId.ShouldNotBeNullOrEmpty();
        request.Evidence.ShouldHaveSingleItem().Content.ShouldNotBeEmpty();

        var facts = new EligibilityFacts(request.ChildDateOfBirth, request.NeedIdList, request.Evidence.Select(e => e.KindId).ToList(), request.HasEhcPlan ?? false);
        EligibilityCheck.Evaluate(ShippedSchemes.Scheme2026_1, facts, DateOnly.FromDateTime(request.SubmittedAt!.Value)).AllMet.ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateSubmittedRequestAsync_ForAKnownChild_IsMatchedToIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(clock: _clock);
        var data = new TestData(db);
        var child = await data.CreateChildAsync(dateOfBirth: new DateOnly(2015, 5, 5));

        var request = await data.CreateSubmittedRequestAsync(child, channel: RequestChannel.DutyPoint, needIds: ["carer-strain"], evidenceKindIds: []);

        request.ChildId.ShouldBe(child.Id);
        request.ChildConfirmed.ShouldBeTrue();
        request.ChildName.ShouldBe(child.FullName);
        request.ChildDateOfBirth.ShouldBe(new DateOnly(2015, 5, 5));
        request.FamilyUserId.ShouldBeNull();
        request.NeedIdList.ShouldBe(["carer-strain"]);
        request.Evidence.ShouldBeEmpty();
    }
}
