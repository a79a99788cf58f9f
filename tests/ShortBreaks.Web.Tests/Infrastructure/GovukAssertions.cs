using AngleSharp.Html.Dom;

namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>What a GOV.UK page with an error must show: the "Error: " title, the summary linking to the field, and the message by the field.</summary>
public static class GovukAssertions
{
    public static void ShouldShowError(this IHtmlDocument page, string field, string message)
    {
        page.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull("no error summary");
        var link = summary.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == $"#{field}")
            .ShouldNotBeNull($"no error summary link to #{field}; summary says: {summary.TextContent.Trim()}");
        link.TextContent.Trim().ShouldBe(message);
        page.GetElementById(field).ShouldNotBeNull($"the summary links to #{field}, which is not on the page");

        var fieldError = page.QuerySelectorAll(".govuk-error-message").FirstOrDefault(e => e.TextContent.Contains(message, StringComparison.Ordinal))
            .ShouldNotBeNull($"no error message by the field saying '{message}'");
        fieldError.TextContent.Trim().ShouldBe($"Error: {message}");
    }

    public static void ShouldHaveNoErrors(this IHtmlDocument page)
    {
        page.Title.ShouldNotBeNull().ShouldNotStartWith("Error: ");
        page.QuerySelector(".govuk-error-summary").ShouldBeNull();
    }

    public static string? ValueOf(this IHtmlDocument page, string id) =>
        page.GetElementById(id) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    public static bool IsChecked(this IHtmlDocument page, string id) =>
        page.GetElementById(id) is IHtmlInputElement { IsChecked: true };
}
