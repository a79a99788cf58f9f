namespace ShortBreaks.Core.Letters;

/// <summary>
/// The letter that gives a family notice that their child's budget will fall: the old and new figures, the date,
/// the reasons, that the current support continues until then, and how to ask for the decision to be looked at
/// again. Pure.
/// </summary>
public static class NoticeLetter
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static (string Title, string BodyHtml) Compose(Scheme scheme, Child child, BudgetNotice notice)
    {
        var html = new StringBuilder();
        var name = Encode(child.FirstName);
        void P(string text) => html.Append("<p class=\"govuk-body\">").Append(text).Append("</p>\n");

        P(notice.GivenAt.ToString("d MMMM yyyy", UkCulture));
        P("Dear parent or carer,");
        P($"We are writing about {name}'s short breaks budget. Your child's reference is <strong>{Encode(child.Reference)}</strong>.");
        html.Append("<h2 class=\"govuk-heading-m\">What is changing</h2>\n");
        P($"{name}'s budget will change from <strong>{Money.Format(notice.CurrentAnnualAmount)}</strong> a year to " +
          $"<strong>{Money.Format(notice.NewAnnualAmount)}</strong> a year on <strong>{notice.TakesEffectOn.ToString("d MMMM yyyy", UkCulture)}</strong>.");
        P($"Until then, {name}'s support carries on exactly as it is now. We are giving you {scheme.Reviews.ReductionNoticeMonths} months' notice so you have time to plan.");
        html.Append("<h2 class=\"govuk-heading-m\">Why</h2>\n");
        foreach (var paragraph in notice.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            P(Encode(paragraph));
        html.Append("<h2 class=\"govuk-heading-m\">If you disagree</h2>\n");
        P("You can ask us to look at this decision again (a reconsideration). Tell us why you think it is wrong, and anything we may have missed, " +
          $"from your account, by emailing {Encode(scheme.Council.ContactEmail)} or by calling {Encode(scheme.Council.ContactPhone)}. " +
          $"Please quote {Encode(child.Reference)}. Ask before {notice.TakesEffectOn.ToString("d MMMM yyyy", UkCulture)} if you can: " +
          $"while we look at it again, {name}'s current support carries on.");
        P("Yours sincerely,");
        P($"{Encode(notice.GivenByName)}<br>{Encode(scheme.Council.ServiceName)}, {Encode(scheme.Council.Name)}");
        return ($"{child.FirstName}'s short breaks budget is changing", html.ToString());
    }

    /// <summary>
    /// The panel's answer to a reconsideration: upheld (the budget stays as it is) or not (the lower budget applies
    /// from <see cref="BudgetNotice.TakesEffectOn"/>, never before the decision), with the panel's reasons.
    /// </summary>
    public static (string Title, string BodyHtml) Reconsidered(Scheme scheme, Child child, BudgetNotice notice, bool upheld, string reasons, DateTime decidedAt, string decidedByName)
    {
        var html = new StringBuilder();
        var name = Encode(child.FirstName);
        void P(string text) => html.Append("<p class=\"govuk-body\">").Append(text).Append("</p>\n");

        P(decidedAt.ToString("d MMMM yyyy", UkCulture));
        P("Dear parent or carer,");
        P($"You asked us to look again at our decision to change {name}'s short breaks budget from {Money.Format(notice.CurrentAnnualAmount)} " +
          $"to {Money.Format(notice.NewAnnualAmount)} a year. Your child's reference is <strong>{Encode(child.Reference)}</strong>. The panel has looked at it again.");
        html.Append("<h2 class=\"govuk-heading-m\">What the panel decided</h2>\n");
        P(upheld
            ? $"The panel agreed with you. {name}'s budget stays at <strong>{Money.Format(notice.CurrentAnnualAmount)}</strong> a year and the support carries on as it is."
            : $"The panel did not change the decision. {name}'s budget will be <strong>{Money.Format(notice.NewAnnualAmount)}</strong> a year from " +
              $"<strong>{notice.TakesEffectOn.ToString("d MMMM yyyy", UkCulture)}</strong>. Until then, {name}'s support carries on as it is now.");
        html.Append("<h2 class=\"govuk-heading-m\">Why</h2>\n");
        foreach (var paragraph in reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            P(Encode(paragraph));
        if (!upheld)
            P($"If you are still unhappy, you can complain: email {Encode(scheme.Council.ContactEmail)} or call {Encode(scheme.Council.ContactPhone)}, quoting {Encode(child.Reference)}.");
        P("Yours sincerely,");
        P($"{Encode(decidedByName)}<br>{Encode(scheme.Council.ServiceName)}, {Encode(scheme.Council.Name)}");
        return ($"We looked again at {child.FirstName}'s short breaks budget", html.ToString());
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
