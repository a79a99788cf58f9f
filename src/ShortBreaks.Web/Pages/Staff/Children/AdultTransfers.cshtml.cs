namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>
/// Young people within the scheme's planning window before they move to adult services, of the children the officer sees
/// (<see cref="ShortBreaks.Core.Caseloads.ChildVisibility"/>).
/// </summary>
public sealed class AdultTransfersModel(TierService tiers, SchemeCatalog schemes, ShortBreaks.Core.Caseloads.StaffVisibility visibility) : GovukPageModel
{
    public override string Title => "Moving to adult services";

    public IReadOnlyList<(Child Child, DateOnly Date)> Due { get; private set; } = [];
    public int PlanningMonths { get; private set; }
    public int AgeLimit { get; private set; }
    public DateOnly Today => tiers.Today;

    public async Task OnGetAsync()
    {
        var ages = schemes.InForceOn(tiers.Today).Ages;
        (PlanningMonths, AgeLimit) = (ages.AdultTransferPlanningMonths, ages.MaximumAgeYearsExclusive);
        var viewer = await visibility.ForAsync(User, HttpContext.RequestAborted) ?? throw new InvalidOperationException("Only case staff reach the adult transfers list.");
        Due = await tiers.AdultTransfersDueAsync(viewer, HttpContext.RequestAborted);
    }
}
