namespace ShortBreaks.Web.Pages.Apply;

public class ConsentModel(RequestService requests, TimeProvider clock) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.Consent;

    public string Heading => OnBehalf ? "The parent or carer agrees to us sharing information" : "Agree to us sharing information";

    [BindProperty] public bool? ConsentToShare { get; set; }

    protected override void Read(ShortBreakRequest request) => ConsentToShare = request.ConsentToShare;

    protected override List<FieldError> Validate()
    {
        var errors = RequestRules.Consent(ConsentToShare);
        return OnBehalf
            ? errors.Select(e => e with { Message = "Confirm that the parent or carer has heard the statement and agrees to us sharing information" }).ToList()
            : errors;
    }

    // Not agreeing yet is a fine place to stop and come back: nothing is stored but the absence of consent.
    protected override bool CanStorePartial(List<FieldError> errors) => true;

    protected override void Write(ShortBreakRequest request)
    {
        if (ConsentToShare == true)
        {
            if (request.ConsentToShare != true) request.ConsentRecordedAt = clock.GetUtcNow().UtcDateTime;
            request.ConsentToShare = true;
        }
        else
        {
            request.ConsentToShare = null;
            request.ConsentRecordedAt = null;
        }
    }
}
