using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Complaints;

/// <summary>Who is looking at complaints: their user id and whether they manage (team managers and administrators).</summary>
public sealed record ComplaintViewer(string UserId, bool IsManager);

/// <summary>
/// The one rule for who sees a complaint, compliment or appeal (need to know): never the worker it names, whoever they
/// are; managers see the rest; a handler sees those with a stage they own. Families see their own child's through their
/// account, which the child access check decides.
/// </summary>
public static class ComplaintAccess
{
    public static bool MaySee(ComplaintViewer viewer, string? subjectWorkerUserId, IEnumerable<string?> stageOwnerUserIds) =>
        viewer.UserId != subjectWorkerUserId && (viewer.IsManager || stageOwnerUserIds.Contains(viewer.UserId));

    /// <summary>The same rule as a query, for lists (one indexed filter, no loading).</summary>
    public static IQueryable<Complaint> Visible(IQueryable<Complaint> complaints, ComplaintViewer viewer) =>
        viewer.IsManager
            ? complaints.Where(c => c.SubjectWorkerUserId == null || c.SubjectWorkerUserId != viewer.UserId)
            : complaints.Where(c => (c.SubjectWorkerUserId == null || c.SubjectWorkerUserId != viewer.UserId)
                                    && c.Stages.Any(s => s.OwnerUserId == viewer.UserId));
}

/// <summary>The dates of a stage and the rules of moving between stages, from the scheme's timescales (pure).</summary>
public static class ComplaintRules
{
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    /// <summary>The decisions an appeal may be about.</summary>
    public static readonly IReadOnlyList<ComplaintSubject> Appealable =
        [ComplaintSubject.EligibilityDecision, ComplaintSubject.Budget, ComplaintSubject.PlanNotApproved, ComplaintSubject.ReviewOutcome];

    /// <summary>The subjects a family or officer may choose: an appeal is about one of the decisions, a complaint about anything.</summary>
    public static bool MayChoose(ComplaintKind kind, ComplaintSubject subject) => kind switch
    {
        ComplaintKind.Appeal => Appealable.Contains(subject),
        _ => subject is ComplaintSubject.Service or ComplaintSubject.Worker or ComplaintSubject.EligibilityDecision
            or ComplaintSubject.Budget or ComplaintSubject.PlanNotApproved or ComplaintSubject.ReviewOutcome,
    };

    /// <summary>
    /// Whether a case names the record it is about: an appeal always names the decision; a complaint about a review
    /// outcome names the review (a complaint about another decision is about the service's handling of it, and names none).
    /// </summary>
    public static bool NamesRecord(ComplaintKind kind, ComplaintSubject subject) =>
        kind == ComplaintKind.Appeal || (kind == ComplaintKind.Complaint && subject == ComplaintSubject.ReviewOutcome);

    /// <summary>A stage's due date and the latest it may be extended to, counted in working days from the day it starts.</summary>
    public static (DateOnly Due, DateOnly Latest) Dates(ComplaintStageKind kind, DateOnly startedOn, ComplaintSettings settings, WorkingDays days)
    {
        var (due, latest) = kind switch
        {
            ComplaintStageKind.LocalResolution => (settings.LocalResolutionWorkingDays, settings.LocalResolutionMaximumWorkingDays),
            ComplaintStageKind.Investigation => (settings.InvestigationWorkingDays, settings.InvestigationMaximumWorkingDays),
            ComplaintStageKind.ReviewPanel => (settings.ReviewPanelWorkingDays, settings.ReviewPanelWorkingDays),
            ComplaintStageKind.Appeal => (settings.AppealWorkingDays, settings.AppealWorkingDays),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return (days.Add(startedOn, due), days.Add(startedOn, latest));
    }

    /// <summary>Whether a complaint received on <paramref name="receivedOn"/> about a matter of <paramref name="matterAroseOn"/> is late.</summary>
    public static bool IsLate(DateOnly receivedOn, DateOnly? matterAroseOn, ComplaintSettings settings) =>
        matterAroseOn is { } arose && arose.AddMonths(settings.LateAfterMonths) < receivedOn;

    /// <summary>The stage a family may ask for after <paramref name="answered"/>, or null when it is the last.</summary>
    public static ComplaintStageKind? Next(ComplaintStageKind answered) => answered switch
    {
        ComplaintStageKind.LocalResolution => ComplaintStageKind.Investigation,
        ComplaintStageKind.Investigation => ComplaintStageKind.ReviewPanel,
        _ => null,
    };

    /// <summary>Why an extension to <paramref name="to"/> is refused, or null when it may be made.</summary>
    public static string? ExtensionRefusal(ComplaintStage stage, DateOnly to, string? reason)
    {
        if (stage.RespondedOn is not null) return "This stage has been answered: it cannot be extended.";
        if (stage.Kind is ComplaintStageKind.ReviewPanel or ComplaintStageKind.Appeal) return "This stage's timescale cannot be extended.";
        if (to <= stage.DueOn) return $"Enter a day after the current due date, {Day(stage.DueOn)}.";
        if (to > stage.LatestDueOn) return $"Enter a day no later than {Day(stage.LatestDueOn)}, the latest this stage may be extended to.";
        return string.IsNullOrWhiteSpace(reason) ? "Enter the reason for the extension." : null;
    }

    /// <summary>
    /// Why a piece of text is refused (missing when required, too long, or with hidden characters), or null. The label
    /// is the answer's name as the message starts it ("What happened").
    /// </summary>
    public static string? TextProblem(string? text, string label, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(text)) return required ? $"Enter {char.ToLowerInvariant(label[0])}{label[1..]}" : null;
        if (!Text.PlainText.IsAcceptable(text, longText: true)) return Text.PlainText.Message(label);
        return text.Trim().Length > maxLength ? $"{label} must be {maxLength:N0} characters or fewer" : null;
    }

    /// <summary>Whether a stage is overdue on <paramref name="today"/>: not answered and its due day has passed.</summary>
    public static bool Overdue(ComplaintStage stage, DateOnly today) => stage.RespondedOn is null && stage.DueOn < today;

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Name(ComplaintKind kind) => kind switch
    {
        ComplaintKind.Complaint => "Complaint",
        ComplaintKind.Compliment => "Compliment",
        ComplaintKind.Appeal => "Appeal",
        _ => kind.ToString(),
    };

    public static string Name(ComplaintSubject subject) => subject switch
    {
        ComplaintSubject.Service => "The service",
        ComplaintSubject.Worker => "A member of staff",
        ComplaintSubject.EligibilityDecision => "An eligibility decision",
        ComplaintSubject.Budget => "A budget",
        ComplaintSubject.PlanNotApproved => "A plan not approved",
        ComplaintSubject.ReviewOutcome => "A review outcome",
        _ => subject.ToString(),
    };

    public static string Name(ComplaintStageKind stage) => stage switch
    {
        ComplaintStageKind.LocalResolution => "Stage 1: local resolution",
        ComplaintStageKind.Investigation => "Stage 2: investigation",
        ComplaintStageKind.ReviewPanel => "Stage 3: review panel",
        ComplaintStageKind.Appeal => "Appeal",
        _ => stage.ToString(),
    };

    public static string Name(ComplaintOutcome outcome) => outcome switch
    {
        ComplaintOutcome.Upheld => "Upheld",
        ComplaintOutcome.PartlyUpheld => "Partly upheld",
        ComplaintOutcome.NotUpheld => "Not upheld",
        ComplaintOutcome.Withdrawn => "Withdrawn",
        ComplaintOutcome.Noted => "Noted",
        _ => outcome.ToString(),
    };

    public static string Name(ComplaintMadeBy madeBy) => madeBy == ComplaintMadeBy.YoungPerson ? "The young person" : "A parent carer";
}
