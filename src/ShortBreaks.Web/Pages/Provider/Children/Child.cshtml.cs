using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Children;

/// <summary>
/// What the organisation needs to deliver to one of its children, and nothing more (<see cref="ProviderChildView"/>).
/// A child it has no package for answers 404, as if there were no such child. Every view is audited.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class ChildModel(ProviderChildren children, DeliveryReturnService returns) : ProviderPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override string Title => Child?.FullName ?? "Child";

    public ProviderChildView Child { get; private set; } = null!;

    public DateOnly Today => returns.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        var child = await children.ViewAsync(Member.OrganisationId, ChildId, HttpContext.RequestAborted);
        if (child is null) return NotFound();
        Child = child;
        return Page();
    }

    /// <summary>The month to open a package's return at: this month while the package runs, else its last month.</summary>
    public DateOnly ReturnMonth(PackageDelivery package) =>
        DeliveryRules.MonthOf(package.EndsOn < Today ? package.EndsOn : package.StartsOn > Today ? package.StartsOn : Today);
}
