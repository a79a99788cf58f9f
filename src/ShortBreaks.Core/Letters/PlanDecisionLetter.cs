namespace ShortBreaks.Core.Letters;

/// <summary>The letter telling a family that a version of their child's plan was not approved, why, and what happens next. Pure.</summary>
public static class PlanDecisionLetter
{
    public static (string Title, string BodyHtml) NotApproved(Scheme scheme, Child child, PlanVersion version, string reasons, bool planInForce)
    {
        ArgumentNullException.ThrowIfNull(version.DecidedAt);
        var html = new StringBuilder();
        var name = Encode(child.FirstName);
        void P(string text) => html.Append("<p class=\"govuk-body\">").Append(text).Append("</p>\n");

        P(UkCalendar.Day(version.DecidedAt.Value));
        P("Dear parent or carer,");
        P($"We have looked at version {version.Number} of {name}'s support plan, which you agreed with your officer. " +
          $"It costs {Money.FormatPence(version.AnnualCost)} a year. It has not been approved.");
        html.Append("<h2 class=\"govuk-heading-m\">Why</h2>\n");
        foreach (var paragraph in reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            P(Encode(paragraph));
        html.Append("<h2 class=\"govuk-heading-m\">What happens next</h2>\n");
        P(planInForce
            ? $"{name}'s current plan carries on exactly as it is. Your officer will contact you to talk about what could change."
            : "Your officer will contact you to talk about the plan and what could change.");
        P($"If you disagree, you can ask us to look at this decision again by emailing {Encode(scheme.Council.ContactEmail)} or calling " +
          $"{Encode(scheme.Council.ContactPhone)}. Please quote {Encode(child.Reference)}.");
        P("Yours sincerely,");
        P($"{Encode(version.DecidedByName)}<br>{Encode(scheme.Council.ServiceName)}, {Encode(scheme.Council.Name)}");
        return ($"{child.FirstName}'s support plan was not approved", html.ToString());
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
