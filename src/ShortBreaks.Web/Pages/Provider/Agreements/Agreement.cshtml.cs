using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Packages;

namespace ShortBreaks.Web.Pages.Provider.Agreements;

/// <summary>
/// One service agreement of the provider's own organisation: the child, what, how much, how often, from and to, the
/// price, as a page and a PDF; the provider accepts it, declines it with a reason (the child's officer is told), or
/// ends an agreed one with notice. Another organisation's agreement, or a guessed id, is not found.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.Package, "packageId")]
public sealed class AgreementModel(ShortBreaksDbContext db, PackageService packages, SchemeCatalog schemes) : ProviderPageModel, IPackageEndForm
{
    [BindProperty(SupportsGet = true)] public Guid PackageId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? EndReason { get; set; }
    [BindProperty(Name = "LastDay")] public DateBoxes LastDay { get; set; } = new();
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => $"Service agreement: {Agreement.ChildName}";

    public ServiceAgreement Agreement { get; private set; } = null!;
    public string DocumentHtml { get; private set; } = "";
    public bool CanAnswer => Agreement.Package.State == PackageState.Sent;
    public bool CanEnd => PackageMoves.Refusal(Agreement.Package.State, Agreement.Package.Route, PackageMove.End, PackageActor.Provider) is null;
    public DateOnly EarliestEnd => PackageMoves.EarliestEnd(packages.Today, schemes.InForceOn(packages.Today).ProviderRules);

    public string? DoneText => Done switch
    {
        "accepted" => "You have accepted the service agreement.",
        "declined" => "You have declined the service agreement. The child's officer has been told.",
        "ended" => "Notice is given: the agreement ends on its last day.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync("provider's agreement page")) return NotFound();
        SeenVersion = Agreement.Package.Version;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync("provider's agreement downloaded as PDF")) return NotFound();
        var scheme = schemes.InForceOn(packages.Today);
        var (title, body) = ServiceAgreementDocument.Compose(scheme, Agreement, Member.OrganisationName);
        return LetterFiles.Pdf(new Letter { Id = Agreement.Package.Id, Title = title, BodyHtml = body, CreatedAt = Agreement.Package.CreatedAt }, scheme);
    }

    public Task<IActionResult> OnPostAcceptAsync() => PostAsync("accepted", seen => packages.AcceptAsync(PackageId, Member.OrganisationId, seen, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostDeclineAsync() => PostAsync("declined", seen => packages.DeclineAsync(PackageId, Member.OrganisationId, Reason, seen, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostEndAsync() => PostAsync("ended", async seen =>
    {
        var (lastDay, error) = LastDay.Read("LastDay", "The last day");
        if (error is not null) return CommandResult.Fail([error]);
        var result = await packages.EndAsync(PackageId, lastDay, EndReason, PackageActor.Provider, Member.OrganisationId, seen, HttpContext.RequestAborted);
        return result with { Errors = LastDay.KeyRuleErrors(result.Errors.Select(e => e.Field == "Reason" ? e with { Field = "EndReason" } : e), "LastDay") };
    });

    private async Task<IActionResult> PostAsync(string done, Func<long, Task<CommandResult>> act)
    {
        ClearBindingErrors();
        if (!await LoadAsync(null)) return NotFound();
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await act(seen);
        // A declined agreement is no longer the organisation's to see: back to the list, which says so.
        if (result.Succeeded) return Redirect(done == "declined" ? Links.ProviderAgreements(done) : Links.ProviderAgreement(PackageId, done));
        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        await LoadAsync(null);
        return Page();
    }

    private async Task<bool> LoadAsync(string? view)
    {
        var ct = HttpContext.RequestAborted;
        var agreement = await packages.AgreementAsync(Member.OrganisationId, PackageId, ct);
        if (agreement is null) return false;
        Agreement = agreement;
        DocumentHtml = ServiceAgreementDocument.Compose(schemes.InForceOn(packages.Today), agreement, Member.OrganisationName).BodyHtml;
        if (view is not null)
        {
            db.RecordView(nameof(Package), PackageId.ToString(), agreement.Package.ChildId, view);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
