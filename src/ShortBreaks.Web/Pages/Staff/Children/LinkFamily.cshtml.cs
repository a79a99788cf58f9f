namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>
/// Links a family account to a child, so the family sees the child's plan and letters. The officer records how
/// they confirmed the person's identity and parental responsibility; the family already linked is told by email.
/// Opened from a request (the account that sent it is filled in) or from the child's record (for example for a
/// family who asked by phone and has since made an account).
/// </summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Child, "id")]
public class LinkFamilyModel(ShortBreaksDbContext db, FamilyLinkService links) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The request the officer came from, if any: its account and relationship are filled in.</summary>
    [BindProperty(SupportsGet = true)] public Guid? RequestId { get; set; }

    [BindProperty] public string? AccountEmail { get; set; }
    [BindProperty] public string? Relationship { get; set; }
    [BindProperty] public string? IdentityCheck { get; set; }
    [BindProperty] public string? ParentalResponsibilityCheck { get; set; }

    public override string Title => "Link a family account to this child";

    public Child Child { get; private set; } = null!;
    public IReadOnlyList<LinkedFamily> Linked { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (RequestId is { } requestId)
        {
            var request = await db.Requests.AsNoTracking().Where(r => r.Id == requestId && r.ChildId == Id)
                .Select(r => new { r.FamilyUserId, r.ContactRelationship }).FirstOrDefaultAsync(HttpContext.RequestAborted);
            if (request?.FamilyUserId is { } userId)
            {
                AccountEmail = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(HttpContext.RequestAborted);
                Relationship = request.ContactRelationship;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var result = await links.LinkAsync(Id, new FamilyLinkDetails(AccountEmail, Relationship, IdentityCheck, ParentalResponsibilityCheck), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Redirect(RequestId is { } requestId ? Links.StaffRequest(requestId, done: "linked") : Links.StaffChild(Id));
        }

        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (child is null) return false;
        Child = child;
        Linked = await links.LinkedAsync(Id, ct);
        db.RecordView(nameof(Core.Children.Child), Id.ToString(), Id, "family link page");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
