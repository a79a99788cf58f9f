using Microsoft.AspNetCore.Mvc.Filters;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>
/// Evidence documents (certificates, policies), each marked with the framework question it answers. Uploaded one at a
/// time and checked as every upload is: PDF, JPEG or PNG by their first bytes, under the size limit. The page reads its
/// own form so a body over the limits is answered here with a message (see <see cref="UploadForms"/>).
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
public sealed class DocumentsModel(FrameworkService framework, IAntiforgery antiforgery, ILogger<DocumentsModel> logger) : FrameworkPageModel(framework)
{
    public override string Title => "Evidence documents";

    private IFormFile? _upload;
    private string? _formProblem;

    public string? CriterionId { get; private set; }

    private Guid? _documentId;

    private static string TooLarge => $"The selected file must be smaller than {EvidenceFiles.MaxSizeText}";

    public string CriterionLabel(string? id) =>
        id is null ? "Other" : Settings.FrameworkCriteria.FirstOrDefault(c => c.Id == id)?.Question ?? id;

    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        UploadForms.BindRouteAndQueryOnly(PageContext);
        return Task.CompletedTask;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        (var form, _formProblem) = await UploadForms.ReadPostedAsync(context, antiforgery, logger, TooLarge, "The selected file could not be uploaded. Try again");
        if (context.Result is not null) return;
        if (form is not null)
        {
            CriterionId = form["CriterionId"];
            _upload = form.Files.GetFile("Upload");
            _documentId = Guid.TryParse(form["DocumentId"], out var id) ? id : null;
        }

        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        ClearBindingErrors();
        if (_formProblem is not null) return await ShowAgainAsync(CommandResult.Fail("Upload", _formProblem));
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(CriterionId)) errors.Add(new("CriterionId", "Select what the document is evidence of"));
        byte[]? content = null;
        string? contentType = null;
        if (_upload is null)
        {
            errors.Add(new("Upload", "Select a file"));
        }
        else if (_upload.Length == 0)
        {
            errors.Add(new("Upload", "The selected file is empty"));
        }
        else if (_upload.Length > ServiceSetup.MaxEvidenceBytes)
        {
            errors.Add(new("Upload", TooLarge));
        }
        else
        {
            using var buffer = new MemoryStream((int)_upload.Length);
            await _upload.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
            contentType = EvidenceFiles.ContentTypeOf(content);
            if (contentType is null) errors.Add(new("Upload", "The selected file must be a PDF, JPG or PNG"));
        }

        if (errors.Count > 0) return await ShowAgainAsync(CommandResult.Fail(errors));
        var result = await Framework.AddDocumentAsync(Member.OrganisationId, new OrganisationDocument
        {
            CriterionId = CriterionId == "other" ? null : CriterionId,
            ApplicationId = Record.Application?.Id,
            FileName = EvidenceFiles.SafeName(_upload!.FileName),
            ContentType = contentType!,
            SizeBytes = content!.LongLength,
            Content = content,
        }, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect(Links.ProviderApplicationDocuments()) : await ShowAgainAsync(result);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        ClearBindingErrors();
        if (_formProblem is not null) return await ShowAgainAsync(CommandResult.Fail("Upload", _formProblem));
        if (_documentId is not { } id) return Redirect(Links.ProviderApplicationDocuments());
        var result = await Framework.RemoveDocumentAsync(Member.OrganisationId, id, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect(Links.ProviderApplicationDocuments()) : await ShowAgainAsync(result);
    }
}
