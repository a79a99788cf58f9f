using ShortBreaks.Core.Children;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Plans;

namespace ShortBreaks.Core.Letters;

/// <summary>
/// What a direct payment is for, as its agreement states it: a plan version's outcomes and direct payment lines, or a
/// Flexible Short Breaks package's hours.
/// </summary>
/// <param name="Outcomes">The plan's outcomes in order (none for a package).</param>
/// <param name="Lines">Each thing the money buys, in words ("Personal assistant: 4 hours a week at £12.50 an hour").</param>
public sealed record AgreementPurpose(string Source, IReadOnlyList<string> Outcomes, IReadOnlyList<string> Lines);

/// <summary>
/// The direct payment agreement drafted from the scheme's settings (the seeds: a payment "underpinned by a signed
/// written agreement", still public money and recovered when the support ends, never for a school place, a residential
/// placement or a post-16 institution): the child, the person receiving it, the amount and schedule, what it is for and
/// may not buy, the records to keep and for how long, how unspent money is recovered, and when and how it ends. Pure:
/// the same direct payment and scheme always give the same text, which the family reads and agrees and which is kept
/// exactly as a letter once agreed.
/// </summary>
public static class DirectPaymentAgreementDocument
{
    public static (string Title, string BodyHtml) Compose(Scheme scheme, Child child, DirectPayment payment, AgreementPurpose purpose)
    {
        var settings = scheme.DirectPaymentRules;
        var agreement = settings.Agreement;
        var name = Encode(child.FirstName);
        var html = new LetterHtml();
        html.P($"This agreement is between {Encode(scheme.Council.Name)} and <strong>{Encode(payment.RecipientName)}</strong>" +
               (payment.RecipientRelationship.Length > 0 ? $" ({Encode(payment.RecipientRelationship)})" : "") +
               $", who receives a direct payment on behalf of <strong>{Encode(child.FullName)}</strong>, born {LetterHtml.Day(child.DateOfBirth)}, " +
               $"child reference {Encode(child.Reference)}. The direct payment's reference is <strong>{Encode(payment.Reference)}</strong>.");

        html.Heading("The amount and when it is paid");
        html.P($"We will pay <strong>{Money.FormatPence(payment.AnnualAmount)}</strong> a year, from {LetterHtml.Day(payment.StartsOn)} " +
               (payment.EndsOn is { } end ? $"to {LetterHtml.Day(end)}" : "until the agreement ends") +
               ", or from the day you agree this agreement if that is later. Nothing is paid before you agree it.");
        html.P($"Payments are made {FrequencyText(settings.PaymentFrequency)}, {TimingText(settings.PaymentTiming)}. " +
               "A first or last payment for part of a period is worked out by the days it covers. " +
               $"Payments are in whole pence: {RoundingText(settings.PaymentRounding)}, so a year's payments add up exactly to the year's amount.");
        html.P("Payments go into a bank account you use only for the direct payment, or onto a prepaid card account we arrange. " +
               "Before the first payment, and whenever the account changes, we confirm the account details with you in a second way (in your online account, or by calling you back on the number we already hold).");

        html.Heading($"What the direct payment is for");
        html.P(Encode(purpose.Source));
        if (purpose.Outcomes.Count > 0)
        {
            html.P($"It is to help {name} achieve the outcomes in the plan:");
            html.Raw(List(purpose.Outcomes));
        }

        if (purpose.Lines.Count > 0)
        {
            html.P("It pays for:");
            html.Raw(List(purpose.Lines));
        }

        html.Heading("What it may not be spent on");
        html.P($"The direct payment may be spent only on what this agreement says it is for. It may not be spent on:");
        html.Raw(List(agreement.MayNotBuy.Select(i => i.Text)));

        html.Heading("The records you keep");
        html.Raw(List(agreement.RecordsToKeep.Select(i => i.Text)));
        html.P($"Keep these records for {Plural(agreement.RecordsKeptYears, "year")}. Send us a return with them every {Plural(settings.MonitoringReturnMonths, "month")}, " +
               $"and show them to us when we audit the account, at least every {Plural(settings.AuditIntervalMonths, "month")}.");

        html.Heading("Money that is not spent");
        html.P("The direct payment is public money, and remains so for the purpose of recovery when the support ends. " +
               $"You may keep up to {Plural(settings.ContingencyWeeks, "week")} of payments in the account for unexpected costs. " +
               $"If the account holds more than {Plural(settings.SurplusThresholdWeeks, "week")} of payments, we will ask you about it, " +
               $"and we will recover what is above the {Plural(settings.ContingencyWeeks, "week")} you may keep {RecoveryText(settings.RecoveryMethod)}.");
        html.P($"We will write to you first, giving the reasons and the amount. You have {Plural(settings.RecoveryDisputeDays, "day")} from the date of that letter to tell us if you disagree, and we will not recover the money before then.");

        html.Heading("When the agreement ends");
        html.P((payment.EndsOn is { } last ? $"The agreement ends on {LetterHtml.Day(last)}, unless it is renewed. " : "") +
               $"You or we may end it earlier by giving {Plural(agreement.EndNoticeDays, "day")}' notice in writing. " +
               "It also ends if the support it pays for ends, or if the money is not used as this agreement says. " +
               "When it ends, any money not spent on the agreed support is recovered in the same way.");
        html.P("If the amount is lowered, we will give you notice and our reasons in writing before it changes, and you may ask us to look at the decision again.");

        html.Heading("Questions");
        html.P($"Email {Encode(scheme.Council.ContactEmail)} or call {Encode(scheme.Council.ContactPhone)}, quoting {Encode(payment.Reference)}.");
        return ($"Direct payment agreement for {child.FirstName} ({payment.Reference})", html.ToString());
    }

    /// <summary>The agreed copy: the text as read, and who agreed it, when and how.</summary>
    public static string Agreed(string bodyHtml, string agreedBy, DateTime agreedAt, string how) =>
        bodyHtml + $"<h2 class=\"govuk-heading-m\">Agreement</h2>\n<p class=\"govuk-body\">Agreed by {Encode(agreedBy)} on {LetterHtml.Day(agreedAt)}, {Encode(how)}.</p>\n";

    /// <summary>The plan's outcomes and direct payment lines, for the agreement.</summary>
    public static AgreementPurpose ForPlan(PlanVersion version, PlanCost cost) => new(
        $"The direct payment lines of {(version.Number > 0 ? $"version {version.Number} of " : "")}the support plan.",
        version.Outcomes.OrderBy(o => o.Order).Select(o => o.What).Where(w => !string.IsNullOrWhiteSpace(w)).ToList(),
        cost.Lines.Where(l => l.Line.Route == PaymentRoute.DirectPayment)
            .Select(l => $"{l.Line.Description}{(l.Line.RateName is null ? "" : $" ({l.Line.RateName})")}: {l.Line.Quantity:0.##} {FrequencyOf(l.Line.Frequency)} at {Money.FormatPence(l.Line.UnitCost)}, {Money.FormatPence(l.AnnualCost)} a year")
            .Concat(cost.OnCosts.Where(o => o.OnCost.Route == PaymentRoute.DirectPayment)
                .Select(o => $"{o.OnCost.Description}: {Money.FormatPence(o.OnCost.MonthlyAmount)} a month, {Money.FormatPence(o.AnnualCost)} a year"))
            .ToList());

    /// <summary>A Flexible Short Breaks package's hours taken as a direct payment, for the agreement.</summary>
    public static AgreementPurpose ForPackage(decimal hours, decimal amount, DateOnly startsOn, DateOnly endsOn) => new(
        "Flexible Short Breaks taken as a direct payment instead of hours from an approved provider.",
        [],
        [$"{hours:0.#} hours of short breaks from {LetterHtml.Day(startsOn)} to {LetterHtml.Day(endsOn)}, {Money.FormatPence(amount)} in all"]);

    public static string FrequencyText(PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.Weekly => "every week",
        PaymentFrequency.Fortnightly => "every two weeks",
        PaymentFrequency.FourWeekly => "every four weeks",
        PaymentFrequency.Monthly => "every month",
        _ => "every three months",
    };

    private static string TimingText(PaymentTiming timing) =>
        timing == PaymentTiming.InAdvance ? "in advance, on the first day of the period each payment covers" : "in arrears, on the day after the period each payment covers";

    private static string RoundingText(PaymentRounding rounding) =>
        rounding == PaymentRounding.LastPaymentTakesRemainder
            ? "each payment is its share rounded down to the penny, and the year's last payment takes the pennies left over"
            : "each payment is its share rounded down to the penny, and the year's first payment takes the pennies left over";

    private static string RecoveryText(RecoveryMethod method) =>
        method == RecoveryMethod.ReduceFuturePayments ? "by reducing the payments still to come" : "by sending you an invoice";

    private static string FrequencyOf(SupportFrequency frequency) => frequency switch
    {
        SupportFrequency.PerWeek => "a week",
        SupportFrequency.PerMonth => "a month",
        SupportFrequency.PerYear => "a year",
        _ => "once",
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    private static string List(IEnumerable<string> items) =>
        "<ul class=\"govuk-list govuk-list--bullet\">\n" + string.Concat(items.Select(i => $"<li>{Encode(i)}</li>\n")) + "</ul>\n";

    private static string Encode(string? text) => LetterHtml.Encode(text);
}
