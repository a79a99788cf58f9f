using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Agreements;

/// <summary>The provider's service agreements: only its own organisation's, those waiting for an answer first.</summary>
public sealed class IndexModel(ShortBreaksDbContext db, PackageService packages) : ProviderPageModel
{
    public override string Title => "Service agreements";

    public IReadOnlyList<ServiceAgreement> Agreements { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string? DoneText => Done == "declined" ? "You have declined the service agreement. The child's officer has been told." : null;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Agreements = [.. (await packages.AgreementsAsync(Member.OrganisationId, ct)).OrderBy(a => a.Package.State == PackageState.Sent ? 0 : 1)];
        // The list names children: a view of each child's record, like any other.
        foreach (var agreement in Agreements) db.RecordView(nameof(Package), agreement.Package.Id.ToString(), agreement.Package.ChildId, "provider's agreements list");
        await db.SaveChangesAsync(ct);
    }
}
