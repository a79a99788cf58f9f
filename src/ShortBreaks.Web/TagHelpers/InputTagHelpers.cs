namespace ShortBreaks.Web.TagHelpers;

/// <summary>A form field whose control is an <c>&lt;input&gt;</c> (a text input, a file upload): any <c>input-*</c> attribute goes on it.</summary>
public abstract class InputFieldTagHelper : FormFieldTagHelper
{
    [HtmlAttributeName(DictionaryAttributePrefix = "input-")]
    public IDictionary<string, string?> InputAttributes { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A GOV.UK text input. <c>&lt;govuk-input asp-for="Amount" input-class="govuk-input--width-10" inputmode="decimal"&gt;
/// &lt;govuk-input-label&gt;Amount&lt;/govuk-input-label&gt;&lt;govuk-input-hint&gt;..&lt;/govuk-input-hint&gt;&lt;/govuk-input&gt;</c>.
/// Any <c>input-*</c> attribute (input-class, input-data-x) goes on the input element.
/// </summary>
[HtmlTargetElement("govuk-input")]
[RestrictChildren("govuk-input-label", "govuk-input-hint", "govuk-input-error-message", "govuk-input-prefix", "govuk-input-suffix")]
public sealed class InputTagHelper : InputFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>The value; the bound value (or what was posted) unless given. A password is never written back unless given.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("pattern")]
    public string? Pattern { get; set; }

    /// <summary>Written as spellcheck="true" or "false" when set; left out otherwise.</summary>
    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("autocapitalize")]
    public string? Autocapitalize { get; set; }

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        var field = StartField(parts);
        var input = Control(field, "input", "govuk-input").Set("type", Type)
            .Set("spellcheck", GovUkHtml.TrueOrFalse(Spellcheck))
            .Set("value", Value ?? (Type == "password" ? null : BoundValue(field.Name)))
            .Set("autocomplete", Autocomplete).Set("autocapitalize", Autocapitalize).Set("pattern", Pattern).Set("inputmode", InputMode)
            .Merge(InputAttributes);
        var group = field.Group.Merge(attributes);
        if (parts.Prefix is null && parts.Suffix is null) return Grouped(group.Add(input));
        var wrapper = GovUkHtml.Element("div", "govuk-input__wrapper")
            .Add(Affix(parts.Prefix, "govuk-input__prefix")).Add(input).Add(Affix(parts.Suffix, "govuk-input__suffix"));
        return Grouped(group.Add(wrapper));
    }

    private static TagBuilder? Affix(GovUkPart? part, string @class) =>
        part is null ? null : GovUkHtml.Element("div", GovUkHtml.Classes(@class, part.Class), part.Content).Set("aria-hidden", "true").Merge(part.OtherAttributes);
}

/// <summary>
/// A GOV.UK file upload: <c>&lt;govuk-file-upload name="Upload" accept=".pdf"&gt;&lt;govuk-file-upload-label&gt;Upload a file&lt;/govuk-file-upload-label&gt;&lt;/govuk-file-upload&gt;</c>.
/// It never has a value. Any <c>input-*</c> attribute goes on the input element.
/// </summary>
[HtmlTargetElement("govuk-file-upload")]
[RestrictChildren("govuk-file-upload-label", "govuk-file-upload-hint", "govuk-file-upload-error-message")]
public sealed class FileUploadTagHelper : InputFieldTagHelper
{
    [HtmlAttributeName("accept")]
    public string? Accept { get; set; }

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        var field = StartField(parts);
        return field.Group.Merge(attributes)
            .Add(Control(field, "input", "govuk-file-upload").Set("type", "file").Set("accept", Accept).Merge(InputAttributes));
    }
}

/// <summary>
/// A GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Reason" rows="8"&gt;&lt;govuk-textarea-label&gt;..&lt;/govuk-textarea-label&gt;&lt;/govuk-textarea&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-textarea")]
[RestrictChildren("govuk-textarea-label", "govuk-textarea-hint", "govuk-textarea-error-message", "govuk-textarea-value")]
public class TextareaTagHelper : FormFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }


    [HtmlAttributeName(DictionaryAttributePrefix = "textarea-")]
    public IDictionary<string, string?> TextareaAttributes { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        var field = StartField(parts, GroupClass);
        var message = Message(field.Id);
        var textarea = Control(field, "textarea", "govuk-textarea", TextareaClass)
            .Set("rows", Rows.ToString(CultureInfo.InvariantCulture))
            .Set("spellcheck", GovUkHtml.TrueOrFalse(Spellcheck))
            .Set("aria-describedby", message is null ? null : GovUkHtml.DescribedBy(field.Id + "-info", field.DescribedBy))
            .Set("autocomplete", Autocomplete)
            .Merge(TextareaAttributes);
        if (parts.Value is not null) textarea.InnerHtml.AppendHtml(parts.Value);
        else textarea.InnerHtml.Append(BoundValue(field.Name) ?? "");
        return field.Group.Merge(attributes).Add(textarea).Add(message);
    }

    /// <summary>A class for the form group (a character count's).</summary>
    protected virtual string? GroupClass => null;

    /// <summary>A class for the textarea (a character count's).</summary>
    protected virtual string? TextareaClass => null;

    /// <summary>The message under the textarea, which it is described by first (a character count's), or none.</summary>
    protected virtual IHtmlContent? Message(string id) => null;
}

/// <summary>
/// A GOV.UK character count: a textarea with <c>max-length</c> or <c>max-words</c>, and <c>threshold</c>.
/// <c>&lt;govuk-character-count asp-for="Notes" max-length="500"&gt;&lt;govuk-character-count-label&gt;..&lt;/govuk-character-count-label&gt;&lt;/govuk-character-count&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-character-count")]
[RestrictChildren("govuk-character-count-label", "govuk-character-count-hint", "govuk-character-count-error-message", "govuk-character-count-value")]
public sealed class CharacterCountTagHelper : TextareaTagHelper
{
    [HtmlAttributeName("max-length")]
    public int? MaxLength { get; set; }

    [HtmlAttributeName("max-words")]
    public int? MaxWords { get; set; }

    /// <summary>The percentage of the limit at which the count is shown.</summary>
    [HtmlAttributeName("threshold")]
    public int? Threshold { get; set; }

    protected override string GroupClass => "govuk-character-count";

    protected override string TextareaClass => "govuk-js-character-count";

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        attributes["data-module"] = "govuk-character-count";
        if (MaxLength is { } length) attributes["data-maxlength"] = length.ToString(CultureInfo.InvariantCulture);
        if (MaxWords is { } words)
        {
            attributes["data-maxwords"] = words.ToString(CultureInfo.InvariantCulture);
            attributes["data-count-type"] = "words";
        }

        if (Threshold is { } threshold) attributes["data-threshold"] = threshold.ToString(CultureInfo.InvariantCulture);
        return base.Build(parts, attributes);
    }

    protected override IHtmlContent Message(string id)
    {
        var limit = MaxWords ?? MaxLength;
        var message = limit is null ? "" : $"You can enter up to {limit.Value.ToString(CultureInfo.InvariantCulture)} {(MaxWords is null ? "characters" : "words")}";
        return GovUkHtml.Hint(id + "-info", GovUkHtml.Text(message), "govuk-character-count__message");
    }
}

/// <summary>
/// A GOV.UK select: <c>&lt;govuk-select asp-for="Tier"&gt;&lt;govuk-select-label&gt;..&lt;/govuk-select-label&gt;
/// &lt;govuk-select-item value="1"&gt;One&lt;/govuk-select-item&gt;&lt;/govuk-select&gt;</c>. The item whose value is the bound value is selected.
/// </summary>
[HtmlTargetElement("govuk-select")]
[RestrictChildren("govuk-select-label", "govuk-select-hint", "govuk-select-error-message", "govuk-select-item")]
public sealed class SelectTagHelper : FormFieldTagHelper
{
    /// <summary>The selected value; the bound value (or what was posted) unless given.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }


    [HtmlAttributeName(DictionaryAttributePrefix = "select-")]
    public IDictionary<string, string?> SelectAttributes { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    protected override FormFieldParts NewParts() => new SelectParts();

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        var field = StartField(parts);
        var value = Value ?? BoundValue(field.Name);
        var select = Control(field, "select", "govuk-select").Merge(SelectAttributes);
        foreach (var item in ((SelectParts)parts).Items)
        {
            var selected = item.Selected ?? (value is not null && item.Value == value);
            select.Add(GovUkHtml.Element("option", null, item.Content).Set("value", item.Value).Flag("selected", selected).Flag("disabled", item.Disabled).Merge(item.Attributes));
        }

        return Grouped(field.Group.Merge(attributes).Add(select));
    }
}

public sealed class SelectParts : FormFieldParts
{
    public List<SelectItem> Items { get; } = [];
}

public sealed record SelectItem(string? Value, IHtmlContent Content, bool? Selected, bool Disabled, Dictionary<string, string?> Attributes);

[HtmlTargetElement("govuk-select-item", ParentTag = "govuk-select")]
public sealed class SelectItemTagHelper : OptionTagHelper
{
    /// <summary>Selected or not, whatever the bound value.</summary>
    [HtmlAttributeName("selected")]
    public bool? Selected { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = (SelectParts)context.Get<FormFieldParts>();
        var content = (await output.GetChildContentAsync()).Snapshot();
        parts.Items.Add(new SelectItem(Value, content, Selected, Disabled, GovUkHtml.Rest(output)));
        output.SuppressOutput();
    }
}

/// <summary>An option of a select, radios or checkboxes: its value, and whether it is disabled.</summary>
public abstract class OptionTagHelper : TagHelper
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }
}
