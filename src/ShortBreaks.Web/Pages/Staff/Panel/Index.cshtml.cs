namespace ShortBreaks.Web.Pages.Staff.Panel;

/// <summary>The panel's agenda, for the managers who sit on it.</summary>
[Authorize(Policy = Policies.Manager)]
public sealed class IndexModel(PanelService panel) : GovukPageModel
{
    public override string Title => "Panel agenda";

    public PanelAgenda Agenda { get; private set; } = null!;
    public DateOnly? Meeting { get; private set; }

    public async Task OnGetAsync()
    {
        Meeting = DateOnly.TryParseExact(Request.Query["meeting"].ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var page = int.TryParse(Request.Query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        Agenda = await panel.AgendaAsync(page, Meeting, HttpContext.RequestAborted);
    }

    public string PageLink(int page) => Links.StaffPanel(page, Meeting);

    public static string KindName(PanelItemKind kind) => kind switch
    {
        PanelItemKind.EntryToTargeted => "Entry to TSB",
        PanelItemKind.AboveIndicativeBudget => "Above indicative budget",
        PanelItemKind.HigherBudget => "Higher budget",
        PanelItemKind.Reconsideration => "Reconsideration",
        _ => kind.ToString(),
    };
}
