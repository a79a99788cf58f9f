namespace ShortBreaks.Web.Pages.Apply;

public class ContactModel(RequestService requests) : QuestionPageModel(requests)
{
    public override string Step => RequestSteps.Contact;

    public override string Title => OnBehalf ? "Contact details for the parent or carer" : RequestSteps.Title(Step);

    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactRelationship { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }

    // A string, so a tampered value is refused with a message rather than bound to an undefined enum value.
    [BindProperty] public string? PreferredContact { get; set; }

    private ContactMethod? Preferred =>
        Enum.GetValues<ContactMethod>().Where(m => m.ToString() == PreferredContact).Select(m => (ContactMethod?)m).FirstOrDefault();

    protected override void Read(ShortBreakRequest request)
    {
        // A family's own account already knows their name and email: offer them rather than ask again.
        var own = IsOwner && request.ContactName is null && request.ContactEmail is null;
        ContactName = request.ContactName ?? (own ? User.FindFirstValue(DisplayNameClaimsFactory.DisplayNameClaim) : null);
        ContactRelationship = request.ContactRelationship;
        ContactEmail = request.ContactEmail ?? (own ? User.FindFirstValue(ClaimTypes.Email) : null);
        ContactPhone = request.ContactPhone;
        PreferredContact = request.PreferredContact?.ToString();
    }

    protected override List<FieldError> Validate()
    {
        if (!string.IsNullOrEmpty(PreferredContact) && Preferred is null)
        {
            return [new FieldError("PreferredContact", "Select how you would like us to contact you")];
        }

        var errors = RequestRules.Contact(ContactName, ContactRelationship, ContactEmail?.Trim(), ContactPhone, Preferred);
        if (OnBehalf)
        {
            // The same rules, but the officer is told about the parent or carer rather than addressed as them.
            errors = errors.Select(e => e with
            {
                Message = e.Message.Replace("Enter your full name", "Enter the parent or carer's full name", StringComparison.Ordinal)
                    .Replace("Enter your relationship", "Enter their relationship", StringComparison.Ordinal)
                    .Replace("Enter your email address", "Enter their email address", StringComparison.Ordinal)
                    .Replace("Enter your telephone number", "Enter their telephone number", StringComparison.Ordinal)
                    .Replace("how you would like us to contact you", "how they would like us to contact them", StringComparison.Ordinal),
            }).ToList();
        }

        return errors;
    }

    protected override void Write(ShortBreakRequest request)
    {
        request.ContactName = Blank(ContactName);
        request.ContactRelationship = Blank(ContactRelationship);
        request.ContactEmail = Blank(ContactEmail);
        request.ContactPhone = Blank(ContactPhone);
        request.PreferredContact = Preferred;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
