namespace ShortBreaks.Core.Providers;

/// <summary>The words of the emails about renewing Flexible Short Breaks: to the family, and to the child's officer.</summary>
public static class RenewalEmails
{
    private static string SignOff(CouncilSettings council) => $"{council.ServiceName}\n{council.Name}";

    /// <summary>The family's page to renew on.</summary>
    public static string FamilyLink(string publicBaseUrl, Guid childId) => $"{publicBaseUrl.TrimEnd('/')}/account/renewal/{childId}";

    /// <summary>To the family: the invitation, a reminder, or the year has ended without a renewal.</summary>
    public static Email ToFamily(RenewalNoticeKind kind, Child child, FsbRenewal renewal, bool hasAccount, CouncilSettings council, string publicBaseUrl)
    {
        var by = RenewalRules.Day(renewal.YearStart.AddDays(-1));
        var how = hasAccount
            ? $"Sign in to renew: {FamilyLink(publicBaseUrl, child.Id)}\n\nYou will see each answer you gave last year: confirm it, or tell us what has changed. If nothing has changed it takes a few minutes."
            : $"Ring us on {council.ContactPhone} or email {council.ContactEmail} to renew: we will go through last year's answers with you.";
        return kind switch
        {
            RenewalNoticeKind.Invitation => new(
                $"Renew {child.FirstName}'s Flexible Short Breaks by {by}",
                $"{child.FirstName}'s Flexible Short Breaks year ends on {by}. Please renew them for the year from {RenewalRules.Day(renewal.YearStart)}.\n\n{how}\n\n{SignOff(council)}"),
            RenewalNoticeKind.Reminder => new(
                $"Reminder: renew {child.FirstName}'s Flexible Short Breaks by {by}",
                $"We have not had {child.FirstName}'s renewal yet. The year ends on {by}.\n\n{how}\n\n{SignOff(council)}"),
            _ => new(
                $"{child.FirstName}'s Flexible Short Breaks have not been renewed",
                $"{child.FirstName}'s Flexible Short Breaks year ended on {by} and we have not had the renewal. " +
                $"{child.FirstName}'s short breaks carry on for now: nothing stops without an officer's decision, and the officer will be in touch.\n\n{how}\n\n{SignOff(council)}"),
        };
    }

    /// <summary>To the child's officer: the year ended and the family has not renewed.</summary>
    public static Email OverdueToOfficer(Child child, FsbRenewal renewal, string publicBaseUrl) => new(
        $"Not renewed: {child.FirstName} {child.LastName} ({child.Reference})",
        $"{child.FirstName} {child.LastName} ({child.Reference}) has not been renewed for Flexible Short Breaks: the year ended on " +
        $"{RenewalRules.Day(renewal.YearStart.AddDays(-1))}. The family has been reminded. Nothing has been cut: the child stays on Flexible " +
        $"Short Breaks until you decide.\n\nThe renewal: {publicBaseUrl.TrimEnd('/')}/staff/renewals/{renewal.Id}");

    /// <summary>To the family: the officer's decision.</summary>
    public static Email Decided(Child child, FsbRenewal renewal, CouncilSettings council, string publicBaseUrl) => renewal.Status == RenewalStatus.Approved
        ? new($"{child.FirstName}'s Flexible Short Breaks are renewed",
            $"We have renewed {child.FirstName}'s Flexible Short Breaks for the year from {RenewalRules.Day(renewal.YearStart)}. " +
            $"You can choose next year's short breaks in your account: {publicBaseUrl.TrimEnd('/')}/account\n\n{SignOff(council)}")
        : new($"{child.FirstName}'s Flexible Short Breaks: we need to look again",
            $"Thank you for renewing {child.FirstName}'s Flexible Short Breaks. Because of what has changed, an officer will look again at what " +
            $"support fits {child.FirstName} best, and will be in touch. {child.FirstName}'s short breaks carry on until then.\n\n{SignOff(council)}");
}
