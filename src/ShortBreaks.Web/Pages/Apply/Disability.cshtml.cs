namespace ShortBreaks.Web.Pages.Apply;

/// <summary>The Children in Need census disability codes, in the family's words, recorded at source.</summary>
public class DisabilityModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.Disability;

    [BindProperty] public List<string> DisabilityCodes { get; set; } = [];

    private IEnumerable<CinDisabilityCode> Known =>
        CinDisabilityCodes.All.Select(c => c.Code).Where(code => DisabilityCodes.Contains(code.ToString()));

    protected override void Read(ShortBreakRequest request) =>
        DisabilityCodes = CinDisabilityCodes.Parse(request.DisabilityCodes).Select(c => c.ToString()).ToList();

    protected override List<FieldError> Validate()
    {
        // Only the codes' exact names are answers: Enum.TryParse would also take "1" or "MOB,HAND".
        if (DisabilityCodes.Any(v => CinDisabilityCodes.All.All(c => c.Code.ToString() != v)))
        {
            return [new FieldError("DisabilityCodes", "Select from the list")];
        }

        return RequestRules.Disability(DisabilityCodes);
    }

    protected override void Write(ShortBreakRequest request)
    {
        var codes = Known.ToList();
        request.DisabilityCodes = codes.Count == 0 ? null : CinDisabilityCodes.Format(codes);
    }
}
