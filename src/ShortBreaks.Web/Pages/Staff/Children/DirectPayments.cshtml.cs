using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>
/// A child's direct payments and what one could be set up from (an approved plan's direct payment lines, an agreed
/// Flexible Short Breaks package taken as a direct payment), with the officer's "Set up the direct payment": the
/// source and who receives it on the child's behalf. Setting one up drafts the agreement for the family to agree.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class DirectPaymentsModel(ShortBreaksDbContext db, DirectPaymentService payments) : GovukPageModel
{
    [FromRoute] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? RecipientUserId { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? RecipientRelationship { get; set; }

    public override string Title => $"{ChildName}'s direct payments";

    public string ChildName { get; private set; } = "";
    public IReadOnlyList<DirectPayment> Payments { get; private set; } = [];
    public IReadOnlyList<DirectPaymentSource> Sources { get; private set; } = [];
    public IReadOnlyList<(string UserId, string Name, string Relationship)> Family { get; private set; } = [];

    /// <summary>Personalisation officers, team managers and administrators set direct payments up; reviewing officers read them.</summary>
    public bool MaySetUp => ChildAccessHandler.IsAssessor(User);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!MaySetUp) return Forbid();
        var (made, result) = await payments.SetUpAsync(ChildId, new DirectPaymentSetUp(Source, RecipientUserId, RecipientName, RecipientRelationship), HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.DirectPayment(made!.Id, done: "set-up"));
        return await RefusedAsync(result.Errors, LoadAsync);
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        ChildName = await db.Children.AsNoTracking().Where(c => c.Id == ChildId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        Payments = await payments.ForChildAsync(ChildId, ct);
        Sources = await payments.SourcesAsync(ChildId, ct);
        Family = (await db.ChildFamilyMembers.AsNoTracking().Where(m => m.ChildId == ChildId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, m.Relationship }).ToListAsync(ct))
            .Select(m => (m.Id, m.DisplayName, m.Relationship)).ToList();
        db.RecordView(nameof(DirectPayment), ChildId.ToString(), ChildId, "The child's direct payments");
        await db.SaveChangesAsync(ct);
    }
}
