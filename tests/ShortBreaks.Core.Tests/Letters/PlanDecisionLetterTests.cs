using ShortBreaks.Core.Children;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Plans;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Letters;

public sealed class PlanDecisionLetterTests
{
    [Fact]
    public void ADecisionMadeJustAfterMidnightInSummer_IsDatedTheUkDayItWasMade()
    {
        var child = new Child { FirstName = "Ava", LastName = "Test", Reference = "C-000123", DateOfBirth = new DateOnly(2015, 3, 1) };
        var version = new PlanVersion { Number = 2, AnnualCost = 1200m, DecidedAt = new DateTime(2026, 8, 14, 23, 30, 0, DateTimeKind.Utc), DecidedByName = "Sam Manager" };

        var (_, body) = PlanDecisionLetter.NotApproved(ShippedSchemes.Scheme2026_1, child, version, "The plan asks for more than the RAS gives.", planInForce: true);

        body.ShouldStartWith("<p class=\"govuk-body\">15 August 2026</p>");
    }
}
