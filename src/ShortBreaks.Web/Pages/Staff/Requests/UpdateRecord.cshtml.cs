namespace ShortBreaks.Web.Pages.Staff.Requests;

/// <summary>
/// The request's answers beside the child's record, field by field. Nothing on the record changes unless the
/// officer chooses the answers that replace it; the change is audited and put on the child's timeline.
/// </summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Request, "id")]
public class UpdateRecordModel(ShortBreaksDbContext db, RequestService requests, RequestMatching matching) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The names of the fields chosen (see <see cref="RecordField"/>).</summary>
    [BindProperty] public List<string> Fields { get; set; } = [];

    /// <summary>The record's version when the officer loaded the page.</summary>
    [BindProperty] public string? ChildVersion { get; set; }

    public override string Title => "Update the child's record from the request";

    public ShortBreakRequest Answers { get; private set; } = null!;
    public Child Child { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ChildVersion = Child.Version.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var ct = HttpContext.RequestAborted;
        var request = await requests.FindAsync(Id, ct);
        if (request is null || !request.ChildConfirmed) return NotFound();

        // Only field names on the form are accepted; anything else is treated as no choice.
        var chosen = Fields.Select(StaffDisplay.ParseName<RecordField>).OfType<RecordField>().Distinct().ToList();
        var result = await matching.UpdateRecordFromRequestAsync(request, chosen, long.TryParse(ChildVersion, out var v) ? v : -1, ct);
        if (result.Succeeded) return Redirect(Links.StaffRequest(Id, done: "updated"));

        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        if (!await LoadAsync()) return NotFound();
        if (result.Conflict) ChildVersion = Child.Version.ToString();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (request is null || !request.ChildConfirmed || request.ChildId is not { } childId) return false;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return false;
        Answers = request;
        Child = child;
        db.RecordView(nameof(Core.Children.Child), child.Id.ToString(), child.Id, $"compared with request {request.Reference}");
        db.RecordView(nameof(ShortBreakRequest), request.Id.ToString(), child.Id, "compared with the child's record");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public bool IsChosen(RecordField field) => Fields.Contains(field.ToString(), StringComparer.OrdinalIgnoreCase);
}
