namespace ShortBreaks.Web.Pages.Apply;

public class ChildNameModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.ChildName;

    [BindProperty] public string? ChildFirstName { get; set; }
    [BindProperty] public string? ChildLastName { get; set; }

    protected override void Read(ShortBreakRequest request)
    {
        ChildFirstName = request.ChildFirstName;
        ChildLastName = request.ChildLastName;
    }

    protected override List<FieldError> Validate() => RequestRules.ChildName(ChildFirstName, ChildLastName);

    protected override void Write(ShortBreakRequest request)
    {
        request.ChildFirstName = ChildFirstName?.Trim();
        request.ChildLastName = ChildLastName?.Trim();
    }
}
