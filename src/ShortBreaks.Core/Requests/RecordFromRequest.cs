namespace ShortBreaks.Core.Requests;

/// <summary>A part of a child's record that a request's answers can replace.</summary>
public enum RecordField
{
    Name,
    DateOfBirth,
    Address,
    School,
    EhcPlan,
    DisabilityCodes,
    NeedsInOwnWords,
}

/// <summary>
/// What each part of a child's record says, what a request says about it, and how the request's answer replaces
/// the record's. Pure: the officer chooses the fields; <see cref="RequestService.UpdateRecordFromRequestAsync"/> saves.
/// </summary>
public static class RecordFromRequest
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static readonly IReadOnlyList<RecordField> Fields = Enum.GetValues<RecordField>();

    public static string Label(RecordField field) => field switch
    {
        RecordField.Name => "Name",
        RecordField.DateOfBirth => "Date of birth",
        RecordField.Address => "Address",
        RecordField.School => "School or college",
        RecordField.EhcPlan => "Education, health and care plan",
        RecordField.DisabilityCodes => "Disability (Children in Need census codes)",
        RecordField.NeedsInOwnWords => "Needs in the family's own words",
        _ => field.ToString(),
    };

    /// <summary>The record's value, as text to compare and show.</summary>
    public static string OnRecord(RecordField field, Child c) => field switch
    {
        RecordField.Name => $"{c.FirstName} {c.LastName}".Trim(),
        RecordField.DateOfBirth => c.DateOfBirth.ToString("d MMMM yyyy", Uk),
        RecordField.Address => Address(c.AddressLine1, c.AddressLine2, c.Town, c.Postcode),
        RecordField.School => c.School ?? "",
        RecordField.EhcPlan => c.HasEhcPlan ? $"Yes{(c.EhcPlanReviewDate is { } d ? $", next review {d.ToString("d MMMM yyyy", Uk)}" : "")}" : "No",
        RecordField.DisabilityCodes => string.Join(", ", CinDisabilityCodes.Parse(c.DisabilityCodes)),
        RecordField.NeedsInOwnWords => c.NeedsInFamilyWords ?? "",
        _ => "",
    };

    /// <summary>What the request says, as text in the same form as <see cref="OnRecord"/>, after the same tidying.</summary>
    public static string InRequest(RecordField field, ShortBreakRequest r)
    {
        var copy = new Child { DateOfBirth = r.ChildDateOfBirth ?? default };
        Apply(field, copy, r);
        return field == RecordField.DateOfBirth && r.ChildDateOfBirth is null ? "" : OnRecord(field, copy);
    }

    /// <summary>Whether the request's answer differs from the record's.</summary>
    public static bool Differs(RecordField field, Child child, ShortBreakRequest request) =>
        OnRecord(field, child) != InRequest(field, request);

    /// <summary>Replaces one part of the record with the request's answer.</summary>
    public static void Apply(RecordField field, Child child, ShortBreakRequest request)
    {
        switch (field)
        {
            case RecordField.Name:
                child.FirstName = request.ChildFirstName?.Trim() ?? "";
                child.LastName = request.ChildLastName?.Trim() ?? "";
                child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
                child.LastNameKey = MatchKeys.LastName(child.LastName);
                break;
            case RecordField.DateOfBirth:
                child.DateOfBirth = request.ChildDateOfBirth ?? child.DateOfBirth;
                break;
            case RecordField.Address:
                child.AddressLine1 = request.AddressLine1?.Trim() ?? "";
                child.AddressLine2 = request.AddressLine2?.Trim();
                child.Town = request.Town?.Trim() ?? "";
                child.Postcode = Postcodes.Format(request.Postcode ?? "");
                child.PostcodeKey = MatchKeys.Postcode(request.Postcode);
                break;
            case RecordField.School:
                child.School = request.AttendsSchool == true ? request.School?.Trim() : null;
                break;
            case RecordField.EhcPlan:
                child.HasEhcPlan = request.HasEhcPlan == true;
                child.EhcPlanReviewDate = request.HasEhcPlan == true ? request.EhcPlanReviewDate : null;
                break;
            case RecordField.DisabilityCodes:
                child.DisabilityCodes = request.DisabilityCodes ?? "";
                break;
            case RecordField.NeedsInOwnWords:
                child.NeedsInFamilyWords = request.NeedsInOwnWords;
                break;
        }
    }

    private static string Address(string line1, string? line2, string town, string postcode) =>
        string.Join(", ", new[] { line1, line2, town, postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
