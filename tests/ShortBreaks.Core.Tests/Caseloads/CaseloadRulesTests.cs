using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Caseloads;

public class CaseloadRulesTests
{
    private static readonly CaseloadSettings Guides = new(45, 50, 50, 40, 25);

    [Fact]
    public void Capacity_CallsForWholeWorkers_AtTheTopAndBottomOfARange()
    {
        var capacity = CaseloadGuides.Capacity(new CaseloadDemand(451, 101, 26), new CaseloadStaff(8, 2, null), Guides);

        var officers = capacity.Lines[0];
        (officers.CalledFor, officers.CalledForAtLowerGuide, officers.CanHold, officers.Gap).ShouldBe((10, 11, 400, -51));
        var reviewers = capacity.Lines[1];
        (reviewers.CalledFor, reviewers.CanHold, reviewers.Gap).ShouldBe((3, 100, -1));
        var social = capacity.Lines[2];
        (social.CalledFor, social.InPost, social.Gap).ShouldBe((2, null, null));
        capacity.ReviewingOfficerFamilies.ShouldBe(80);
    }

    [Fact]
    public void Guide_ForEachRole()
    {
        CaseloadGuides.For([Roles.PersonalisationOfficer], 51, Guides).Standing.ShouldBe(GuideStanding.Over);
        CaseloadGuides.For([Roles.PersonalisationOfficer], 45, Guides).Standing.ShouldBe(GuideStanding.Within);
        CaseloadGuides.For([Roles.PersonalisationOfficer], 44, Guides).Standing.ShouldBe(GuideStanding.Below);
        CaseloadGuides.For([Roles.ReviewingOfficer], 41, Guides).Standing.ShouldBe(GuideStanding.Over);
        CaseloadGuides.For([Roles.TeamManager], 400, Guides).Standing.ShouldBe(GuideStanding.NoGuide);
    }

    [Fact]
    public void Visibility_DefaultsToEveryChild_AndTheWidestRoleWins()
    {
        ShippedSchemes.Scheme2026_1.VisibilityRules.ShouldBeSameAs(VisibilitySettings.Defaults);
        var settings = new VisibilitySettings { PersonalisationOfficer = "Own", ReviewingOfficer = "Team" };
        settings.ScopeFor([Roles.PersonalisationOfficer]).ShouldBe(ChildVisibilityScope.Own);
        settings.ScopeFor([Roles.PersonalisationOfficer, Roles.ReviewingOfficer]).ShouldBe(ChildVisibilityScope.Team);
        settings.ScopeFor([Roles.PersonalisationOfficer, Roles.Admin]).ShouldBe(ChildVisibilityScope.All);
        settings.ScopeFor([Roles.FinanceOfficer]).ShouldBeNull();
    }

    [Fact]
    public void Visibility_AValueThatIsNotAScope_IsRefusedByTheValidator()
    {
        var errors = SchemeValidator.Validate(ShippedSchemes.Scheme2026_1 with { Visibility = new VisibilitySettings { TeamManager = "own", ReviewingOfficer = "Nobody" } });
        errors.ShouldContain(e => e.StartsWith("visibility.teamManager must be one of All, Team, Own", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("visibility.reviewingOfficer", StringComparison.Ordinal));
        SchemeValidator.Validate(ShippedSchemes.Scheme2026_1 with { Visibility = new VisibilitySettings { TeamManager = "Team" } }).ShouldBeEmpty();
    }
}
