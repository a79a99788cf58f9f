namespace ShortBreaks.Web.TagHelpers;

/// <summary>Sets the element's name and puts the GOV.UK class before any written on the tag.</summary>
internal static class Rewrite
{
    public static void As(TagHelperOutput output, string tagName, string classes)
    {
        output.TagName = tagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        var written = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
        output.Attributes.SetAttribute("class", GovUkHtml.Classes(classes, written));
    }
}

/// <summary>A GOV.UK table: <c>&lt;govuk-table&gt;</c> with <c>govuk-table-caption</c>, <c>-head</c>, <c>-body</c>, <c>-row</c>, <c>-header</c> and <c>-cell</c>.</summary>
[HtmlTargetElement("govuk-table")]
public sealed class TableTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => Rewrite.As(output, "table", "govuk-table");
}

[HtmlTargetElement("govuk-table-caption", ParentTag = "govuk-table")]
public sealed class TableCaptionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => Rewrite.As(output, "caption", "govuk-table__caption");
}

/// <summary>Marks where a table's headers are: in the head they are column headers, in the body row headers.</summary>
internal sealed record TableSection(bool IsHead);

[HtmlTargetElement("govuk-table-head", ParentTag = "govuk-table")]
public sealed class TableHeadTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Put(new TableSection(true));
        Rewrite.As(output, "thead", "govuk-table__head");
    }
}

[HtmlTargetElement("govuk-table-body", ParentTag = "govuk-table")]
public sealed class TableBodyTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Put(new TableSection(false));
        Rewrite.As(output, "tbody", "govuk-table__body");
    }
}

[HtmlTargetElement("govuk-table-row")]
public sealed class TableRowTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => Rewrite.As(output, "tr", "govuk-table__row");
}

/// <summary>A cell of a table row, a header or data: <c>format="numeric"</c> aligns it right.</summary>
public abstract class FormattedCellTagHelper : TagHelper
{
    [HtmlAttributeName("format")]
    public string? Format { get; set; }

    /// <summary>Writes the cell as <paramref name="tagName"/> with its GOV.UK class and the format's modifier.</summary>
    protected void WriteAs(TagHelperOutput output, string tagName, string @class) =>
        Rewrite.As(output, tagName, GovUkHtml.Classes(@class, Format is null ? null : @class + "--" + Format));
}

/// <summary>A header cell: scope="col" in the head, "row" in the body, unless <c>scope</c> is given; <c>format="numeric"</c> aligns it right.</summary>
[HtmlTargetElement("govuk-table-header", ParentTag = "govuk-table-row")]
public sealed class TableHeaderTagHelper : FormattedCellTagHelper
{
    [HtmlAttributeName("scope")]
    public string? Scope { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var inHead = context.Items.TryGetValue(typeof(TableSection), out var s) && s is TableSection { IsHead: true };
        WriteAs(output, "th", "govuk-table__header");
        output.Attributes.SetAttribute("scope", Scope ?? (inHead ? "col" : "row"));
    }
}

[HtmlTargetElement("govuk-table-cell", ParentTag = "govuk-table-row")]
public sealed class TableCellTagHelper : FormattedCellTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => WriteAs(output, "td", "govuk-table__cell");
}

/// <summary>
/// A GOV.UK notification banner: <c>&lt;govuk-notification-banner type="success" title-id="done-banner-title"&gt;&lt;h3 class="govuk-notification-banner__heading"&gt;..&lt;/h3&gt;&lt;/govuk-notification-banner&gt;</c>.
/// The title is "Important", or "Success" for type success, unless a <c>govuk-notification-banner-title</c> gives it.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>The title's id, which the banner is labelled by; "govuk-notification-banner-title" unless given.</summary>
    [HtmlAttributeName("title-id")]
    public string TitleId { get; set; } = "govuk-notification-banner-title";

    /// <summary>"alert" for a success banner, "region" otherwise, unless given.</summary>
    [HtmlAttributeName("role")]
    public string? Role { get; set; }

    [HtmlAttributeName("disable-auto-focus")]
    public bool? DisableAutoFocus { get; set; }

    [HtmlAttributeName("title-heading-level")]
    public int TitleHeadingLevel { get; set; } = 2;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var title = new BannerTitle();
        var content = await output.ChildContentFor(context, title);
        var success = Type == "success";
        var attributes = GovUkHtml.Rest(output);
        var banner = GovUkHtml.Element("div", GovUkHtml.Classes("govuk-notification-banner", success ? "govuk-notification-banner--success" : null, attributes.GetValueOrDefault("class")))
            .Set("role", Role ?? (success ? "alert" : "region"))
            .Set("aria-labelledby", TitleId)
            .Set("data-module", "govuk-notification-banner")
            .Set("data-disable-auto-focus", DisableAutoFocus is null ? null : DisableAutoFocus.Value ? "true" : "false")
            .Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value));
        banner.Add(GovUkHtml.Element("div", "govuk-notification-banner__header",
            GovUkHtml.Element("h" + TitleHeadingLevel, "govuk-notification-banner__title", title.Content ?? new HtmlString(success ? "Success" : "Important")).Set("id", TitleId)));
        banner.Add(GovUkHtml.Element("div", "govuk-notification-banner__content", content));
        output.Render(banner);
    }
}

public sealed class BannerTitle
{
    public IHtmlContent? Content { get; set; }
}

[HtmlTargetElement("govuk-notification-banner-title", ParentTag = "govuk-notification-banner")]
public sealed class NotificationBannerTitleTagHelper : ChildPartTagHelper<BannerTitle>
{
    protected override void Give(BannerTitle parts, GovUkPart part) => parts.Content = part.Content;
}

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;..&lt;/govuk-inset-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class InsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => Rewrite.As(output, "div", "govuk-inset-text");
}

/// <summary>GOV.UK warning text: <c>&lt;govuk-warning-text icon-fallback-text="Warning"&gt;..&lt;/govuk-warning-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class WarningTextTagHelper : TagHelper
{
    [HtmlAttributeName("icon-fallback-text")]
    public string? IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = (await output.GetChildContentAsync()).Snapshot();
        var attributes = GovUkHtml.Rest(output);
        var strong = GovUkHtml.Element("strong", "govuk-warning-text__text");
        if (!string.IsNullOrEmpty(IconFallbackText)) strong.Add(GovUkHtml.Element("span", "govuk-visually-hidden", IconFallbackText));
        strong.Add(content);
        var warning = GovUkHtml.Element("div", GovUkHtml.Classes("govuk-warning-text", attributes.GetValueOrDefault("class")))
            .Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value))
            .Add(GovUkHtml.Element("span", "govuk-warning-text__icon", "!").Set("aria-hidden", "true"))
            .Add(strong);
        output.Render(warning);
    }
}

/// <summary>A GOV.UK tag: <c>&lt;govuk-tag class="govuk-tag--green"&gt;Approved&lt;/govuk-tag&gt;</c>.</summary>
[HtmlTargetElement("govuk-tag")]
public sealed class TagTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => Rewrite.As(output, "strong", "govuk-tag");
}

/// <summary>A tag that writes a link: <c>href</c>, "#" unless given.</summary>
public abstract class LinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";
}

/// <summary>A GOV.UK back link: <c>&lt;govuk-back-link href="/staff/panel"&gt;Back to the agenda&lt;/govuk-back-link&gt;</c>; "Back" when empty.</summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class BackLinkTagHelper : LinkTagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        Rewrite.As(output, "a", "govuk-back-link");
        output.Attributes.SetAttribute("href", Href);
        if (content.IsEmptyOrWhiteSpace) output.Content.SetContent("Back");
    }
}

/// <summary>
/// A GOV.UK button: <c>&lt;govuk-button name="action" value="continue" class="govuk-button--secondary"&gt;Save&lt;/govuk-button&gt;</c>;
/// <c>type</c> is submit unless given; <c>is-start-button</c> adds the arrow; <c>prevent-double-click</c> writes
/// data-prevent-double-click; a <c>data-module</c> given replaces govuk-button (our print button is <c>app-print</c>).
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class ButtonTagHelper : ButtonStyleTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "submit";

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    [HtmlAttributeName("prevent-double-click")]
    public bool? PreventDoubleClick { get; set; }

    protected override TagBuilder Button(string classes, Dictionary<string, string?> attributes) =>
        GovUkHtml.Element("button", classes).Set("type", Type)
            .Flag("disabled", Disabled).Set("aria-disabled", Disabled ? "true" : null)
            .Set("data-prevent-double-click", GovUkHtml.TrueOrFalse(PreventDoubleClick))
            .Merge(attributes)
            .Set("data-module", attributes.GetValueOrDefault("data-module") ?? "govuk-button");
}

/// <summary>A link styled as a GOV.UK button: <c>&lt;govuk-button-link href="/apply" is-start-button="true"&gt;Start now&lt;/govuk-button-link&gt;</c>.</summary>
[HtmlTargetElement("govuk-button-link")]
public sealed class ButtonLinkTagHelper : ButtonStyleTagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    /// <summary>
    /// Keeps the link a link to assistive technology: no role="button" (nor draggable="false"). For links that
    /// lead to another page, which screen reader users (and the browser journeys) find among the links.
    /// </summary>
    [HtmlAttributeName("keep-link-role")]
    public bool KeepLinkRole { get; set; }

    protected override TagBuilder Button(string classes, Dictionary<string, string?> attributes) =>
        GovUkHtml.Element("a", classes).Set("href", Href).Set("role", KeepLinkRole ? null : "button").Set("draggable", KeepLinkRole ? null : "false")
            .Merge(attributes)
            .Set("data-module", "govuk-button");
}

/// <summary>A GOV.UK button or a link styled as one; <c>is-start-button</c> adds the start arrow.</summary>
public abstract class ButtonStyleTagHelper : TagHelper
{
    private static readonly IHtmlContent StartIcon = new HtmlString(
        "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">" +
        "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>");

    [HtmlAttributeName("is-start-button")]
    public bool IsStartButton { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = (await output.GetChildContentAsync()).Snapshot();
        var attributes = GovUkHtml.Rest(output);
        var classes = GovUkHtml.Classes("govuk-button", IsStartButton ? "govuk-button--start" : null, attributes.GetValueOrDefault("class"));
        attributes.Remove("class");
        var button = Button(classes, attributes).Add(content);
        if (IsStartButton) button.Add(StartIcon);
        output.Render(button);
    }

    /// <summary>The button or link with its classes, and the other attributes written on the tag.</summary>
    protected abstract TagBuilder Button(string classes, Dictionary<string, string?> attributes);
}
