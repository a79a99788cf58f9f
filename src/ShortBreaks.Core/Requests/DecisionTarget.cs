namespace ShortBreaks.Core.Requests;

/// <summary>
/// The "decide by" date: a request is decided within the scheme's target of working days from the day it was
/// sent (under the scheme it was sent under), counting neither weekends nor bank holidays. Pure: the triage
/// queue, the request pages, the API and the family's pages all ask here.
/// </summary>
public static class DecisionTarget
{
    /// <summary>The day the decision is due: the target's number of working days after the day the request was sent.</summary>
    public static DateOnly DueBy(DateTime submittedAt, TriageSettings triage, WorkingDays workingDays) =>
        workingDays.Add(UkCalendar.DateOf(submittedAt), triage.DecisionTargetWorkingDays);

    /// <summary>How long a request has waited by today against the target, and whether it is due soon or overdue.</summary>
    public static WaitingTime Waiting(DateTime submittedAt, DateOnly today, TriageSettings triage, WorkingDays workingDays)
    {
        var waited = workingDays.Between(UkCalendar.DateOf(submittedAt), today);
        var target = triage.DecisionTargetWorkingDays;
        var state = waited > target ? WaitingState.Overdue
            : target - waited <= triage.DueSoonWorkingDays ? WaitingState.DueSoon
            : WaitingState.WithinTarget;
        return new WaitingTime(waited, target, DueBy(submittedAt, triage, workingDays), state);
    }
}
