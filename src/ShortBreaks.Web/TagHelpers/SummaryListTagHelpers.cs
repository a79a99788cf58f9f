namespace ShortBreaks.Web.TagHelpers;

/// <summary>An action link of a summary list row or a summary card.</summary>
public sealed record GovUkAction(string? Href, IHtmlContent Content, string? VisuallyHiddenText, Dictionary<string, string?> Attributes);

public sealed class SummaryRowParts
{
    public GovUkPart? Key { get; set; }
    public GovUkPart? Value { get; set; }
    public List<GovUkAction> Actions { get; } = [];
    public string? ActionsClass { get; set; }
    public bool HasActions { get; set; }
}

public sealed class SummaryListParts
{
    public List<(SummaryRowParts Row, Dictionary<string, string?> Attributes)> Rows { get; } = [];
}

/// <summary>
/// A GOV.UK summary list: <c>&lt;govuk-summary-list&gt;&lt;govuk-summary-list-row&gt;&lt;govuk-summary-list-row-key&gt;Name&lt;/govuk-summary-list-row-key&gt;
/// &lt;govuk-summary-list-row-value&gt;..&lt;/govuk-summary-list-row-value&gt;&lt;govuk-summary-list-row-actions&gt;&lt;govuk-summary-list-row-action href=".."
/// visually-hidden-text="name"&gt;Change&lt;/govuk-summary-list-row-action&gt;&lt;/govuk-summary-list-row-actions&gt;&lt;/govuk-summary-list-row&gt;&lt;/govuk-summary-list&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row")]
public sealed class SummaryListTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new SummaryListParts();
        await output.ChildContentFor(context, parts);
        var anyActions = parts.Rows.Any(r => r.Row.Actions.Count > 0);
        var list = GovUkHtml.Element("dl", "govuk-summary-list").Merge(GovUkHtml.Rest(output));
        foreach (var (row, attributes) in parts.Rows)
        {
            var rowClass = attributes.GetValueOrDefault("class");
            var tag = GovUkHtml.Element("div", GovUkHtml.Classes("govuk-summary-list__row", anyActions && row.Actions.Count == 0 ? "govuk-summary-list__row--no-actions" : null, rowClass))
                .Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value));
            if (row.Key is { } key) tag.Add(GovUkHtml.Element("dt", GovUkHtml.Classes("govuk-summary-list__key", key.Class), key.Content).Merge(key.OtherAttributes)).Add(Break);
            var value = row.Value;
            tag.Add(GovUkHtml.Element("dd", GovUkHtml.Classes("govuk-summary-list__value", value?.Class), value?.Content ?? HtmlString.Empty).Merge(value?.OtherAttributes));
            if (row.Actions.Count == 1)
            {
                tag.Add(Break).Add(GovUkHtml.Element("dd", GovUkHtml.Classes("govuk-summary-list__actions", row.ActionsClass), Link(row.Actions[0], null)));
            }
            else if (row.Actions.Count > 1)
            {
                var ul = GovUkHtml.Element("ul", "govuk-summary-list__actions-list");
                foreach (var action in row.Actions) ul.Add(GovUkHtml.Element("li", "govuk-summary-list__actions-list-item", Link(action, null)));
                tag.Add(Break).Add(GovUkHtml.Element("dd", GovUkHtml.Classes("govuk-summary-list__actions", row.ActionsClass), ul));
            }

            list.Add(Break).Add(tag);
        }

        output.Render(list.Add(Break));
    }

    /// <summary>
    /// The white space GOV.UK Frontend's template leaves between a list's rows and a row's key, value and actions, so
    /// the text reads "Key Value" (as screen readers and text extraction see it), not "KeyValue".
    /// </summary>
    internal static readonly IHtmlContent Break = new HtmlString("\n");

    /// <summary>An action's link, with its visually hidden words (a card's adds its title in brackets).</summary>
    internal static TagBuilder Link(GovUkAction action, string? cardTitle)
    {
        var classes = action.Attributes.GetValueOrDefault("class");
        var link = GovUkHtml.Element("a", GovUkHtml.Classes("govuk-link", classes), action.Content).Set("href", action.Href)
            .Merge(action.Attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value));
        var hidden = action.VisuallyHiddenText ?? (cardTitle is null ? null : $"({cardTitle})");
        if (!string.IsNullOrEmpty(hidden)) link.Add(GovUkHtml.Element("span", "govuk-visually-hidden", " " + hidden));
        return link;
    }
}

[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row-key", "govuk-summary-list-row-value", "govuk-summary-list-row-actions")]
public sealed class SummaryListRowTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var row = new SummaryRowParts();
        await output.ChildContentFor(context, row);
        context.Get<SummaryListParts>().Rows.Add((row, GovUkHtml.Rest(output)));
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-summary-list-row-key", ParentTag = "govuk-summary-list-row")]
public sealed class SummaryListRowKeyTagHelper : ChildPartTagHelper<SummaryRowParts>
{
    protected override void Give(SummaryRowParts parts, GovUkPart part) => parts.Key = part;
}

[HtmlTargetElement("govuk-summary-list-row-value", ParentTag = "govuk-summary-list-row")]
public sealed class SummaryListRowValueTagHelper : ChildPartTagHelper<SummaryRowParts>
{
    protected override void Give(SummaryRowParts parts, GovUkPart part) => parts.Value = part;
}

[HtmlTargetElement("govuk-summary-list-row-actions", ParentTag = "govuk-summary-list-row")]
[RestrictChildren("govuk-summary-list-row-action")]
public sealed class SummaryListRowActionsTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var row = context.Get<SummaryRowParts>();
        row.ActionsClass = GovUkHtml.Rest(output).GetValueOrDefault("class");
        row.HasActions = true;
        await output.GetChildContentAsync();
        output.SuppressOutput();
    }
}

/// <summary>A row's or a card's link; <c>visually-hidden-text</c> names what it changes ("Change&lt;span class="govuk-visually-hidden"&gt; name&lt;/span&gt;").</summary>
[HtmlTargetElement("govuk-summary-list-row-action", ParentTag = "govuk-summary-list-row-actions")]
[HtmlTargetElement("govuk-summary-card-action", ParentTag = "govuk-summary-card-actions")]
public sealed class SummaryActionTagHelper : LinkPartTagHelper<List<GovUkAction>>
{
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    /// <summary>The actions of the row or the card around it.</summary>
    protected override List<GovUkAction> PartsOf(TagHelperContext context) =>
        context.TagName == "govuk-summary-card-action" ? context.Get<SummaryCardParts>().Actions : context.Get<SummaryRowParts>().Actions;

    protected override void Give(List<GovUkAction> parts, GovUkPart part) => parts.Add(new GovUkAction(Href, part.Content, VisuallyHiddenText, part.Attributes));
}

public sealed class SummaryCardParts
{
    public IHtmlContent? Title { get; set; }
    public string? TitleText { get; set; }
    public int HeadingLevel { get; set; } = 2;
    public List<GovUkAction> Actions { get; } = [];
}

/// <summary>
/// A GOV.UK summary card around a summary list: <c>&lt;govuk-summary-card&gt;&lt;govuk-summary-card-title&gt;..&lt;/govuk-summary-card-title&gt;
/// &lt;govuk-summary-card-actions&gt;&lt;govuk-summary-card-action href=".."&gt;Delete&lt;/govuk-summary-card-action&gt;&lt;/govuk-summary-card-actions&gt;
/// &lt;govuk-summary-list&gt;..&lt;/govuk-summary-list&gt;&lt;/govuk-summary-card&gt;</c>. An action's hidden text is the card's title in brackets unless given.
/// </summary>
[HtmlTargetElement("govuk-summary-card")]
public sealed class SummaryCardTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new SummaryCardParts();
        var content = await output.ChildContentFor(context, parts);
        var header = GovUkHtml.Element("div", "govuk-summary-card__title-wrapper");
        if (parts.Title is not null) header.Add(GovUkHtml.Element("h" + parts.HeadingLevel, "govuk-summary-card__title", parts.Title)).Add(SummaryListTagHelper.Break);
        if (parts.Actions.Count == 1)
        {
            header.Add(GovUkHtml.Element("div", "govuk-summary-card__actions", SummaryListTagHelper.Link(parts.Actions[0], parts.TitleText)));
        }
        else if (parts.Actions.Count > 1)
        {
            var ul = GovUkHtml.Element("ul", "govuk-summary-card__actions");
            foreach (var action in parts.Actions) ul.Add(GovUkHtml.Element("li", "govuk-summary-card__action", SummaryListTagHelper.Link(action, parts.TitleText)));
            header.Add(ul);
        }

        var attributes = GovUkHtml.Rest(output);
        var card = GovUkHtml.Element("div", GovUkHtml.Classes("govuk-summary-card", attributes.GetValueOrDefault("class")))
            .Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value))
            .Add(header).Add(SummaryListTagHelper.Break)
            .Add(GovUkHtml.Element("div", "govuk-summary-card__content", content));
        output.Render(card);
    }
}

[HtmlTargetElement("govuk-summary-card-title", ParentTag = "govuk-summary-card")]
public sealed class SummaryCardTitleTagHelper : TagHelper
{
    /// <summary>The title's heading level, 2 unless given.</summary>
    [HtmlAttributeName("heading-level")]
    public int HeadingLevel { get; set; } = 2;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var parts = context.Get<SummaryCardParts>();
        parts.Title = content.Snapshot();
        parts.TitleText = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(content.GetContent(), "<[^>]*>", "")).Trim();
        parts.HeadingLevel = HeadingLevel;
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-summary-card-actions", ParentTag = "govuk-summary-card")]
[RestrictChildren("govuk-summary-card-action")]
public sealed class SummaryCardActionsTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        output.SuppressOutput();
    }
}

