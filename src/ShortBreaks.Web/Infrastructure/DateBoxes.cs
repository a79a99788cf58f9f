namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// What was typed in a GOV.UK date input's three boxes, kept as typed so "99" or "March" comes back in the box with a
/// message rather than vanishing, and the boxes to show in red. A page property of this type binds the boxes by their
/// names, <c>{name}-day</c>, <c>{name}-month</c> and <c>{name}-year</c>, where name is the property's binding name:
/// <c>[BindProperty(Name = "EffectiveFrom")] public DateBoxes EffectiveFrom { get; set; } = new();</c>.
/// </summary>
[ModelBinder(typeof(DateBoxesBinder))]
public sealed class DateBoxes
{
    public string? Day { get; init; }
    public string? Month { get; init; }
    public string? Year { get; init; }

    /// <summary>The boxes to show in red, as <see cref="Read"/> and <see cref="KeyRuleErrors"/> find them.</summary>
    public IReadOnlyList<string> ErrorParts { get; set; } = [];

    public static DateBoxes Of(DateOnly? date)
    {
        var (day, month, year) = DateInput.Split(date);
        return new DateBoxes { Day = day, Month = month, Year = year };
    }

    /// <summary>
    /// Reads the boxes (see <see cref="DateInput.Read"/>). A problem comes back keyed by the first box it concerns
    /// (<c>{id}-month</c>, say), and the boxes at fault are marked.
    /// </summary>
    public (DateOnly? Date, FieldError? Error) Read(string id, string label)
    {
        var reading = DateInput.Read(label, Day, Month, Year);
        if (reading.Error is null) return (reading.Date, null);
        ErrorParts = reading.ErrorParts;
        return (null, new FieldError(DateInput.Key(id, reading.ErrorParts[0]), reading.Error));
    }

    /// <summary>
    /// A rule's errors, with those about the whole date (field <paramref name="id"/>) keyed by its day box, so the error
    /// summary links to the first box; when there are any, all three boxes are marked.
    /// </summary>
    public List<FieldError> KeyRuleErrors(IEnumerable<FieldError> errors, string id)
    {
        var keyed = errors.Select(e => e.Field == id ? e with { Field = DateInput.Key(id, DateInput.DayPart) } : e).ToList();
        if (keyed.Any(e => e.Field == DateInput.Key(id, DateInput.DayPart))) ErrorParts = DateInput.AllParts;
        return keyed;
    }
}

/// <summary>Binds <see cref="DateBoxes"/> from the three boxes' names, each box as a string property binds: blank is null.</summary>
public sealed class DateBoxesBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        string? Box(string part)
        {
            var key = DateInput.Key(bindingContext.ModelName, part);
            var value = bindingContext.ValueProvider.GetValue(key);
            if (value == ValueProviderResult.None) return null;
            bindingContext.ModelState.SetModelValue(key, value);
            return string.IsNullOrWhiteSpace(value.FirstValue) ? null : value.FirstValue;
        }

        bindingContext.Result = ModelBindingResult.Success(new DateBoxes
        {
            Day = Box(DateInput.DayPart),
            Month = Box(DateInput.MonthPart),
            Year = Box(DateInput.YearPart),
        });
        return Task.CompletedTask;
    }
}
