namespace ShortBreaks.Web.TagHelpers;

public sealed class ErrorSummaryParts
{
    public IHtmlContent? Title { get; set; }
    public IHtmlContent? Description { get; set; }
    public List<(string? Href, IHtmlContent Content)> Items { get; } = [];
}

/// <summary>
/// The GOV.UK error summary. With no items it lists the page's errors: a <see cref="GovukPageModel"/>'s in the order its
/// fields were checked (<see cref="GovukPageModel.ErrorSummary"/>), else ModelState's, each linking to <c>#{field}</c>;
/// nothing is written when there are none. Items may be given instead:
/// <c>&lt;govuk-error-summary-item href="#Name"&gt;Enter a name&lt;/govuk-error-summary-item&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-error-summary")]
[RestrictChildren("govuk-error-summary-title", "govuk-error-summary-description", "govuk-error-summary-item")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <summary>Set false to stop the summary taking focus when the page loads.</summary>
    [HtmlAttributeName("disable-auto-focus")]
    public bool DisableAutoFocus { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new ErrorSummaryParts();
        await output.ChildContentFor(context, parts);
        var items = parts.Items.Count > 0 ? parts.Items : PageErrors();
        if (items.Count == 0 && parts.Description is null)
        {
            output.SuppressOutput();
            return;
        }

        var body = GovUkHtml.Element("div", "govuk-error-summary__body");
        if (parts.Description is not null) body.Add(GovUkHtml.Element("p", null, parts.Description));
        if (items.Count > 0)
        {
            var list = GovUkHtml.Element("ul", "govuk-list govuk-error-summary__list");
            foreach (var (href, content) in items)
            {
                list.Add(GovUkHtml.Element("li", null, href is null ? content : GovUkHtml.Element("a", null, content).Set("href", href)));
            }

            body.Add(list);
        }

        var alert = GovUkHtml.Element("div").Set("role", "alert")
            .Add(GovUkHtml.Element("h2", "govuk-error-summary__title", parts.Title ?? new HtmlString("There is a problem")))
            .Add(body);
        var summary = GovUkHtml.Element("div", "govuk-error-summary").Merge(GovUkHtml.Rest(output))
            .Set("data-disable-auto-focus", DisableAutoFocus ? "true" : null)
            .Set("data-module", "govuk-error-summary").Add(alert);
        output.Render(summary);
    }

    private List<(string? Href, IHtmlContent Content)> PageErrors()
    {
        if (ViewContext is null) return [];
        IEnumerable<(string Field, string Message)> errors = ViewContext.ViewData.Model is GovukPageModel page
            ? page.ErrorSummary()
            : ViewContext.ModelState.Where(kv => kv.Value is { Errors.Count: > 0 }).Select(kv => (kv.Key, kv.Value!.Errors[0].ErrorMessage));
        return errors.Select(e => (string.IsNullOrEmpty(e.Field) ? null : "#" + e.Field, GovUkHtml.Text(e.Message))).ToList();
    }
}

[HtmlTargetElement("govuk-error-summary-title", ParentTag = "govuk-error-summary")]
public sealed class ErrorSummaryTitleTagHelper : ChildPartTagHelper<ErrorSummaryParts>
{
    protected override void Give(ErrorSummaryParts parts, GovUkPart part) => parts.Title = part.Content;
}

[HtmlTargetElement("govuk-error-summary-description", ParentTag = "govuk-error-summary")]
public sealed class ErrorSummaryDescriptionTagHelper : ChildPartTagHelper<ErrorSummaryParts>
{
    protected override void Give(ErrorSummaryParts parts, GovUkPart part) => parts.Description = part.Content;
}

/// <summary>One error: <c>href</c> (or <c>for</c>, the field's id) links to the field; without either it is plain text.</summary>
[HtmlTargetElement("govuk-error-summary-item", ParentTag = "govuk-error-summary")]
public sealed class ErrorSummaryItemTagHelper : LinkPartTagHelper<ErrorSummaryParts>
{
    [HtmlAttributeName("for")]
    public string? For { get; set; }

    protected override void Give(ErrorSummaryParts parts, GovUkPart part) => parts.Items.Add((Href ?? (For is null ? null : "#" + For), part.Content));
}

/// <summary>
/// A GOV.UK error message on its own: <c>&lt;govuk-error-message for="Evidence" /&gt;</c> shows the field's first ModelState
/// error (as <c>&lt;p id="Evidence-error"&gt;</c>), or the content when given; nothing when there is no error.
/// </summary>
[HtmlTargetElement("govuk-error-message")]
public sealed class ErrorMessageTagHelper : ModelFieldTagHelper
{
    /// <summary>The field's id (its ModelState key), when there is no asp-for.</summary>
    [HtmlAttributeName("for")]
    public string? Field { get; set; }

    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; } = "Error";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var field = FieldName(Field);
        var message = content.IsEmptyOrWhiteSpace ? null : content.Snapshot();
        if (message is null && field is not null) message = FirstError(field);
        if (message is null)
        {
            output.SuppressOutput();
            return;
        }

        output.Render(GovUkHtml.ErrorMessage(Id ?? (field is null ? null : field + "-error"), message, VisuallyHiddenText).Merge(GovUkHtml.Rest(output)));
    }
}
