namespace ShortBreaks.Core.Letters;

/// <summary>
/// A plan version as a document in plain English: the family's copy to print or download, and, once approved, the
/// letter kept on the record exactly as sent. Pure.
/// </summary>
public static class PlanDocument
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static (string Title, string BodyHtml) Compose(Scheme scheme, string childFirstName, PlanVersion version, PlanCost cost, string? decisionNote = null)
    {
        var html = new StringBuilder();
        var name = Encode(childFirstName);
        void P(string text) => html.Append("<p class=\"govuk-body\">").Append(text).Append("</p>\n");
        void H(string text) => html.Append("<h2 class=\"govuk-heading-m\">").Append(text).Append("</h2>\n");

        P($"Version {version.Number}, for {version.PeriodStart.ToString("d MMMM yyyy", UkCulture)} to {version.PeriodEnd.ToString("d MMMM yyyy", UkCulture)}.");
        if (decisionNote is not null) P(Encode(decisionNote));
        H("All about me");
        html.Append("<h3 class=\"govuk-heading-s\">What matters to me</h3>\n");
        P(Encode(version.WhatMattersToMe ?? "Not written yet"));
        html.Append("<h3 class=\"govuk-heading-s\">How best to support me</h3>\n");
        P(Encode(version.HowBestToSupportMe ?? "Not written yet"));
        html.Append("<h3 class=\"govuk-heading-s\">My communication</h3>\n");
        P(Encode(version.MyCommunication ?? "Not written yet"));

        H("What I want to achieve");
        html.Append("<ol class=\"govuk-list govuk-list--number\">\n");
        foreach (var o in version.Outcomes.OrderBy(o => o.Order))
        {
            var by = o.ByWhen is { } d ? $", by {d.ToString("d MMMM yyyy", UkCulture)}" : "";
            html.Append($"<li><strong>{Encode(o.What)}</strong> ({o.Term.ToString().ToLowerInvariant()} term{by}). We will know because: {Encode(o.HowWeWillKnow)}</li>\n");
        }

        html.Append("</ol>\n");
        H("My support and what it costs");
        html.Append("<ul class=\"govuk-list govuk-list--bullet\">\n");
        foreach (var line in cost.Lines)
        {
            var l = line.Line;
            var how = l.Frequency switch { SupportFrequency.PerWeek => "a week", SupportFrequency.PerMonth => "a month", SupportFrequency.PerYear => "a year", _ => "once" };
            var who = l.ProvidedBy is null ? "" : $" from {Encode(l.ProvidedBy)}";
            var rate = l.RateName is null ? "" : $" ({Encode(l.RateName)})";
            var paid = l.Route switch { PaymentRoute.DirectPayment => "paid by direct payment", PaymentRoute.CommissionedFromProvider => "arranged with the provider by the council", _ => "managed by the council" };
            html.Append($"<li>{Encode(l.Description)}{rate}{who}: {l.Quantity.ToString("0.##", UkCulture)} {how} at {Money.FormatPence(l.UnitCost)}, {paid}. {Money.FormatPence(line.AnnualCost)} a year.</li>\n");
        }

        foreach (var onCost in cost.OnCosts)
            html.Append($"<li>{Encode(onCost.OnCost.Description)}: {Money.FormatPence(onCost.OnCost.MonthlyAmount)} a month. {Money.FormatPence(onCost.AnnualCost)} a year.</li>\n");
        html.Append("</ul>\n");
        P($"In all, the plan costs <strong>{Money.FormatPence(cost.AnnualTotal)}</strong> a year.");
        if (cost.IndicativeBudget is { } budget)
        {
            P(cost.AnnualTotal > budget
                ? $"The indicative budget from the questionnaire was {Money.FormatPence(budget)} a year. The plan costs more because it must meet {name}'s assessed needs."
                : $"The indicative budget from the questionnaire was {Money.FormatPence(budget)} a year.");
        }

        H("If you want to change the plan");
        P($"The plan is yours. You can ask for a review or a change at any time from your account, by emailing {Encode(scheme.Council.ContactEmail)} or by calling {Encode(scheme.Council.ContactPhone)}.");
        return ($"{childFirstName}'s support plan", html.ToString());
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
