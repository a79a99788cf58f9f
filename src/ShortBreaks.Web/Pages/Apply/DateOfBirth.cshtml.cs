namespace ShortBreaks.Web.Pages.Apply;

public class DateOfBirthModel(RequestService requests) : QuestionPageModel(requests)
{
    public const string Field = "ChildDateOfBirth";

    public override string Step => RequestSteps.DateOfBirth;

    // Kept as typed, so "99" or "March" comes back in the box with a message rather than vanishing.
    [BindProperty(Name = Field + "-day")] public string? Day { get; set; }
    [BindProperty(Name = Field + "-month")] public string? Month { get; set; }
    [BindProperty(Name = Field + "-year")] public string? Year { get; set; }

    public IReadOnlyList<string> ErrorParts { get; private set; } = [];

    private DateOnly? _date;

    public string DateHint => $"For example, 27 3 {Today.Year - 8}";

    protected override void Read(ShortBreakRequest request) => (Day, Month, Year) = DateInput.Split(request.ChildDateOfBirth);

    protected override List<FieldError> Validate()
    {
        var reading = DateInput.Read("Date of birth", Day, Month, Year);
        if (reading.Error is not null)
        {
            ErrorParts = reading.ErrorParts;
            return [new FieldError(DateInput.Key(Field, reading.ErrorParts[0]), reading.Error)];
        }

        _date = reading.Date;
        var errors = RequestRules.DateOfBirth(_date, Today, Scheme);
        ErrorParts = errors.Count > 0 ? DateInput.AllParts : [];
        return errors.Select(e => e with { Field = DateInput.Key(Field, DateInput.DayPart) }).ToList();
    }

    protected override void Write(ShortBreakRequest request) => request.ChildDateOfBirth = _date;
}
