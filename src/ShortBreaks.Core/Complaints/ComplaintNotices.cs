namespace ShortBreaks.Core.Complaints;

/// <summary>
/// What people are told about complaints and appeals, and where it links: titles that never name the child or say what
/// the case is about, since they are emailed. The addresses are the pages' own, from <see cref="ServicePaths"/>.
/// Tasks are keyed by stage, so answering or giving a stage marks its task done on everyone's list.
/// </summary>
public static class ComplaintNotices
{
    /// <summary>A manager's task: give a new stage to a handler.</summary>
    public static string AssignTask(Guid stageId) => $"complaint-assign:{stageId}";

    /// <summary>The handler's task: answer their stage.</summary>
    public static string StageTask(Guid stageId) => $"complaint-stage:{stageId}";

    /// <summary>A manager's task: a stage has passed its due date.</summary>
    public static string OverdueTask(Guid stageId) => $"complaint-overdue:{stageId}";

    public static Notice NeedsAHandler(Complaint complaint, ComplaintStage stage) => new(
        complaint.Kind == ComplaintKind.Appeal ? "An appeal needs a manager to hear it" : "A complaint needs a handler",
        ServicePaths.StaffComplaint(complaint.Id), complaint.ChildId, $"{ComplaintRules.Name(stage.Kind)}, due {ComplaintRules.Day(stage.DueOn)}", TaskKey: AssignTask(stage.Id));

    public static Notice GivenToYou(Complaint complaint, ComplaintStage stage) => new(
        complaint.Kind == ComplaintKind.Appeal ? "An appeal has been given to you to decide" : "A complaint has been given to you to answer",
        ServicePaths.StaffComplaint(complaint.Id), complaint.ChildId, $"{ComplaintRules.Name(stage.Kind)}, due {ComplaintRules.Day(stage.DueOn)}", TaskKey: StageTask(stage.Id));

    public static Notice Overdue(ComplaintStage stage) => new(
        "A complaint stage is overdue", ServicePaths.StaffComplaint(stage.ComplaintId), stage.ChildId,
        $"{ComplaintRules.Name(stage.Kind)} was due {ComplaintRules.Day(stage.DueOn)}", TaskKey: OverdueTask(stage.Id));

    public static Notice AnswerReady(Complaint complaint) => new(
        complaint.Kind == ComplaintKind.Appeal ? "The decision on your appeal is ready to read" : "Our answer to your complaint is ready to read",
        ServicePaths.FamilyComplaint(complaint.ChildId, complaint.Id), complaint.ChildId, Statutory: true);
}
