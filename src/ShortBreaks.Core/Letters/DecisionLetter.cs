namespace ShortBreaks.Core.Letters;

/// <summary>Writes the plain-English letter that tells a family the decision on their request. Pure.</summary>
public static class DecisionLetter
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static (string Title, string BodyHtml) Compose(Scheme scheme, ShortBreakRequest request, RequestDecision decision)
    {
        var html = new StringBuilder();
        var name = Encode(request.ChildFirstName);
        void P(string text) => html.Append("<p class=\"govuk-body\">").Append(text).Append("</p>\n");

        html.Append("<p class=\"govuk-body\">").Append(decision.DecidedAt.ToString("d MMMM yyyy", UkCulture)).Append("</p>\n");
        P($"Dear {Encode(request.ContactName)},");
        P($"Thank you for asking for short breaks for {name}. Your reference is <strong>{Encode(request.Reference)}</strong>.");

        string title;
        switch (decision.Outcome)
        {
            case DecisionOutcome.FlexibleShortBreaksApproved:
                var fsb = scheme.Tiers.FlexibleShortBreaks;
                title = $"{name} can have {Encode(fsb.Name)}";
                P($"We have looked at what you told us, and {name} can have {Encode(fsb.Name)}.");
                P($"This gives {name} up to <strong>{decision.AllowanceHoursPerYear} hours</strong> of short breaks a year. " +
                  $"You can have this as a direct payment of <strong>{Core.Money.Format(decision.AllowanceDirectPaymentPerYear.GetValueOrDefault())}</strong> a year to arrange breaks yourself, " +
                  $"or as breaks from one of our approved providers worth up to <strong>{Core.Money.Format(decision.AllowanceProviderPerYear.GetValueOrDefault())}</strong> a year.");
                P("A personalisation officer will contact you to talk about how you would like to use it.");
                break;
            case DecisionOutcome.Universal:
                title = $"Activities and support for {name}";
                P($"We have looked at what you told us. {name} does not meet the criteria for short breaks from our service at the moment, " +
                  "but there are activities and support open to all children and families that may help.");
                html.Append("<ul class=\"govuk-list govuk-list--bullet\">\n");
                foreach (var link in scheme.LocalOffer)
                {
                    html.Append($"<li><a class=\"govuk-link\" href=\"{Encode(link.Url)}\">{Encode(link.Title)}</a></li>\n");
                }

                html.Append("</ul>\n");
                P($"You can find more in the <a class=\"govuk-link\" href=\"{Encode(scheme.Council.LocalOfferUrl)}\">Local Offer</a>.");
                break;
            case DecisionOutcome.ReferToSocialCare:
                title = $"We have asked social care to contact you about {name}";
                P($"We have looked at what you told us. We think {name} and your family may need more support than short breaks can give, " +
                  "so we have passed your request to our children's social care team. A social worker will contact you to talk about what would help.");
                break;
            default:
                title = $"Your request for {name}";
                P("We have passed your request to colleagues who will contact you.");
                break;
        }

        html.Append("<h2 class=\"govuk-heading-m\">Why we made this decision</h2>\n");
        foreach (var paragraph in decision.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            P(Encode(paragraph));
        }

        html.Append("<h2 class=\"govuk-heading-m\">If you disagree or your circumstances change</h2>\n");
        P($"You can ask us to look at this decision again, or tell us if things change, by emailing {Encode(scheme.Council.ContactEmail)} " +
          $"or calling {Encode(scheme.Council.ContactPhone)}. Please quote your reference.");
        P("Yours sincerely,");
        P($"{Encode(decision.DecidedByName)}<br>{Encode(scheme.Council.ServiceName)}, {Encode(scheme.Council.Name)}");
        return (WebUtility.HtmlDecode(title), html.ToString());
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
