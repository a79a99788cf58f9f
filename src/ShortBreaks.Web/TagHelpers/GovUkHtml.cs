using System.Text.Encodings.Web;

namespace ShortBreaks.Web.TagHelpers;

/// <summary>Small builders for the GOV.UK Frontend markup the tag helpers write.</summary>
internal static class GovUkHtml
{
    public static TagBuilder Element(string name, string? @class = null, IHtmlContent? content = null)
    {
        var tag = new TagBuilder(name);
        if (!string.IsNullOrWhiteSpace(@class)) tag.Attributes["class"] = @class.Trim();
        if (content is not null) tag.InnerHtml.AppendHtml(content);
        return tag;
    }

    public static TagBuilder Element(string name, string? @class, string text)
    {
        var tag = Element(name, @class);
        tag.InnerHtml.Append(text);
        return tag;
    }

    /// <summary>An element with no closing tag (input).</summary>
    public static TagBuilder Void(string name, string? @class = null)
    {
        var tag = Element(name, @class);
        tag.TagRenderMode = TagRenderMode.StartTag;
        return tag;
    }

    public static string Classes(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));

    public static TagBuilder Set(this TagBuilder tag, string name, string? value)
    {
        if (value is not null) tag.Attributes[name] = value;
        return tag;
    }

    public static TagBuilder Flag(this TagBuilder tag, string name, bool on)
    {
        if (on) tag.Attributes[name] = null;
        return tag;
    }

    public static TagBuilder Merge(this TagBuilder tag, IDictionary<string, string?>? attributes)
    {
        if (attributes is null) return tag;
        foreach (var (name, value) in attributes)
        {
            if (name == "class") tag.Attributes["class"] = Classes(tag.Attributes.TryGetValue("class", out var c) ? c : null, value);
            else tag.Attributes[name] = value;
        }

        return tag;
    }

    public static TagBuilder Add(this TagBuilder tag, IHtmlContent? content)
    {
        if (content is not null) tag.InnerHtml.AppendHtml(content);
        return tag;
    }

    /// <summary>The aria-describedby value of ids joined with spaces, or null when there are none.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(i => !string.IsNullOrWhiteSpace(i)));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The GOV.UK error message: <c>&lt;p id="{id}-error" class="govuk-error-message"&gt;</c> with the hidden "Error:" prefix.</summary>
    public static TagBuilder ErrorMessage(string? id, IHtmlContent message, string? visuallyHiddenText = "Error", string? @class = null,
        IDictionary<string, string?>? attributes = null)
    {
        var p = Element("p", Classes("govuk-error-message", @class)).Set("id", id).Merge(attributes);
        if (!string.IsNullOrEmpty(visuallyHiddenText))
        {
            p.InnerHtml.AppendHtml(Element("span", "govuk-visually-hidden", visuallyHiddenText + ":"));
            p.InnerHtml.Append(" ");
        }

        p.InnerHtml.AppendHtml(message);
        return p;
    }

    public static TagBuilder Hint(string? id, IHtmlContent content, string? @class = null, IDictionary<string, string?>? attributes = null) =>
        Element("div", Classes("govuk-hint", @class), content).Set("id", id).Merge(attributes);

    /// <summary>"true" or "false" for an attribute written only when set (spellcheck, data-prevent-double-click).</summary>
    public static string? TrueOrFalse(bool? value) => value is null ? null : value.Value ? "true" : "false";

    /// <summary>The content as a string, to tell whether it is empty.</summary>
    public static bool IsBlank(IHtmlContent? content)
    {
        if (content is null) return true;
        if (content is TagHelperContent t) return t.IsEmptyOrWhiteSpace;
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return string.IsNullOrWhiteSpace(writer.ToString());
    }

    /// <summary>A child tag's content as it stands now (the content object is reused by the framework).</summary>
    public static IHtmlContent Snapshot(this TagHelperContent content) => new HtmlString(content.GetContent());

    public static IHtmlContent Text(string? text) => new HtmlString(HtmlEncoder.Default.Encode(text ?? ""));

    /// <summary>Replaces the tag helper's own element with the markup built.</summary>
    public static void Render(this TagHelperOutput output, IHtmlContent content)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(content);
    }

    /// <summary>The attributes written on the tag that the helper does not bind itself (data-*, aria-*, and so on).</summary>
    public static Dictionary<string, string?> Rest(TagHelperOutput output)
    {
        var rest = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in output.Attributes)
        {
            rest[attribute.Name] = attribute.ValueStyle == HtmlAttributeValueStyle.Minimized ? null : ValueOf(attribute.Value);
        }

        return rest;
    }

    private static string? ValueOf(object? value)
    {
        switch (value)
        {
            case null: return null;
            case string s: return s;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, NullHtmlEncoder.Default);
                    return writer.ToString();
                }
            default: return value.ToString();
        }
    }

    public static T Get<T>(this TagHelperContext context) where T : class =>
        context.Items.TryGetValue(typeof(T), out var item) && item is T found
            ? found
            : throw new InvalidOperationException($"This tag must be inside the tag that owns a {typeof(T).Name}.");

    public static void Put<T>(this TagHelperContext context, T item) where T : class => context.Items[typeof(T)] = item;

    /// <summary>Runs the child tags with the parts they fill in (a title, rows, a legend); what they wrote.</summary>
    public static async Task<IHtmlContent> ChildContentFor<T>(this TagHelperOutput output, TagHelperContext context, T parts) where T : class
    {
        context.Put(parts);
        return (await output.GetChildContentAsync()).Snapshot();
    }
}

/// <summary>A piece of a component given by a child tag: its content and the attributes written on it.</summary>
public sealed class GovUkPart
{
    public required IHtmlContent Content { get; init; }
    public Dictionary<string, string?> Attributes { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Class => Attributes.TryGetValue("class", out var c) ? c : null;
    public bool IsPageHeading { get; init; }
    public string? Caption { get; init; }
    public int? HeadingLevel { get; init; }
    public string? VisuallyHiddenText { get; init; }

    /// <summary>The attributes other than class, to copy onto the element.</summary>
    public Dictionary<string, string?> OtherAttributes =>
        Attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>What the child tags of a form field tell it: label or legend, hint, error message and value.</summary>
public class FormFieldParts
{
    public GovUkPart? Label { get; set; }
    public GovUkPart? Hint { get; set; }
    public GovUkPart? ErrorMessage { get; set; }
    public IHtmlContent? Value { get; set; }
    public string? ValueText { get; set; }
    public GovUkPart? Prefix { get; set; }
    public GovUkPart? Suffix { get; set; }
    public GovUkPart? Legend { get; set; }
    public Dictionary<string, string?>? FieldsetAttributes { get; set; }
    public bool HasFieldset { get; set; }
}

/// <summary>
/// A child tag that hands its content and attributes to the parts of the tag around it (a title, a hint, a row's key)
/// and writes nothing itself.
/// </summary>
public abstract class ChildPartTagHelper<TParts> : TagHelper where TParts : class
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        Give(PartsOf(context), new GovUkPart { Content = (await output.GetChildContentAsync()).Snapshot(), Attributes = GovUkHtml.Rest(output) });
        output.SuppressOutput();
    }

    /// <summary>The parts of the tag around it, which this tag gives to.</summary>
    protected virtual TParts PartsOf(TagHelperContext context) => context.Get<TParts>();

    protected abstract void Give(TParts parts, GovUkPart part);
}

/// <summary>A child tag that links somewhere (an error summary's item, a summary list's action, a task's title): <c>href</c>, none unless given.</summary>
public abstract class LinkPartTagHelper<TParts> : ChildPartTagHelper<TParts> where TParts : class
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }
}

/// <summary>
/// A child tag that hands its content to the form field around it (label, hint, error message, prefix and so on)
/// and writes nothing itself.
/// </summary>
public abstract class FormFieldPartTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = context.Get<FormFieldParts>();
        var content = await output.GetChildContentAsync();
        Give(parts, new GovUkPart
        {
            Content = content.Snapshot(),
            Attributes = GovUkHtml.Rest(output),
            IsPageHeading = IsPageHeading,
            Caption = Caption,
            HeadingLevel = HeadingLevel,
            VisuallyHiddenText = VisuallyHiddenText,
        }, content);
        output.SuppressOutput();
    }

    /// <summary>Shows the label or legend as the page's heading (inside an h1).</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>A label inside a heading of this level (2 to 6) that is not the page's heading (our addition).</summary>
    [HtmlAttributeName("heading-level")]
    public int? HeadingLevel { get; set; }

    /// <summary>A caption shown above the page heading, inside the legend (our addition).</summary>
    [HtmlAttributeName("caption")]
    public string? Caption { get; set; }

    /// <summary>For an error message: the hidden prefix, "Error" unless given.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    protected abstract void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content);
}
