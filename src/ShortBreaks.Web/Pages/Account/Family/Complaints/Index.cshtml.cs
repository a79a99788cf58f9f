namespace ShortBreaks.Web.Pages.Account.Family.Complaints;

/// <summary>The family's complaints, compliments and appeals about one child, and the way to make a new one. Only for an account linked to the child.</summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, ComplaintService complaints) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override string Title => $"Complaints, compliments and appeals about {FirstName}'s short breaks";

    public string FirstName { get; private set; } = "";
    public IReadOnlyList<Complaint> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        FirstName = await db.Children.AsNoTracking().Where(c => c.Id == ChildId).Select(c => c.FirstName).FirstAsync(ct);
        Cases = await complaints.ForChildAsync(ChildId, ct);
        db.RecordView(nameof(Complaint), ChildId.ToString(), ChildId, "complaints listed for the family");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
