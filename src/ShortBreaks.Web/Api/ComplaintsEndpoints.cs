using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Api;

/// <summary>
/// Complaints, compliments and appeals, with the pages' rules. Staff: the list and a case only as the need-to-know rule
/// allows (<see cref="ComplaintAccess"/>: team managers and administrators see every case that does not name them, a
/// handler the cases whose stages they handle, the worker a case names never), and only about children their role sees;
/// an officer records one taken by phone; the stage moves (give to a handler, extend, answer, the next stage) go through
/// <see cref="ComplaintService"/> over the version last read (409 otherwise). A family: their own child's cases, and the
/// next stage. Anything else is not found. Every case read is audited by the service, as on the pages.
/// </summary>
public static class ComplaintsEndpoints
{
    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapApiGroup("/api/complaints", "Complaints").RequireAuthorization(Policies.CaseStaff);

        staff.MapGet("", ListAsync)
            .Describe("ListComplaints", "List complaints, compliments and appeals",
                "Open cases by due date, overdue first, then answered ones newest first, 25 a page, with counts by stage (open " +
                "cases), subject and outcome over every case the caller may see. show is open (the default), overdue, mine (the " +
                "stages the caller handles) or all; kind (Complaint, Compliment, Appeal), subject, stage (LocalResolution, " +
                "Investigation, ReviewPanel, Appeal) and outcome narrow it; page from 1. Team managers and administrators see " +
                "every case that does not name them; other case staff the cases whose stages they handle; nobody a case about them.")
            .ProducesValidationProblem();

        staff.MapGet("/{complaintId:guid}", CaseAsync)
            .Describe("GetComplaint", "Read a complaint, compliment or appeal",
                "What was raised, each stage with its handler, due date, latest due date, extensions and answer, and version (send " +
                "it back with a move). A case the caller may not see (one naming them above all) is not found. Audited.")
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        staff.MapPost("/{complaintId:guid}/handler", AssignAsync)
            .Describe("AssignComplaintStage", "Give the open stage to a handler",
                "ownerUserId and version. Team managers and administrators only; an appeal goes to a manager who did not make the " +
                "decision, stage 2 to someone who did not handle stage 1, never to the worker the case names.")
            .AcceptsJson<ComplaintHandlerBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        staff.MapPost("/{complaintId:guid}/extension", ExtendAsync)
            .Describe("ExtendComplaintStage", "Extend the open stage",
                "dueOn (yyyy-MM-dd, later than the stage's due date and not past its latestDueOn), reason and version. The stage's " +
                "handler or a manager.")
            .AcceptsJson<ComplaintExtensionBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        staff.MapPost("/{complaintId:guid}/response", RespondAsync)
            .Describe("AnswerComplaintStage", "Answer the open stage",
                "outcome (Upheld, PartlyUpheld, NotUpheld, Withdrawn; not Withdrawn for an appeal), reasons and version. The answer " +
                "is kept as a letter the family reads in their account. The stage's handler or a manager; an appeal only by the " +
                "manager hearing it; stage 3 once the panel's report is in.")
            .AcceptsJson<ComplaintResponseBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        staff.MapPost("/{complaintId:guid}/escalation", EscalateAsync)
            .Describe("EscalateComplaint", "Record the family's request for the next stage",
                "version. Only once the last stage is answered, and only as far as stage 3; the new stage's clock starts today.")
            .AcceptsJson<ComplaintVersionBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        var children = app.MapApiGroup("/api/children/{childId:guid}/complaints", "Complaints");

        children.MapPost("", RecordAsync)
            .Describe("RecordComplaint", "Record a complaint, compliment or appeal made by phone",
                "kind (Complaint, Compliment, Appeal); subject (Service, Worker, EligibilityDecision, Budget, PlanNotApproved, ReviewOutcome; for an " +
                "appeal or a complaint about a decision, the kind of decision); madeBy (ParentCarer, YoungPerson); summary; outcomeWanted (optional); matterAroseOn " +
                "(yyyy-MM-dd, optional: more than the scheme's months before today flags it as late); subjectRecordId (an appeal: " +
                "the decision, plan version or completed review); subjectWorkerUserId (a complaint about a member of staff). Case staff who " +
                "see the child. The answer's Location may be not found to the caller: the case goes to the managers, who give it a handler.")
            .AcceptsJson<ComplaintBody>()
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.CaseStaff)
            .ForRecord(ChildRecordKind.Child, "childId");

        children.MapGet("", FamilyListAsync)
            .Describe("ListFamilyComplaints", "A family: list their child's complaints, compliments and appeals",
                "Newest first, each with its stages, due dates and answers. Only for a family account linked to the child. Audited.")
            .RequireAuthorization(Policies.Family)
            .ForRecord(ChildRecordKind.Child, "childId");

        children.MapGet("/{complaintId:guid}", FamilyCaseAsync)
            .Describe("GetFamilyComplaint", "A family: read one of their child's cases",
                "With each stage's due date, extensions and their reasons, the answer and its letter, nextStage (the stage the " +
                "family may ask for now) and version. Audited.")
            .RequireAuthorization(Policies.Family)
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        children.MapPost("/{complaintId:guid}/escalation", FamilyEscalateAsync)
            .Describe("AskForNextComplaintStage", "A family: ask for the next stage",
                "version. Only once the last stage is answered and while there is a next stage (see nextStage).")
            .AcceptsJson<ComplaintVersionBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Family)
            .ForRecord(ChildRecordKind.Complaint, "complaintId");

        return app;
    }

    public static async Task<Results<Ok<ComplaintsPage>, ProblemHttpResult>> ListAsync(
        [Description("Complaint, Compliment or Appeal.")] string? kind,
        [Description("Service, Worker, EligibilityDecision, Budget, PlanNotApproved or ReviewOutcome.")] string? subject,
        [Description("LocalResolution, Investigation, ReviewPanel or Appeal.")] string? stage,
        [Description("Upheld, PartlyUpheld, NotUpheld, Withdrawn or Noted.")] string? outcome,
        [Description("open (the default), overdue, mine or all.")] string? show,
        [Description("Page number, from 1.")] string? page,
        ClaimsPrincipal user, ComplaintService complaints, StaffVisibility visibility, CancellationToken ct)
    {
        var (kindChosen, kindError) = ApiRefusals.Choice<ComplaintKind>(kind, "kind");
        var (subjectChosen, subjectError) = ApiRefusals.Choice<ComplaintSubject>(subject, "subject");
        var (stageChosen, stageError) = ApiRefusals.Choice<ComplaintStageKind>(stage, "stage");
        var (outcomeChosen, outcomeError) = ApiRefusals.Choice<ComplaintOutcome>(outcome, "outcome");
        var (number, pageError) = ApiRefusals.PageNumber(page);
        var showing = string.IsNullOrEmpty(show) ? "open" : show;
        var errors = new[] { kindError, subjectError, stageError, outcomeError, pageError }.OfType<FieldError>().ToList();
        if (showing is not ("open" or "overdue" or "mine" or "all")) errors.Add(new("show", "Enter open, overdue, mine or all"));
        if (errors.Count > 0) return ApiRefusals.Invalid([.. errors]);

        var viewer = ComplaintViewers.Of(user);
        var filter = new ComplaintFilter(kindChosen, subjectChosen, stageChosen, outcomeChosen,
            OpenOnly: showing is "open" or "mine", OverdueOnly: showing == "overdue", MineOnly: showing == "mine");
        var list = await complaints.ListAsync(viewer, filter, number, ct, await visibility.ForAsync(user, ct));
        return TypedResults.Ok(new ComplaintsPage(
            list.Items.Select(i => new ComplaintListEntry(i.Id, i.ChildName, i.ChildReference, i.Kind, i.Subject, i.Stage, i.DueOn, i.Overdue, i.Late,
                i.OwnerName, i.Outcome, i.ReceivedOn)).ToList(),
            list.Total, list.PageNumber, list.PageSize, Math.Max(1, (list.Total + list.PageSize - 1) / list.PageSize),
            list.OpenByStage.ToDictionary(p => p.Key.ToString(), p => p.Value),
            list.BySubject.ToDictionary(p => p.Key.ToString(), p => p.Value),
            list.ByOutcome.ToDictionary(p => p.Key.ToString(), p => p.Value)));
    }

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> CaseAsync(
        Guid complaintId, ClaimsPrincipal user, ComplaintService complaints, CancellationToken ct)
    {
        var view = await complaints.ViewAsync(complaintId, ComplaintViewers.Of(user), ct);
        return view is null ? ComplaintNotFound() : TypedResults.Ok(Detail(view));
    }

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> AssignAsync(
        Guid complaintId, HttpContext http, ComplaintService complaints, CancellationToken ct) =>
        MoveAsync<ComplaintHandlerBody>(complaintId, http, complaints, (b, version, viewer) => complaints.AssignAsync(complaintId, b.OwnerUserId, version, viewer, ct), ct);

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> ExtendAsync(
        Guid complaintId, HttpContext http, ComplaintService complaints, CancellationToken ct) =>
        MoveAsync<ComplaintExtensionBody>(complaintId, http, complaints, (b, version, viewer) => complaints.ExtendAsync(complaintId, b.DueOn, b.Reason, version, viewer, ct), ct);

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> RespondAsync(
        Guid complaintId, HttpContext http, ComplaintService complaints, CancellationToken ct) =>
        MoveAsync<ComplaintResponseBody>(complaintId, http, complaints,
            async (b, version, viewer) => (await complaints.RespondAsync(complaintId, b.Outcome, b.Reasons, version, viewer, ct)).Result, ct);

    public static Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> EscalateAsync(
        Guid complaintId, HttpContext http, ComplaintService complaints, CancellationToken ct) =>
        MoveAsync<ComplaintVersionBody>(complaintId, http, complaints, (_, version, viewer) => complaints.EscalateAsync(complaintId, version, viewer, ct), ct);

    /// <summary>Reads the body and its version, makes the move as the signed-in member of staff, and answers the case as it is now.</summary>
    private static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> MoveAsync<T>(
        Guid complaintId, HttpContext http, ComplaintService complaints, Func<T, long, ComplaintViewer, Task<CommandResult>> move, CancellationToken ct)
        where T : ComplaintVersionBody
    {
        var viewer = ComplaintViewers.Of(http.User);
        // Someone the case is hidden from is told it does not exist, before anything they sent is read.
        if (await complaints.ViewAsync(complaintId, viewer, ct) is null) return ComplaintNotFound();
        var body = await ApiJson.ReadAsync<T>(http);
        if (body.Problem is { } unreadable) return unreadable;
        if (body.Value!.Version is not { } version) return ApiRefusals.Invalid(VersionMissing);

        var result = await move(body.Value, version, viewer);
        if (!result.Succeeded) return ApiRefusals.Refused(result, "case", BodyField);
        var view = await complaints.ViewAsync(complaintId, viewer, ct);
        return view is null ? ComplaintNotFound() : TypedResults.Ok(Detail(view));
    }

    public static async Task<Results<Created<ComplaintRecorded>, ProblemHttpResult>> RecordAsync(
        Guid childId, HttpContext http, ComplaintService complaints, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ComplaintBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;
        var missing = new List<FieldError>();
        if (b.Kind is null) missing.Add(new("kind", "Enter Complaint, Compliment or Appeal"));
        if (b.Subject is null) missing.Add(new("subject", "Enter what it is about"));
        if (b.MadeBy is null) missing.Add(new("madeBy", "Enter ParentCarer or YoungPerson"));
        if (missing.Count > 0) return ApiRefusals.Invalid([.. missing]);

        var input = new NewComplaint(b.Kind!.Value, b.Subject!.Value, b.MadeBy!.Value, ComplaintChannel.Phone, b.Summary, b.OutcomeWanted, b.MatterAroseOn,
            b.SubjectRecordId, b.SubjectWorkerUserId);
        var (made, result) = await complaints.MakeAsync(childId, input, ct);
        if (made is null) return ApiRefusals.Refused(result, "child's record", BodyField);
        return TypedResults.Created($"/api/complaints/{made.Id}",
            new ComplaintRecorded(made.Id, made.ChildId, made.Kind, made.Subject, made.ReceivedOn, made.Late, made.CurrentStage, made.CurrentDueOn, made.Outcome));
    }

    public static async Task<Ok<List<FamilyComplaintDetail>>> FamilyListAsync(Guid childId, ComplaintService complaints, ShortBreaksDbContext db, CancellationToken ct)
    {
        var cases = await complaints.ForChildAsync(childId, ct);
        db.RecordView(nameof(Complaint), childId.ToString(), childId, "complaints listed for the family");
        await db.SaveChangesAsync(ct);
        var today = complaints.Today;
        return TypedResults.Ok(cases.Select(c => ForFamily(new ComplaintView(c, "", "", [], today))).ToList());
    }

    public static async Task<Results<Ok<FamilyComplaintDetail>, ProblemHttpResult>> FamilyCaseAsync(
        Guid childId, Guid complaintId, ComplaintService complaints, CancellationToken ct)
    {
        var view = await complaints.FamilyViewAsync(childId, complaintId, ct);
        return view is null ? ComplaintNotFound() : TypedResults.Ok(ForFamily(view));
    }

    public static async Task<Results<Ok<FamilyComplaintDetail>, ProblemHttpResult>> FamilyEscalateAsync(
        Guid childId, Guid complaintId, HttpContext http, ComplaintService complaints, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ComplaintVersionBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        if (body.Value!.Version is not { } version) return ApiRefusals.Invalid(VersionMissing);
        var result = await complaints.EscalateAsync(complaintId, version, viewer: null, ct);
        if (!result.Succeeded) return ApiRefusals.Refused(result, "case");
        var view = await complaints.FamilyViewAsync(childId, complaintId, ct);
        return view is null ? ComplaintNotFound() : TypedResults.Ok(ForFamily(view));
    }

    /// <summary>The service's field names as the body spells them.</summary>
    private static string BodyField(string field) => field switch
    {
        "ExtendTo" => "dueOn",
        "ExtensionReason" => "reason",
        "Outcome" => "outcome",
        "Reasons" => "reasons",
        "OwnerUserId" => "ownerUserId",
        _ => field,
    };

    private static readonly FieldError VersionMissing = new("version", "Enter the version of the case you last read");

    internal static ProblemHttpResult ComplaintNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Case not found",
            detail: "There is no complaint, compliment or appeal with this id that you can see.");

    private static ComplaintDetail Detail(ComplaintView view)
    {
        var c = view.Complaint;
        return new ComplaintDetail(c.Id, c.ChildId, view.ChildName, view.ChildReference, c.Kind, c.Subject, c.SubjectRecordId, c.SubjectWorkerName,
            c.MadeBy, c.Channel, c.MadeByName, c.ReceivedOn, c.MatterAroseOn, c.Late, c.Summary, c.OutcomeWanted, c.CurrentStage, c.CurrentDueOn,
            view.Overdue, c.Open, c.Outcome, c.ClosedAt, view.NextStage,
            c.Stages.OrderBy(s => s.StartedOn).ThenBy(s => s.Kind).Select(s => new ComplaintStageDetail(s.Id, s.Kind, s.OwnerUserId, s.OwnerName, s.StartedOn,
                s.DueOn, s.LatestDueOn, ComplaintRules.Overdue(s, view.Today), s.PanelHeldOn, s.PanelReportOn, s.RespondedOn, s.Outcome, s.Response,
                s.RespondedByName, s.LetterId,
                s.Extensions.OrderBy(e => e.At).Select(e => new ComplaintExtensionDetail(e.FromDueOn, e.ToDueOn, e.Reason, e.At, e.ByName)).ToList())).ToList(),
            c.Version);
    }

    /// <summary>What the family's page shows: no handler's names, nor who the case names.</summary>
    private static FamilyComplaintDetail ForFamily(ComplaintView view)
    {
        var c = view.Complaint;
        return new FamilyComplaintDetail(c.Id, c.Kind, c.Subject, c.ReceivedOn, c.Summary, c.OutcomeWanted, c.CurrentStage, c.Open, c.Outcome, view.NextStage,
            c.Stages.OrderBy(s => s.StartedOn).ThenBy(s => s.Kind).Select(s => new FamilyComplaintStage(s.Kind, s.StartedOn,
                s.RespondedOn is null ? s.DueOn : null, s.RespondedOn, s.Outcome, s.LetterId,
                s.Extensions.OrderBy(e => e.At).Select(e => new FamilyComplaintExtension(e.FromDueOn, e.ToDueOn, e.Reason)).ToList())).ToList(),
            c.Version);
    }
}

/// <summary>A page of the list, with counts by stage (open cases), subject and outcome over every case the caller may see.</summary>
public sealed record ComplaintsPage(
    IReadOnlyList<ComplaintListEntry> Items, int Total, int Page, int PageSize, int Pages,
    IReadOnlyDictionary<string, int> OpenByStage, IReadOnlyDictionary<string, int> BySubject, IReadOnlyDictionary<string, int> ByOutcome);

public sealed record ComplaintListEntry(
    Guid Id, string ChildName, string ChildReference, ComplaintKind Kind, ComplaintSubject Subject, ComplaintStageKind? Stage, DateOnly? DueOn,
    bool Overdue, bool Late, string? OwnerName, ComplaintOutcome? Outcome, DateOnly ReceivedOn);

/// <summary>A case as its handler's page shows it; version is sent back with every move.</summary>
public sealed record ComplaintDetail(
    Guid Id, Guid ChildId, string ChildName, string ChildReference, ComplaintKind Kind, ComplaintSubject Subject, Guid? SubjectRecordId,
    string? SubjectWorkerName, ComplaintMadeBy MadeBy, ComplaintChannel Channel, string MadeByName, DateOnly ReceivedOn, DateOnly? MatterAroseOn,
    bool Late, string Summary, string? OutcomeWanted, ComplaintStageKind? CurrentStage, DateOnly? CurrentDueOn, bool Overdue, bool Open,
    ComplaintOutcome? Outcome, DateTime? ClosedAt, ComplaintStageKind? NextStage, IReadOnlyList<ComplaintStageDetail> Stages, long Version);

public sealed record ComplaintStageDetail(
    Guid Id, ComplaintStageKind Kind, string? OwnerUserId, string? OwnerName, DateOnly StartedOn, DateOnly DueOn, DateOnly LatestDueOn, bool Overdue,
    DateOnly? PanelHeldOn, DateOnly? PanelReportOn, DateOnly? RespondedOn, ComplaintOutcome? Outcome, string? Response, string? RespondedByName,
    Guid? LetterId, IReadOnlyList<ComplaintExtensionDetail> Extensions);

public sealed record ComplaintExtensionDetail(DateOnly FromDueOn, DateOnly ToDueOn, string Reason, DateTime At, string ByName);

/// <summary>A case just recorded: its stage and due date (stage 1 or the appeal), or Noted for a compliment.</summary>
public sealed record ComplaintRecorded(
    Guid Id, Guid ChildId, ComplaintKind Kind, ComplaintSubject Subject, DateOnly ReceivedOn, bool Late, ComplaintStageKind? CurrentStage,
    DateOnly? CurrentDueOn, ComplaintOutcome? Outcome);

/// <summary>A case as the family's page shows it.</summary>
public sealed record FamilyComplaintDetail(
    Guid Id, ComplaintKind Kind, ComplaintSubject Subject, DateOnly ReceivedOn, string Summary, string? OutcomeWanted, ComplaintStageKind? CurrentStage,
    bool Open, ComplaintOutcome? Outcome, ComplaintStageKind? NextStage, IReadOnlyList<FamilyComplaintStage> Stages, long Version);

/// <param name="AnswerBy">The day the family will be answered by, while the stage is open.</param>
public sealed record FamilyComplaintStage(
    ComplaintStageKind Kind, DateOnly StartedOn, DateOnly? AnswerBy, DateOnly? RespondedOn, ComplaintOutcome? Outcome, Guid? LetterId,
    IReadOnlyList<FamilyComplaintExtension> Extensions);

public sealed record FamilyComplaintExtension(DateOnly FromDueOn, DateOnly ToDueOn, string Reason);

/// <summary>A move that needs only the version of the case last read.</summary>
public record ComplaintVersionBody
{
    public long? Version { get; init; }
}

public sealed record ComplaintHandlerBody : ComplaintVersionBody
{
    public string? OwnerUserId { get; init; }
}

public sealed record ComplaintExtensionBody : ComplaintVersionBody
{
    public DateOnly? DueOn { get; init; }
    [LongText] public string? Reason { get; init; }
}

public sealed record ComplaintResponseBody : ComplaintVersionBody
{
    public ComplaintOutcome? Outcome { get; init; }
    [LongText] public string? Reasons { get; init; }
}

/// <summary>A complaint, compliment or appeal taken by phone: see RecordComplaint.</summary>
public sealed record ComplaintBody
{
    public ComplaintKind? Kind { get; init; }
    public ComplaintSubject? Subject { get; init; }
    public ComplaintMadeBy? MadeBy { get; init; }
    [LongText] public string? Summary { get; init; }
    [LongText] public string? OutcomeWanted { get; init; }
    public DateOnly? MatterAroseOn { get; init; }
    public Guid? SubjectRecordId { get; init; }
    public string? SubjectWorkerUserId { get; init; }
}
