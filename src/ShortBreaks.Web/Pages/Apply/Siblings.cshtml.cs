namespace ShortBreaks.Web.Pages.Apply;

public class SiblingsModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.Siblings;

    // Kept as typed, so "abc" comes back in the box with a message.
    [BindProperty] public string? SiblingCount { get; set; }
    [BindProperty] public string? SiblingDetails { get; set; }

    private int? Count => int.TryParse(SiblingCount?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    protected override void Read(ShortBreakRequest request)
    {
        SiblingCount = request.SiblingCount?.ToString(CultureInfo.InvariantCulture);
        SiblingDetails = request.SiblingDetails;
    }

    protected override List<FieldError> Validate()
    {
        var errors = RequestRules.Siblings(Count, Lines(SiblingDetails));
        if (!string.IsNullOrWhiteSpace(SiblingCount) && Count is null)
        {
            errors.RemoveAll(e => e.Field == "SiblingCount");
            errors.Insert(0, new FieldError("SiblingCount", "Brothers and sisters must be a number, like 2"));
        }

        return errors;
    }

    protected override void Write(ShortBreakRequest request)
    {
        request.SiblingCount = Count;
        request.SiblingDetails = string.IsNullOrWhiteSpace(SiblingDetails) ? null : Lines(SiblingDetails);
    }
}
