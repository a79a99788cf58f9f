namespace ShortBreaks.Staff.Tests.Caseloads;

/// <summary>The shipped schemes with every case-staff role, team managers included, seeing only their own caseload.</summary>
public sealed class OwnCaseloadsFactory : VisibilityFactory
{
    public OwnCaseloadsFactory()
        : base(personalisationOfficer: "Own", reviewingOfficer: "Own", teamManager: "Own")
    {
    }
}
