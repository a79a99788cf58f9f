namespace ShortBreaks.Web.Pages.Staff.Complaints;

/// <summary>
/// One complaint, compliment or appeal: what was raised, each stage with its handler, due date, extensions and answer
/// letter, and what the handler or a manager does next (give the stage to someone, extend it, record a review panel and
/// its report, answer it, or record the family's request for the next stage). Anyone the need-to-know rule does not let
/// see the case (a worker it names above all) gets "not found", whatever they type; every view is audited.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.Complaint, "complaintId")]
public sealed class ComplaintModel(ComplaintService complaints) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ComplaintId { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public string? OwnerUserId { get; set; }
    [BindProperty] public string? WorkerUserId { get; set; }
    [BindProperty(Name = "ExtendTo-day")] public string? ExtendDay { get; set; }
    [BindProperty(Name = "ExtendTo-month")] public string? ExtendMonth { get; set; }
    [BindProperty(Name = "ExtendTo-year")] public string? ExtendYear { get; set; }
    [BindProperty] public string? ExtensionReason { get; set; }
    [BindProperty(Name = "PanelDay-day")] public string? PanelDay { get; set; }
    [BindProperty(Name = "PanelDay-month")] public string? PanelMonth { get; set; }
    [BindProperty(Name = "PanelDay-year")] public string? PanelYear { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public override string Title => View is { } view ? $"{ComplaintRules.Name(view.Complaint.Kind)} about {view.ChildName}'s short breaks" : "Complaint";

    public ComplaintView View { get; private set; } = null!;
    public ComplaintViewer Viewer { get; private set; } = null!;
    public IReadOnlyList<ComplaintStaffMember> Staff { get; private set; } = [];
    public IReadOnlyList<string> ExtendErrorParts { get; private set; } = [];
    public IReadOnlyList<string> PanelErrorParts { get; private set; } = [];

    public string? DoneText => Done switch
    {
        "made" => "Recorded",
        "assigned" => "Handler given",
        "named" => "Member of staff recorded: they will not see this case",
        "extended" => "Stage extended",
        "panel" => "Panel recorded",
        "report" => "Panel report recorded",
        "answered" => "Answer sent: the letter is in the family's account",
        "escalated" => "Next stage started",
        _ => null,
    };

    /// <summary>The open stage, when the viewer handles it or manages.</summary>
    public ComplaintStage? ActionableStage =>
        View.Complaint.Stages.FirstOrDefault(s => s.RespondedOn == null) is { } open && (Viewer.IsManager || open.OwnerUserId == Viewer.UserId) ? open : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Complaint.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync() =>
        ActAsync("assigned", (seen, ct) => complaints.AssignAsync(ComplaintId, OwnerUserId, seen, Viewer, ct));

    public Task<IActionResult> OnPostNameWorkerAsync() =>
        ActAsync("named", (seen, ct) => complaints.NameWorkerAsync(ComplaintId, WorkerUserId, seen, Viewer, ct));

    public Task<IActionResult> OnPostExtendAsync()
    {
        var day = DateInput.Read("The new due date", ExtendDay, ExtendMonth, ExtendYear);
        ExtendErrorParts = day.ErrorParts;
        return ActAsync("extended", (seen, ct) => day.Error is { } error
            ? Task.FromResult(CommandResult.Fail(DateInput.Key("ExtendTo", day.ErrorParts[0]), error))
            : complaints.ExtendAsync(ComplaintId, day.Date, ExtensionReason, seen, Viewer, ct), map: f => f == "ExtendTo" ? "ExtendTo-day" : f);
    }

    public Task<IActionResult> OnPostPanelAsync() => PanelStepAsync(report: false);

    public Task<IActionResult> OnPostReportAsync() => PanelStepAsync(report: true);

    private Task<IActionResult> PanelStepAsync(bool report)
    {
        var day = DateInput.Read(report ? "The day the report came" : "The day the panel sat", PanelDay, PanelMonth, PanelYear);
        PanelErrorParts = day.ErrorParts;
        return ActAsync(report ? "report" : "panel", (seen, ct) => day.Error is { } error
            ? Task.FromResult(CommandResult.Fail(DateInput.Key("PanelDay", day.ErrorParts[0]), error))
            : report ? complaints.RecordPanelReportAsync(ComplaintId, day.Date, seen, Viewer, ct) : complaints.RecordPanelAsync(ComplaintId, day.Date, seen, Viewer, ct),
            map: f => f == "PanelDay" ? "PanelDay-day" : f);
    }

    public Task<IActionResult> OnPostRespondAsync()
    {
        ComplaintOutcome? outcome = Outcome is { Length: > 0 } text && !text.All(char.IsAsciiDigit) && Enum.TryParse<ComplaintOutcome>(text, out var o) && Enum.IsDefined(o) ? o : null;
        return ActAsync("answered", async (seen, ct) => (await complaints.RespondAsync(ComplaintId, outcome, Reasons, seen, Viewer, ct)).Result);
    }

    public Task<IActionResult> OnPostEscalateAsync() =>
        ActAsync("escalated", (seen, ct) => complaints.EscalateAsync(ComplaintId, seen, Viewer, ct));

    private async Task<IActionResult> ActAsync(string done, Func<long, CancellationToken, Task<CommandResult>> act, Func<string, string>? map = null)
    {
        ClearBindingErrors();
        Viewer = ComplaintViewers.Of(User);
        if (SeenVersion is not { } seen)
        {
            if (!await LoadAsync()) return NotFound();
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await act(seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffComplaint(ComplaintId, done));
        var found = true;
        var page = await RefusedAsync(result.Errors.Select(e => e with { Field = map?.Invoke(e.Field) ?? e.Field }), async () => found = await LoadAsync());
        if (!found) return NotFound();
        // Beaten by someone else's change: the page now shows the case as it stands, and the next try is over that.
        if (result.Conflict) SeenVersion = View.Complaint.Version;
        return page;
    }

    private async Task<bool> LoadAsync()
    {
        Viewer = ComplaintViewers.Of(User);
        var view = await complaints.ViewAsync(ComplaintId, Viewer, HttpContext.RequestAborted);
        if (view is null) return false;
        View = view;
        if (Viewer.IsManager) Staff = await complaints.StaffAsync(HttpContext.RequestAborted);
        return true;
    }
}
