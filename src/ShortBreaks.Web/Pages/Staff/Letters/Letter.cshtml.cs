namespace ShortBreaks.Web.Pages.Staff.Letters;

/// <summary>A letter exactly as it was sent, ready to print. Reading it is a view of the child's record.</summary>
[NoStore]
[ChildAccess(ChildRecordKind.Letter, "id")]
public class LetterModel(ShortBreaksDbContext db, ShortBreaks.Core.Schemes.SchemeCatalog schemes, ComplaintService complaints) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public override string Title => Letter?.Title ?? "Letter";

    public Letter Letter { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public string? RequestReference { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Id, ct);
        if (letter is null || !await MaySeeAsync(letter, ct)) return NotFound();
        Letter = letter;

        var child = await db.Children.AsNoTracking().Where(c => c.Id == letter.ChildId)
            .Select(c => new { c.Reference, Name = c.FirstName + " " + c.LastName }).FirstOrDefaultAsync(ct);
        ChildName = child?.Name ?? "";
        ChildReference = child?.Reference ?? "";
        RequestReference = letter.RequestId is { } requestId
            ? await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Reference).FirstOrDefaultAsync(ct)
            : null;

        db.RecordView(nameof(Letter), letter.Id.ToString(), letter.ChildId);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>The letter as a PDF, for post or for the family's own copy.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        var ct = HttpContext.RequestAborted;
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Id, ct);
        if (letter is null || !await MaySeeAsync(letter, ct)) return NotFound();
        db.RecordView(nameof(Letter), letter.Id.ToString(), letter.ChildId, "Downloaded as PDF");
        await db.SaveChangesAsync(ct);
        return LetterFiles.Pdf(letter, schemes.InForceOn(UkCalendar.DateOf(letter.CreatedAt)));
    }

    /// <summary>A complaint's answer is read only by those who may see the complaint (never a worker it names).</summary>
    private async Task<bool> MaySeeAsync(Letter letter, CancellationToken ct) =>
        letter.Kind != LetterKinds.ComplaintResponse || await complaints.MaySeeLetterAsync(letter.Id, ComplaintViewers.Of(User), ct);
}
