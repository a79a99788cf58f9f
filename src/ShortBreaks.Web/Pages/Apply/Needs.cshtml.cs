namespace ShortBreaks.Web.Pages.Apply;

/// <summary>The eligibility needs, as the scheme in force words them; "None of these" is stored as an empty list.</summary>
public class NeedsModel(RequestService requests) : QuestionPageModel(requests)
{
    public const string None = "none";

    public override string Step => RequestSteps.Needs;

    [BindProperty] public List<string> NeedIds { get; set; } = [];

    public bool NoneOfThese => NeedIds.Contains(None);

    private List<string> Chosen => NeedIds.Where(id => id != None).Distinct().ToList();

    protected override void Read(ShortBreakRequest request) =>
        NeedIds = request.NeedIds is null ? [] : request.NeedIds == "" ? [None] : [.. request.NeedIdList];

    protected override List<FieldError> Validate() => RequestRules.Needs(Chosen, NoneOfThese, Scheme);

    // Only an empty answer is kept for later: a contradictory one ("None" and a need) must be put right first.
    protected override bool CanStorePartial(List<FieldError> errors) => NeedIds.Count == 0;

    protected override void Write(ShortBreakRequest request) =>
        request.NeedIds = NeedIds.Count == 0 ? null
            : NoneOfThese ? ""
            : string.Join(",", Scheme.Eligibility.Needs.Select(n => n.Id).Where(Chosen.Contains));
}
