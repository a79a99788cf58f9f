using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Commissioning.Providers;

/// <summary>One of an organisation's evidence documents, as a download for commissioning.</summary>
public sealed class DocumentModel(FrameworkService framework) : GovukPageModel
{
    public override string Title => "Document";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid FileId { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await framework.DocumentAsync(Id, FileId, HttpContext.RequestAborted) is { } document
            ? EvidenceFiles.Download(document.Content, document.FileName)
            : NotFound();
}
