using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Packages;

namespace ShortBreaks.Web.Pages.Account.Family.Packages;

/// <summary>
/// The family's own view of their child's Flexible Short Breaks for the year: the allowance, what is used and left,
/// their packages, and the form to build one from the menu or take hours as a direct payment. Only for an account
/// linked to the child; anyone else gets "not found".
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : PackageYearPageModel(db, packages, schemes)
{
    public override string Title => $"{Year.Child.FirstName}'s short breaks";

    public string? DoneText => Done == "built" ? "Your package is made. A service goes to its provider to accept; we will tell you when they answer." : null;

    protected override PackageActor Builder => PackageActor.Family;

    protected override string ViewedAs => "packages read by the family";

    protected override string AfterBuilt(Package made) => Links.FamilyPackages(ChildId, done: "built");

    // A family sees its Flexible Short Breaks packages; a plan's packages are on the plan.
    protected override PackageYear Shown(PackageYear year) =>
        year with { Packages = [.. year.Packages.Where(p => p.Tier == Tier.FlexibleShortBreaks && p.State != PackageState.Draft)] };

    protected override IReadOnlyList<MenuItem> Offered(IReadOnlyList<MenuItem> menu) => [.. menu.Where(m => m.Refusal is null)];
}
