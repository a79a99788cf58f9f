using System.Globalization;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>Good, synthetic answers to every question, as a form posts them and as the request stores them.</summary>
public static class Answers
{
    public static readonly DateOnly Today = UkCalendar.DateOf(DateTime.UtcNow);

    public static readonly DateOnly DateOfBirth = new(Today.Year - 9, 3, 14);

    public static readonly DateOnly ReviewDate = Today.AddMonths(6);

    /// <summary>The form fields for each question page, in order (evidence is answered "I will send it later").</summary>
    public static IReadOnlyList<(string Step, (string Name, string Value)[] Fields)> Form() =>
    [
        (RequestSteps.ChildName, [("ChildFirstName", "Alex"), ("ChildLastName", "Testington")]),
        (RequestSteps.DateOfBirth, [("ChildDateOfBirth-day", "14"), ("ChildDateOfBirth-month", "3"), ("ChildDateOfBirth-year", Text(DateOfBirth.Year))]),
        (RequestSteps.Address, [("AddressLine1", "1 Test Street"), ("AddressLine2", ""), ("Town", "Demotown"), ("Postcode", "dc1 2ab")]),
        (RequestSteps.School, [("AttendsSchool", "true"), ("School", "Demo Primary School")]),
        (RequestSteps.EhcPlan, [("HasEhcPlan", "true"), ("EhcPlanReviewDate-day", Text(ReviewDate.Day)), ("EhcPlanReviewDate-month", Text(ReviewDate.Month)), ("EhcPlanReviewDate-year", Text(ReviewDate.Year))]),
        (RequestSteps.Needs, [("NeedIds", "extra-care"), ("NeedIds", "night-care")]),
        (RequestSteps.Disability, [("DisabilityCodes", "COMM"), ("DisabilityCodes", "AUT")]),
        (RequestSteps.OwnWords, [("NeedsInOwnWords", "Alex wakes most nights and needs someone with them all day.\r\nWe would like a break at weekends.")]),
        (RequestSteps.Contact, [("ContactName", "Sam Testington"), ("ContactRelationship", "Mother"), ("ContactEmail", "sam.testington@example.org"), ("ContactPhone", "07700 900 982"), ("PreferredContact", "Email")]),
        (RequestSteps.Siblings, [("SiblingCount", "1"), ("SiblingDetails", "An older brother, aged 12")]),
        (RequestSteps.Evidence, [("EvidenceChoice", "later")]),
        (RequestSteps.Consent, [("ConsentToShare", "true")]),
    ];

    /// <summary>Fills every answer of a draft directly, as if the family had answered each page.</summary>
    public static void Complete(ShortBreakRequest r)
    {
        r.ChildFirstName = "Alex";
        r.ChildLastName = "Testington";
        r.ChildDateOfBirth = DateOfBirth;
        r.AddressLine1 = "1 Test Street";
        r.Town = "Demotown";
        r.Postcode = "DC1 2AB";
        r.AttendsSchool = true;
        r.School = "Demo Primary School";
        r.HasEhcPlan = false;
        r.NeedIds = "extra-care";
        r.DisabilityCodes = CinDisabilityCodes.Format([CinDisabilityCode.AUT]);
        r.NeedsInOwnWords = "Alex needs someone with them all day.";
        r.ContactName = "Sam Testington";
        r.ContactRelationship = "Mother";
        r.ContactEmail = "sam.testington@example.org";
        r.PreferredContact = ContactMethod.Email;
        r.SiblingCount = 0;
        r.EvidenceStepDone = true;
        r.ConsentToShare = true;
        r.ConsentRecordedAt = DateTime.UtcNow;
    }

    public static (string Name, string Value)[] For(string step) => Form().First(s => s.Step == step).Fields;

    public static (string Name, string Value)[] Continue(params (string Name, string Value)[] fields) => [.. fields, ("action", "continue")];

    public static (string Name, string Value)[] Later(params (string Name, string Value)[] fields) => [.. fields, ("action", "later")];

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
