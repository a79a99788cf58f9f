namespace ShortBreaks.Web.Pages.Rates.VirtualBudgets;

/// <summary>Asks for a virtual budget run of a version; the run goes in the background and the page returns at once.</summary>
public sealed class StartModel(VirtualBudgetService service, RasVersionService versions, VirtualBudgetQueue queue) : GovukPageModel
{
    public override string Title => "Which RAS version do you want to try?";

    [BindProperty] public string? VersionLabel { get; set; }

    public IReadOnlyList<RasVersionRecord> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await versions.ListAsync(ct);

    /// <summary>The first sentence of a version's notes, or its first 160 characters, so the choice stays readable.</summary>
    public static string Shorten(string notes)
    {
        var end = notes.IndexOf(". ", StringComparison.Ordinal);
        if (end > 0 && end < 160) return notes[..(end + 1)];
        return notes.Length <= 160 ? notes : notes[..157].TrimEnd() + "…";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var (run, result) = await service.RequestAsync(VersionLabel, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            Versions = await versions.ListAsync(ct);
            return Page();
        }

        queue.Enqueue(run!.Id);
        return Redirect(Links.RatesVirtualBudgetRun(run.Id));
    }
}
