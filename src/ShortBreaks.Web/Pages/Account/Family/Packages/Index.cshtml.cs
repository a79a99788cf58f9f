using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Packages;

namespace ShortBreaks.Web.Pages.Account.Family.Packages;

/// <summary>
/// The family's own view of their child's Flexible Short Breaks for the year: the allowance, what is used and left,
/// their packages, and the form to build one from the menu or take hours as a direct payment. Only for an account
/// linked to the child; anyone else gets "not found".
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public PackageForm Form { get; set; } = new();

    public override string Title => $"{Year.Child.FirstName}'s short breaks";

    public PackageYear Year { get; private set; } = null!;
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];
    public string DirectPaymentRate => PackagePage.DirectPaymentRate(schemes.InForceOn(packages.Today));

    public string? DoneText => Done == "built" ? "Your package is made. A service goes to its provider to accept; we will tell you when they answer." : null;

    public async Task<IActionResult> OnGetAsync()
    {
        Form = PackageForm.Starting(packages.Today);
        return await LoadAsync(view: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        var (request, errors) = Form.Read();
        if (errors.Count == 0)
        {
            var (_, result) = await packages.BuildAsync(ChildId, request, PackageActor.Family, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.FamilyPackages(ChildId, done: "built"));
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
        // A family sees its Flexible Short Breaks packages; a plan's packages are on the plan.
        Year = year with { Packages = [.. year.Packages.Where(p => p.Tier == Tier.FlexibleShortBreaks && p.State != PackageState.Draft)] };
        Menu = [.. (await packages.MenuAsync(packages.Today, ct)).Where(m => m.Refusal is null)];
        if (view)
        {
            db.RecordView(nameof(Package), ChildId.ToString(), ChildId, "packages read by the family");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
