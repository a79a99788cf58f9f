namespace ShortBreaks.Web.Pages.Rates;

/// <summary>The Resource Allocation System for the staff who keep it: versions, calibration and virtual budgets.</summary>
public sealed class IndexModel(RasSchemeCatalog catalog, TimeProvider clock) : GovukPageModel
{
    public override string Title => "Resource Allocation System";

    public RasScheme InForce { get; private set; } = null!;

    public void OnGet() => InForce = catalog.InForceOn(UkCalendar.Today(clock));
}
