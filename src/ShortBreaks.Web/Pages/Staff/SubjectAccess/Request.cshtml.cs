using ShortBreaks.Core.SubjectAccess;

namespace ShortBreaks.Web.Pages.Staff.SubjectAccess;

/// <summary>
/// One subject access request: what was found about the subject, the items about other people to include, redact or
/// withhold (each with a reason), the release once every item has a choice, and the archive to download. Every view of
/// this page and every download is audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[NoStore]
public sealed class RequestModel(SubjectAccessService subjectAccess) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => $"Subject access: {Review.Request.SubjectName}";

    public SubjectAccessReview Review { get; private set; } = null!;
    public ReleaseRecord? Release { get; private set; }

    /// <summary>What was posted for each item on a problem, so the choices come back as they were made.</summary>
    public Dictionary<string, (string? Choice, string? Reason)> Posted { get; } = [];

    public DateTime Now => HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>().UtcNow;

    public static IReadOnlyList<(ReleaseChoice Value, string Text)> Choices =>
        [(ReleaseChoice.Include, "Include it"), (ReleaseChoice.Redact, "Redact it (show that it exists, without its words)"), (ReleaseChoice.Withhold, "Withhold it")];

    public (string? Choice, string? Reason) Shown(ReviewItem item) =>
        Posted.TryGetValue(item.Key, out var posted) ? posted
        : Review.Choices.TryGetValue(item.Key, out var saved) ? (saved.Choice.ToString(), saved.Reason) : (null, null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = Review.Request.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostChooseAsync()
    {
        ClearBindingErrors();
        var current = await subjectAccess.FindAsync(Id, HttpContext.RequestAborted);
        if (current is null) return NotFound();
        var inputs = new List<ChoiceInput>();
        for (var i = 0; Request.Form.TryGetValue($"key-{i}", out var key); i++)
        {
            var input = new ChoiceInput(key.ToString(), Request.Form[SubjectAccessService.ChoiceField(i)].FirstOrDefault(), Request.Form[SubjectAccessService.ReasonField(i)].FirstOrDefault());
            inputs.Add(input);
            Posted[input.Key] = (input.Choice, input.Reason);
        }

        if (SeenVersion is not { } seen)
        {
            if (!await LoadAsync()) return NotFound();
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await subjectAccess.ChooseAsync(Id, inputs, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffSubjectAccessRequest(Id, done: "saved"));
        AddErrors(result.Errors);
        if (!await LoadAsync()) return NotFound();
        if (result.Conflict)
        {
            Posted.Clear();
            SeenVersion = Review.Request.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        ClearBindingErrors();
        if (await subjectAccess.FindAsync(Id, HttpContext.RequestAborted) is null) return NotFound();
        if (SeenVersion is not { } seen)
        {
            if (!await LoadAsync()) return NotFound();
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await subjectAccess.ReleaseAsync(Id, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffSubjectAccessRequest(Id, done: "released"));
        AddErrors(result.Errors);
        if (!await LoadAsync()) return NotFound();
        if (result.Conflict) SeenVersion = Review.Request.Version;
        return Page();
    }

    /// <summary>
    /// The released answer as one ZIP. It is written to a temporary file first (entry by entry, never whole in
    /// memory), then sent from it; the file is deleted once sent.
    /// </summary>
    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var request = await subjectAccess.FindAsync(Id, ct);
        if (request is null) return NotFound();
        if (request.Status != SubjectAccessStatus.Released) return Redirect(Links.StaffSubjectAccessRequest(Id));

        var path = Path.Combine(Path.GetTempPath(), $"subject-access-{Guid.NewGuid():N}.zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            if (await subjectAccess.DownloadAsync(Id, file, ct) is null)
            {
                await file.DisposeAsync();
                return NotFound();
            }

            file.Position = 0;
            return File(file, "application/zip", SubjectAccessService.ArchiveName(request));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async Task<bool> LoadAsync()
    {
        var review = await subjectAccess.ReviewAsync(Id, HttpContext.RequestAborted);
        if (review is null) return false;
        Review = review;
        Release = review.Request.ReleaseRecordJson is { } json ? JsonSerializer.Deserialize<ReleaseRecord>(json) : null;
        return true;
    }
}
