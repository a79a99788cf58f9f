namespace ShortBreaks.Web.Pages.Apply;

public class AddressModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.Address;

    [BindProperty] public string? AddressLine1 { get; set; }
    [BindProperty] public string? AddressLine2 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }

    protected override void Read(ShortBreakRequest request)
    {
        AddressLine1 = request.AddressLine1;
        AddressLine2 = request.AddressLine2;
        Town = request.Town;
        Postcode = request.Postcode;
    }

    protected override List<FieldError> Validate() => RequestRules.Address(AddressLine1, AddressLine2, Town, Postcode);

    protected override void Write(ShortBreakRequest request)
    {
        request.AddressLine1 = Blank(AddressLine1);
        request.AddressLine2 = Blank(AddressLine2);
        request.Town = Blank(Town);
        request.Postcode = Postcodes.IsValid(Postcode) ? Postcodes.Format(Postcode!) : Blank(Postcode);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
