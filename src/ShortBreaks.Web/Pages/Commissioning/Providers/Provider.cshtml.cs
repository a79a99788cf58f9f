using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Provider;

namespace ShortBreaks.Web.Pages.Commissioning.Providers;

/// <summary>
/// One organisation's whole application against the scheme's framework criteria, its history, whether it may take new
/// packages, and commissioning's decision: approve, ask for more, refuse, suspend, remove (with what happens to its
/// agreed packages) or reinstate. Each answer can be marked met or not met with a note.
/// </summary>
public sealed class ProviderModel(FrameworkService framework, EmailSender email) : GovukPageModel
{
    public override string Title => Record?.Organisation.Name ?? "Provider";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LivePackages { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public string? CriterionId { get; set; }
    [BindProperty] public string? Met { get; set; }
    [BindProperty] public string? Note { get; set; }

    public OrganisationFile Record { get; private set; } = null!;

    public ProviderSettings Settings => framework.Settings;

    public OrganisationFileView View => new(Record, Settings, framework.Today, fileId => Links.CommissioningProviderDocument(Id, fileId));

    public IReadOnlyList<FrameworkDecision> Decisions => FrameworkRules.Allowed(Record.Organisation.Status);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = Record.Organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            SeenVersion = Record.Organisation.Version;
            return Page();
        }

        var decision = Enum.TryParse<FrameworkDecision>(Decision, out var d) && Enum.IsDefined(d) ? d : (FrameworkDecision?)null;
        var outcome = Enum.TryParse<LivePackagesOutcome>(LivePackages, out var o) && Enum.IsDefined(o) ? o : (LivePackagesOutcome?)null;
        var result = await framework.DecideAsync(Id, decision, Reason, outcome, seen, email.Options.PublicBaseUrl, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.CommissioningProvider(Id, saved: "decided"));
        AddErrors(result.Errors);
        HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>().ChangeTracker.Clear();
        await LoadAsync();
        SeenVersion = Record.Organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        bool? met = Met switch { "yes" => true, "no" => false, _ => null };
        var result = await framework.CheckAnswerAsync(Id, CriterionId ?? "", met, Note, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.CommissioningProvider(Id, saved: "checked"));
        AddErrors(result.Errors.Select(e => e with { Field = e.Field.StartsWith("note-", StringComparison.Ordinal) ? "Note" : e.Field }));
        SeenVersion = Record.Organisation.Version;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var file = await framework.FileAsync(Id, HttpContext.RequestAborted);
        if (file is null) return false;
        Record = file;
        return true;
    }
}
