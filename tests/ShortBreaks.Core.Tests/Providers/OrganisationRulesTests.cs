using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.Providers;

public sealed class OrganisationRulesTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);

    private static Organisation Approved() => new()
    {
        Name = "Riverside Play Scheme",
        Status = FrameworkStatus.Approved,
        Insurances =
        [
            new OrganisationInsurance { Kind = InsuranceKind.EmployersLiability, CoverAmount = 10_000_000m, ExpiresOn = Today.AddMonths(6) },
            new OrganisationInsurance { Kind = InsuranceKind.PublicLiability, CoverAmount = 5_000_000m, ExpiresOn = Today },
        ],
        Registrations = [new OrganisationRegistration { Regulator = Regulator.Ofsted, Number = "EY123456", ExpiresOn = null }],
    };

    [Fact]
    public void AnApprovedOrganisation_InsuredAndRegisteredInDate_TakesNewPackages_ThroughTheDayItsInsuranceEnds() =>
        OrganisationRules.NewPackageRefusal(Approved(), ProviderSettings.Defaults, Today).ShouldBeNull();

    [Theory]
    [InlineData(FrameworkStatus.Registered, "Riverside Play Scheme is not approved on the framework.")]
    [InlineData(FrameworkStatus.Applied, "Riverside Play Scheme is not approved on the framework.")]
    [InlineData(FrameworkStatus.MoreInformationAsked, "Riverside Play Scheme is not approved on the framework.")]
    [InlineData(FrameworkStatus.Refused, "Riverside Play Scheme is not approved on the framework.")]
    [InlineData(FrameworkStatus.Suspended, "Riverside Play Scheme is suspended from the framework and takes no new packages.")]
    [InlineData(FrameworkStatus.Removed, "Riverside Play Scheme has been removed from the framework.")]
    public void AnOrganisationNotApproved_TakesNoNewPackages(FrameworkStatus status, string reason)
    {
        var organisation = Approved();
        organisation.Status = status;
        OrganisationRules.NewPackageRefusal(organisation, ProviderSettings.Defaults, Today).ShouldBe(reason);
    }

    [Fact]
    public void ExpiredInsurance_StopsNewPackages_TheDayAfterItEnds() =>
        OrganisationRules.NewPackageRefusal(Approved(), ProviderSettings.Defaults, Today.AddDays(1))
            .ShouldBe("Riverside Play Scheme's public liability insurance expired on 1 July 2026.");

    [Fact]
    public void InsuranceBelowTheSchemesCover_OrMissing_StopsNewPackages()
    {
        var organisation = Approved();
        organisation.Insurances[1].CoverAmount = 1_000_000m;
        OrganisationRules.NewPackageRefusal(organisation, ProviderSettings.Defaults, Today)
            .ShouldBe("Riverside Play Scheme has no public liability insurance of at least £5,000,000 on record.");

        organisation.Insurances.RemoveAt(1);
        var lower = ProviderSettings.Defaults with { RequiredInsurance = [new RequiredInsurance("EmployersLiability", 5_000_000m)] };
        OrganisationRules.NewPackageRefusal(organisation, lower, Today).ShouldBeNull();
    }

    [Fact]
    public void ARenewedPolicy_BesideTheExpiredOne_KeepsTheOrganisationTakingPackages()
    {
        var organisation = Approved();
        organisation.Insurances.Add(new OrganisationInsurance { Kind = InsuranceKind.PublicLiability, CoverAmount = 5_000_000m, ExpiresOn = Today.AddYears(1) });
        OrganisationRules.NewPackageRefusal(organisation, ProviderSettings.Defaults, Today.AddDays(1)).ShouldBeNull();
    }

    [Fact]
    public void AnExpiredRegistration_StopsNewPackages()
    {
        var organisation = Approved();
        organisation.Registrations.Add(new OrganisationRegistration { Regulator = Regulator.Cqc, Number = "1-234", ExpiresOn = Today.AddDays(-1) });
        OrganisationRules.NewPackageRefusal(organisation, ProviderSettings.Defaults, Today)
            .ShouldBe("Riverside Play Scheme's CQC registration expired on 30 June 2026.");
    }

    [Theory]
    [InlineData(61, null)]
    [InlineData(60, 60)]
    [InlineData(15, 60)]
    [InlineData(14, 14)]
    [InlineData(0, 14)]
    [InlineData(-1, null)]
    public void ExpiryWarningDue_IsTheSmallestWarningReached_UntilTheDayItExpires(int daysLeft, int? warning) =>
        OrganisationRules.ExpiryWarningDue(Today.AddDays(daysLeft), Today, ProviderSettings.Defaults).ShouldBe(warning);
}
