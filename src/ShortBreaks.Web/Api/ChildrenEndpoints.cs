namespace ShortBreaks.Web.Api;

/// <summary>A child's record: staff see it whole; a family sees only a child linked to them, without safeguarding details.</summary>
public static class ChildrenEndpoints
{
    public static IEndpointRouteBuilder MapChildrenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/children", "Children");

        api.MapGet("/{id:guid}", GetAsync)
            .Describe("GetChild", "Read a child's record",
                "The record, its timeline, requests and letters. Every view is audited. A family sees only a child linked " +
                "to their account, without safeguarding events, letters not meant for them or other family members' details; " +
                "any other child is not found.")
            .RequireAuthorization(p => p.RequireRole([.. Roles.CaseStaff, Roles.Family]))
            .ForRecord(ChildRecordKind.Child);

        api.MapPost("/{id:guid}/family", LinkFamilyAsync)
            .Describe("LinkFamilyToChild", "Link a family account to a child",
                "Gives a family account access to the child's record, plan and letters. accountEmail is the email of an " +
                "existing family account; identityCheck and parentalResponsibilityCheck say how the officer confirmed who the " +
                "person is and that they have parental responsibility; all four fields are required. Confirming which child a " +
                "request is for never links its account: this is the only way. Every account already linked is told by email. " +
                "Returns the accounts now linked.")
            .AcceptsJson<FamilyLinkBody>()
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Decider)
            .ForRecord(ChildRecordKind.Child);

        return app;
    }

    public static async Task<Results<Ok<List<ChildFamilyContact>>, ValidationProblem, ProblemHttpResult>> LinkFamilyAsync(
        Guid id, HttpContext http, FamilyLinkService links, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<FamilyLinkBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;

        var result = await links.LinkAsync(id, new FamilyLinkDetails(b.AccountEmail, b.Relationship, b.IdentityCheck, b.ParentalResponsibilityCheck), ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Field.Length > 0)) return RequestsEndpoints.Invalid(result.Errors.Where(e => e.Field.Length > 0));
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The account cannot be linked to this record",
                detail: string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        return TypedResults.Ok((await links.LinkedAsync(id, ct)).Select(f => new ChildFamilyContact(f.Name, f.Email, f.Relationship)).ToList());
    }

    public static async Task<Results<Ok<ChildDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, ChildService children, CancellationToken ct)
    {
        var staff = user.IsCaseStaff();
        var record = await children.ViewAsync(id, ct);
        if (record is null) return ChildNotFound();
        return TypedResults.Ok(staff ? ForStaff(record) : ForFamily(record));
    }

    private static ChildDetail ForStaff(ChildRecord record) =>
        Detail(record,
            record.Timeline,
            record.Requests.Select(r => new ChildRequest(r.Id, r.Reference, r.Status, RequestsEndpoints.StatusText(r.Status), r.Channel, r.SubmittedAt,
                r.Outcome, r.Outcome is { } o ? DecisionOutcomes.Name(o) : null, r.DecidedAt)),
            record.Letters,
            record.Family.Select(f => new ChildFamilyContact(f.Name, f.Email, f.Relationship)).ToList(),
            record.Child.Version,
            record.Child.MergedIntoChildId);

    /// <summary>
    /// What a family may see. A request sent to the MASH reads as under review, and nothing about the concern
    /// (the event, the reasons, who raised it) is shown.
    /// </summary>
    private static ChildDetail ForFamily(ChildRecord record)
    {
        var routedToMash = record.Requests.Where(r => r.Status == RequestStatus.RoutedToMash).Select(r => r.Id).ToHashSet();
        var timeline = record.Timeline.Where(e => FamilyView.SeesTimelineEvent(e, routedToMash));
        var requests = record.Requests.Select(r =>
        {
            var status = RequestsEndpoints.VisibleStatus(r.Status, staff: false);
            var outcome = FamilyView.SeesDecision(r.Status, r.Outcome) ? r.Outcome : null;
            return new ChildRequest(r.Id, r.Reference, status, RequestsEndpoints.StatusText(status), r.Channel, r.SubmittedAt,
                outcome, outcome is { } o ? DecisionOutcomes.Name(o) : null, outcome is null ? null : r.DecidedAt);
        });
        return Detail(record, timeline, requests, record.Letters.Where(l => FamilyView.SeesLetter(l.VisibleToFamily)), null, null, null);
    }

    private static ChildDetail Detail(
        ChildRecord record,
        IEnumerable<TimelineEvent> timeline,
        IEnumerable<ChildRequest> requests,
        IEnumerable<LetterSummary> letters,
        IReadOnlyList<ChildFamilyContact>? family,
        long? version,
        Guid? mergedInto)
    {
        var c = record.Child;
        return new ChildDetail(c.Id, c.Reference, c.FirstName, c.LastName, c.DateOfBirth, c.AddressLine1, c.AddressLine2, c.Town, c.Postcode,
            c.School, c.HasEhcPlan, c.EhcPlanReviewDate,
            CinDisabilityCodes.Parse(c.DisabilityCodes).Select(code => code.ToString()).ToList(),
            c.NeedsInFamilyWords, c.Tier, Tiers.Name(c.Tier), record.KeyWorkerName,
            timeline.Select(e => new ChildTimelineEvent(e.At, e.Kind, e.Summary, e.Detail, e.ActorName)).ToList(),
            requests.ToList(),
            letters.Select(l => new ChildLetter(l.Id, l.Title, l.CreatedAt)).ToList(),
            family, version, mergedInto);
    }

    internal static ProblemHttpResult ChildNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Child not found", detail: "There is no child's record with this id that you can see.");
}

/// <summary>A child's record as its reader may see it. Family contacts, version and merge are for staff only.</summary>
public sealed record ChildDetail(
    Guid Id,
    string Reference,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string AddressLine1,
    string? AddressLine2,
    string Town,
    string Postcode,
    string? School,
    bool HasEhcPlan,
    DateOnly? EhcPlanReviewDate,
    IReadOnlyList<string> DisabilityCodes,
    string? NeedsInFamilyWords,
    Tier Tier,
    string TierText,
    string? KeyWorkerName,
    IReadOnlyList<ChildTimelineEvent> Timeline,
    IReadOnlyList<ChildRequest> Requests,
    IReadOnlyList<ChildLetter> Letters,
    IReadOnlyList<ChildFamilyContact>? Family,
    long? Version,
    Guid? MergedIntoChildId);

public sealed record ChildTimelineEvent(DateTime At, string Kind, string Summary, string? Detail, string ActorName);

public sealed record ChildRequest(
    Guid Id,
    string Reference,
    RequestStatus Status,
    string StatusText,
    RequestChannel Channel,
    DateTime? SubmittedAt,
    DecisionOutcome? Outcome,
    string? OutcomeText,
    DateTime? DecidedAt);

public sealed record ChildLetter(Guid Id, string Title, DateTime CreatedAt);

public sealed record ChildFamilyContact(string Name, string Email, string Relationship);

/// <summary>An officer's link of a family account to a child, with how they checked the person.</summary>
public sealed record FamilyLinkBody
{
    [System.ComponentModel.Description("The email address of an existing family account.")]
    public string? AccountEmail { get; init; }

    [System.ComponentModel.Description("The person's relationship to the child, for example \"Mother\".")]
    public string? Relationship { get; init; }

    [System.ComponentModel.Description("How the officer confirmed who the person is. Up to 500 characters.")]
    public string? IdentityCheck { get; init; }

    [System.ComponentModel.Description("How the officer confirmed the person has parental responsibility for the child. Up to 500 characters.")]
    public string? ParentalResponsibilityCheck { get; init; }
}
