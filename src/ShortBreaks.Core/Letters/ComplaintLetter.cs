using ShortBreaks.Core.Complaints;

namespace ShortBreaks.Core.Letters;

/// <summary>
/// The response to a stage of a complaint or to an appeal: what was raised, the finding and its reasons, and the route
/// on (ask for the next stage, within the scheme's timescales; after stage 3 or an appeal, the Local Government and Social
/// Care Ombudsman). Pure.
/// </summary>
public static class ComplaintLetter
{
    /// <param name="about">The words naming the decision or review the case is about, when it names one.</param>
    public static (string Title, string BodyHtml) Compose(Scheme scheme, Child child, Complaint complaint, ComplaintStage stage,
        DateTime writtenAt, string byName, string? about = null)
    {
        var html = LetterHtml.Begin(UkCalendar.LocalTime(writtenAt), complaint.MadeBy == ComplaintMadeBy.YoungPerson ? child.FirstName : "parent or carer");
        var name = LetterHtml.Encode(child.FirstName);
        var what = complaint.Kind == ComplaintKind.Appeal ? "appeal" : "complaint";
        html.P($"Thank you for your {what} about {name}'s short breaks, received on {LetterHtml.Day(complaint.ReceivedOn)}. " +
               $"This letter is our answer at {LetterHtml.Encode(ComplaintRules.Name(stage.Kind).ToLowerInvariant())}.");
        if (about is not null)
            html.P($"Your {what} is about: <strong>{LetterHtml.Encode(about)}</strong>.");
        html.Heading("What you told us");
        html.Paragraphs(complaint.Summary);
        html.Heading(complaint.Kind == ComplaintKind.Appeal ? "Our decision on your appeal" : "What we found");
        html.P($"<strong>{LetterHtml.Encode(OutcomeWords(complaint.Kind, stage.Outcome ?? ComplaintOutcome.NotUpheld))}</strong>");
        html.Paragraphs(stage.Response ?? "");
        html.Heading("If you are not satisfied");
        var contact = $"reply from your account, email {LetterHtml.Encode(scheme.Council.ContactEmail)} or call {LetterHtml.Encode(scheme.Council.ContactPhone)}";
        html.P(ComplaintRules.Next(stage.Kind) switch
        {
            ComplaintStageKind.Investigation =>
                $"You can ask for your complaint to be investigated at stage 2. To ask, {contact}. " +
                $"An investigator who has not been involved will look into it and we will answer within {scheme.ComplaintRules.InvestigationWorkingDays} working days.",
            ComplaintStageKind.ReviewPanel =>
                $"You can ask for a review panel at stage 3. To ask, {contact}. " +
                $"The panel will meet within {scheme.ComplaintRules.ReviewPanelWorkingDays} working days of your request.",
            _ => "You can ask the Local Government and Social Care Ombudsman to look at your " + what + ". The Ombudsman is independent and free to use.",
        });
        html.SignOff(byName, scheme.Council);
        var title = complaint.Kind == ComplaintKind.Appeal
            ? $"Our decision on your appeal about {child.FirstName}'s short breaks"
            : $"Our answer to your complaint about {child.FirstName}'s short breaks: {ComplaintRules.Name(stage.Kind).ToLowerInvariant()}";
        return (title, html.ToString());
    }

    /// <summary>The finding in the family's words: for an appeal, whether the decision stands.</summary>
    public static string OutcomeWords(ComplaintKind kind, ComplaintOutcome outcome) => (kind, outcome) switch
    {
        (ComplaintKind.Appeal, ComplaintOutcome.Upheld) => "Your appeal is upheld: the decision will be changed.",
        (ComplaintKind.Appeal, ComplaintOutcome.PartlyUpheld) => "Your appeal is partly upheld: part of the decision will be changed.",
        (ComplaintKind.Appeal, ComplaintOutcome.NotUpheld) => "Your appeal is not upheld: the decision stands.",
        (_, ComplaintOutcome.Upheld) => "We uphold your complaint.",
        (_, ComplaintOutcome.PartlyUpheld) => "We uphold part of your complaint.",
        (_, ComplaintOutcome.NotUpheld) => "We do not uphold your complaint.",
        (_, ComplaintOutcome.Withdrawn) => "Your complaint has been withdrawn.",
        _ => ComplaintRules.Name(outcome),
    };
}
