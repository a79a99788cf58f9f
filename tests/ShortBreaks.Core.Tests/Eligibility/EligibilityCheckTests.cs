using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Eligibility;

public class EligibilityCheckTests
{
    private static readonly Scheme Shipped = ShippedSchemes.Scheme2026_1;
    private static readonly DateOnly Today = new(2026, 6, 15);

    // Meets every criterion of the shipped scheme on Today; each test changes one thing.
    private static EligibilityFacts Eligible(
        DateOnly? dateOfBirth = null, string[]? needs = null, string[]? evidence = null, bool hasEhcPlan = false) =>
        new(dateOfBirth ?? new DateOnly(2016, 1, 10), needs ?? ["extra-care"], evidence ?? ["disability-benefit"], hasEhcPlan);

    private static CriterionResult Criterion(EligibilityResult result, string id) => result.Criteria.Single(c => c.Id == id);

    [Fact]
    public void Evaluate_ChildMeetingEveryCriterion_AllMet()
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(), Today);

        result.AllMet.ShouldBeTrue();
        result.SchemeVersion.ShouldBe("2026.1");
        result.Criteria.Select(c => c.Id).ShouldBe([EligibilityCheck.AgeCriterion, EligibilityCheck.NeedsCriterion, EligibilityCheck.EvidenceCriterion]);
        result.Criteria.ShouldAllBe(c => c.Outcome == CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("2021-06-16", CriterionOutcome.NotMet)] // 5th birthday tomorrow
    [InlineData("2021-06-15", CriterionOutcome.Met)] // 5th birthday today
    [InlineData("2008-06-16", CriterionOutcome.Met)] // 18th birthday tomorrow
    [InlineData("2008-06-15", CriterionOutcome.NotMet)] // 18th birthday today
    [InlineData("2012-01-01", CriterionOutcome.Met)]
    [InlineData("2026-01-01", CriterionOutcome.NotMet)] // a baby
    [InlineData("1990-06-15", CriterionOutcome.NotMet)] // an adult
    [InlineData("2027-01-01", CriterionOutcome.NotMet)] // not yet born: a mistyped date
    public void Age_AroundTheBirthdays_OnlyFiveToSeventeenMeet(string dateOfBirth, CriterionOutcome expected)
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(dateOfBirth: DateOnly.Parse(dateOfBirth)), Today);

        Criterion(result, EligibilityCheck.AgeCriterion).Outcome.ShouldBe(expected);
        result.AllMet.ShouldBe(expected == CriterionOutcome.Met);
    }

    [Fact]
    public void Age_DayBeforeFifthBirthday_ExplainsWhenTheOfferStarts()
    {
        var age = Criterion(EligibilityCheck.Evaluate(Shipped, Eligible(dateOfBirth: new DateOnly(2021, 6, 16)), Today), EligibilityCheck.AgeCriterion);

        age.Outcome.ShouldBe(CriterionOutcome.NotMet);
        age.Criterion.ShouldBe("Aged 5 to 17");
        age.Explanation.ShouldBe("Aged 4: the offer starts at 5, on 16 June 2026.");
    }

    [Fact]
    public void Age_OnEighteenthBirthday_ExplainsThatShortBreaksEnd()
    {
        var age = Criterion(EligibilityCheck.Evaluate(Shipped, Eligible(dateOfBirth: new DateOnly(2008, 6, 15)), Today), EligibilityCheck.AgeCriterion);

        age.Explanation.ShouldBe("Aged 18: children's short breaks end at 18.");
    }

    [Theory]
    [InlineData("2025-02-27", CriterionOutcome.NotMet)]
    [InlineData("2025-03-01", CriterionOutcome.Met)]
    [InlineData("2028-02-29", CriterionOutcome.Met)] // a leap year: the birthday itself
    public void Age_LeapDayBirthday_FifthBirthdayUnambiguousDays(string onDay, CriterionOutcome expected)
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(dateOfBirth: new DateOnly(2020, 2, 29)), DateOnly.Parse(onDay));

        Criterion(result, EligibilityCheck.AgeCriterion).Outcome.ShouldBe(expected);
    }

    // The rules take 28 February as a leap-day child's birthday in a common year (DateOnly.AddYears does).
    // If the council decides on 1 March instead, this is the test to change.
    [Fact]
    public void Age_LeapDayBirthday_CountsFrom28FebruaryInCommonYears()
    {
        EligibilityCheck.AgeOn(new DateOnly(2020, 2, 29), new DateOnly(2025, 2, 28)).ShouldBe(5);
        EligibilityCheck.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 27)).ShouldBe(17);
        EligibilityCheck.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)).ShouldBe(18);

        var onEighteenth = EligibilityCheck.Evaluate(Shipped, Eligible(dateOfBirth: new DateOnly(2008, 2, 29)), new DateOnly(2026, 2, 28));
        Criterion(onEighteenth, EligibilityCheck.AgeCriterion).Outcome.ShouldBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void AgeOn_AgreesWithCountingBirthdays()
    {
        var random = new Random(20260615);
        for (var i = 0; i < 5000; i++)
        {
            var dateOfBirth = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9000));
            var day = dateOfBirth.AddDays(random.Next(0, 9000));

            var birthdays = 0;
            while (Birthday(dateOfBirth, birthdays + 1) <= day) birthdays++;

            EligibilityCheck.AgeOn(dateOfBirth, day).ShouldBe(birthdays, $"born {dateOfBirth}, on {day}");
        }

        // The n-th birthday, taking 28 February for a leap-day child in a common year.
        static DateOnly Birthday(DateOnly dateOfBirth, int years) =>
            new(dateOfBirth.Year + years, dateOfBirth.Month, Math.Min(dateOfBirth.Day, DateTime.DaysInMonth(dateOfBirth.Year + years, dateOfBirth.Month)));
    }

    [Fact]
    public void Age_UnknownDateOfBirth_IsUnknownAndNotAllMet()
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible() with { DateOfBirth = null }, Today);

        var age = Criterion(result, EligibilityCheck.AgeCriterion);
        age.Outcome.ShouldBe(CriterionOutcome.Unknown);
        age.Explanation.ShouldBe("The date of birth is not known.");
        result.AllMet.ShouldBeFalse();
    }

    [Fact]
    public void Age_UsesTheSchemesAges()
    {
        var scheme = Shipped with { Ages = Shipped.Ages with { MinimumAgeYears = 0, MaximumAgeYearsExclusive = 26 } };

        var result = EligibilityCheck.Evaluate(scheme, Eligible(dateOfBirth: new DateOnly(2003, 1, 1)), Today);

        Criterion(result, EligibilityCheck.AgeCriterion).Outcome.ShouldBe(CriterionOutcome.Met);
        Criterion(result, EligibilityCheck.AgeCriterion).Criterion.ShouldBe("Aged 0 to 25");
    }

    [Fact]
    public void Needs_None_NotMet()
    {
        var needs = Criterion(EligibilityCheck.Evaluate(Shipped, Eligible(needs: []), Today), EligibilityCheck.NeedsCriterion);

        needs.Outcome.ShouldBe(CriterionOutcome.NotMet);
        needs.Criterion.ShouldBe("At least one need that meets the threshold");
        needs.Explanation.ShouldBe("None of the needs given meets the threshold.");
    }

    [Fact]
    public void Needs_OnlyANeedBelowTheThreshold_NotMet()
    {
        Shipped.Eligibility.Needs.Single(n => n.Id == "carer-strain").MeetsThreshold.ShouldBeFalse();

        var result = EligibilityCheck.Evaluate(Shipped, Eligible(needs: ["carer-strain"]), Today);

        Criterion(result, EligibilityCheck.NeedsCriterion).Outcome.ShouldBe(CriterionOutcome.NotMet);
        result.AllMet.ShouldBeFalse();
    }

    [Fact]
    public void Needs_AnIdNotInTheScheme_DoesNotCount()
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(needs: ["made-up-need"]), Today);

        Criterion(result, EligibilityCheck.NeedsCriterion).Outcome.ShouldBe(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("extra-care")]
    [InlineData("universal-barrier")]
    [InlineData("night-care")]
    [InlineData("behaviour-risk")]
    [InlineData("complex-health")]
    public void Needs_OneThresholdNeed_Met(string needId)
    {
        var needs = Criterion(EligibilityCheck.Evaluate(Shipped, Eligible(needs: [needId, "carer-strain"]), Today), EligibilityCheck.NeedsCriterion);

        needs.Outcome.ShouldBe(CriterionOutcome.Met);
        needs.Explanation.ShouldBe(Shipped.Eligibility.Needs.Single(n => n.Id == needId).Question + ".");
    }

    [Fact]
    public void Needs_MinimumOfTwo_OneThresholdNeedIsNotEnough()
    {
        var scheme = Shipped with { Eligibility = Shipped.Eligibility with { MinimumThresholdNeeds = 2 } };

        var needs = Criterion(EligibilityCheck.Evaluate(scheme, Eligible(needs: ["night-care", "carer-strain"]), Today), EligibilityCheck.NeedsCriterion);

        needs.Outcome.ShouldBe(CriterionOutcome.NotMet);
        needs.Criterion.ShouldBe("At least 2 needs that meet the threshold");
        needs.Explanation.ShouldBe("1 of the needs given meets the threshold: Needs care or supervision during the night.");
    }

    [Fact]
    public void Needs_MinimumOfTwo_TwoThresholdNeedsMeet()
    {
        var scheme = Shipped with { Eligibility = Shipped.Eligibility with { MinimumThresholdNeeds = 2 } };

        var result = EligibilityCheck.Evaluate(scheme, Eligible(needs: ["night-care", "complex-health"]), Today);

        Criterion(result, EligibilityCheck.NeedsCriterion).Outcome.ShouldBe(CriterionOutcome.Met);
        result.AllMet.ShouldBeTrue();
    }

    [Fact]
    public void Needs_DuplicateIdsGiven_CountOnce()
    {
        var scheme = Shipped with { Eligibility = Shipped.Eligibility with { MinimumThresholdNeeds = 2 } };

        var result = EligibilityCheck.Evaluate(scheme, Eligible(needs: ["night-care", "night-care"]), Today);

        Criterion(result, EligibilityCheck.NeedsCriterion).Outcome.ShouldBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evidence_None_NotMet()
    {
        var evidence = Criterion(EligibilityCheck.Evaluate(Shipped, Eligible(evidence: []), Today), EligibilityCheck.EvidenceCriterion);

        evidence.Outcome.ShouldBe(CriterionOutcome.NotMet);
        evidence.Explanation.ShouldBe("No accepted evidence is with the request.");
    }

    [Fact]
    public void Evidence_AKindTheSchemeDoesNotAccept_NotMet()
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(evidence: ["school-report"]), Today);

        Criterion(result, EligibilityCheck.EvidenceCriterion).Outcome.ShouldBe(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("disability-benefit")]
    [InlineData("ehc-plan")]
    [InlineData("professional-letter")]
    public void Evidence_AnAcceptedKind_MetWithItsLabel(string kindId)
    {
        var evidence = Criterion(EligibilityCheck.Evaluate(Shipped, Eligible(evidence: [kindId]), Today), EligibilityCheck.EvidenceCriterion);

        evidence.Outcome.ShouldBe(CriterionOutcome.Met);
        evidence.Explanation.ShouldBe(Shipped.Eligibility.Evidence.Single(k => k.Id == kindId).Label + ".");
    }

    [Fact]
    public void Evidence_EhcPlanClaimedWithoutACopy_Unknown()
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(evidence: [], hasEhcPlan: true), Today);

        var evidence = Criterion(result, EligibilityCheck.EvidenceCriterion);
        evidence.Outcome.ShouldBe(CriterionOutcome.Unknown);
        evidence.Explanation.ShouldContain("no copy is with the request");
        result.AllMet.ShouldBeFalse();
    }

    [Fact]
    public void Evidence_EhcPlanClaimedWithOtherAcceptedEvidence_Met()
    {
        var result = EligibilityCheck.Evaluate(Shipped, Eligible(evidence: ["professional-letter"], hasEhcPlan: true), Today);

        Criterion(result, EligibilityCheck.EvidenceCriterion).Outcome.ShouldBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evidence_EhcPlanClaimedWhereTheSchemeDoesNotAcceptIt_NotMet()
    {
        var scheme = Shipped with
        {
            Eligibility = Shipped.Eligibility with { Evidence = Shipped.Eligibility.Evidence.Where(k => k.Id != "ehc-plan").ToList() },
        };

        var result = EligibilityCheck.Evaluate(scheme, Eligible(evidence: [], hasEhcPlan: true), Today);

        Criterion(result, EligibilityCheck.EvidenceCriterion).Outcome.ShouldBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evidence_NotRequired_IsNotACriterion()
    {
        var scheme = Shipped with { Eligibility = Shipped.Eligibility with { EvidenceRequired = false } };

        var result = EligibilityCheck.Evaluate(scheme, Eligible(evidence: []), Today);

        result.Criteria.Select(c => c.Id).ShouldBe([EligibilityCheck.AgeCriterion, EligibilityCheck.NeedsCriterion]);
        result.AllMet.ShouldBeTrue();
    }

    [Fact]
    public void AllMet_FalseWhenAnyCriterionIsNotMet()
    {
        EligibilityCheck.Evaluate(Shipped, Eligible(dateOfBirth: new DateOnly(2024, 1, 1)), Today).AllMet.ShouldBeFalse();
        EligibilityCheck.Evaluate(Shipped, Eligible(needs: []), Today).AllMet.ShouldBeFalse();
        EligibilityCheck.Evaluate(Shipped, Eligible(evidence: []), Today).AllMet.ShouldBeFalse();
    }

    [Fact]
    public void AllMet_FalseWhenNothingIsKnown()
    {
        var result = EligibilityCheck.Evaluate(Shipped, new EligibilityFacts(null, [], [], false), Today);

        result.Criteria.Select(c => c.Outcome).ShouldBe([CriterionOutcome.Unknown, CriterionOutcome.NotMet, CriterionOutcome.NotMet]);
        result.AllMet.ShouldBeFalse();
    }
}
