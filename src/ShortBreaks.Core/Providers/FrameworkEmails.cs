namespace ShortBreaks.Core.Providers;

/// <summary>The words of the emails about the provider framework: applications, decisions, expiry warnings, invitations.</summary>
public static class FrameworkEmails
{
    private static string SignOff(CouncilSettings council) => $"{council.ServiceName}\n{council.Name}";

    /// <summary>To the organisation: its application has arrived.</summary>
    public static Email ApplicationReceived(Organisation organisation, CouncilSettings council) => new(
        $"We have your application to join the short breaks framework: {organisation.Name}",
        $"Dear {organisation.Name},\n\nThank you for applying to join {council.Name}'s short breaks provider framework. " +
        $"Our commissioning team will check it against the framework's criteria and email you with a decision, or to ask for more.\n\n{SignOff(council)}");

    /// <summary>To commissioning: an application is waiting for a decision.</summary>
    public static Email ApplicationWaiting(Organisation organisation, bool again, string link) => new(
        $"{(again ? "An application sent again" : "A new application")} to the provider framework: {organisation.Name}",
        $"{organisation.Name} has {(again ? "sent its application again" : "applied to join the short breaks provider framework")}. " +
        $"It is waiting for a decision:\n\n{link}");

    /// <summary>To the organisation: a decision, with its reasons.</summary>
    public static Email Decision(Organisation organisation, FrameworkDecision decision, string? reason, LivePackagesOutcome? livePackages,
        CouncilSettings council, string link)
    {
        var what = decision switch
        {
            FrameworkDecision.Approve => "We have approved your organisation on the short breaks provider framework. Its services are now on the menu and in the Local Offer directory, and it can take packages.",
            FrameworkDecision.Reinstate => "Your organisation's suspension from the short breaks provider framework has ended. It can take new packages again.",
            FrameworkDecision.AskForMoreInformation => "We need more information before we can decide on your application to the short breaks provider framework.",
            FrameworkDecision.Refuse => "We have refused your application to join the short breaks provider framework. The framework is open all year: you can apply again when the reasons below are dealt with.",
            FrameworkDecision.Suspend => "We have suspended your organisation from the short breaks provider framework. It takes no new packages while suspended.",
            _ => "We have removed your organisation from the short breaks provider framework. It takes no new packages.",
        };
        var packages = livePackages switch
        {
            LivePackagesOutcome.Continue => "\n\nPackages already agreed with you carry on to their end.",
            LivePackagesOutcome.EndWithNotice => "\n\nPackages already agreed with you end with the usual notice. Each child's officer will be in touch.",
            LivePackagesOutcome.EndNow => "\n\nPackages agreed with you have ended today. Each child's officer will be in touch.",
            _ => "",
        };
        var why = string.IsNullOrWhiteSpace(reason) ? "" : $"\n\n{(decision == FrameworkDecision.AskForMoreInformation ? "What we need" : "Our reasons")}:\n\n{reason}";
        return new($"Your place on the short breaks provider framework: {organisation.Name}",
            $"Dear {organisation.Name},\n\n{what}{why}{packages}\n\nSign in to see your application: {link}\n\n{SignOff(council)}");
    }

    /// <summary>To the organisation and commissioning: an insurance or registration is about to run out.</summary>
    public static Email ExpiryWarning(string organisationName, string what, DateOnly expiresOn, int daysLeft, CouncilSettings council) => new(
        $"{Capitalise(what)} of {organisationName} runs out on {Day(expiresOn)}",
        $"The {what} of {organisationName} runs out on {Day(expiresOn)}, in {daysLeft} day{(daysLeft == 1 ? "" : "s")}.\n\n" +
        "After that day the organisation takes no new short breaks packages until it sends us the renewed certificate: " +
        $"sign in and update it under the organisation's application.\n\n{SignOff(council)}");

    /// <summary>To a person an organisation's administrator has added: set a password and sign in.</summary>
    public static Email Invitation(string personName, string organisationName, string invitedBy, string link, CouncilSettings council) => new(
        $"You have been added to {organisationName} on {council.ServiceName}",
        $"Dear {personName},\n\n{invitedBy} has added you to {organisationName} on {council.ServiceName}, {council.Name}'s short breaks service.\n\n" +
        $"Choose a password by opening this link (it works for 24 hours):\n\n{link}\n\n" +
        "Then sign in. You will be asked to set up an authenticator app the first time.\n\n" +
        $"If you did not expect this email, you can ignore it.\n\n{SignOff(council)}");

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
