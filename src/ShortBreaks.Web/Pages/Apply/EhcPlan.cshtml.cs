namespace ShortBreaks.Web.Pages.Apply;

public class EhcPlanModel(RequestService requests) : QuestionPageModel(requests)
{
    public const string DateField = "EhcPlanReviewDate";

    public override string Step => RequestSteps.EhcPlan;

    [BindProperty] public bool? HasEhcPlan { get; set; }
    [BindProperty(Name = DateField)] public DateBoxes ReviewDate { get; set; } = new();

    private DateOnly? _reviewDate;

    public string ReviewDateHint => $"For example, 15 9 {Today.Year + 1}. It is on the plan, or ask the child's school";

    protected override void Read(ShortBreakRequest request)
    {
        HasEhcPlan = request.HasEhcPlan;
        ReviewDate = DateBoxes.Of(request.EhcPlanReviewDate);
    }

    protected override List<FieldError> Validate()
    {
        if (HasEhcPlan == true)
        {
            (_reviewDate, var error) = ReviewDate.Read(DateField, "Review date");
            if (error is not null) return [error];
        }

        return ReviewDate.KeyRuleErrors(RequestRules.EhcPlan(HasEhcPlan, _reviewDate, Today), DateField);
    }

    protected override void Write(ShortBreakRequest request)
    {
        request.HasEhcPlan = HasEhcPlan;
        request.EhcPlanReviewDate = HasEhcPlan == true ? _reviewDate : null;
    }
}
