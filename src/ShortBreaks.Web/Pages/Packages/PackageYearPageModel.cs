using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Packages;

/// <summary>
/// A child's packages for the allowance year with the form that builds one (the officer's and the family's pages): the
/// year and the menu are read by <see cref="PackageService"/>, every view is audited, and a package the service refuses
/// comes back with its problems by the fields as typed. Each page says who builds, what it shows, and where a package
/// built goes next.
/// </summary>
public abstract class PackageYearPageModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public PackageForm Form { get; set; } = new();

    public PackageYear Year { get; private set; } = null!;
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];
    public string DirectPaymentRate => PackagePage.DirectPaymentRate(schemes.InForceOn(packages.Today));

    /// <summary>Who builds a package on this page.</summary>
    protected abstract PackageActor Builder { get; }

    /// <summary>The audit's words for a view of the page.</summary>
    protected abstract string ViewedAs { get; }

    /// <summary>Whether this person may build a package here (otherwise a post is forbidden).</summary>
    protected virtual bool MayBuild => true;

    /// <summary>The address a package built goes to.</summary>
    protected abstract string AfterBuilt(Package made);

    /// <summary>The year as this page shows it.</summary>
    protected virtual PackageYear Shown(PackageYear year) => year;

    /// <summary>The menu as this page offers it.</summary>
    protected virtual IReadOnlyList<MenuItem> Offered(IReadOnlyList<MenuItem> menu) => menu;

    public async Task<IActionResult> OnGetAsync()
    {
        Form = PackageForm.Starting(packages.Today);
        return await LoadAsync(view: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (!MayBuild) return Forbid();
        var (request, errors) = Form.Read();
        if (errors.Count == 0)
        {
            var (made, result) = await packages.BuildAsync(ChildId, request, Builder, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(AfterBuilt(made!));
            errors = Form.Keyed(result.Errors);
        }

        return await RefusedAsync(errors, () => LoadAsync(view: false));
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var year = await packages.YearAsync(ChildId, ct: ct);
        if (year is null) return false;
        Year = Shown(year);
        Menu = Offered(await packages.MenuAsync(packages.Today, ct));
        if (view)
        {
            db.RecordView(nameof(Package), ChildId.ToString(), ChildId, ViewedAs);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
