namespace ShortBreaks.Core.Letters;

/// <summary>Writes the plain-English letter that tells a family the decision on their request. Pure.</summary>
public static class DecisionLetter
{
    public static (string Title, string BodyHtml) Compose(Scheme scheme, ShortBreakRequest request, RequestDecision decision)
    {
        var html = LetterHtml.Begin(decision.DecidedAt, request.ContactName);
        var name = Encode(request.ChildFirstName);

        html.P($"Thank you for asking for short breaks for {name}. Your reference is <strong>{Encode(request.Reference)}</strong>.");

        string title;
        switch (decision.Outcome)
        {
            case DecisionOutcome.FlexibleShortBreaksApproved:
                var fsb = scheme.Tiers.FlexibleShortBreaks;
                title = $"{name} can have {Encode(fsb.Name)}";
                html.P($"We have looked at what you told us, and {name} can have {Encode(fsb.Name)}.");
                html.P($"This gives {name} up to <strong>{decision.AllowanceHoursPerYear} hours</strong> of short breaks a year. " +
                       $"You can have this as a direct payment of <strong>{Core.Money.Format(decision.AllowanceDirectPaymentPerYear.GetValueOrDefault())}</strong> a year to arrange breaks yourself, " +
                       $"or as breaks from one of our approved providers worth up to <strong>{Core.Money.Format(decision.AllowanceProviderPerYear.GetValueOrDefault())}</strong> a year.");
                html.P("A personalisation officer will contact you to talk about how you would like to use it.");
                break;
            case DecisionOutcome.Universal:
                title = $"Activities and support for {name}";
                html.P($"We have looked at what you told us. {name} does not meet the criteria for short breaks from our service at the moment, " +
                       "but there are activities and support open to all children and families that may help.");
                html.Raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
                foreach (var link in scheme.LocalOffer)
                {
                    html.Raw($"<li><a class=\"govuk-link\" href=\"{Encode(link.Url)}\">{Encode(link.Title)}</a></li>\n");
                }

                html.Raw("</ul>\n");
                html.P($"You can find more in the <a class=\"govuk-link\" href=\"{Encode(scheme.Council.LocalOfferUrl)}\">Local Offer</a>.");
                break;
            case DecisionOutcome.ReferToSocialCare:
                title = $"We have asked social care to contact you about {name}";
                html.P($"We have looked at what you told us. We think {name} and your family may need more support than short breaks can give, " +
                       "so we have referred your request to our children's social care team. A social worker will contact you to talk about what would help.");
                html.P($"If you have not heard from them, contact us: email {Encode(scheme.Council.ContactEmail)} or call {Encode(scheme.Council.ContactPhone)}, and quote {Encode(request.Reference)}.");
                break;
            default:
                title = $"Your request for {name}";
                html.P("We have passed your request to colleagues who will contact you.");
                break;
        }

        html.Heading("Why we made this decision");
        html.Paragraphs(decision.Reasons);
        html.Heading("If you disagree or your circumstances change");
        html.P($"You can ask us to look at this decision again, or tell us if things change, by emailing {Encode(scheme.Council.ContactEmail)} " +
               $"or calling {Encode(scheme.Council.ContactPhone)}. Please quote your reference.");
        html.SignOff(decision.DecidedByName, scheme.Council);
        return (WebUtility.HtmlDecode(title), html.ToString());
    }

    private static string Encode(string? text) => LetterHtml.Encode(text);
}
