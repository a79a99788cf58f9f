using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Core.Complaints;

/// <summary>What a family or an officer enters to make a complaint, compliment or appeal.</summary>
public sealed record NewComplaint(
    ComplaintKind Kind, ComplaintSubject Subject, ComplaintMadeBy MadeBy, ComplaintChannel Channel, string? Summary,
    string? OutcomeWanted = null, DateOnly? MatterAroseOn = null, Guid? SubjectRecordId = null, string? SubjectWorkerUserId = null,
    string? SubjectWorkerName = null);

/// <summary>The managers' list's filters (all optional).</summary>
public sealed record ComplaintFilter(
    ComplaintKind? Kind = null, ComplaintSubject? Subject = null, ComplaintStageKind? Stage = null, ComplaintOutcome? Outcome = null,
    bool OpenOnly = true, bool OverdueOnly = false, bool MineOnly = false);

/// <summary>One row of the list.</summary>
public sealed record ComplaintListItem(
    Guid Id, string ChildName, string ChildReference, ComplaintKind Kind, ComplaintSubject Subject, ComplaintStageKind? Stage,
    DateOnly? DueOn, bool Overdue, bool Late, string? OwnerName, ComplaintOutcome? Outcome, DateOnly ReceivedOn);

/// <summary>A page of the list, how many match, and the counts by stage (open cases), subject and outcome.</summary>
public sealed record ComplaintPage(
    IReadOnlyList<ComplaintListItem> Items, int Total, int PageNumber, int PageSize,
    IReadOnlyDictionary<ComplaintStageKind, int> OpenByStage, IReadOnlyDictionary<ComplaintSubject, int> BySubject,
    IReadOnlyDictionary<ComplaintOutcome, int> ByOutcome);

/// <summary>
/// A complaint with its child and letters, for the handler's and the family's pages; <paramref name="About"/> names the
/// decision or review it is about, when it names one.
/// </summary>
public sealed record ComplaintView(Complaint Complaint, string ChildName, string ChildReference, IReadOnlyList<Letter> Letters, DateOnly Today, string? About = null)
{
    public ComplaintStage? Current => Complaint.Stages.OrderBy(s => s.StartedOn).ThenBy(s => s.Kind).LastOrDefault();

    public bool Overdue => Current is { } stage && ComplaintRules.Overdue(stage, Today);

    /// <summary>The stage the family may ask for now, if any.</summary>
    public ComplaintStageKind? NextStage =>
        Complaint.Open && Current is { RespondedOn: not null } answered ? ComplaintRules.Next(answered.Kind) : null;
}

/// <summary>A member of staff who may handle a stage or be named.</summary>
public sealed record ComplaintStaffMember(string UserId, string Name, bool IsManager);

/// <summary>
/// Complaints, compliments and appeals (item 9 of the design): made by a family from their account or taken by phone,
/// handled in the statutory stages with the scheme's timescales in working days (<see cref="ComplaintRules"/>), each
/// stage with an owner, a due date, extensions with reasons and a response letter, and the family's request for the
/// next stage. Appeals go to a manager who did not make the decision. Who sees a case is <see cref="ComplaintAccess"/>;
/// every view is audited. Changes are saved only over the version the person saw. Complaints are kept off the child's
/// timeline and staff letter list, which every case worker reads: their history is their stages, extensions and audit.
/// </summary>
public sealed class ComplaintService(
    ShortBreaksDbContext db, SchemeCatalog schemes, WorkingDays workingDays, Messenger messenger, ComplaintCounts? counts = null)
{
    public const int PageSize = 25;

    public DateOnly Today => db.Today;

    private Scheme Scheme => schemes.InForceOn(Today);

    /// <summary>The timescales in force today, for pages that tell a family when to expect an answer.</summary>
    public ComplaintSettings Settings => Scheme.ComplaintRules;

    public static CommandResult Conflict() => CommandResult.Conflicted(
        "Someone else changed this case while you were working on it. Nothing you entered has been saved over their change: check the case as it is now and try again.");

    private static readonly CommandResult NotFound = CommandResult.Fail("", "This case could not be found.");

    /// <summary>Makes a complaint, compliment or appeal about a child, checked here: its id, or the problems by field.</summary>
    public async Task<(Complaint? Made, CommandResult Result)> MakeAsync(Guid childId, NewComplaint input, CancellationToken ct = default)
    {
        var errors = FieldProblems(input, Today);
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId && c.MergedIntoChildId == null, ct);
        if (child is null) return (null, CommandResult.Fail("", "This child's record could not be found."));

        // An officer chooses the member of staff; a family gives the name they know, and a manager then says whose
        // account it is (NameWorkerAsync). Until then only managers see the case: nobody else handles it yet.
        string? workerName = null;
        if (errors.Count == 0 && input.Subject == ComplaintSubject.Worker)
        {
            if (input.SubjectWorkerUserId is { Length: > 0 } workerId)
            {
                var worker = (await StaffAsync(ct)).FirstOrDefault(s => s.UserId == workerId);
                if (worker is null) errors.Add(new("SubjectWorkerUserId", "Choose the member of staff it is about."));
                else workerName = worker.Name;
            }
            else if (input.Channel == ComplaintChannel.Online)
            {
                workerName = input.SubjectWorkerName!.Trim();
            }
        }

        string? decisionMakers = null;
        if (errors.Count == 0 && input.Kind == ComplaintKind.Appeal)
        {
            var makers = await DecisionMakersAsync(childId, input.Subject, input.SubjectRecordId, ct);
            if (makers is null) errors.Add(new("SubjectRecordId", "Choose the decision being appealed."));
            else decisionMakers = string.Join(' ', makers);
        }
        else if (errors.Count == 0 && ComplaintRules.NamesRecord(input.Kind, input.Subject) && !await IsCompletedReviewAsync(childId, input.SubjectRecordId, ct))
        {
            errors.Add(new(ReviewField, ReviewMissing));
        }

        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var settings = Scheme.ComplaintRules;
        var complaint = new Complaint
        {
            ChildId = childId, Kind = input.Kind, Subject = input.Subject,
            SubjectRecordId = ComplaintRules.NamesRecord(input.Kind, input.Subject) ? input.SubjectRecordId : null,
            SubjectWorkerUserId = input.Subject == ComplaintSubject.Worker ? input.SubjectWorkerUserId : null, SubjectWorkerName = workerName,
            DecisionMakerUserIds = decisionMakers, MadeBy = input.MadeBy, Channel = input.Channel,
            MadeByUserId = db.Actor.UserId, MadeByName = db.Actor.Name, ReceivedOn = Today, MatterAroseOn = input.MatterAroseOn,
            Late = ComplaintRules.IsLate(Today, input.MatterAroseOn, settings),
            Summary = input.Summary!.Trim(), OutcomeWanted = string.IsNullOrWhiteSpace(input.OutcomeWanted) ? null : input.OutcomeWanted.Trim(),
            SchemeVersion = Scheme.Version, CreatedAt = db.UtcNow, ChangedAt = db.UtcNow,
        };
        if (input.Kind == ComplaintKind.Compliment)
        {
            complaint.Outcome = ComplaintOutcome.Noted;
            complaint.ClosedAt = db.UtcNow;
        }
        else
        {
            complaint.Open = true;
            AddStage(complaint, input.Kind == ComplaintKind.Appeal ? ComplaintStageKind.Appeal : ComplaintStageKind.LocalResolution, Today, settings);
        }

        db.Complaints.Add(complaint);
        if (complaint.Stages.FirstOrDefault() is { } first) await TellManagersAsync(complaint.SubjectWorkerUserId, ComplaintNotices.NeedsAHandler(complaint, first), ct);
        await db.SaveChangesAsync(ct);
        return (complaint, CommandResult.Ok);
    }

    /// <summary>The problems of what was entered that need no database: the pages list them with their own (a date typed wrongly).</summary>
    public static List<FieldError> FieldProblems(NewComplaint input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(input.Kind)) errors.Add(new("Kind", "Choose whether this is a complaint, a compliment or an appeal."));
        else if (!Enum.IsDefined(input.Subject) || !ComplaintRules.MayChoose(input.Kind, input.Subject))
            errors.Add(new("Subject", input.Kind == ComplaintKind.Appeal ? "Choose the decision being appealed." : "Choose what it is about."));
        if (!Enum.IsDefined(input.MadeBy)) errors.Add(new("MadeBy", "Choose who is making it."));
        if (!Enum.IsDefined(input.Channel)) errors.Add(new("Channel", "Choose how it was made."));
        if (ComplaintRules.TextProblem(input.Summary, "What happened", ComplaintRules.TextMaxLength, required: true) is { } summaryProblem)
            errors.Add(new("Summary", summaryProblem));
        if (ComplaintRules.TextProblem(input.OutcomeWanted, "What you would like to happen", ComplaintRules.TextMaxLength, required: false) is { } wantedProblem)
            errors.Add(new("OutcomeWanted", wantedProblem));
        if (input.MatterAroseOn is { } arose && arose > today) errors.Add(new("MatterAroseOn", "The day it happened must be today or in the past."));

        if (input.Kind == ComplaintKind.Appeal && input.SubjectRecordId is null && !errors.Any(e => e.Field == "Subject"))
            errors.Add(new("SubjectRecordId", "Choose the decision being appealed."));
        if (input.Kind == ComplaintKind.Complaint && input.Subject == ComplaintSubject.ReviewOutcome && input.SubjectRecordId is null)
            errors.Add(new(ReviewField, ReviewMissing));
        if (input.Kind != ComplaintKind.Appeal && input.Subject == ComplaintSubject.Worker)
        {
            if (input.Channel == ComplaintChannel.Online &&
                ComplaintRules.TextProblem(input.SubjectWorkerName, "The name of the member of staff", 200, required: true) is { } nameProblem)
            {
                errors.Add(new("SubjectWorkerName", nameProblem));
            }

            if (input.Channel == ComplaintChannel.Phone && string.IsNullOrEmpty(input.SubjectWorkerUserId))
                errors.Add(new("SubjectWorkerUserId", "Choose the member of staff it is about."));
        }

        return errors;
    }

    /// <summary>The field a complaint about a review outcome names its review in (an appeal names it with the other decisions).</summary>
    public const string ReviewField = "ReviewId";

    private const string ReviewMissing = "Choose the review it is about.";

    private Task<bool> IsCompletedReviewAsync(Guid childId, Guid? reviewId, CancellationToken ct) =>
        reviewId is { } id
            ? db.Reviews.AsNoTracking().AnyAsync(r => r.Id == id && r.ChildId == childId && r.State == ReviewState.Completed, ct)
            : Task.FromResult(false);

    /// <summary>Tells every team manager and administrator, never the worker a complaint names.</summary>
    private async Task TellManagersAsync(string? subjectWorkerUserId, Notice notice, CancellationToken ct)
    {
        await messenger.TellEachAsync((await StaffAsync(ct)).Where(s => s.IsManager && s.UserId != subjectWorkerUserId).Select(s => s.UserId), notice, ct);
    }

    private void AddStage(Complaint complaint, ComplaintStageKind kind, DateOnly startedOn, ComplaintSettings settings)
    {
        var (due, latest) = ComplaintRules.Dates(kind, startedOn, settings, workingDays);
        var stage = new ComplaintStage { ComplaintId = complaint.Id, ChildId = complaint.ChildId, Kind = kind, StartedOn = startedOn, DueOn = due, LatestDueOn = latest };
        complaint.Stages.Add(stage);
        complaint.CurrentStage = kind;
        complaint.CurrentDueOn = due;
        complaint.Outcome = null;
    }

    /// <summary>
    /// Who made the decision an appeal is about, or null when the record is not a decision of this kind about this child.
    /// A threshold decision names its decider; a plan version's makers are everyone the audit shows changing it (who wrote,
    /// agreed or decided it), so nobody who had a hand in it hears the appeal.
    /// </summary>
    private async Task<IReadOnlyList<string>?> DecisionMakersAsync(Guid childId, ComplaintSubject subject, Guid? recordId, CancellationToken ct)
    {
        if (recordId is not { } id) return null;
        switch (subject)
        {
            case ComplaintSubject.EligibilityDecision:
                var decider = await db.Decisions.AsNoTracking().Where(d => d.Id == id && d.ChildId == childId).Select(d => d.DecidedByUserId).FirstOrDefaultAsync(ct);
                return decider is null ? null : [decider];
            case ComplaintSubject.Budget or ComplaintSubject.PlanNotApproved:
                var status = subject == ComplaintSubject.Budget ? PlanVersionStatus.Approved : PlanVersionStatus.NotApproved;
                if (!await db.PlanVersions.AsNoTracking().AnyAsync(v => v.Id == id && v.ChildId == childId && v.Status == status, ct)) return null;
                var key = id.ToString();
                return await db.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == nameof(PlanVersion) && a.EntityId == key && a.Action != "view" && a.UserId != null)
                    .Select(a => a.UserId!).Distinct().ToListAsync(ct);
            case ComplaintSubject.ReviewOutcome:
                var review = await db.Reviews.AsNoTracking().Where(r => r.Id == id && r.ChildId == childId && r.State == ReviewState.Completed)
                    .Select(r => new { r.DecidedByUserId }).FirstOrDefaultAsync(ct);
                if (review is null) return null;
                if (review.DecidedByUserId is { } reviewDecider) return [reviewDecider];
                // A review decided before its decider's account was kept: everyone the audit shows changing it.
                var reviewKey = id.ToString();
                return await db.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == nameof(Review) && a.EntityId == reviewKey && a.Action != "view" && a.UserId != null)
                    .Select(a => a.UserId!).Distinct().ToListAsync(ct);
            default:
                return null;
        }
    }

    /// <summary>
    /// The decisions about a child a family or officer may appeal: threshold decisions, plan versions approved or not, and
    /// completed reviews (by the day held and the outcome), each with the words that name it on the forms, the case pages
    /// and the answer letter.
    /// </summary>
    public async Task<IReadOnlyList<(ComplaintSubject Subject, Guid Id, string Label)>> AppealableDecisionsAsync(Guid childId, CancellationToken ct = default)
    {
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ChildId == childId).OrderByDescending(d => d.DecidedAt)
            .Select(d => new { d.Id, d.Outcome, d.DecidedAt }).ToListAsync(ct);
        var versions = await db.PlanVersions.AsNoTracking()
            .Where(v => v.ChildId == childId && (v.Status == PlanVersionStatus.Approved || v.Status == PlanVersionStatus.NotApproved))
            .OrderByDescending(v => v.CreatedAt).Select(v => new { v.Id, v.Number, v.Status, v.AnnualCost, v.DecidedAt }).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ChildId == childId && r.State == ReviewState.Completed)
            .OrderByDescending(r => r.DecidedAt).Select(r => new { r.Id, r.HeldOn, r.DecidedAt, r.Decision }).ToListAsync(ct);
        return
        [
            .. decisions.Select(d => (ComplaintSubject.EligibilityDecision, d.Id, $"Eligibility decision of {UkCalendar.Day(d.DecidedAt)}: {DecisionOutcomes.Name(d.Outcome)}")),
            .. reviews.Select(r => (ComplaintSubject.ReviewOutcome, r.Id,
                $"Review held {ReviewRules.Day(r.HeldOn ?? UkCalendar.DateOf(r.DecidedAt!.Value))}: {(r.Decision is { } decided ? ReviewRules.Name(decided) : "")}")),
            .. versions.Select(v => v.Status == PlanVersionStatus.Approved
                ? (ComplaintSubject.Budget, v.Id, $"Budget of plan version {v.Number}: {Money.Format(v.AnnualCost)} a year")
                : (ComplaintSubject.PlanNotApproved, v.Id, $"Plan version {v.Number}, not approved {UkCalendar.Day(v.DecidedAt)}")),
        ];
    }

    /// <summary>The words naming the decision or review a case is about (as the forms offered it), or null when it names none.</summary>
    private async Task<string?> AboutAsync(Complaint complaint, CancellationToken ct) =>
        complaint.SubjectRecordId is { } id
            ? (await AppealableDecisionsAsync(complaint.ChildId, ct)).Where(d => d.Id == id && d.Subject == complaint.Subject).Select(d => d.Label).FirstOrDefault()
            : null;

    /// <summary>Case staff who may handle a stage or be named in a complaint, by name.</summary>
    public async Task<IReadOnlyList<ComplaintStaffMember>> StaffAsync(CancellationToken ct = default)
    {
        var rows = await (from user in db.Users.AsNoTracking()
                          join userRole in db.UserRoles.AsNoTracking() on user.Id equals userRole.UserId
                          join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                          where role.Name == Roles.PersonalisationOfficer || role.Name == Roles.ReviewingOfficer
                                || role.Name == Roles.TeamManager || role.Name == Roles.Admin
                          select new { user.Id, user.DisplayName, user.Email, Role = role.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id)
            .Select(g => new ComplaintStaffMember(g.Key, g.First().DisplayName is { Length: > 0 } name ? name : g.First().Email ?? g.Key,
                g.Any(r => r.Role is Roles.TeamManager or Roles.Admin)))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Gives the open stage to a handler (managers only). An appeal goes to a manager who did not make the decision; stage 2 to someone who did not handle stage 1.</summary>
    public async Task<CommandResult> AssignAsync(Guid complaintId, string? ownerUserId, long seenVersion, ComplaintViewer viewer, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct);
        if (complaint is null || !MaySee(complaint, viewer)) return NotFound;
        if (!viewer.IsManager) return CommandResult.Fail("OwnerUserId", "Only a team manager or administrator can give a case to someone.");
        if (Open(complaint) is not { } stage) return CommandResult.Fail("OwnerUserId", "This case has no stage waiting for an answer.");
        var owner = ownerUserId is { Length: > 0 } ? (await StaffAsync(ct)).FirstOrDefault(s => s.UserId == ownerUserId) : null;
        if (owner is null) return CommandResult.Fail("OwnerUserId", "Choose who will handle it.");
        if (owner.UserId == complaint.SubjectWorkerUserId)
            return CommandResult.Fail("OwnerUserId", "The member of staff the complaint is about cannot handle it. Choose someone else.");
        if (stage.Kind == ComplaintStageKind.Appeal)
        {
            if (!owner.IsManager) return CommandResult.Fail("OwnerUserId", "An appeal is heard by a team manager. Choose a manager.");
            if (DecisionMakers(complaint).Contains(owner.UserId))
                return CommandResult.Fail("OwnerUserId", "An appeal is heard by someone who did not make the decision. Choose another manager.");
        }

        if (stage.Kind == ComplaintStageKind.Investigation &&
            complaint.Stages.Any(s => s.Kind == ComplaintStageKind.LocalResolution && s.OwnerUserId == owner.UserId))
        {
            return CommandResult.Fail("OwnerUserId", "The investigation is done by someone who did not handle stage 1. Choose someone else.");
        }

        db.ExpectVersion(complaint, seenVersion);
        stage.OwnerUserId = owner.UserId;
        stage.OwnerName = owner.Name;
        complaint.ChangedAt = db.UtcNow;
        await messenger.CompleteTasksAsync(ComplaintNotices.AssignTask(stage.Id), ct);
        await messenger.CompleteTasksAsync(ComplaintNotices.StageTask(stage.Id), ct);
        messenger.Tell(owner.UserId, ComplaintNotices.GivenToYou(complaint, stage));
        return await db.SaveOrConflictAsync(Conflict(), ct);
    }

    /// <summary>
    /// Managers only: says which member of staff a complaint names (when the family gave a name), so the case is hidden
    /// from them. Refused while they handle one of its stages: give the stage to someone else first.
    /// </summary>
    public async Task<CommandResult> NameWorkerAsync(Guid complaintId, string? workerUserId, long seenVersion, ComplaintViewer viewer, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct);
        if (complaint is null || !MaySee(complaint, viewer)) return NotFound;
        if (!viewer.IsManager) return CommandResult.Fail("WorkerUserId", "Only a team manager or administrator can say who the complaint is about.");
        if (complaint.Subject != ComplaintSubject.Worker) return CommandResult.Fail("WorkerUserId", "This case is not about a member of staff.");
        var worker = workerUserId is { Length: > 0 } ? (await StaffAsync(ct)).FirstOrDefault(s => s.UserId == workerUserId) : null;
        if (worker is null) return CommandResult.Fail("WorkerUserId", "Choose the member of staff it is about.");
        if (worker.UserId == viewer.UserId) return CommandResult.Fail("WorkerUserId", "A complaint about you is handled by another manager.");
        if (complaint.Stages.Any(s => s.OwnerUserId == worker.UserId))
            return CommandResult.Fail("WorkerUserId", $"{worker.Name} handles a stage of this case: give it to someone else first.");
        db.ExpectVersion(complaint, seenVersion);
        complaint.SubjectWorkerUserId = worker.UserId;
        complaint.SubjectWorkerName = worker.Name;
        complaint.ChangedAt = db.UtcNow;
        return await db.SaveOrConflictAsync(Conflict(), ct);
    }

    /// <summary>Extends the open stage to a later day, with the reason: never past the stage's latest day.</summary>
    public async Task<CommandResult> ExtendAsync(Guid complaintId, DateOnly? to, string? reason, long seenVersion, ComplaintViewer viewer, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct);
        if (complaint is null || !MaySee(complaint, viewer)) return NotFound;
        if (Open(complaint) is not { } stage) return CommandResult.Fail("ExtendTo", "This case has no stage waiting for an answer.");
        if (!MayAct(stage, viewer)) return CommandResult.Fail("ExtendTo", "Only the stage's handler or a manager can extend it.");
        var errors = new List<FieldError>();
        if (to is not { } day) errors.Add(new("ExtendTo", "Enter the new due date."));
        else if (ComplaintRules.ExtensionRefusal(stage, day, "-") is { } refusal) errors.Add(new("ExtendTo", refusal));
        if (ComplaintRules.TextProblem(reason, "The reason for the extension", ComplaintRules.ReasonMaxLength, required: true) is { } reasonProblem)
            errors.Add(new("ExtensionReason", reasonProblem));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(complaint, seenVersion);
        db.ComplaintExtensions.Add(new ComplaintExtension
        {
            StageId = stage.Id, ChildId = complaint.ChildId, FromDueOn = stage.DueOn, ToDueOn = to!.Value, Reason = reason!.Trim(),
            At = db.UtcNow, ByUserId = db.Actor.UserId, ByName = db.Actor.Name,
        });
        stage.DueOn = to.Value;
        stage.OverdueFoundOn = null;
        stage.OverdueFoundBy = null;
        complaint.CurrentDueOn = to.Value;
        complaint.ChangedAt = db.UtcNow;
        return await db.SaveOrConflictAsync(Conflict(), ct);
    }

    /// <summary>Stage 3: records the day the review panel sat; its report is then due within the scheme's working days.</summary>
    public Task<CommandResult> RecordPanelAsync(Guid complaintId, DateOnly? heldOn, long seenVersion, ComplaintViewer viewer, CancellationToken ct = default) =>
        ReviewPanelStepAsync(complaintId, heldOn, seenVersion, viewer, report: false, ct);

    /// <summary>Stage 3: records the day the panel's report came; the council's response is then due within the scheme's working days.</summary>
    public Task<CommandResult> RecordPanelReportAsync(Guid complaintId, DateOnly? reportOn, long seenVersion, ComplaintViewer viewer, CancellationToken ct = default) =>
        ReviewPanelStepAsync(complaintId, reportOn, seenVersion, viewer, report: true, ct);

    private async Task<CommandResult> ReviewPanelStepAsync(Guid complaintId, DateOnly? on, long seenVersion, ComplaintViewer viewer, bool report, CancellationToken ct)
    {
        var complaint = await LoadAsync(complaintId, ct);
        if (complaint is null || !MaySee(complaint, viewer)) return NotFound;
        if (Open(complaint) is not { Kind: ComplaintStageKind.ReviewPanel } stage) return CommandResult.Fail("PanelDay", "This case has no review panel waiting.");
        if (!MayAct(stage, viewer)) return CommandResult.Fail("PanelDay", "Only the stage's handler or a manager can record the panel.");
        if (on is not { } day) return CommandResult.Fail("PanelDay", report ? "Enter the day the panel's report came." : "Enter the day the panel sat.");
        if (day > Today) return CommandResult.Fail("PanelDay", "The day must be today or in the past.");
        if (report ? stage.PanelHeldOn is not { } held || day < held : day < stage.StartedOn)
            return CommandResult.Fail("PanelDay", report ? "Record the day the panel sat first; the report cannot come before it." : "The panel cannot sit before the family asked for it.");
        if (report ? stage.PanelReportOn is not null : stage.PanelHeldOn is not null)
            return CommandResult.Fail("PanelDay", report ? "The report has been recorded already." : "The panel has been recorded already.");

        var settings = Scheme.ComplaintRules;
        db.ExpectVersion(complaint, seenVersion);
        if (report) stage.PanelReportOn = day;
        else stage.PanelHeldOn = day;
        stage.DueOn = workingDays.Add(day, report ? settings.CouncilResponseWorkingDays : settings.ReviewPanelReportWorkingDays);
        stage.LatestDueOn = stage.DueOn;
        stage.OverdueFoundOn = null;
        stage.OverdueFoundBy = null;
        complaint.CurrentDueOn = stage.DueOn;
        complaint.ChangedAt = db.UtcNow;
        return await db.SaveOrConflictAsync(Conflict(), ct);
    }

    /// <summary>
    /// Answers the open stage with its finding and reasons, kept as a letter the family reads in their account. An appeal is
    /// answered only by its handler, a manager who did not make the decision; stage 3 only once the panel's report is in.
    /// </summary>
    public async Task<(Letter? Letter, CommandResult Result)> RespondAsync(Guid complaintId, ComplaintOutcome? outcome, string? response, long seenVersion,
        ComplaintViewer viewer, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct);
        if (complaint is null || !MaySee(complaint, viewer)) return (null, NotFound);
        if (Open(complaint) is not { } stage) return (null, CommandResult.Fail("Outcome", "This case has no stage waiting for an answer."));
        if (stage.OwnerUserId is null) return (null, CommandResult.Fail("Outcome", "Give the stage to a handler before answering it."));
        if (stage.Kind == ComplaintStageKind.Appeal
                ? stage.OwnerUserId != viewer.UserId || DecisionMakers(complaint).Contains(viewer.UserId)
                : !MayAct(stage, viewer))
        {
            return (null, CommandResult.Fail("Outcome", stage.Kind == ComplaintStageKind.Appeal
                ? "Only the manager hearing the appeal can decide it, and never someone who made the decision."
                : "Only the stage's handler or a manager can answer it."));
        }

        if (stage.Kind == ComplaintStageKind.ReviewPanel && stage.PanelReportOn is null)
            return (null, CommandResult.Fail("Outcome", "Record the panel and its report before the council's response."));

        var errors = new List<FieldError>();
        if (outcome is not { } found || !Enum.IsDefined(found) || found == ComplaintOutcome.Noted
            || (stage.Kind == ComplaintStageKind.Appeal && found == ComplaintOutcome.Withdrawn))
        {
            errors.Add(new("Outcome", "Choose the finding."));
        }

        if (ComplaintRules.TextProblem(response, "The reasons", ComplaintRules.TextMaxLength, required: true) is { } responseProblem)
            errors.Add(new("Reasons", responseProblem));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        db.ExpectVersion(complaint, seenVersion);
        stage.Outcome = outcome;
        stage.Response = response!.Trim();
        stage.RespondedOn = Today;
        stage.RespondedAt = db.UtcNow;
        stage.RespondedByName = db.Actor.Name;
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == complaint.ChildId, ct);
        var (title, body) = ComplaintLetter.Compose(Scheme, child, complaint, stage, db.UtcNow, db.Actor.Name, await AboutAsync(complaint, ct));
        var letter = db.AddLetter(complaint.ChildId, LetterKinds.ComplaintResponse, title, body);
        stage.LetterId = letter.Id;
        complaint.Outcome = outcome;
        complaint.CurrentDueOn = null;
        complaint.Open = outcome != ComplaintOutcome.Withdrawn && ComplaintRules.Next(stage.Kind) is not null;
        complaint.ClosedAt = complaint.Open ? null : db.UtcNow;
        complaint.ChangedAt = db.UtcNow;
        await messenger.CompleteTasksAsync(ComplaintNotices.StageTask(stage.Id), ct);
        await messenger.CompleteTasksAsync(ComplaintNotices.OverdueTask(stage.Id), ct);
        await messenger.TellFamilyAsync(complaint.ChildId, ComplaintNotices.AnswerReady(complaint), ct);
        var result = await db.SaveOrConflictAsync(Conflict(), ct);
        return (result.Succeeded ? letter : null, result);
    }

    /// <summary>
    /// The family asks for the next stage (from their account, or by phone to a handler who records it): only after the
    /// last stage is answered, and only as far as stage 3. The new stage's clock starts today.
    /// </summary>
    public async Task<CommandResult> EscalateAsync(Guid complaintId, long seenVersion, ComplaintViewer? viewer, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct);
        if (complaint is null || (viewer is not null && !MaySee(complaint, viewer))) return NotFound;
        var last = complaint.Stages.OrderBy(s => s.Kind).LastOrDefault();
        if (!complaint.Open || last is not { RespondedOn: not null } || ComplaintRules.Next(last.Kind) is not { } next)
            return CommandResult.Fail("", "This case cannot go to another stage.");
        db.ExpectVersion(complaint, seenVersion);
        var stageCount = complaint.Stages.Count;
        AddStage(complaint, next, Today, Scheme.ComplaintRules);
        var added = complaint.Stages[stageCount];
        db.ComplaintStages.Add(added);
        complaint.ClosedAt = null;
        complaint.ChangedAt = db.UtcNow;
        await TellManagersAsync(complaint.SubjectWorkerUserId, ComplaintNotices.NeedsAHandler(complaint, added), ct);
        return await db.SaveOrConflictAsync(Conflict(), ct);
    }

    /// <summary>One case for a member of staff who may see it (else null), its view audited.</summary>
    public async Task<ComplaintView?> ViewAsync(Guid complaintId, ComplaintViewer viewer, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct, tracking: false);
        if (complaint is null || !MaySee(complaint, viewer)) return null;
        return await ViewOfAsync(complaint, "read by staff", ct);
    }

    /// <summary>One case for the family of its child (the page has checked the child is theirs), its view audited.</summary>
    public async Task<ComplaintView?> FamilyViewAsync(Guid childId, Guid complaintId, CancellationToken ct = default)
    {
        var complaint = await LoadAsync(complaintId, ct, tracking: false);
        if (complaint is null || complaint.ChildId != childId) return null;
        return await ViewOfAsync(complaint, "read by the family", ct);
    }

    private async Task<ComplaintView> ViewOfAsync(Complaint complaint, string how, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == complaint.ChildId)
            .Select(c => new { Name = c.FirstName + " " + c.LastName, c.Reference }).FirstAsync(ct);
        var letterIds = complaint.Stages.Where(s => s.LetterId != null).Select(s => s.LetterId!.Value).ToList();
        var letters = await db.Letters.AsNoTracking().Where(l => letterIds.Contains(l.Id)).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        db.RecordView(nameof(Complaint), complaint.Id.ToString(), complaint.ChildId, how);
        await db.SaveChangesAsync(ct);
        return new ComplaintView(complaint, child.Name, child.Reference, letters, Today, await AboutAsync(complaint, ct));
    }

    /// <summary>A child's cases, for the family's account (newest first).</summary>
    public async Task<IReadOnlyList<Complaint>> ForChildAsync(Guid childId, CancellationToken ct = default) =>
        await db.Complaints.AsNoTracking().Include(c => c.Stages).Where(c => c.ChildId == childId)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>Whether a member of staff may read a complaint's response letter (only through the case's own rule).</summary>
    public async Task<bool> MaySeeLetterAsync(Guid letterId, ComplaintViewer viewer, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Stages)
            .FirstOrDefaultAsync(c => c.Stages.Any(s => s.LetterId == letterId), ct);
        return complaint is not null && MaySee(complaint, viewer);
    }

    /// <summary>
    /// The list: open cases by due date, overdue first (the earliest due dates), then answered ones newest first; filtered,
    /// a page at a time, with counts over every case the viewer may see. One grouped read for every count and one indexed
    /// query per run of the page, whatever the size of the county.
    /// </summary>
    /// <param name="children">
    /// Who is looking, when their role may see only some children (<see cref="ChildVisibility"/>): cases about children
    /// hidden from them are left out of the page and the counts, as the case itself is. Null is every child's.
    /// </param>
    public async Task<ComplaintPage> ListAsync(ComplaintViewer viewer, ComplaintFilter filter, int pageNumber, CancellationToken ct = default,
        StaffViewer? children = null)
    {
        var visible = ComplaintAccess.Visible(db.Complaints.AsNoTracking(), viewer);
        var seen = ChildVisibility.VisibleChildIds(db, children);
        if (seen is not null) visible = visible.Where(c => seen.Contains(c.ChildId));

        // Every count the page shows comes from one grouped read of the cases the viewer may see (by kind, subject, stage,
        // outcome and due day: a few hundred groups at most), rather than a count query per figure; kept between views
        // while no case changes, for a viewer who sees every child's (see ComplaintCounts).
        var read = () => visible.GroupBy(c => new { c.Kind, c.Subject, c.CurrentStage, c.Outcome, c.CurrentDueOn })
            .Select(g => new ComplaintGroup(g.Key.Kind, g.Key.Subject, g.Key.CurrentStage, g.Key.Outcome, g.Key.CurrentDueOn, g.Count())).ToListAsync(ct);
        var groups = counts is not null && seen is null ? await counts.GroupsAsync(db, viewer, read, ct) : await read();
        var today = Today;
        var matching = groups.Where(g => (filter.Kind is null || g.Kind == filter.Kind) && (filter.Subject is null || g.Subject == filter.Subject)
                                         && (filter.Stage is null || g.CurrentStage == filter.Stage) && (filter.Outcome is null || g.Outcome == filter.Outcome)
                                         && (!(filter.OpenOnly || filter.OverdueOnly) || g.CurrentDueOn != null)
                                         && (!filter.OverdueOnly || g.CurrentDueOn < today)).ToList();

        var query = visible;
        if (filter.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (filter.Subject is { } subject) query = query.Where(c => c.Subject == subject);
        if (filter.Stage is { } stage) query = query.Where(c => c.CurrentStage == stage);
        if (filter.Outcome is { } outcome) query = query.Where(c => c.Outcome == outcome);
        if (filter.OpenOnly || filter.OverdueOnly) query = query.Where(c => c.CurrentDueOn != null);
        if (filter.OverdueOnly) query = query.Where(c => c.CurrentDueOn < today);
        if (filter.MineOnly) query = query.Where(c => c.Stages.Any(s => s.OwnerUserId == viewer.UserId && s.RespondedOn == null));

        // "Mine" depends on the stages' owners, which the groups do not hold: those two counts are asked of the database.
        var total = filter.MineOnly ? await query.CountAsync(ct) : matching.Sum(g => g.Count);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pages);
        // Open cases by due day come first, then closed ones newest first: read as two runs, each in the order of an index
        // (due day; received), rather than sorting every case the viewer may see for each page.
        var skip = (pageNumber - 1) * PageSize;
        var open = query.Where(c => c.CurrentDueOn != null);
        var openCount = filter.OpenOnly || filter.OverdueOnly ? total
            : filter.MineOnly ? await open.CountAsync(ct)
            : matching.Where(g => g.CurrentDueOn != null).Sum(g => g.Count);
        // The page's cases are found by key alone first (from an index holding every column the list filters and sorts
        // by, so a later page skips cases without reading them), then read with their children.
        var ids = new List<Guid>();
        if (skip < openCount)
            ids.AddRange(await open.OrderBy(c => c.CurrentDueOn).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip(skip).Take(PageSize).Select(c => c.Id).ToListAsync(ct));
        if (ids.Count < PageSize && total > openCount)
        {
            // Both keys descending, so the index is read backwards rather than its cases sorted.
            var closed = query.Where(c => c.CurrentDueOn == null).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
            ids.AddRange(await closed.Skip(Math.Max(0, skip - openCount)).Take(PageSize - ids.Count).Select(c => c.Id).ToListAsync(ct));
        }

        var found = (await Rows(ids).ToListAsync(ct)).ToDictionary(r => r.Id);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();

        var items = rows.Select(r => new ComplaintListItem(r.Id, r.ChildName, r.ChildReference, r.Kind, r.Subject, r.CurrentStage,
            r.CurrentDueOn, r.CurrentDueOn < today, r.Late, r.Owner, r.Outcome, r.ReceivedOn)).ToList();

        var byStage = groups.Where(g => g.CurrentDueOn != null && g.CurrentStage != null).GroupBy(g => g.CurrentStage!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var bySubject = groups.GroupBy(g => g.Subject).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var byOutcome = groups.Where(g => g.Outcome != null).GroupBy(g => g.Outcome!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return new ComplaintPage(items, total, pageNumber, PageSize, byStage, bySubject, byOutcome);
    }

    private sealed record ComplaintRow(
        Guid Id, ComplaintKind Kind, ComplaintSubject Subject, ComplaintStageKind? CurrentStage, DateOnly? CurrentDueOn, bool Late,
        ComplaintOutcome? Outcome, DateOnly ReceivedOn, string ChildName, string ChildReference, string? Owner);

    /// <summary>
    /// The list rows of these cases, with the child by a join on its key (a subquery taking the first child would make
    /// the database number every child) and the open stage's handler.
    /// </summary>
    private IQueryable<ComplaintRow> Rows(List<Guid> ids) =>
        from c in db.Complaints.AsNoTracking()
        where ids.Contains(c.Id)
        join ch in db.Children.AsNoTracking() on c.ChildId equals ch.Id
        select new ComplaintRow(c.Id, c.Kind, c.Subject, c.CurrentStage, c.CurrentDueOn, c.Late, c.Outcome, c.ReceivedOn,
            ch.FirstName + " " + ch.LastName, ch.Reference, c.Stages.Where(s => s.RespondedOn == null).Select(s => s.OwnerName).FirstOrDefault());

    /// <summary>
    /// The daily scan: marks every stage that has passed its due date unanswered and was not already found, in one
    /// set-based update per run, and answers the stages it found (to tell their managers). Safe to run again (a stage is
    /// found once until an extension moves its date) and on two nodes at once (each run's update marks only rows still
    /// unmarked, so the two runs find different stages).
    /// </summary>
    public async Task<IReadOnlyList<ComplaintStage>> ScanAsync(CancellationToken ct = default)
    {
        var today = Today;
        var run = Guid.NewGuid().ToString("N");
        // The marking and the telling commit together: a run that stops half way marks nothing, and the next run finds it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.ComplaintStages
            .Where(s => s.RespondedOn == null && s.OverdueFoundOn == null && s.DueOn < today)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OverdueFoundOn, today).SetProperty(s => s.OverdueFoundBy, run), ct);
        if (marked == 0) return [];
        var found = await db.ComplaintStages.AsNoTracking().Where(s => s.OverdueFoundBy == run).ToListAsync(ct);
        var complaintIds = found.Select(s => s.ComplaintId).Distinct().ToList();
        var named = await db.Complaints.AsNoTracking().Where(c => complaintIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.SubjectWorkerUserId, ct);
        var managers = (await StaffAsync(ct)).Where(s => s.IsManager).Select(s => s.UserId).ToList();
        var teams = await db.Users.AsNoTracking().Where(u => u.Team != null).ToDictionaryAsync(u => u.Id, u => u.Team!, ct);
        // The stages were marked by a bulk update, which the change tracker does not see.
        db.MoveChangeStamp(ChangeStamp.Complaints);
        foreach (var stage in found)
        {
            // The handler, and the managers of the handler's team; every manager when the handler has no team or their
            // team no manager (or no one handles it yet). Never the worker the complaint is about.
            var team = stage.OwnerUserId is { } owner ? teams.GetValueOrDefault(owner) : null;
            var teamManagers = team is null ? [] : managers.Where(m => teams.GetValueOrDefault(m) == team).ToList();
            var told = (teamManagers.Count > 0 ? teamManagers : managers).Append(stage.OwnerUserId ?? "")
                .Where(m => m != named.GetValueOrDefault(stage.ComplaintId));
            await messenger.TellEachAsync(told, ComplaintNotices.Overdue(stage), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return found;
    }

    private Task<Complaint?> LoadAsync(Guid id, CancellationToken ct, bool tracking = true)
    {
        var query = db.Complaints.Include(c => c.Stages).ThenInclude(s => s.Extensions).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    private static ComplaintStage? Open(Complaint complaint) => complaint.Stages.FirstOrDefault(s => s.RespondedOn == null);

    private static bool MayAct(ComplaintStage stage, ComplaintViewer viewer) => viewer.IsManager || stage.OwnerUserId == viewer.UserId;

    private static bool MaySee(Complaint complaint, ComplaintViewer viewer) =>
        ComplaintAccess.MaySee(viewer, complaint.SubjectWorkerUserId, complaint.Stages.Select(s => s.OwnerUserId));

    private static string[] DecisionMakers(Complaint complaint) =>
        (complaint.DecisionMakerUserIds ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
