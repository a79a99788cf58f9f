using System.Text.Json;
using System.Text.Json.Nodes;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Reviews;

/// <summary>The optional scheme section for reviewing, and the review schedule rules it works with.</summary>
public sealed class ReviewingSettingsTests
{
    private static readonly Scheme Shipped = ShippedSchemes.Scheme2026_1;

    private static JsonNode ShippedJson() => JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedSchemes.Folder, "short-breaks-2026.1.json")))!;

    [Fact]
    public void AVersionWithoutTheSection_UsesTheDefaults_AndKeepsItsFingerprint()
    {
        Shipped.Reviewing.ShouldBeNull();
        Shipped.ReviewingRules.ShouldBeSameAs(ReviewingSettings.Defaults);
        SchemeValidator.Validate(Shipped with { Reviewing = ReviewingSettings.Defaults }).ShouldBeEmpty();
        JsonSerializer.Serialize(Shipped, SchemeCatalog.JsonOptions).ShouldNotContain("\"reviewing\"");
        SchemeCatalog.Parse(ShippedJson().ToJsonString()).Scheme!.ContentHash.ShouldBe(Shipped.ContentHash);
    }

    [Fact]
    public void ASchemeFileWithTheSection_ReadsIt_KeepsTheDefaultsForWhatItLeavesOut_AndValidatesIt()
    {
        var node = ShippedJson();
        node["reviewing"] = JsonNode.Parse("""{ "lookAheadWeeks": 12 }""");
        var (scheme, errors) = SchemeCatalog.Parse(node.ToJsonString());
        errors.ShouldBeEmpty();
        scheme!.ReviewingRules.LookAheadWeeks.ShouldBe(12);
        scheme.ReviewingRules.WorklistWeeks.ShouldBe(ReviewingSettings.Defaults.WorklistWeeks);

        var bad = Shipped with { Reviewing = new ReviewingSettings { LookAheadWeeks = 0, WorklistWeeks = 60, ViewsDueWorkingDaysBefore = -1 } };
        SchemeValidator.Validate(bad).ShouldBe([
            "reviewing.lookAheadWeeks must be between 1 and 26.",
            "reviewing.worklistWeeks must be between 1 and 52.",
            "reviewing.viewsDueWorkingDaysBefore must be between 0 and 20.",
        ]);
    }

    [Fact]
    public void TheReviewAfterOneHeld_IsTheSameKind_CountedFromTheDayItWasHeld_OrWithTheEhcPlanReview()
    {
        var held = new DateOnly(2026, 11, 23);
        ReviewSchedules.After(Shipped.Reviews, ReviewKind.RasPackage, held, null).NextDue.ShouldBe(held.AddMonths(Shipped.Reviews.RasPackageReviewMonths));
        ReviewSchedules.After(Shipped.Reviews, ReviewKind.Section17_6, held, null).NextDue.ShouldBe(held.AddMonths(Shipped.Reviews.Section17_6ReviewMonths));
        ReviewSchedules.After(Shipped.Reviews, ReviewKind.Annual, held, null).NextDue.ShouldBe(held.AddYears(1));
        ReviewSchedules.After(Shipped.Reviews, ReviewKind.Annual, held, new DateOnly(2020, 3, 1)).NextDue.ShouldBe(new DateOnly(2027, 3, 1));
        ReviewSchedules.ForPackage(held, null).ShouldBe(new ReviewSchedule(ReviewKind.Annual, 12, held.AddYears(1), "Annual review of Flexible Short Breaks: every 12 months"));
    }

    [Fact]
    public void ViewsAreAskedBack_WorkingDaysBeforeTheReview_SkippingWeekendsAndBankHolidays()
    {
        var days = new WorkingDays([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);
        days.Before(new DateOnly(2026, 12, 30), 3).ShouldBe(new DateOnly(2026, 12, 23), "29th, 24th, 23rd: the 28th, 25th and the weekend are not working days");
        days.Before(new DateOnly(2026, 12, 30), 0).ShouldBe(new DateOnly(2026, 12, 30));
    }
}
