using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Renewals;

/// <summary>One answer on the renewal form: "yes" (still right) or "no" (changed, to <see cref="Now"/>).</summary>
public sealed class RenewalAnswerInput
{
    public string? Unchanged { get; set; }
    public string? Now { get; set; }
}

/// <summary>
/// The renewal form, shared by the family's page and the officer taking a renewal by phone: each of last year's answers
/// in order, confirmed or changed. Anything but "yes" or "no" counts as not answered, so bad input gets the page's own error.
/// </summary>
public sealed class RenewalForm
{
    public List<RenewalAnswerInput> Answers { get; set; } = [];

    public IReadOnlyList<RenewalReply> Read(IReadOnlyList<RenewalAnswer> last) =>
    [
        .. last.Select((a, i) =>
        {
            var input = i < Answers.Count ? Answers[i] : null;
            bool? unchanged = input?.Unchanged switch { "yes" => true, "no" => false, _ => null };
            return new RenewalReply(a.Id, unchanged, input?.Now);
        }),
    ];
}

/// <summary>What the answers partial needs: last year's answers, what was typed, and the page for its errors.</summary>
public sealed record RenewalFormView(IReadOnlyList<RenewalAnswer> Last, RenewalForm Form, GovukPageModel Page, bool ForFamily);

/// <summary>Answers as a page shows them.</summary>
public static class RenewalPage
{
    public static string Day(DateOnly day) => RenewalRules.Day(day);

    public static string TagClass(RenewalStatus status) => status switch
    {
        RenewalStatus.Approved => "govuk-tag--green",
        RenewalStatus.Submitted => "govuk-tag--blue",
        RenewalStatus.Referred => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };
}
