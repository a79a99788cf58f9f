namespace ShortBreaks.Web.Pages.Account.Family.Complaints;

/// <summary>
/// A family's complaint, compliment or appeal as they see it: where it stands, when to expect the answer (and why it
/// needs longer, when extended), the answer letters, and asking for the next stage. Only for an account linked to the child.
/// </summary>
[ChildAccess(ChildRecordKind.Complaint, "complaintId")]
public sealed class ComplaintModel(ComplaintService complaints) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ComplaintId { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => $"Your {ComplaintRules.Name(View.Complaint.Kind).ToLowerInvariant()} about {View.ChildName.Split(' ')[0]}'s short breaks";

    public ComplaintView View { get; private set; } = null!;

    public string? DoneText => Done switch
    {
        "made" => View.Complaint.Kind == ComplaintKind.Compliment ? "Thank you: we have passed it on" : "Received: we will answer by the date below",
        "escalated" => "You have asked for the next stage",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Complaint.Version;
        return Page();
    }

    /// <summary>The family asks for the next stage.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (SeenVersion is not { } seen)
        {
            if (!await LoadAsync()) return NotFound();
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        // The child is the family's ([ChildAccess]); the case must be that child's.
        if (await complaints.FamilyViewAsync(ChildId, ComplaintId, HttpContext.RequestAborted) is null) return NotFound();
        var result = await complaints.EscalateAsync(ComplaintId, seen, viewer: null, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FamilyComplaint(ChildId, ComplaintId, "escalated"));
        var found = true;
        var page = await RefusedAsync(result.Errors, async () => found = await LoadAsync());
        if (result.Conflict && found) SeenVersion = View.Complaint.Version;
        return found ? page : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        var view = await complaints.FamilyViewAsync(ChildId, ComplaintId, HttpContext.RequestAborted);
        if (view is null) return false;
        View = view;
        return true;
    }
}
