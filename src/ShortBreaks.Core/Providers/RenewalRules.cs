using System.Globalization;
using System.Text.Json;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Providers;

/// <summary>One question of a renewal: last year's answer, and this year's once the family confirms or changes it.</summary>
/// <param name="Id">The question's id (a request step: address, school, needs...).</param>
/// <param name="Question">The question as the family reads it.</param>
/// <param name="Last">Last year's answer, as it was given (or "Not recorded").</param>
/// <param name="Now">This year's answer: last year's when confirmed; null until answered.</param>
/// <param name="Changed">Whether the family changed it.</param>
public sealed record RenewalAnswer(string Id, string Question, string Last, string? Now = null, bool Changed = false);

/// <summary>What the family says of one answer: it is the same, or it is now <paramref name="Now"/>.</summary>
public sealed record RenewalReply(string Id, bool? Unchanged, string? Now);

/// <summary>When renewals open and remind, what is overdue, and how answers are read and checked (pure).</summary>
public static class RenewalRules
{
    public const string NotRecorded = "Not recorded";
    public const int AnswerMaxLength = Requests.RequestRules.TextMaxLength;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The first day of the allowance year a renewal on <paramref name="today"/> is for: the next one.</summary>
    public static DateOnly NextYearStart(DateOnly today, ProviderSettings settings) => AllowanceYears.StartOf(today, settings).AddYears(1);

    /// <summary>The first day families are invited to renew for the year starting <paramref name="yearStart"/>.</summary>
    public static DateOnly InviteFrom(DateOnly yearStart, RenewalSettings renewal) => yearStart.AddDays(-7 * renewal.InviteWeeksBeforeYearEnd);

    /// <summary>
    /// The year to open renewals for on <paramref name="today"/> (a UK day): the next allowance year, once today is within
    /// the scheme's weeks before the current year ends; otherwise null.
    /// </summary>
    public static DateOnly? OpenFor(DateOnly today, ProviderSettings settings)
    {
        var next = NextYearStart(today, settings);
        return today >= InviteFrom(next, settings.Renewal) ? next : null;
    }

    /// <summary>Not renewed by the end of the year before <paramref name="yearStart"/>: still waiting on <paramref name="today"/>.</summary>
    public static bool IsOverdue(RenewalStatus status, DateOnly yearStart, DateOnly today) =>
        status is RenewalStatus.Invited or RenewalStatus.Submitted && today >= yearStart;

    /// <summary>
    /// The reminder due on <paramref name="today"/> for a family invited on <paramref name="invitedOn"/> that has not
    /// answered: the number (from 1) of the latest of the scheme's reminder days passed, or 0. Reminders stop when the
    /// year ends: from then the overdue notice is sent instead.
    /// </summary>
    public static int ReminderDue(DateOnly invitedOn, DateOnly yearStart, DateOnly today, RenewalSettings renewal)
    {
        if (today >= yearStart) return 0;
        var days = renewal.ReminderDays.Order().ToList();
        var due = 0;
        for (var i = 0; i < days.Count; i++)
        {
            if (invitedOn.AddDays(days[i]) <= today) due = i + 1;
        }

        return due;
    }

    /// <summary>The answers kept on a renewal (none when there are none yet).</summary>
    public static IReadOnlyList<RenewalAnswer> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RenewalAnswer>>(json, Json) ?? [];

    public static string Write(IEnumerable<RenewalAnswer> answers) => JsonSerializer.Serialize(answers.ToList(), Json);

    /// <summary>
    /// Last year's answers with the family's replies: every answer must be confirmed or changed, a change must say what
    /// it is now (and differ from last year, or it is a confirmation), within the length. Errors are keyed by the
    /// question's place, as the form shows them.
    /// </summary>
    public static (IReadOnlyList<RenewalAnswer> Answers, List<FieldError> Errors) Apply(IReadOnlyList<RenewalAnswer> last, IReadOnlyList<RenewalReply> replies)
    {
        var errors = new List<FieldError>();
        var answers = new List<RenewalAnswer>();
        for (var i = 0; i < last.Count; i++)
        {
            var question = last[i];
            var reply = replies.FirstOrDefault(r => r.Id == question.Id);
            var field = $"Answers[{i}]";
            if (reply?.Unchanged is not { } unchanged)
            {
                errors.Add(new(field + ".Unchanged", $"Say whether this is still right: {question.Question}"));
                continue;
            }

            if (unchanged)
            {
                answers.Add(question with { Now = question.Last, Changed = false });
                continue;
            }

            var now = reply.Now?.Trim();
            if (string.IsNullOrEmpty(now))
            {
                errors.Add(new(field + ".Now", $"Enter what has changed: {question.Question}"));
                continue;
            }

            if (now.Length > AnswerMaxLength)
            {
                errors.Add(new(field + ".Now", $"The answer must be {AnswerMaxLength} characters or fewer"));
                continue;
            }

            var changed = !string.Equals(now, question.Last, StringComparison.Ordinal);
            answers.Add(question with { Now = now, Changed = changed });
        }

        return (answers, errors);
    }

    /// <summary>The words kept on a renewal approved without an officer: the scheme and its version.</summary>
    public static string AutomaticApproval(Scheme scheme) =>
        $"Approved automatically under {scheme.Council.Name}'s short breaks scheme, version {scheme.Version}: every answer was confirmed unchanged.";

    public static string Status(RenewalStatus status) => status switch
    {
        RenewalStatus.Invited => "Waiting for the family",
        RenewalStatus.Submitted => "Waiting for a decision",
        RenewalStatus.Approved => "Approved",
        RenewalStatus.Referred => "Referred for a threshold decision",
        _ => status.ToString(),
    };

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
