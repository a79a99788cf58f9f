namespace ShortBreaks.Core.Notifications;

/// <summary>An email's words: its subject and plain-text body.</summary>
public sealed record Email(string Subject, string Body);

/// <summary>
/// The words of every email the services send, in one place to read and change them. Services decide when to send
/// and to whom (<see cref="EmailRecord.TrySendAsync(EmailSender, Data.ShortBreaksDbContext, Microsoft.Extensions.Logging.ILogger, string, Guid?, Email, CancellationToken)"/>).
/// </summary>
public static class Emails
{
    /// <summary>To the person who sent a request: we have it, and when to expect a decision.</summary>
    public static Email RequestReceived(ShortBreakRequest request, Scheme scheme) => new(
        $"We have your request for short breaks: {request.Reference}",
        $"Dear {request.ContactName},\n\nThank you for your request for short breaks for {request.ChildFirstName}. " +
        $"Your reference is {request.Reference}.\n\nWe aim to decide within {scheme.Triage.DecisionTargetWorkingDays} working days. " +
        $"We will email you when a decision is waiting in your account.\n\n{scheme.Council.ServiceName}\n{scheme.Council.Name}");

    /// <summary>To the person who sent a request: a decision letter is waiting (in their account, or by post without one).</summary>
    public static Email DecisionWaiting(ShortBreakRequest request, Scheme scheme, string publicBaseUrl) => new(
        $"A decision on your short breaks request is waiting: {request.Reference}",
        $"Dear {request.ContactName},\n\nWe have made a decision on your request for short breaks for {request.ChildFirstName} " +
        $"(reference {request.Reference}).\n\n" +
        (request.FamilyUserId is null
            ? "We will also send you the decision letter by post.\n\n"
            : $"Sign in to read it: {publicBaseUrl.TrimEnd('/')}/account\n\n") +
        $"{scheme.Council.ServiceName}\n{scheme.Council.Name}");

    /// <summary>To the MASH, the moment a safeguarding concern is raised on a request: where to find it, never the reasons.</summary>
    public static Email SafeguardingReferral(ShortBreakRequest request, Child child, string raisedBy, DateTime raisedAt) => new(
        $"Safeguarding referral from short breaks: {request.Reference}",
        $"A safeguarding concern was raised on short breaks request {request.Reference} for child record {child.Reference} " +
        $"by {raisedBy} on {UkCalendar.When(raisedAt)} (UK time).\n\nThe reasons and the request are on the child's record. " +
        "The short breaks flow has stopped for this request.");

    /// <summary>To a family already linked to a child: another account can now see the record.</summary>
    public static Email AnotherAccountLinked(LinkedFamily family, Child child, string accountName, string relationship, CouncilSettings council) => new(
        $"Another account can now see {child.FirstName}'s short breaks record",
        $"Dear {family.Name},\n\nAn officer has linked another account to {child.FirstName}'s short breaks record, after checking the person's " +
        $"identity and parental responsibility: {accountName} ({relationship}). They can now see {child.FirstName}'s plan and letters " +
        "in their account.\n\nIf you did not expect this, contact us at once: " +
        $"email {council.ContactEmail} or call {council.ContactPhone}, and quote {child.Reference}.\n\n{council.ServiceName}\n{council.Name}");
}
