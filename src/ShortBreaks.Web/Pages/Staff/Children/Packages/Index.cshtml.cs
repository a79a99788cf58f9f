using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Packages;

namespace ShortBreaks.Web.Pages.Staff.Children.Packages;

/// <summary>
/// A child's packages for the year: the Flexible Short Breaks allowance, what is used and left, packages declined to
/// broker again, and the form that builds a package from the menu or a direct payment. Case staff see it; staff who
/// assess build packages.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public PackageForm Form { get; set; } = new();

    public override string Title => $"{Year.Child.FirstName}'s packages";

    public PackageYear Year { get; private set; } = null!;
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];
    public bool MayBroker => HttpContext.Features.Get<ChildAccessResult>()?.MayChange == true;
    public string DirectPaymentRate => PackagePage.DirectPaymentRate(schemes.InForceOn(packages.Today));

    public async Task<IActionResult> OnGetAsync()
    {
        Form = PackageForm.Starting(packages.Today);
        return await LoadAsync(view: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (!MayBroker) return Forbid();
        var (request, errors) = Form.Read();
        if (errors.Count == 0)
        {
            var (made, result) = await packages.BuildAsync(ChildId, request, PackageActor.Officer, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.StaffPackage(ChildId, made!.Id, done: "built"));
            errors = Form.Keyed(result.Errors);
        }

        AddErrors(errors);
        db.ChangeTracker.Clear();
        await LoadAsync(view: false);
        return Page();
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var year = await packages.YearAsync(ChildId, ct: ct);
        if (year is null) return false;
        Year = year;
        Menu = await packages.MenuAsync(packages.Today, ct);
        if (view)
        {
            db.RecordView(nameof(Package), ChildId.ToString(), ChildId, "packages page");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
