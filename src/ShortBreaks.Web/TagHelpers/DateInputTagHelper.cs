namespace ShortBreaks.Web.TagHelpers;

public sealed class DateInputParts : FormFieldParts
{
    public string? ErrorItems { get; set; }

    /// <summary>The boxes given as child tags (<see cref="DateInputBoxTagHelper"/>), by box ("day"): their own name and value.</summary>
    public Dictionary<string, (string? Name, string? Value)> Boxes { get; } = [];
}

/// <summary>
/// A GOV.UK date input. The boxes are named and id'd <c>{name}-day</c>, <c>{name}-month</c>, <c>{name}-year</c> (as our
/// pages read them), with the date input's id the name: <c>&lt;govuk-date-input name="DateOfBirth" day=".." month=".." year=".."
/// error-items="day"&gt;&lt;govuk-date-input-fieldset&gt;&lt;govuk-date-input-fieldset-legend&gt;..&lt;/govuk-date-input-fieldset-legend&gt;
/// &lt;/govuk-date-input-fieldset&gt;&lt;/govuk-date-input&gt;</c>. The error is the first ModelState error of the boxes or the
/// name, unless an error-message tag gives one.
/// </summary>
[HtmlTargetElement("govuk-date-input")]
[RestrictChildren("govuk-date-input-fieldset", "govuk-date-input-hint", "govuk-date-input-error-message", "govuk-date-input-day", "govuk-date-input-month", "govuk-date-input-year")]
public sealed class DateInputTagHelper : FormFieldTagHelper
{
    private static readonly string[] Boxes = ["day", "month", "year"];

    /// <summary>The start of the boxes' names ("{prefix}-day"); the name, or asp-for's name, unless given. None when only an id is given.</summary>
    [HtmlAttributeName("name-prefix")]
    public string? NamePrefix { get; set; }

    [HtmlAttributeName("day")]
    public string? Day { get; set; }

    [HtmlAttributeName("month")]
    public string? Month { get; set; }

    [HtmlAttributeName("year")]
    public string? Year { get; set; }

    /// <summary>The boxes to show in red, comma-separated ("day,month"); all three when there is an error and none are named.</summary>
    [HtmlAttributeName("error-items")]
    public string? ErrorItems { get; set; }

    /// <summary>Written on each box (our pages write "off").</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    protected override FormFieldParts NewParts() => new DateInputParts();

    protected override IHtmlContent Build(FormFieldParts parts, Dictionary<string, string?> attributes)
    {
        var given = ((DateInputParts)parts).Boxes;
        var prefix = NamePrefix ?? (Name is not null || For is not null ? ResolvedName : null);
        var id = Id ?? prefix ?? throw new InvalidOperationException("A GOV.UK date input needs asp-for, name or id.");
        string BoxName(string box) => given.GetValueOrDefault(box).Name ?? (prefix is null ? box : $"{prefix}-{box}");

        var error = ErrorFor(parts, [prefix ?? id, .. Boxes.Select(BoxName)]);
        var errorItems = (((DateInputParts)parts).ErrorItems ?? ErrorItems)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(i => i.ToLowerInvariant()).ToList();
        var date = For?.Model switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => (DateOnly?)null,
        };
        string? ValueOf(string box, string? value, Func<DateOnly, int> part) =>
            value ?? given.GetValueOrDefault(box).Value ?? BoundBox(BoxName(box)) ?? (date is { } d ? part(d).ToString(CultureInfo.InvariantCulture) : null);
        var values = new[] { ValueOf("day", Day, d => d.Day), ValueOf("month", Month, d => d.Month), ValueOf("year", Year, d => d.Year) };

        var boxes = GovUkHtml.Element("div", "govuk-date-input").Set("id", id).Merge(attributes);
        for (var i = 0; i < 3; i++)
        {
            var box = Boxes[i];
            var boxId = $"{id}-{box}";
            var inError = error is not null && (errorItems is null || errorItems.Contains(box));
            var input = GovUkHtml.Void("input", GovUkHtml.Classes("govuk-input", "govuk-date-input__input", inError ? "govuk-input--error" : null, box == "year" ? "govuk-input--width-4" : "govuk-input--width-2"))
                .Set("id", boxId).Set("name", BoxName(box)).Set("type", "text").Set("inputmode", "numeric")
                .Set("value", values[i]).Set("autocomplete", Autocomplete).Flag("disabled", Disabled);
            var label = GovUkHtml.Element("label", "govuk-label govuk-date-input__label", CultureInfo.InvariantCulture.TextInfo.ToTitleCase(box)).Set("for", boxId);
            boxes.Add(GovUkHtml.Element("div", "govuk-date-input__item").Add(GovUkHtml.Element("div", "govuk-form-group").Add(label).Add(input)));
        }

        return FieldsetGroup(parts, id, error, boxes, "group");
    }

    private string? BoundBox(string key) =>
        ViewContext is not null && ViewContext.ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;
}

/// <summary>
/// One box of a date input with a name and value of its own, for a form whose boxes are not named "{prefix}-day":
/// <c>&lt;govuk-date-input id="start"&gt;..&lt;govuk-date-input-day name="Form.StartDay" value=".." /&gt;</c>. Its id stays "{id}-day".
/// </summary>
[HtmlTargetElement("govuk-date-input-day", ParentTag = "govuk-date-input")]
[HtmlTargetElement("govuk-date-input-month", ParentTag = "govuk-date-input")]
[HtmlTargetElement("govuk-date-input-year", ParentTag = "govuk-date-input")]
public sealed class DateInputBoxTagHelper : TagHelper
{
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ((DateInputParts)context.Get<FormFieldParts>()).Boxes[context.TagName["govuk-date-input-".Length..]] = (Name, Value);
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-date-input-error-message", ParentTag = "govuk-date-input")]
[HtmlTargetElement("govuk-date-input-error-message", ParentTag = "govuk-date-input-fieldset")]
public sealed class DateInputErrorMessageTagHelper : FormFieldPartTagHelper
{
    /// <summary>The boxes to show in red, comma-separated ("day,month").</summary>
    [HtmlAttributeName("error-items")]
    public string? ErrorItems { get; set; }

    protected override void Give(FormFieldParts parts, GovUkPart part, TagHelperContent content)
    {
        parts.ErrorMessage = part;
        if (ErrorItems is not null) ((DateInputParts)parts).ErrorItems = ErrorItems;
    }
}
