namespace ShortBreaks.Web.TagHelpers;

/// <summary>
/// What every GOV.UK form field shares: the field it is bound to (<c>asp-for</c>, or <c>name</c>), its id (the name
/// unless given: our errors are keyed by it, so the error summary links straight to the field), its error (the
/// first ModelState error of the field unless an error-message tag gives one) and the form group around it.
/// </summary>
public abstract class FormFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>More ids for aria-describedby, before the hint's and the error's.</summary>
    [HtmlAttributeName("described-by")]
    public string? DescribedBy { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>Extra classes for the form group around the field.</summary>
    [HtmlAttributeName("form-group-class")]
    public string? FormGroupClass { get; set; }

    /// <summary>
    /// Writes the label, hint, error and control without the form group around them (inputs and selects in a
    /// table's cells or a row of small boxes, whose group is the row or the fieldset around them).
    /// </summary>
    [HtmlAttributeName("without-form-group")]
    public bool WithoutFormGroup { get; set; }

    /// <summary>Leaves ModelState's errors out: only an error-message tag shows an error.</summary>
    [HtmlAttributeName("ignore-modelstate-errors")]
    public bool IgnoreModelStateErrors { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    protected string ResolvedName =>
        Name ?? (For is null ? throw new InvalidOperationException("A GOV.UK form field needs asp-for or name.")
            : ViewContext?.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name) ?? For.Name);

    protected string ResolvedId => Id ?? ResolvedName;

    /// <summary>The error to show: the error-message tag's, or the field's first error in ModelState.</summary>
    protected IHtmlContent? ErrorFor(FormFieldParts parts, string key)
    {
        if (parts.ErrorMessage is { } given && !GovUkHtml.IsBlank(given.Content)) return given.Content;
        if (IgnoreModelStateErrors || ViewContext is null) return null;
        return ViewContext.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? GovUkHtml.Text(entry.Errors[0].ErrorMessage)
            : null;
    }

    /// <summary>What was posted for the field when the page is shown again, else the model's value.</summary>
    protected string? BoundValue(string key)
    {
        if (ViewContext is not null && ViewContext.ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is not null) return entry.AttemptedValue;
        return For?.Model switch
        {
            null => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var m => m.ToString(),
        };
    }

    protected async Task<T> ChildParts<T>(TagHelperContext context, TagHelperOutput output) where T : FormFieldParts, new()
    {
        var parts = new T();
        context.Put<FormFieldParts>(parts);
        await output.GetChildContentAsync();
        return parts;
    }

    /// <summary>The form group, or only what is in it when <see cref="WithoutFormGroup"/> is set.</summary>
    protected IHtmlContent Grouped(TagBuilder group) => WithoutFormGroup ? group.InnerHtml : group;

    protected TagBuilder FormGroup(bool hasError, params string?[] classes) =>
        GovUkHtml.Element("div", GovUkHtml.Classes(["govuk-form-group", hasError ? "govuk-form-group--error" : null, .. classes, FormGroupClass]));

    /// <summary>The label, wrapped in an h1 when it is the page's heading, or in the heading of the level given.</summary>
    protected static IHtmlContent? Label(GovUkPart? label, string forId, string? extraClass = null)
    {
        if (label is null) return null;
        var tag = GovUkHtml.Element("label", GovUkHtml.Classes("govuk-label", extraClass, label.Class), label.Content)
            .Merge(label.OtherAttributes).Set("for", forId);
        return label.IsPageHeading ? GovUkHtml.Element("h1", "govuk-label-wrapper", tag)
            : label.HeadingLevel is { } level ? GovUkHtml.Element("h" + level.ToString(CultureInfo.InvariantCulture), "govuk-label-wrapper", tag)
            : tag;
    }

    protected static IHtmlContent? HintFor(GovUkPart? hint, string id) =>
        hint is null ? null : GovUkHtml.Hint(id, hint.Content, hint.Class, hint.OtherAttributes);

    protected static IHtmlContent? ErrorMessage(IHtmlContent? error, GovUkPart? given, string id) =>
        error is null ? null : GovUkHtml.ErrorMessage(id, error, given?.VisuallyHiddenText ?? "Error", given?.Class, given?.OtherAttributes);
}

/// <summary>Label, hint, error message and prefix or suffix of a single-control field.</summary>
[HtmlTargetElement("govuk-input-label", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-textarea-label", ParentTag = "govuk-textarea")]
[HtmlTargetElement("govuk-character-count-label", ParentTag = "govuk-character-count")]
[HtmlTargetElement("govuk-select-label", ParentTag = "govuk-select")]
[HtmlTargetElement("govuk-file-upload-label", ParentTag = "govuk-file-upload")]
public sealed class LabelTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.Label = part;
}

[HtmlTargetElement("govuk-input-hint", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-textarea-hint", ParentTag = "govuk-textarea")]
[HtmlTargetElement("govuk-character-count-hint", ParentTag = "govuk-character-count")]
[HtmlTargetElement("govuk-select-hint", ParentTag = "govuk-select")]
[HtmlTargetElement("govuk-file-upload-hint", ParentTag = "govuk-file-upload")]
[HtmlTargetElement("govuk-radios-hint", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-radios-hint", ParentTag = "govuk-radios-fieldset")]
[HtmlTargetElement("govuk-checkboxes-hint", ParentTag = "govuk-checkboxes")]
[HtmlTargetElement("govuk-checkboxes-hint", ParentTag = "govuk-checkboxes-fieldset")]
[HtmlTargetElement("govuk-date-input-hint", ParentTag = "govuk-date-input")]
[HtmlTargetElement("govuk-date-input-hint", ParentTag = "govuk-date-input-fieldset")]
/// <summary>A field's hint; for radios, checkboxes and a date input it may also sit inside their fieldset, after the legend.</summary>
public sealed class HintTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content)
    {
        if (!content.IsEmptyOrWhiteSpace) parts.Hint = part;
    }
}

/// <summary>An error message given by the page; empty content means no error (so <c>@Model.ErrorFor("X")</c> may be written in it).</summary>
[HtmlTargetElement("govuk-input-error-message", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-textarea-error-message", ParentTag = "govuk-textarea")]
[HtmlTargetElement("govuk-character-count-error-message", ParentTag = "govuk-character-count")]
[HtmlTargetElement("govuk-select-error-message", ParentTag = "govuk-select")]
[HtmlTargetElement("govuk-file-upload-error-message", ParentTag = "govuk-file-upload")]
[HtmlTargetElement("govuk-radios-error-message", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-radios-error-message", ParentTag = "govuk-radios-fieldset")]
[HtmlTargetElement("govuk-checkboxes-error-message", ParentTag = "govuk-checkboxes")]
[HtmlTargetElement("govuk-checkboxes-error-message", ParentTag = "govuk-checkboxes-fieldset")]
public sealed class FieldErrorMessageTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.ErrorMessage = part;
}

[HtmlTargetElement("govuk-input-prefix", ParentTag = "govuk-input")]
public sealed class InputPrefixTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.Prefix = part;
}

[HtmlTargetElement("govuk-input-suffix", ParentTag = "govuk-input")]
public sealed class InputSuffixTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.Suffix = part;
}

/// <summary>The text in a textarea or character count, when it is not the bound value.</summary>
[HtmlTargetElement("govuk-textarea-value", ParentTag = "govuk-textarea")]
[HtmlTargetElement("govuk-character-count-value", ParentTag = "govuk-character-count")]
public sealed class TextareaValueTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.Value = part.Content;
}

/// <summary>The fieldset of radios, checkboxes or a date input; its legend is a child tag.</summary>
[HtmlTargetElement("govuk-radios-fieldset", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkboxes-fieldset", ParentTag = "govuk-checkboxes")]
[HtmlTargetElement("govuk-date-input-fieldset", ParentTag = "govuk-date-input")]
public sealed class FieldFieldsetTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = context.Get<FormFieldParts>();
        parts.HasFieldset = true;
        parts.FieldsetAttributes = GovUkHtml.Rest(output);
        await output.GetChildContentAsync();
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-radios-fieldset-legend", ParentTag = "govuk-radios-fieldset")]
[HtmlTargetElement("govuk-checkboxes-fieldset-legend", ParentTag = "govuk-checkboxes-fieldset")]
[HtmlTargetElement("govuk-date-input-fieldset-legend", ParentTag = "govuk-date-input-fieldset")]
public sealed class FieldLegendTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.Legend = part;
}
