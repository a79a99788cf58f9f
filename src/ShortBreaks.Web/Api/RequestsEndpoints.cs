namespace ShortBreaks.Web.Api;

/// <summary>
/// Requests and threshold decisions, with the same permissions as the pages (see <see cref="RequestAccess"/>):
/// staff see every request, a family only its own, and anyone refused is told the request does not exist.
/// </summary>
public static class RequestsEndpoints
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/requests", "Requests");

        api.MapGet("/", ListAsync)
            .Describe("ListRequests", "List requests",
                "Staff: the triage queue of requests awaiting a decision, oldest first, 50 to a page. " +
                "A family: their own requests, drafts and sent, newest first. The filters apply to the triage queue only.")
            .RequireAuthorization(p => p.RequireRole([.. Roles.CaseStaff, Roles.Family]));

        api.MapGet("/{id:guid}", GetAsync)
            .Describe("GetRequest", "Read a request",
                "Every answer, the evidence sent (without the files), the status and any decision. " +
                "Waiting time, version and who decided are shown to staff only. A request you cannot see is not found. Every read is audited.")
            .RequireAuthorization(p => p.RequireRole([.. Roles.CaseStaff, Roles.Family]))
            .ForRecord(ChildRecordKind.Request);

        api.MapPost("/", CreateAsync)
            .Describe("CreateRequest", "Send a complete request (evidence cannot be uploaded through the API)",
                "Creates and sends a request in one call, checked with the same rules as the question pages; every problem is " +
                "returned at once, keyed by field. A family's request is made online for their own account; a duty officer's is " +
                "taken at the duty point. Evidence files are not accepted here: the family sends them later, so the evidence " +
                "criterion stays unmet until they do. consentToShare must be true.")
            .AcceptsJson<RequestAnswers>()
            .RequireAuthorization(p => p.RequireRole([.. Roles.Deciders, Roles.Family]));

        api.MapGet("/{id:guid}/eligibility", EligibilityAsync)
            .Describe("CheckRequestEligibility", "Check a request against the eligibility criteria",
                "Each criterion of the scheme in force today, met, not met or unknown, with why. Every check is audited as a view of the request.")
            .RequireAuthorization(Policies.CaseStaff)
            .ForRecord(ChildRecordKind.Request);

        api.MapGet("/{id:guid}/matches", MatchesAsync)
            .Describe("ListPossibleChildMatches", "Children who may be the child in a request",
                "Records with the same name and date of birth, or the same name and postcode. Each record shown is audited as viewed.")
            .RequireAuthorization(Policies.Decider)
            .ForRecord(ChildRecordKind.Request);

        api.MapPost("/{id:guid}/child", ConfirmChildAsync)
            .Describe("ConfirmRequestChild", "Confirm which child a request is for",
                "childId is one of the possible matches, or null for a child new to the service. version is the request's " +
                "version as last read; if someone changed the request since, nothing is saved and the answer is 409. " +
                "Matching an existing record changes nothing on it and does not give the request's account access to it: " +
                "link the account with POST /api/children/{id}/family, with the identity and parental responsibility checks. " +
                "A new record is made from the request, and the family who sent it online is linked to it.")
            .AcceptsJson<ConfirmChildBody>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Decider)
            .ForRecord(ChildRecordKind.Request);

        api.MapPost("/{id:guid}/decision", DecideAsync)
            .Describe("DecideRequest", "Make the threshold decision on a request",
                "outcome is Universal, FlexibleShortBreaksApproved, ReferToSocialCare or Safeguarding. Targeted Short Breaks " +
                "is not an outcome of a request: it is reached only by a step up from Flexible Short Breaks or a step down from " +
                "social care. Safeguarding routes the request to the MASH at once. version is the request's version as last " +
                "read; if someone changed or decided the request since, nothing is saved and the answer is 409.")
            .AcceptsJson<DecisionBody>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Decider)
            .ForRecord(ChildRecordKind.Request);

        return app;
    }

    public static async Task<Ok<RequestList>> ListAsync(
        ClaimsPrincipal user,
        TriageQueue queue,
        ShortBreaksDbContext db,
        [Description("Page number, from 1.")] int? page,
        [Description("Staff only: requests made online or at the duty point.")] RequestChannel? channel,
        [Description("Staff only: how long requests have waited against the decision target.")] WaitingState? waiting,
        [Description("Staff only: true for requests not yet matched to a child's record.")] bool? unmatched,
        CancellationToken ct)
    {
        if (user.IsCaseStaff())
        {
            var triage = await queue.GetAsync(new TriageFilter(channel, waiting, unmatched, page ?? 1), ct);
            var items = triage.Items
                .Select(i => new RequestListItem(i.Id, i.Reference, i.ChildName.Trim(), i.Channel, RequestStatus.Submitted, StatusText(RequestStatus.Submitted),
                    i.SubmittedAt, i.DateOfBirth, i.Postcode, i.ChildConfirmed, i.Waiting))
                .ToList();
            return TypedResults.Ok(new RequestList(items, triage.Total, triage.Page, triage.PageSize, triage.PageCount, triage.Overdue));
        }

        var userId = user.UserId();
        var own = db.Requests.AsNoTracking().OwnRequests(userId);
        var total = await own.CountAsync(ct);
        var pageSize = TriageQueue.PageSize;
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        var rows = await own.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((current - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.Reference, r.ChildFirstName, r.ChildLastName, r.Channel, r.Status, r.SubmittedAt })
            .ToListAsync(ct);
        var mine = rows
            .Select(r =>
            {
                var status = VisibleStatus(r.Status, staff: false);
                return new RequestListItem(r.Id, r.Reference, $"{r.ChildFirstName} {r.ChildLastName}".Trim(), r.Channel, status, StatusText(status),
                    r.SubmittedAt, null, null, null, null);
            })
            .ToList();
        return TypedResults.Ok(new RequestList(mine, total, current, pageSize, pageCount, null));
    }

    public static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, RequestService requests, TriageQueue queue, ShortBreaksDbContext db, CancellationToken ct)
    {
        var request = await requests.FindAsync(id, ct);
        if (request is null) return RequestNotFound();

        // The answers are about a child, so reading them is recorded like a view of the child's record.
        db.RecordView(nameof(ShortBreakRequest), request.Id.ToString(), request.ChildId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailAsync(request, user, requests, queue, ct));
    }

    public static async Task<Results<Created<RequestDetail>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, RequestService requests, TriageQueue queue, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<ShortBreaks.Core.Identity.AppUser> users, CancellationToken ct)
    {
        if (!http.User.IsDecider() && await ShortBreaks.Web.Infrastructure.EmailConfirmation.NotConfirmedAsync(users, http.User))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Confirm your email address first",
                detail: ShortBreaks.Web.Infrastructure.EmailConfirmation.Message);
        }

        var body = await ApiJson.ReadAsync<RequestAnswers>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var answers = body.Value!;

        var errors = Validate(answers, requests);
        if (errors.Count > 0) return Invalid(errors);

        var user = http.User;
        var userId = user.UserId()!;
        var channel = user.IsDecider() ? RequestChannel.DutyPoint : RequestChannel.Online;
        // Made and sent in one save: a request refused here leaves no draft behind.
        var now = clock.GetUtcNow().UtcDateTime;
        var (request, submitted) = await requests.CreateSubmittedAsync(channel, channel == RequestChannel.Online ? userId : null, userId,
            r => Write(r, answers, now), ct);
        if (request is null) return Refused(submitted);

        return TypedResults.Created(http.RequestServices.GetRequiredService<ShortBreaks.Web.Infrastructure.ShortBreaksLinks>().ApiRequest(request.Id), await DetailAsync(request, user, requests, queue, ct));
    }

    public static async Task<Results<Ok<EligibilityDetail>, ProblemHttpResult>> EligibilityAsync(
        Guid id, RequestService requests, ThresholdDecisionService decisions, ShortBreaksDbContext db, CancellationToken ct)
    {
        var request = await requests.FindAsync(id, ct);
        if (request is null) return RequestNotFound();
        var result = await decisions.CheckEligibilityAsync(request, ct);

        // The check reads the child's age, needs and evidence: audited like any view of the request.
        db.RecordView(nameof(ShortBreakRequest), request.Id.ToString(), request.ChildId, "eligibility check");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new EligibilityDetail(result.SchemeVersion, result.AllMet, result.Criteria));
    }

    public static async Task<Results<Ok<List<PossibleMatch>>, ProblemHttpResult>> MatchesAsync(
        Guid id, RequestService requests, RequestMatching matching, ShortBreaksDbContext db, CancellationToken ct)
    {
        var request = await requests.FindAsync(id, ct);
        if (request is null) return RequestNotFound();

        var matches = await matching.PossibleMatchesAsync(request, ct);
        foreach (var child in matches)
        {
            db.RecordView(nameof(Child), child.Id.ToString(), child.Id, $"Possible match for request {request.Reference}");
        }

        if (matches.Count > 0) await db.SaveChangesAsync(ct);
        return TypedResults.Ok(matches
            .Select(c => new PossibleMatch(c.Id, c.Reference, c.FirstName, c.LastName, c.DateOfBirth, c.Postcode, c.Town, c.School, c.Tier))
            .ToList());
    }

    public static async Task<Results<Ok<RequestDetail>, ValidationProblem, ProblemHttpResult>> ConfirmChildAsync(
        Guid id, HttpContext http, RequestService requests, RequestMatching matching, TriageQueue queue, CancellationToken ct)
    {
        var request = await requests.FindAsync(id, ct);
        if (request is null) return RequestNotFound();

        var body = await ApiJson.ReadAsync<ConfirmChildBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        if (body.Value!.Version is not { } version) return Invalid([VersionMissing]);

        var result = await matching.ConfirmChildAsync(request, body.Value.ChildId, version, ct);
        if (!result.Succeeded) return Refused(result);
        return TypedResults.Ok(await DetailAsync(request, http.User, requests, queue, ct));
    }

    public static async Task<Results<Ok<DecisionMade>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, HttpContext http, RequestService requests, ThresholdDecisionService decisions, ShortBreaksDbContext db, CancellationToken ct)
    {
        var request = await requests.FindAsync(id, ct);
        if (request is null) return RequestNotFound();

        var body = await ApiJson.ReadAsync<DecisionBody>(http, CheckOutcome);
        if (body.Problem is { } unreadable) return unreadable;
        var decision = body.Value!;

        var missing = new List<FieldError>();
        if (decision.Outcome is null) missing.Add(new("Outcome", "Select a decision"));
        if (decision.Version is null) missing.Add(VersionMissing);
        if (missing.Count > 0) return Invalid(missing);

        var result = await decisions.DecideAsync(request, decision.Outcome!.Value, decision.Reasons, decision.Version!.Value, ct);
        if (!result.Succeeded) return Refused(result);

        var made = request.Decision ?? await db.Decisions.AsNoTracking().FirstAsync(d => d.RequestId == request.Id, ct);
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == made.ChildId, ct);
        return TypedResults.Ok(new DecisionMade(Decision(made, staff: true), request.Status, request.Version, child.Id, child.Reference, child.Tier));
    }

    /// <summary>
    /// Targeted Short Breaks, or anything else that is not an outcome, is refused with the reason rather than
    /// as a value of the wrong type: the rule is the thing an integrator needs to know.
    /// </summary>
    private static ProblemHttpResult? CheckOutcome(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!property.Name.Equals("outcome", StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind == JsonValueKind.Null) continue;
            var given = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            if (ThresholdDecisions.Parse(given) is not null) continue;

            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "That is not a decision that can be made on a request",
                detail: "Targeted Short Breaks is reached only by stepping up from Flexible Short Breaks or stepping down from social care, " +
                        "never from a new request. The outcome of a request is one of: " + string.Join(", ", ThresholdDecisions.Outcomes) + ".");
        }

        return null;
    }

    private static readonly FieldError VersionMissing = new("Version", "Enter the version of the request you last read");

    /// <summary>Every rule the question pages apply, all at once.</summary>
    private static List<FieldError> Validate(RequestAnswers a, RequestService requests)
    {
        var today = requests.Today;
        var scheme = requests.SchemeInForce;
        return
        [
            .. RequestRules.ChildName(a.ChildFirstName, a.ChildLastName),
            .. RequestRules.DateOfBirth(a.ChildDateOfBirth, today, scheme),
            .. RequestRules.Address(a.AddressLine1, a.AddressLine2, a.Town, a.Postcode),
            .. RequestRules.School(a.AttendsSchool, a.School),
            .. RequestRules.EhcPlan(a.HasEhcPlan, a.EhcPlanReviewDate, today),
            .. RequestRules.Needs(a.NeedIds, a.NoneOfTheseNeeds == true, scheme),
            .. RequestRules.Disability(a.DisabilityCodes),
            .. RequestRules.OwnWords(a.NeedsInOwnWords),
            .. RequestRules.Contact(a.ContactName, a.ContactRelationship, a.ContactEmail, a.ContactPhone, a.PreferredContact),
            .. RequestRules.Siblings(a.SiblingCount, a.SiblingDetails),
            .. RequestRules.Consent(a.ConsentToShare),
        ];
    }

    /// <summary>Copies checked answers into a draft, tidied as the question pages store them.</summary>
    private static void Write(ShortBreakRequest r, RequestAnswers a, DateTime now)
    {
        r.ChildFirstName = Tidy(a.ChildFirstName);
        r.ChildLastName = Tidy(a.ChildLastName);
        r.ChildDateOfBirth = a.ChildDateOfBirth;
        r.AddressLine1 = Tidy(a.AddressLine1);
        r.AddressLine2 = Tidy(a.AddressLine2);
        r.Town = Tidy(a.Town);
        r.Postcode = Postcodes.Format(a.Postcode!);
        r.AttendsSchool = a.AttendsSchool;
        r.School = a.AttendsSchool == true ? Tidy(a.School) : null;
        r.HasEhcPlan = a.HasEhcPlan;
        r.EhcPlanReviewDate = a.HasEhcPlan == true ? a.EhcPlanReviewDate : null;
        r.NeedIds = string.Join(",", (a.NeedIds ?? []).Distinct());
        r.DisabilityCodes = CinDisabilityCodes.Format(a.DisabilityCodes!.Select(Enum.Parse<CinDisabilityCode>));
        r.NeedsInOwnWords = Tidy(a.NeedsInOwnWords);
        r.ContactName = Tidy(a.ContactName);
        r.ContactRelationship = Tidy(a.ContactRelationship);
        r.ContactEmail = Tidy(a.ContactEmail);
        r.ContactPhone = Tidy(a.ContactPhone);
        r.PreferredContact = a.PreferredContact;
        r.SiblingCount = a.SiblingCount;
        r.SiblingDetails = Tidy(a.SiblingDetails);

        // Evidence cannot be sent through the API: the answer is "I will send it later".
        r.EvidenceStepDone = true;
        r.ConsentToShare = true;
        r.ConsentRecordedAt = now;
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<RequestDetail> DetailAsync(ShortBreakRequest r, ClaimsPrincipal user, RequestService requests, TriageQueue queue, CancellationToken ct)
    {
        var staff = user.IsCaseStaff();
        var status = VisibleStatus(r.Status, staff);
        var evidence = (await requests.EvidenceAsync(r.Id, ct))
            .Select(e => new EvidenceItem(e.Id, e.KindId, e.FileName, e.ContentType, e.SizeBytes, e.UploadedAt))
            .ToList();

        // A safeguarding concern is never shown to the family: to them the request is still under review.
        var decision = r.Decision is { } d && (staff || FamilyView.SeesDecision(r.Status, d.Outcome))
            ? Decision(d, staff)
            : null;
        var waiting = staff && r.Status == RequestStatus.Submitted && r.SubmittedAt is { } submitted
            ? queue.Waiting(submitted, requests.Today, requests.SchemeFor(r))
            : null;

        return new RequestDetail(r.Id, r.Reference, r.Channel, status, StatusText(status), r.CreatedAt, r.SubmittedAt, r.SchemeVersion,
            Answers(r), r.ConsentRecordedAt, evidence, r.ChildId, r.ChildConfirmed, decision,
            staff ? r.Version : null, staff ? r.UpdatedAt : null, waiting);
    }

    private static RequestAnswers Answers(ShortBreakRequest r) => new()
    {
        ChildFirstName = r.ChildFirstName,
        ChildLastName = r.ChildLastName,
        ChildDateOfBirth = r.ChildDateOfBirth,
        AddressLine1 = r.AddressLine1,
        AddressLine2 = r.AddressLine2,
        Town = r.Town,
        Postcode = r.Postcode,
        AttendsSchool = r.AttendsSchool,
        School = r.School,
        HasEhcPlan = r.HasEhcPlan,
        EhcPlanReviewDate = r.EhcPlanReviewDate,
        NeedIds = r.NeedIds is null ? null : r.NeedIdList,
        NoneOfTheseNeeds = r.NeedIds is null ? null : r.NeedIds.Length == 0,
        DisabilityCodes = r.DisabilityCodes is null ? null : CinDisabilityCodes.Parse(r.DisabilityCodes).Select(c => c.ToString()).ToList(),
        NeedsInOwnWords = r.NeedsInOwnWords,
        ContactName = r.ContactName,
        ContactRelationship = r.ContactRelationship,
        ContactEmail = r.ContactEmail,
        ContactPhone = r.ContactPhone,
        PreferredContact = r.PreferredContact,
        SiblingCount = r.SiblingCount,
        SiblingDetails = r.SiblingDetails,
        ConsentToShare = r.ConsentToShare,
    };

    private static DecisionDetail Decision(RequestDecision d, bool staff) =>
        new(d.Id, d.Outcome, DecisionOutcomes.Name(d.Outcome), d.Reasons, d.DecidedAt, d.SchemeVersion,
            d.AllowanceHoursPerYear, d.AllowanceDirectPaymentPerYear, d.AllowanceProviderPerYear,
            staff ? d.DecidedByName : null, staff ? Criteria(d.CriteriaJson) : null);

    /// <summary>The criteria as stored with the decision, read with the options they were written with.</summary>
    private static IReadOnlyList<CriterionResult> Criteria(string json) => EligibilityJson.Deserialize(json);

    /// <summary>What the reader is shown: staff see the status as it is, a family as <see cref="FamilyView.Status"/> says.</summary>
    internal static RequestStatus VisibleStatus(RequestStatus status, bool staff) =>
        staff ? status : FamilyView.Status(status);

    internal static string StatusText(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "Not sent yet",
        RequestStatus.Submitted => "Sent: under review",
        RequestStatus.Decided => "Decided",
        RequestStatus.RoutedToMash => "Routed to the Multi-Agency Safeguarding Hub",
        RequestStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    internal static ProblemHttpResult RequestNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Request not found", detail: "There is no request with this id that you can see.");

    /// <summary>Rule failures keyed by the camelCase name of the field they belong to.</summary>
    internal static ValidationProblem Invalid(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(Keyed(errors), title: "There is a problem with what was sent");

    private static Dictionary<string, string[]> Keyed(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>
    /// A command that did not succeed: 409 if someone else got there first; else 400 with the reasons, keyed by
    /// field as a validation problem where they belong to one.
    /// </summary>
    internal static ProblemHttpResult Refused(CommandResult result)
    {
        var general = result.Errors.Where(e => e.Field.Length == 0).Select(e => e.Message).ToList();
        var detail = general.Count > 0 ? string.Join(" ", general) : null;
        if (result.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Someone else changed this request", detail: detail);
        }

        var fields = result.Errors.Where(e => e.Field.Length > 0).ToList();
        if (fields.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This cannot be done to the request as it is now", detail: detail);
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(Keyed(fields))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
            Detail = detail,
        });
    }
}
