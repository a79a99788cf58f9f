namespace ShortBreaks.Web.Pages.Apply;

public class SchoolModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.School;

    [BindProperty] public bool? AttendsSchool { get; set; }
    [BindProperty] public string? School { get; set; }

    protected override void Read(ShortBreakRequest request)
    {
        AttendsSchool = request.AttendsSchool;
        School = request.School;
    }

    protected override List<FieldError> Validate() => RequestRules.School(AttendsSchool, School);

    protected override void Write(ShortBreakRequest request)
    {
        request.AttendsSchool = AttendsSchool;
        request.School = AttendsSchool == true && !string.IsNullOrWhiteSpace(School) ? School.Trim() : null;
    }
}
