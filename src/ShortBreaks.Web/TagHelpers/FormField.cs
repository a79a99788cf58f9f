namespace ShortBreaks.Web.TagHelpers;

/// <summary>
/// A tag about one field of the page's model: <c>asp-for</c>, the <c>id</c> of what it writes (worked out from the field
/// unless given), and the page's ModelState, which holds what was posted and the field's errors.
/// </summary>
public abstract class ModelFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <summary>The field's name (its ModelState key): the one given, else asp-for's with any prefix of the view; null with neither.</summary>
    protected string? FieldName(string? given) =>
        given ?? (For is null ? null : ViewContext?.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name) ?? For.Name);

    /// <summary>The field's first error in ModelState, or null.</summary>
    protected IHtmlContent? FirstError(string key) =>
        ViewContext is not null && ViewContext.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? GovUkHtml.Text(entry.Errors[0].ErrorMessage) : null;
}

/// <summary>
/// What every GOV.UK form field shares: the field it is bound to (<c>asp-for</c>, or <c>name</c>), its id (the name
/// unless given: our errors are keyed by it, so the error summary links straight to the field), its error (the
/// first ModelState error of the field unless an error-message tag gives one) and the form group around it.
/// </summary>
public abstract class FormFieldTagHelper : ModelFieldTagHelper
{
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

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

    protected string ResolvedName => FieldName(Name) ?? throw new InvalidOperationException("A GOV.UK form field needs asp-for or name.");

    protected string ResolvedId => Id ?? ResolvedName;

    /// <summary>Reads the child tags (label, hint, error message, items) into the field's parts, then writes the field in place of the tag.</summary>
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = NewParts();
        await output.ChildContentFor(context, parts);
        output.Render(Build(parts, GovUkHtml.Rest(output)));
    }

    /// <summary>The parts the child tags fill in; a select's, radios' or date input's hold more.</summary>
    protected virtual FormFieldParts NewParts() => new();

    /// <summary>The field's markup, from what its child tags gave and the attributes written on it that it does not bind.</summary>
    protected abstract IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes);

    /// <summary>
    /// What a field of one control (input, textarea, select, file upload) starts with: its name, id and error, and its
    /// form group holding the label, hint and error message.
    /// </summary>
    protected FieldStart StartField(FormFieldParts parts, string? groupClass = null)
    {
        var name = ResolvedName;
        var id = ResolvedId;
        var error = ErrorFor(parts, name);
        var group = FormGroup(error is not null, groupClass)
            .Add(Label(parts.Label, id)).Add(HintFor(parts.Hint, id + "-hint")).Add(ErrorMessage(error, parts.ErrorMessage, id + "-error"));
        return new FieldStart(name, id, error, group, DescribedByFor(parts, id, error));
    }

    /// <summary>The control of a <see cref="FieldStart"/> (input, textarea, select): its class with the error modifier, id, name, disabled and aria-describedby.</summary>
    protected TagBuilder Control(FieldStart field, string tagName, string block, string? extraClass = null)
    {
        var classes = GovUkHtml.Classes(block, field.Error is null ? null : block + "--error", extraClass);
        var control = tagName == "input" ? GovUkHtml.Void(tagName, classes) : GovUkHtml.Element(tagName, classes);
        return control.Set("id", field.Id).Set("name", field.Name).Flag("disabled", Disabled).Set("aria-describedby", field.DescribedBy);
    }

    /// <summary>
    /// The form group of radios, checkboxes or a date input: the hint and error message above the control, all inside
    /// the fieldset (described by them) when there is one.
    /// </summary>
    protected TagBuilder FieldsetGroup(FormFieldParts parts, string id, IHtmlContent? error, IHtmlContent control, string? role)
    {
        var inner = new HtmlContentBuilder();
        inner.AppendHtml(HintFor(parts.Hint, id + "-hint") ?? HtmlString.Empty);
        inner.AppendHtml(ErrorMessage(error, parts.ErrorMessage, id + "-error") ?? HtmlString.Empty);
        inner.AppendHtml(control);
        return FormGroup(error is not null).Add(parts.HasFieldset
            ? FieldsetTagHelper.Fieldset(parts.Legend, parts.FieldsetAttributes, DescribedByFor(parts, id, error), role, inner)
            : inner);
    }

    /// <summary>The ids a field's control is described by: those given, then the hint's and the error's.</summary>
    protected string? DescribedByFor(FormFieldParts parts, string id, IHtmlContent? error) =>
        GovUkHtml.DescribedBy(DescribedBy, parts.Hint is null ? null : id + "-hint", error is null ? null : id + "-error");

    /// <summary>The error to show: the error-message tag's, or the first ModelState error of the keys (the field's name, a date's boxes).</summary>
    protected IHtmlContent? ErrorFor(FormFieldParts parts, params string[] keys)
    {
        if (parts.ErrorMessage is { } given && !GovUkHtml.IsBlank(given.Content)) return given.Content;
        if (IgnoreModelStateErrors) return null;
        return keys.Select(FirstError).FirstOrDefault(error => error is not null);
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

/// <summary>
/// A field of one control as <see cref="FormFieldTagHelper.StartField"/> begins it: its name, id, error (null when
/// none), form group (label, hint and error message added) and the ids its control is described by.
/// </summary>
public sealed record FieldStart(string Name, string Id, IHtmlContent? Error, TagBuilder Group, string? DescribedBy);

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
