namespace ShortBreaks.Web.Pages.Apply;

/// <summary>
/// A file sent as evidence, back to the family who sent it (or the officer taking the phone request), always as
/// a download: never shown in the browser, so a file cannot run as a page of the service.
/// </summary>
[ChildAccess(ChildRecordKind.Request, "id")]
public class EvidenceFileModel(RequestService requests, ShortBreaksDbContext db) : PageModel
{
    // Without a POST handler, Razor Pages would render the page for a POST without running OnGet.
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId)
    {
        var request = await requests.FindAsync(id, HttpContext.RequestAborted);
        if (request is null) return NotFound();
        // Seeing the request (checked before the page runs) is not enough: only its family or the officer filling it in.
        if (!User.IsFamilyOwner(request) && !HttpContext.ChildAccess().MayChange) return NotFound();

        var document = await db.EvidenceDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.RequestId == id, HttpContext.RequestAborted);
        if (document is null) return NotFound();

        db.RecordView(nameof(EvidenceDocument), document.Id.ToString(), request.ChildId, $"Evidence file of request {request.Reference}");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return EvidenceFiles.Download(document.Content, document.FileName);
    }
}
