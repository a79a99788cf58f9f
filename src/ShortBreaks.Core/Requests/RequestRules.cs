using System.Net.Mail;
using ShortBreaks.Core.Text;

namespace ShortBreaks.Core.Requests;

/// <summary>A problem with one answer, named by the field it belongs to.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The questions of a request, in order, each with the slug of its page.</summary>
public static class RequestSteps
{
    public const string ChildName = "child-name";
    public const string DateOfBirth = "date-of-birth";
    public const string Address = "address";
    public const string School = "school";
    public const string EhcPlan = "ehc-plan";
    public const string Needs = "needs";
    public const string Disability = "disability";
    public const string OwnWords = "own-words";
    public const string Contact = "contact";
    public const string Siblings = "siblings";
    public const string Evidence = "evidence";
    public const string Consent = "consent";

    public static readonly IReadOnlyList<string> All =
        [ChildName, DateOfBirth, Address, School, EhcPlan, Needs, Disability, OwnWords, Contact, Siblings, Evidence, Consent];

    public static string Title(string step) => step switch
    {
        ChildName => "Child's name",
        DateOfBirth => "Child's date of birth",
        Address => "Child's address",
        School => "School",
        EhcPlan => "Education, health and care plan",
        Needs => "What support the child needs",
        Disability => "The child's disability",
        OwnWords => "In your own words",
        Contact => "Your contact details",
        Siblings => "Brothers and sisters",
        Evidence => "Evidence",
        Consent => "Sharing information",
        _ => step,
    };

    public static string? Next(string step)
    {
        var i = All.ToList().IndexOf(step);
        return i >= 0 && i < All.Count - 1 ? All[i + 1] : null;
    }

    public static string? Previous(string step)
    {
        var i = All.ToList().IndexOf(step);
        return i > 0 ? All[i - 1] : null;
    }
}

/// <summary>
/// What each answer must be. Used by the question pages and by the API, so both refuse the same things
/// with the same words (GOV.UK error message style).
/// </summary>
public static partial class RequestRules
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 3000;

    /// <summary>Most evidence files one request can carry.</summary>
    public const int MaxEvidenceFiles = 10;

    [GeneratedRegex(@"^[\p{L}][\p{L} '\-\.]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\+?[0-9]{10,13}$")]
    private static partial Regex PhonePattern();

    public static List<FieldError> ChildName(string? first, string? last)
    {
        var e = new List<FieldError>();
        Name(e, "ChildFirstName", first, "first name");
        Name(e, "ChildLastName", last, "last name");
        return e;
    }

    public static List<FieldError> DateOfBirth(DateOnly? dob, DateOnly today, Scheme scheme)
    {
        var e = new List<FieldError>();
        if (dob is null)
        {
            e.Add(new("ChildDateOfBirth", "Enter the child's date of birth"));
        }
        else if (dob > today)
        {
            e.Add(new("ChildDateOfBirth", "The child's date of birth must be in the past"));
        }
        else if (EligibilityCheck.AgeOn(dob.Value, today) >= scheme.Ages.MaximumAgeYearsExclusive)
        {
            e.Add(new("ChildDateOfBirth",
                $"Short breaks are for children under {scheme.Ages.MaximumAgeYearsExclusive}: for a young person aged {scheme.Ages.MaximumAgeYearsExclusive} or over, contact adult social care"));
        }

        return e;
    }

    public static List<FieldError> Address(string? line1, string? line2, string? town, string? postcode)
    {
        var e = new List<FieldError>();
        Required(e, "AddressLine1", line1, "Enter the first line of the address", NameMaxLength, "Address line 1");
        if (!PlainText.IsAcceptable(line2)) e.Add(new("AddressLine2", PlainText.Message("Address line 2")));
        else if (line2?.Length > NameMaxLength) e.Add(new("AddressLine2", $"Address line 2 must be {NameMaxLength} characters or fewer"));
        Required(e, "Town", town, "Enter the town or city", NameMaxLength, "Town or city");
        if (string.IsNullOrWhiteSpace(postcode)) e.Add(new("Postcode", "Enter the postcode"));
        else if (!PlainText.IsAcceptable(postcode)) e.Add(new("Postcode", PlainText.Message("Postcode")));
        else if (!Postcodes.IsValid(postcode)) e.Add(new("Postcode", "Enter a full UK postcode, like DC1 2AB"));
        return e;
    }

    public static List<FieldError> School(bool? attendsSchool, string? school)
    {
        var e = new List<FieldError>();
        if (attendsSchool is null) e.Add(new("AttendsSchool", "Select yes if the child goes to school or college"));
        else if (attendsSchool == true) Required(e, "School", school, "Enter the name of the school or college", 150, "School name");
        return e;
    }

    public static List<FieldError> EhcPlan(bool? hasPlan, DateOnly? reviewDate, DateOnly today)
    {
        var e = new List<FieldError>();
        if (hasPlan is null) e.Add(new("HasEhcPlan", "Select yes if the child has an education, health and care plan"));
        else if (hasPlan == true && reviewDate is null) e.Add(new("EhcPlanReviewDate", "Enter the date of the plan's next review"));
        else if (hasPlan == true && reviewDate < today.AddYears(-2)) e.Add(new("EhcPlanReviewDate", "The review date must be the next review, not one more than 2 years ago"));
        else if (hasPlan == true && reviewDate > today.AddYears(2)) e.Add(new("EhcPlanReviewDate", "The review date must be within the next 2 years"));
        return e;
    }

    public static List<FieldError> Needs(IReadOnlyCollection<string>? needIds, bool noneOfThese, Scheme scheme)
    {
        var e = new List<FieldError>();
        var ids = needIds ?? [];
        if (noneOfThese && ids.Count > 0) e.Add(new("NeedIds", "Select the needs that apply, or select 'None of these'"));
        else if (!noneOfThese && ids.Count == 0) e.Add(new("NeedIds", "Select the needs that apply, or select 'None of these'"));
        else if (ids.Any(id => scheme.Eligibility.Needs.All(n => n.Id != id))) e.Add(new("NeedIds", "Select needs from the list"));
        return e;
    }

    public static List<FieldError> Disability(IReadOnlyCollection<string>? codes)
    {
        var e = new List<FieldError>();
        if (codes is null || codes.Count == 0) e.Add(new("DisabilityCodes", "Select what the child's disability affects"));
        else if (codes.Any(c => !Enum.TryParse<CinDisabilityCode>(c, false, out _) || int.TryParse(c, out _))) e.Add(new("DisabilityCodes", "Select from the list"));
        return e;
    }

    public static List<FieldError> OwnWords(string? text)
    {
        var e = new List<FieldError>();
        Required(e, "NeedsInOwnWords", text, "Tell us about the child's needs in your own words", TextMaxLength, "Your description", longText: true);
        return e;
    }

    public static List<FieldError> Contact(string? name, string? relationship, string? email, string? phone, ContactMethod? preferred)
    {
        var e = new List<FieldError>();
        Name(e, "ContactName", name, "your full name", "Enter your full name");
        Required(e, "ContactRelationship", relationship, "Enter your relationship to the child", NameMaxLength, "Relationship");
        if (!PlainText.IsAcceptable(email)) e.Add(new("ContactEmail", PlainText.Message("Email address")));
        else if (!string.IsNullOrWhiteSpace(email) && !IsEmail(email)) e.Add(new("ContactEmail", "Enter an email address in the correct format, like name@example.com"));
        if (!PlainText.IsAcceptable(phone)) e.Add(new("ContactPhone", PlainText.Message("Telephone number")));
        else if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(CompactPhone(phone))) e.Add(new("ContactPhone", "Enter a telephone number, like 01632 960 001 or 07700 900 982"));
        if (preferred is null) e.Add(new("PreferredContact", "Select how you would like us to contact you"));
        else if (preferred == ContactMethod.Email && string.IsNullOrWhiteSpace(email)) e.Add(new("ContactEmail", "Enter your email address, or choose another way to be contacted"));
        else if (preferred == ContactMethod.Phone && string.IsNullOrWhiteSpace(phone)) e.Add(new("ContactPhone", "Enter your telephone number, or choose another way to be contacted"));
        return e;
    }

    public static List<FieldError> Siblings(int? count, string? details)
    {
        var e = new List<FieldError>();
        if (count is null) e.Add(new("SiblingCount", "Enter how many brothers and sisters the child has, or 0"));
        else if (count is < 0 or > 20) e.Add(new("SiblingCount", "Brothers and sisters must be a number between 0 and 20"));
        if (!PlainText.IsAcceptable(details, longText: true)) e.Add(new("SiblingDetails", PlainText.Message("Details")));
        else if (details?.Length > TextMaxLength) e.Add(new("SiblingDetails", $"Details must be {TextMaxLength} characters or fewer"));
        return e;
    }

    public static List<FieldError> Consent(bool? consent)
    {
        var e = new List<FieldError>();
        if (consent != true) e.Add(new("ConsentToShare", "Confirm that you agree to us sharing information to decide on the request"));
        return e;
    }

    /// <summary>The steps still to answer before the request can be submitted.</summary>
    public static IReadOnlyList<string> MissingSteps(ShortBreakRequest r, Scheme scheme, DateOnly today)
    {
        var missing = new List<string>();
        if (ChildName(r.ChildFirstName, r.ChildLastName).Count > 0) missing.Add(RequestSteps.ChildName);
        if (DateOfBirth(r.ChildDateOfBirth, today, scheme).Count > 0) missing.Add(RequestSteps.DateOfBirth);
        if (Address(r.AddressLine1, r.AddressLine2, r.Town, r.Postcode).Count > 0) missing.Add(RequestSteps.Address);
        if (School(r.AttendsSchool, r.School).Count > 0) missing.Add(RequestSteps.School);
        if (r.HasEhcPlan is null || (r.HasEhcPlan == true && r.EhcPlanReviewDate is null)) missing.Add(RequestSteps.EhcPlan);
        if (r.NeedIds is null) missing.Add(RequestSteps.Needs);
        if (Disability(CinDisabilityCodes.Parse(r.DisabilityCodes).Select(c => c.ToString()).ToList()).Count > 0) missing.Add(RequestSteps.Disability);
        if (OwnWords(r.NeedsInOwnWords).Count > 0) missing.Add(RequestSteps.OwnWords);
        if (Contact(r.ContactName, r.ContactRelationship, r.ContactEmail, r.ContactPhone, r.PreferredContact).Count > 0) missing.Add(RequestSteps.Contact);
        if (Siblings(r.SiblingCount, r.SiblingDetails).Count > 0) missing.Add(RequestSteps.Siblings);
        if (r.EvidenceStepDone != true) missing.Add(RequestSteps.Evidence);
        if (r.ConsentToShare != true) missing.Add(RequestSteps.Consent);
        return missing;
    }

    public static bool IsEmail(string text) =>
        text.Length <= 254 && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && address.Host.Contains('.');

    /// <summary>Whether <paramref name="phone"/> is a UK or international telephone number (spaces and brackets allowed).</summary>
    public static bool IsPhone(string phone) => PhonePattern().IsMatch(CompactPhone(phone));

    public static string CompactPhone(string phone) => new(phone.Where(ch => char.IsDigit(ch) || ch == '+').ToArray());

    private static void Name(List<FieldError> e, string field, string? value, string what, string? emptyMessage = null)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(new(field, emptyMessage ?? $"Enter the child's {what}"));
        else if (!PlainText.IsAcceptable(value)) e.Add(new(field, PlainText.Message(Capitalise(what))));
        else if (value.Trim().Length > NameMaxLength) e.Add(new(field, $"{Capitalise(what)} must be {NameMaxLength} characters or fewer"));
        else if (!NamePattern().IsMatch(value.Trim())) e.Add(new(field, $"{Capitalise(what)} must only include letters, spaces, hyphens and apostrophes"));
    }

    private static void Required(List<FieldError> e, string field, string? value, string emptyMessage, int max, string label, bool longText = false)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(new(field, emptyMessage));
        else if (!PlainText.IsAcceptable(value, longText)) e.Add(new(field, PlainText.Message(label)));
        else if (value.Trim().Length > max) e.Add(new(field, $"{label} must be {max} characters or fewer"));
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
