using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Packages;

namespace ShortBreaks.Web.Pages.Staff.Children.Packages;

/// <summary>
/// A child's packages for the year: the Flexible Short Breaks allowance, what is used and left, packages declined to
/// broker again, and the form that builds a package from the menu or a direct payment. Case staff see it; staff who
/// assess build packages.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : PackageYearPageModel(db, packages, schemes)
{
    public override string Title => $"{Year.Child.FirstName}'s packages";

    public bool MayBroker => HttpContext.Features.Get<ChildAccessResult>()?.MayChange == true;

    protected override PackageActor Builder => PackageActor.Officer;

    protected override string ViewedAs => "packages page";

    protected override bool MayBuild => MayBroker;

    protected override string AfterBuilt(Package made) => Links.StaffPackage(ChildId, made.Id, done: "built");
}
