using ShortBreaks.Web.Pages.Complaints;

namespace ShortBreaks.Web.Pages.Account.Family.Complaints;

/// <summary>A family (or the young person, from the family's account) makes a complaint, compliment or appeal about a child linked to the account.</summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class NewModel(ShortBreaksDbContext db, ComplaintService complaints) : ComplaintFormPage
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override string Title => $"Tell us about {ChildFirstName}'s short breaks";

    public override bool ForFamily => true;

    public int AnswerWithinWorkingDays => complaints.Settings.LocalResolutionWorkingDays;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var (made, _) = await MakeAsync(complaints, ChildId, ComplaintChannel.Online, LoadAsync);
        return made is null ? Page() : Redirect(Links.FamilyComplaint(ChildId, made.Id, done: "made"));
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        ChildFirstName = await db.Children.AsNoTracking().Where(c => c.Id == ChildId).Select(c => c.FirstName).FirstAsync(ct);
        Decisions = await complaints.AppealableDecisionsAsync(ChildId, ct);
    }
}
