namespace ShortBreaks.Web.Pages.Apply;

public class OwnWordsModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.OwnWords;

    [BindProperty] public string? NeedsInOwnWords { get; set; }

    public string Heading => OnBehalf ? "The child's needs in the family's own words" : "Tell us about the child's needs in your own words";

    protected override void Read(ShortBreakRequest request) => NeedsInOwnWords = request.NeedsInOwnWords;

    protected override List<FieldError> Validate() => RequestRules.OwnWords(Lines(NeedsInOwnWords));

    protected override void Write(ShortBreakRequest request) =>
        request.NeedsInOwnWords = string.IsNullOrWhiteSpace(NeedsInOwnWords) ? null : Lines(NeedsInOwnWords);
}
