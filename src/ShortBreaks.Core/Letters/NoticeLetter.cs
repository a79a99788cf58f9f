namespace ShortBreaks.Core.Letters;

/// <summary>
/// The letter that gives a family notice that their child's budget will fall: the old and new figures, the date,
/// the reasons, that the current support continues until then, and how to ask for the decision to be looked at
/// again. Pure.
/// </summary>
public static class NoticeLetter
{
    public static (string Title, string BodyHtml) Compose(Scheme scheme, Child child, BudgetNotice notice)
    {
        var html = LetterHtml.Begin(notice.GivenAt, "parent or carer");
        var name = Encode(child.FirstName);
        html.P($"We are writing about {name}'s short breaks budget. Your child's reference is <strong>{Encode(child.Reference)}</strong>.");
        html.Heading("What is changing");
        html.P($"{name}'s budget will change from <strong>{Money.Format(notice.CurrentAnnualAmount)}</strong> a year to " +
               $"<strong>{Money.Format(notice.NewAnnualAmount)}</strong> a year on <strong>{LetterHtml.Day(notice.TakesEffectOn)}</strong>.");
        html.P($"Until then, {name}'s support carries on exactly as it is now. We are giving you {scheme.Reviews.ReductionNoticeMonths} months' notice so you have time to plan.");
        html.Heading("Why");
        html.Paragraphs(notice.Reasons);
        html.Heading("If you disagree");
        html.P("You can ask us to look at this decision again (a reconsideration). Tell us why you think it is wrong, and anything we may have missed, " +
               $"from your account, by emailing {Encode(scheme.Council.ContactEmail)} or by calling {Encode(scheme.Council.ContactPhone)}. " +
               $"Please quote {Encode(child.Reference)}. Ask before {LetterHtml.Day(notice.TakesEffectOn)} if you can: " +
               $"while we look at it again, {name}'s current support carries on.");
        html.SignOff(notice.GivenByName, scheme.Council);
        return ($"{child.FirstName}'s short breaks budget is changing", html.ToString());
    }

    /// <summary>
    /// The panel's answer to a reconsideration: upheld (the budget stays as it is) or not (the lower budget applies
    /// from <see cref="BudgetNotice.TakesEffectOn"/>, never before the decision), with the panel's reasons.
    /// </summary>
    public static (string Title, string BodyHtml) Reconsidered(Scheme scheme, Child child, BudgetNotice notice, bool upheld, string reasons, DateTime decidedAt, string decidedByName)
    {
        var html = LetterHtml.Begin(decidedAt, "parent or carer");
        var name = Encode(child.FirstName);
        html.P($"You asked us to look again at our decision to change {name}'s short breaks budget from {Money.Format(notice.CurrentAnnualAmount)} " +
               $"to {Money.Format(notice.NewAnnualAmount)} a year. Your child's reference is <strong>{Encode(child.Reference)}</strong>. The panel has looked at it again.");
        html.Heading("What the panel decided");
        html.P(upheld
            ? $"The panel agreed with you. {name}'s budget stays at <strong>{Money.Format(notice.CurrentAnnualAmount)}</strong> a year and the support carries on as it is."
            : $"The panel did not change the decision. {name}'s budget will be <strong>{Money.Format(notice.NewAnnualAmount)}</strong> a year from " +
              $"<strong>{LetterHtml.Day(notice.TakesEffectOn)}</strong>. Until then, {name}'s support carries on as it is now.");
        html.Heading("Why");
        html.Paragraphs(reasons);
        if (!upheld)
            html.P($"If you are still unhappy, you can complain: email {Encode(scheme.Council.ContactEmail)} or call {Encode(scheme.Council.ContactPhone)}, quoting {Encode(child.Reference)}.");
        html.SignOff(decidedByName, scheme.Council);
        return ($"We looked again at {child.FirstName}'s short breaks budget", html.ToString());
    }

    private static string Encode(string? text) => LetterHtml.Encode(text);
}
