using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Packages;

namespace ShortBreaks.Web.Pages.Staff.Children.Packages;

/// <summary>
/// One of a child's packages for the officer: what it is and every move, and what can be done next: broker a package
/// waiting to be brokered (or declined), change a sent or agreed one (replaced at the prices then), or end an agreed one
/// with notice. Two people working on one package: the second is told, and what they typed is kept.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class PackageModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : GovukPageModel, IPackageEndForm
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid PackageId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public PackageForm Form { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? EndReason { get; set; }
    [BindProperty(Name = "LastDay")] public DateBoxes LastDay { get; set; } = new();
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => Package.Route == PackageRoute.DirectPayment ? "Direct payment"
        : Package.OrganisationId is null ? "Package to broker" : $"Package with {OrganisationName}";

    public Package Package { get; private set; } = null!;
    public Child Child { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<PackageStateChange> Changes { get; private set; } = [];
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];
    public string? PlanLine { get; private set; }
    public bool MayChange => HttpContext.Features.Get<ChildAccessResult>()?.MayChange == true;
    public bool CanBroker => MayChange && Package.State is PackageState.Draft or PackageState.Declined && Package.ReplacedByPackageId is null;
    public bool CanChange => MayChange && PackageMoves.Refusal(Package.State, Package.Route, PackageMove.Change, PackageActor.Officer) is null;
    public bool CanEnd => MayChange && PackageMoves.Refusal(Package.State, Package.Route, PackageMove.End, PackageActor.Officer) is null;
    public DateOnly EarliestEnd => PackageMoves.EarliestEnd(packages.Today, schemes.InForceOn(packages.Today).ProviderRules);
    public string? DirectPaymentRate => Package.Tier == Tier.FlexibleShortBreaks ? PackagePage.DirectPaymentRate(schemes.InForceOn(packages.Today)) : null;

    public string? DoneText => Done switch
    {
        "built" => Package.Route == PackageRoute.DirectPayment ? "The direct payment is agreed." : "The package is sent to the provider as a service agreement.",
        "brokered" => "The package is sent to the provider as a service agreement.",
        "changed" => "The package is changed: this new package replaces it.",
        "ended" => "Notice is given: the package ends on its last day.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(view: true)) return NotFound();
        SeenVersion = Package.Version;
        Form = Package.Lines.Count == 0 && Package.Route == PackageRoute.Provider
            ? PackageForm.Starting(Package.StartsOn > packages.Today ? Package.StartsOn : packages.Today)
            : PackageForm.From(Package, packages.Today);
        if (Package.Tier == Tier.TargetedShortBreaks) Form.EndsOn = DateBoxes.Of(Package.EndsOn);
        return Page();
    }

    public Task<IActionResult> OnPostBrokerAsync() => PostAsync(async seen =>
    {
        var (request, errors) = Form.Read();
        if (errors.Count > 0) return (null, errors);
        var (made, result) = await packages.BrokerAsync(PackageId, request, seen, HttpContext.RequestAborted);
        return result.Succeeded ? (Links.StaffPackage(ChildId, made!.Id, done: "brokered"), []) : (null, Form.Keyed(result.Errors));
    });

    public Task<IActionResult> OnPostChangeAsync() => PostAsync(async seen =>
    {
        var (request, errors) = Form.Read();
        if (errors.Count > 0) return (null, errors);
        var (made, result) = await packages.ChangeAsync(PackageId, request, Reason, seen, HttpContext.RequestAborted);
        return result.Succeeded ? (Links.StaffPackage(ChildId, made!.Id, done: "changed"), []) : (null, Form.Keyed(result.Errors));
    });

    public Task<IActionResult> OnPostEndAsync() => PostAsync(async seen =>
    {
        var (lastDay, error) = LastDay.Read("LastDay", "The last day");
        if (error is not null) return (null, [error]);
        var result = await packages.EndAsync(PackageId, lastDay, EndReason, PackageActor.Officer, null, seen, HttpContext.RequestAborted);
        return result.Succeeded
            ? (Links.StaffPackage(ChildId, PackageId, done: "ended"), [])
            : (null, LastDay.KeyRuleErrors(result.Errors.Select(e => e.Field == "Reason" ? e with { Field = "EndReason" } : e), "LastDay"));
    });

    /// <summary>Every move is checked by the service (<see cref="PackageMoves"/>); the page only asks who may change the child.</summary>
    private async Task<IActionResult> PostAsync(Func<long, Task<(string? Next, List<FieldError> Errors)>> act)
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (!MayChange) return Forbid();
        List<FieldError> errors = [new("", FormVersion.Missing)];
        if (SeenVersion is { } seen)
        {
            var (next, problems) = await act(seen);
            if (next is not null) return Redirect(next);
            errors = problems;
        }

        return await RefusedAsync(errors, () => LoadAsync(view: false));
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var package = await packages.PackageAsync(PackageId, ct);
        if (package is null || package.ChildId != ChildId) return false;
        Package = package;
        Child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == ChildId, ct);
        OrganisationName = package.OrganisationId is { } id ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstAsync(ct) : "";
        Changes = await packages.ChangesAsync(PackageId, ct);
        Menu = await packages.MenuAsync(packages.Today, ct);
        if (package.PlanSupportLineId is { } lineId)
        {
            PlanLine = await db.Set<ShortBreaks.Core.Plans.PlanSupportLine>().AsNoTracking().Where(l => l.Id == lineId)
                .Select(l => l.Description + (l.ProvidedBy == null ? "" : ", from " + l.ProvidedBy)).FirstOrDefaultAsync(ct);
        }

        if (view)
        {
            db.RecordView(nameof(Package), PackageId.ToString(), ChildId, "package page");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
