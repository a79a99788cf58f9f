using System.Net;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// A service agreement as a document: the child, what, how much, how often, from and to, and the price. The provider's
/// page shows it and its PDF is made from it (pure).
/// </summary>
public static class ServiceAgreementDocument
{
    public static (string Title, string BodyHtml) Compose(Scheme scheme, ServiceAgreement agreement, string organisationName)
    {
        var package = agreement.Package;
        var html = new StringBuilder();
        void P(string text) => html.Append("<p class=\"govuk-body\">").Append(text).Append("</p>\n");
        void H(string text) => html.Append("<h2 class=\"govuk-heading-m\">").Append(text).Append("</h2>\n");

        P($"Between {Encode(scheme.Council.Name)} and {Encode(organisationName)}.");
        H("The child");
        P($"{Encode(agreement.ChildName)}, born {agreement.ChildDateOfBirth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        H("What is agreed");
        P($"From {PackageService.Day(package.StartsOn)} to {PackageService.Day(package.EndsOn)}" +
          (package.NoticeGivenOn is { } notice ? $" (notice to end given on {PackageService.Day(notice)})." : "."));
        html.Append("<ul class=\"govuk-list govuk-list--bullet\">\n");
        foreach (var line in package.Lines)
        {
            html.Append("<li>").Append(Encode($"{line.ServiceName}: {PackageDisplay.Amount(line)} at {Money.FormatPence(line.UnitPrice)} a {PackageDisplay.UnitName(line.Unit)}, {Money.FormatPence(PackageDisplay.Cost(line))} in all"))
                .Append(line.Notes is null ? "" : ". " + Encode(line.Notes)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        P($"<strong>Price: {Money.FormatPence(PackageDisplay.Cost(package))}</strong>, at the prices in force on {PackageService.Day(package.StartsOn)}; a later price change does not alter it.");
        H("Terms");
        P($"Either side may end the agreement with {scheme.ProviderRules.PackageEndNoticeDays} days' notice. Delivery is returned each month by day {scheme.ProviderRules.ReturnDueDayOfMonth} of the month after.");
        return ($"Service agreement: {agreement.ChildName}", html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
