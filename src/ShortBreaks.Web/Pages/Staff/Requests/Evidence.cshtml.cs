namespace ShortBreaks.Web.Pages.Staff.Requests;

/// <summary>Downloads one evidence file, always as an attachment, and records that it was looked at.</summary>
[ChildAccess(ChildRecordKind.Request, "id")]
public class EvidenceModel(ShortBreaksDbContext db) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid DocId { get; set; }

    public override string Title => "Evidence";

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var document = await db.EvidenceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DocId && d.RequestId == Id, ct);
        if (document is null) return NotFound();

        var childId = await db.Requests.Where(r => r.Id == Id).Select(r => r.ChildId).FirstOrDefaultAsync(ct);
        db.RecordView(nameof(EvidenceDocument), document.Id.ToString(), childId, System.Text.Json.JsonSerializer.Serialize(new { requestId = Id, document.FileName }));
        await db.SaveChangesAsync(ct);

        // Sent as the type its bytes show, under a name with that type's extension, so a file the family uploaded
        // can never be opened by the browser as a page of this site, nor pass for another kind of file.
        return EvidenceFiles.Download(document.Content, document.FileName);
    }
}
