using System.Collections;

namespace ShortBreaks.Web.TagHelpers;

public sealed class ChoiceParts : FormFieldParts
{
    /// <summary>The radios or checkboxes in order, with any dividers between them.</summary>
    public List<ChoiceEntry> Items { get; } = [];
}

/// <summary>A radio or checkbox (<see cref="ChoiceItem"/>), or a divider between them (<see cref="ChoiceDivider"/>).</summary>
public abstract record ChoiceEntry;

/// <summary>A divider between radios or checkboxes ("or").</summary>
public sealed record ChoiceDivider(IHtmlContent Content) : ChoiceEntry;

/// <summary>A radio or checkbox: what its tag's attributes say, its label, and what its child tags gave.</summary>
public sealed record ChoiceItem(string? Value, IHtmlContent Label, bool? Checked, bool Disabled, string? Id, string? Name, string? Behaviour,
    string? LabelClass, string? ItemClass, Dictionary<string, string?> Attributes, ChoiceItemParts Parts) : ChoiceEntry;

/// <summary>What an item's child tags give: its hint, and the content shown under it.</summary>
public sealed class ChoiceItemParts
{
    public GovUkPart? Hint { get; set; }
    public IHtmlContent? Conditional { get; set; }

    /// <summary>The conditional content is always shown: the item does not reveal it (no data-aria-controls, never hidden).</summary>
    public bool ConditionalAlwaysShown { get; set; }
}

/// <summary>Radios and checkboxes: the same markup with a different class prefix and input type.</summary>
public abstract class ChoicesTagHelper : FormFieldTagHelper
{
    /// <summary>The prefix of the items' ids (the name unless given); the first item's id is the prefix itself.</summary>
    [HtmlAttributeName("id-prefix")]
    public string? IdPrefix { get; set; }

    /// <summary>The checked value (radios); the bound value, or what was posted, unless given.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    /// <summary>
    /// The id of the <c>govuk-radios</c> or <c>govuk-checkboxes</c> div itself, for pages whose items have ids of their
    /// own (<c>Move-StepUp</c>): the error summary's <c>#Move</c> then lands on the list. None unless given.
    /// </summary>
    [HtmlAttributeName("list-id")]
    public string? ListId { get; set; }

    protected abstract string Kind { get; }

    protected abstract string InputType { get; }

    protected override FormFieldParts NewParts() => new ChoiceParts();

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        var name = ResolvedName;
        var idPrefix = IdPrefix ?? Id ?? name;
        var error = ErrorFor(parts, name);
        var chosen = Chosen(name);
        var describedBy = DescribedByFor(parts, idPrefix, error);
        var list = GovUkHtml.Element("div", $"govuk-{Kind}").Set("data-module", $"govuk-{Kind}").Set("id", ListId).Merge(attributes);
        var index = 0;
        foreach (var entry in ((ChoiceParts)parts).Items)
        {
            index++;
            if (entry is ChoiceDivider divider)
            {
                list.Add(GovUkHtml.Element("div", $"govuk-{Kind}__divider", divider.Content));
                continue;
            }

            var item = (ChoiceItem)entry;
            var hint = item.Parts.Hint;
            var conditional = item.Parts.Conditional;
            var itemId = item.Id ?? idPrefix + (index > 1 ? "-" + index.ToString(CultureInfo.InvariantCulture) : "");
            var isChecked = item.Checked ?? (item.Value is not null && chosen.Contains(item.Value));
            var itemHintId = hint is null ? null : hint.Attributes.GetValueOrDefault("id") ?? itemId + "-item-hint";
            var itemDescribedBy = Kind == "checkboxes" && !parts.HasFieldset ? GovUkHtml.DescribedBy(describedBy, itemHintId) : itemHintId;
            var input = GovUkHtml.Void("input", $"govuk-{Kind}__input")
                .Set("id", itemId).Set("name", item.Name ?? name).Set("type", InputType).Set("value", item.Value ?? "")
                .Flag("checked", isChecked).Flag("disabled", item.Disabled)
                .Set("data-aria-controls", conditional is null || item.Parts.ConditionalAlwaysShown ? null : "conditional-" + itemId)
                .Set("data-behaviour", item.Behaviour)
                .Set("aria-describedby", itemDescribedBy)
                .Merge(item.Attributes);
            var row = GovUkHtml.Element("div", GovUkHtml.Classes($"govuk-{Kind}__item", item.ItemClass)).Add(input)
                .Add(GovUkHtml.Element("label", GovUkHtml.Classes("govuk-label", $"govuk-{Kind}__label", item.LabelClass), item.Label).Set("for", itemId));
            if (hint is not null) row.Add(GovUkHtml.Hint(itemHintId, hint.Content, GovUkHtml.Classes($"govuk-{Kind}__hint", hint.Class), hint.OtherAttributes));
            list.Add(row);
            if (conditional is not null)
            {
                list.Add(GovUkHtml.Element("div", GovUkHtml.Classes($"govuk-{Kind}__conditional", isChecked || item.Parts.ConditionalAlwaysShown ? null : $"govuk-{Kind}__conditional--hidden"), conditional)
                    .Set("id", "conditional-" + itemId));
            }
        }

        return FieldsetGroup(parts, idPrefix, error, list, null);
    }

    /// <summary>The values to check: the given value, what was posted, or the bound model's value or values.</summary>
    private HashSet<string> Chosen(string name)
    {
        if (Value is not null) return [Value];
        if (ViewContext is not null && ViewContext.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string s => [s],
                string[] many => [.. many],
                var other => [other.ToString() ?? ""],
            };
        }

        return For?.Model switch
        {
            null => [],
            string s => [s],
            bool b => [b ? "true" : "false"],
            IEnumerable many => [.. many.Cast<object?>().Select(Text)],
            var one => [Text(one)],
        };
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// GOV.UK radios: <c>&lt;govuk-radios asp-for="Answer"&gt;&lt;govuk-radios-fieldset&gt;&lt;govuk-radios-fieldset-legend&gt;..&lt;/govuk-radios-fieldset-legend&gt;
/// &lt;govuk-radios-item value="yes"&gt;Yes&lt;/govuk-radios-item&gt;..&lt;/govuk-radios-fieldset&gt;&lt;/govuk-radios&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-radios")]
public sealed class RadiosTagHelper : ChoicesTagHelper
{
    protected override string Kind => "radios";

    protected override string InputType => "radio";
}

/// <summary>GOV.UK checkboxes, shaped like <see cref="RadiosTagHelper"/>; an item may have its own <c>name</c> and <c>behavior="exclusive"</c>.</summary>
[HtmlTargetElement("govuk-checkboxes")]
public sealed class CheckboxesTagHelper : ChoicesTagHelper
{
    protected override string Kind => "checkboxes";

    protected override string InputType => "checkbox";
}

[HtmlTargetElement("govuk-radios-item")]
[HtmlTargetElement("govuk-checkboxes-item")]
public sealed class ChoiceItemTagHelper : OptionTagHelper
{
    /// <summary>Checked or not, whatever the bound value.</summary>
    [HtmlAttributeName("checked")]
    public bool? Checked { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>"exclusive" for a "None of these" checkbox.</summary>
    [HtmlAttributeName("behavior")]
    public string? Behavior { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    /// <summary>Extra classes for the item's <c>govuk-radios__item</c> div (not the input).</summary>
    [HtmlAttributeName("item-class")]
    public string? ItemClass { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = (ChoiceParts)context.Get<FormFieldParts>();
        var itemParts = new ChoiceItemParts();
        context.Put(itemParts);
        var label = new HtmlString((await output.GetChildContentAsync()).GetContent().Trim());
        parts.Items.Add(new ChoiceItem(Value, label, Checked, Disabled, Id, Name, Behavior, LabelClass, ItemClass, GovUkHtml.Rest(output), itemParts));
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-radios-item-hint", ParentTag = "govuk-radios-item")]
[HtmlTargetElement("govuk-checkboxes-item-hint", ParentTag = "govuk-checkboxes-item")]
public sealed class ChoiceItemHintTagHelper : ChildPartTagHelper<ChoiceItemParts>
{
    protected override void Give(ChoiceItemParts parts, GovUkPart part) => parts.Hint = part;
}

/// <summary>
/// Content shown under the item when it is chosen (conditional reveal). <c>always-shown="true"</c> shows it whether
/// chosen or not, without the reveal (GOV.UK Frontend's reveal sets aria-expanded on the radio, which ARIA does not allow).
/// </summary>
[HtmlTargetElement("govuk-radios-item-conditional", ParentTag = "govuk-radios-item")]
[HtmlTargetElement("govuk-checkboxes-item-conditional", ParentTag = "govuk-checkboxes-item")]
public sealed class ChoiceItemConditionalTagHelper : TagHelper
{
    /// <summary>
    /// Shows the content whatever is chosen, without the reveal: GOV.UK Frontend 6.6 sets aria-expanded on a
    /// revealing radio, which ARIA does not allow there (see CONTRIBUTING, "No conditional reveals on radios").
    /// </summary>
    [HtmlAttributeName("always-shown")]
    public bool AlwaysShown { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var item = context.Get<ChoiceItemParts>();
        item.ConditionalAlwaysShown = AlwaysShown;
        item.Conditional = (await output.GetChildContentAsync()).Snapshot();
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-radios-divider")]
[HtmlTargetElement("govuk-checkboxes-divider")]
public sealed class ChoiceDividerTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = (ChoiceParts)context.Get<FormFieldParts>();
        parts.Items.Add(new ChoiceDivider(new HtmlString((await output.GetChildContentAsync()).GetContent().Trim())));
        output.SuppressOutput();
    }
}

/// <summary>
/// A GOV.UK fieldset around any content: <c>&lt;govuk-fieldset&gt;&lt;govuk-fieldset-legend is-page-heading="true" class="govuk-fieldset__legend--l"&gt;..&lt;/govuk-fieldset-legend&gt;..&lt;/govuk-fieldset&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-fieldset")]
public sealed class FieldsetTagHelper : TagHelper
{
    [HtmlAttributeName("described-by")]
    public string? DescribedBy { get; set; }

    [HtmlAttributeName("role")]
    public string? Role { get; set; }

    /// <summary>Puts the fieldset in a form group (a group of fields under one legend, such as an address).</summary>
    [HtmlAttributeName("in-form-group")]
    public bool InFormGroup { get; set; }

    /// <summary>With <c>in-form-group</c>: one of the fields inside has an error, so the form group shows it (a red bar).</summary>
    [HtmlAttributeName("form-group-has-error")]
    public bool FormGroupHasError { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new FormFieldParts();
        var content = await output.ChildContentFor(context, parts);
        var fieldset = Fieldset(parts.Legend, GovUkHtml.Rest(output), DescribedBy, Role, content);
        output.Render(InFormGroup ? GovUkHtml.Element("div", GovUkHtml.Classes("govuk-form-group", FormGroupHasError ? "govuk-form-group--error" : null), fieldset) : fieldset);
    }

    internal static TagBuilder Fieldset(GovUkPart? legend, Dictionary<string, string?>? attributes, string? describedBy, string? role, IHtmlContent content)
    {
        var fieldset = GovUkHtml.Element("fieldset", GovUkHtml.Classes("govuk-fieldset", attributes?.GetValueOrDefault("class")))
            .Set("role", role).Set("aria-describedby", describedBy);
        if (attributes is not null)
        {
            fieldset.Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value));
        }

        if (legend is not null)
        {
            var tag = GovUkHtml.Element("legend", GovUkHtml.Classes("govuk-fieldset__legend", legend.Class)).Merge(legend.OtherAttributes);
            if (legend.IsPageHeading)
            {
                if (legend.Caption is not null) tag.Add(GovUkHtml.Element("span", "govuk-caption-l", legend.Caption));
                tag.Add(GovUkHtml.Element("h1", "govuk-fieldset__heading", legend.Content));
            }
            else
            {
                tag.Add(legend.Content);
            }

            fieldset.Add(tag);
        }

        return fieldset.Add(content);
    }
}

[HtmlTargetElement("govuk-fieldset-legend", ParentTag = "govuk-fieldset")]
public sealed class FieldsetLegendTagHelper : FormFieldPartTagHelper
{
    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content) => parts.Legend = part;
}
