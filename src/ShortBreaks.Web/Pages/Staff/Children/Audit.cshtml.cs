namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>Who changed or looked at a child's record, and when: for team managers and administrators only.</summary>
[Authorize(Policy = Policies.Manager)]
[ChildAccess(ChildRecordKind.Child, "id")]
public class AuditModel(ShortBreaksDbContext db) : GovukPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public override string Title => $"Audit of {ChildName}'s record";

    public string ChildName { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == Id)
            .Select(c => new { c.FirstName, c.LastName, c.Reference }).FirstOrDefaultAsync(ct);
        if (child is null) return NotFound();
        ChildName = $"{child.FirstName} {child.LastName}";
        ChildReference = child.Reference;

        // "page" is a Razor Pages route value, so the page number is read from the query string.
        PageNumber = int.TryParse(Request.Query["p"], out var p) && p > 0 ? p : 1;
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ChildId == Id);
        Total = await entries.CountAsync(ct);
        PageNumber = Math.Min(PageNumber, PageCount);
        Entries = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        db.RecordView(nameof(AuditEntry), Id.ToString(), Id, "audit of the record");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
