namespace ShortBreaks.Web.Pages.Apply;

public class EhcPlanModel(RequestService requests) : QuestionPageModel(requests)
{
    public const string DateField = "EhcPlanReviewDate";

    public override string Step => RequestSteps.EhcPlan;

    [BindProperty] public bool? HasEhcPlan { get; set; }
    [BindProperty(Name = DateField + "-day")] public string? Day { get; set; }
    [BindProperty(Name = DateField + "-month")] public string? Month { get; set; }
    [BindProperty(Name = DateField + "-year")] public string? Year { get; set; }

    public IReadOnlyList<string> ErrorParts { get; private set; } = [];

    private DateOnly? _reviewDate;

    public string ReviewDateHint => $"For example, 15 9 {Today.Year + 1}. It is on the plan, or ask the child's school";

    protected override void Read(ShortBreakRequest request)
    {
        HasEhcPlan = request.HasEhcPlan;
        (Day, Month, Year) = DateInput.Split(request.EhcPlanReviewDate);
    }

    protected override List<FieldError> Validate()
    {
        if (HasEhcPlan == true)
        {
            var reading = DateInput.Read("Review date", Day, Month, Year);
            if (reading.Error is not null)
            {
                ErrorParts = reading.ErrorParts;
                return [new FieldError(DateInput.Key(DateField, reading.ErrorParts[0]), reading.Error)];
            }

            _reviewDate = reading.Date;
        }

        var errors = RequestRules.EhcPlan(HasEhcPlan, _reviewDate, Today);
        if (errors.Any(e => e.Field == DateField)) ErrorParts = DateInput.AllParts;
        return errors.Select(e => e.Field == DateField ? e with { Field = DateInput.Key(DateField, DateInput.DayPart) } : e).ToList();
    }

    protected override void Write(ShortBreakRequest request)
    {
        request.HasEhcPlan = HasEhcPlan;
        request.EhcPlanReviewDate = HasEhcPlan == true ? _reviewDate : null;
    }
}
