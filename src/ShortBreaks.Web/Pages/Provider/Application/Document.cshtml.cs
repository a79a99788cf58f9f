using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>One of the organisation's own evidence documents, as a download; another organisation's is never found.</summary>
public sealed class DocumentModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Document";

    protected override bool AdministratorsOnly => false;

    [BindProperty(SupportsGet = true)] public Guid FileId { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await Framework.DocumentAsync(Member.OrganisationId, FileId, HttpContext.RequestAborted) is { } document
            ? EvidenceFiles.Download(document.Content, document.FileName)
            : NotFound();
}
