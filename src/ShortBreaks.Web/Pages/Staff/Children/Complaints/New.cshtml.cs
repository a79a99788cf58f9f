using ShortBreaks.Web.Pages.Complaints;

namespace ShortBreaks.Web.Pages.Staff.Children.Complaints;

/// <summary>
/// An officer records a complaint, compliment or appeal a family made by phone (or a young person told them). Case
/// staff who may see the child; the complaint then goes to the managers' list, where it is given a handler.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class NewModel(ShortBreaksDbContext db, ComplaintService complaints) : ComplaintFormPage
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override string Title => "Record a complaint, compliment or appeal";

    public override bool ForFamily => false;

    public string ChildName { get; private set; } = "";
    public string ChildReference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var (made, _) = await MakeAsync(complaints, ChildId, ComplaintChannel.Phone, LoadAsync);
        if (made is null) return Page();
        // The officer who took it may not be its handler: the case page answers 404 to anyone who may not see it.
        return Redirect(ComplaintAccess.MaySee(ComplaintViewers.Of(User), made.SubjectWorkerUserId, [])
            ? Links.StaffComplaint(made.Id, done: "made") : Links.StaffChild(ChildId));
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == ChildId).Select(c => new { c.FirstName, c.LastName, c.Reference }).FirstAsync(ct);
        ChildFirstName = child.FirstName;
        ChildName = $"{child.FirstName} {child.LastName}";
        ChildReference = child.Reference;
        Decisions = await complaints.AppealableDecisionsAsync(ChildId, ct);
        Staff = await complaints.StaffAsync(ct);
    }
}
