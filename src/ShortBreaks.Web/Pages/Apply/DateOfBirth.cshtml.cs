namespace ShortBreaks.Web.Pages.Apply;

public class DateOfBirthModel(RequestService requests) : QuestionPageModel(requests)
{
    public const string Field = "ChildDateOfBirth";

    public override string Step => RequestSteps.DateOfBirth;

    [BindProperty(Name = Field)] public DateBoxes Date { get; set; } = new();

    private DateOnly? _date;

    public string DateHint => $"For example, 27 3 {Today.Year - 8}";

    protected override void Read(ShortBreakRequest request) => Date = DateBoxes.Of(request.ChildDateOfBirth);

    protected override List<FieldError> Validate()
    {
        (_date, var error) = Date.Read(Field, "Date of birth");
        if (error is not null) return [error];
        return Date.KeyRuleErrors(RequestRules.DateOfBirth(_date, Today, Scheme), Field);
    }

    protected override void Write(ShortBreakRequest request) => request.ChildDateOfBirth = _date;
}
