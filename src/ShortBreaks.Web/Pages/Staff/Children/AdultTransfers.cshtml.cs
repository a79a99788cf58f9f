namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>Young people within the scheme's planning window before they move to adult services.</summary>
public sealed class AdultTransfersModel(TierService tiers, SchemeCatalog schemes) : GovukPageModel
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
        Due = await tiers.AdultTransfersDueAsync(HttpContext.RequestAborted);
    }
}
