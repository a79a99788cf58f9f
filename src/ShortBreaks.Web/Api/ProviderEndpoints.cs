using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Api;

/// <summary>
/// A provider organisation's own system: its children (only those <see cref="ProviderChildAccess"/> shows it) and its
/// delivery returns. Every call acts for the organisation the signed-in provider user acts for; a child or package not
/// its own answers 404 exactly as one that does not exist. Every view of a child is audited.
/// </summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/provider", "Provider").RequireAuthorization(Policies.Provider);

        api.MapGet("/children", ChildrenAsync)
            .Describe("ListProviderChildren", "List the organisation's children",
                "The children with a package from the caller's organisation (sent and awaiting its answer, or agreed and not long " +
                "ended), by surname, 25 a page. search narrows to names containing it; page is the page number, from 1.");

        api.MapGet("/children/{childId:guid}", ChildAsync)
            .Describe("GetProviderChild", "Read what the organisation needs to deliver to a child",
                "Name, age, needs and communication, emergency contacts and arrangements, and the organisation's own packages with agreed and " +
                "delivered amounts. Audited. A child without a package from the organisation is not found.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireChildAccess(ChildRecordKind.Child, "childId");

        api.MapGet("/returns/{packageId:guid}/{month}", ReturnAsync)
            .Describe("GetDeliveryReturn", "Read a month's delivery return on a package",
                "month is yyyy-MM. The return's status, due day, whether it was late, its version, its sessions and the " +
                "package's lines with agreed and delivered amounts. Another organisation's package is not found.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireChildAccess(ChildRecordKind.Package, "packageId");

        api.MapPost("/returns/{packageId:guid}/sessions", AddSessionAsync)
            .Describe("AddDeliveredSession", "Return a session delivered or cancelled",
                "Adds a session to the return for the month of its date. lineId is the package line (may be left out when the " +
                "package has one line); date (yyyy-MM-dd) within the package and not in the future; quantity in the line's unit " +
                "(hours, nights or sessions) and staff for a delivered session; cancellation (FamilyCancelled, ProviderCancelled, " +
                "ChildUnwell, NoShow) and an optional cancellationNote for one that did not happen. Delivery past the line's " +
                "agreed total, or a second session on the same line and day, is refused with the reason. version, when given, " +
                "is the version of the month's return the caller last read (409 if it has moved on). A submitted return is " +
                "corrected only with a reason.")
            .AcceptsJson<SessionBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireChildAccess(ChildRecordKind.Package, "packageId");

        api.MapPost("/returns/{packageId:guid}/{month}/submit", SubmitAsync)
            .Describe("SubmitDeliveryReturn", "Submit a month's delivery return",
                "Submits the month's return (with no sessions, a nil return) from the month's last day on; late after the " +
                "scheme's due day of the next month. The body may give version, as for adding a session.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireChildAccess(ChildRecordKind.Package, "packageId");

        return app;
    }

    public static async Task<Results<Ok<ProviderChildrenPage>, ProblemHttpResult>> ChildrenAsync(
        string? search, string? page, HttpContext http, OrganisationMembers members, ProviderChildren children, CancellationToken ct)
    {
        if (await OrganisationAsync(http, members, ct) is not { } organisationId) return NoOrganisation();
        var number = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var list = await children.ListAsync(organisationId, search, number, ct);
        return TypedResults.Ok(new ProviderChildrenPage(
            list.Rows.Select(r => new ProviderChildSummary(r.ChildId, r.FirstName, r.LastName, r.DateOfBirth, r.Packages)).ToList(),
            list.Total, list.Page, list.PageSize));
    }

    public static async Task<Results<Ok<ProviderChildDetail>, ProblemHttpResult>> ChildAsync(
        Guid childId, HttpContext http, OrganisationMembers members, ProviderChildren children, CancellationToken ct)
    {
        if (await OrganisationAsync(http, members, ct) is not { } organisationId) return NoOrganisation();
        var child = await children.ViewAsync(organisationId, childId, ct);
        if (child is null) return ChildrenEndpoints.ChildNotFound();
        return TypedResults.Ok(new ProviderChildDetail(child.ChildId, child.FirstName, child.LastName, child.DateOfBirth, child.AgeYears,
            child.Needs.Select(c => new ProviderNeed(c.ToString(), CinDisabilityCodes.CensusName(c))).ToList(), child.NeedsInFamilyWords,
            child.Communication, child.HowBestToSupport,
            child.EmergencyContacts.Select(c => new ProviderContact(c.Name, c.Relationship, c.Email, c.Phone)).ToList(),
            child.Packages.Select(Package).ToList(), child.Arrangements));
    }

    public static async Task<Results<Ok<DeliveryReturnDetail>, ProblemHttpResult>> ReturnAsync(
        Guid packageId, string month, HttpContext http, OrganisationMembers members, DeliveryReturnService returns, CancellationToken ct)
    {
        if (await OrganisationAsync(http, members, ct) is not { } organisationId) return NoOrganisation();
        if (DeliveryRules.ParseMonth(month) is not { } m) return ReturnNotFound();
        var view = await returns.MonthAsync(organisationId, packageId, m, ct);
        return view is null ? ReturnNotFound() : TypedResults.Ok(Detail(view));
    }

    public static async Task<Results<Created<DeliveryReturnDetail>, ProblemHttpResult>> AddSessionAsync(
        Guid packageId, HttpContext http, OrganisationMembers members, DeliveryReturnService returns, CancellationToken ct)
    {
        if (await OrganisationAsync(http, members, ct) is not { } organisationId) return NoOrganisation();
        var body = await ApiJson.ReadAsync<SessionBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;

        var input = new SessionInput(b.LineId, b.Date, b.Quantity, b.Staff, b.Cancellation, b.CancellationNote);
        var result = await returns.AddSessionAsync(organisationId, packageId, input, b.Version, b.Reason, versionGiven: b.Version is not null, ct);
        if (result.NotFound) return ReturnNotFound();
        if (!result.Result.Succeeded) return Refused(result.Result);

        var view = await returns.MonthAsync(organisationId, packageId, result.Return!.Month, ct);
        return TypedResults.Created($"/api/provider/returns/{packageId}/{DeliveryRules.MonthKey(result.Return.Month)}", Detail(view!));
    }

    public static async Task<Results<Ok<DeliveryReturnDetail>, ProblemHttpResult>> SubmitAsync(
        Guid packageId, string month, HttpContext http, OrganisationMembers members, DeliveryReturnService returns, CancellationToken ct)
    {
        if (await OrganisationAsync(http, members, ct) is not { } organisationId) return NoOrganisation();
        if (DeliveryRules.ParseMonth(month) is not { } m) return ReturnNotFound();
        long? version = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await ApiJson.ReadAsync<SubmitBody>(http);
            if (body.Problem is { } unreadable) return unreadable;
            version = body.Value!.Version;
        }

        var result = await returns.SubmitAsync(organisationId, packageId, m, version, versionGiven: version is not null, ct);
        if (result.NotFound) return ReturnNotFound();
        if (!result.Result.Succeeded) return Refused(result.Result);
        var view = await returns.MonthAsync(organisationId, packageId, m, ct);
        return TypedResults.Ok(Detail(view!));
    }

    internal static async Task<Guid?> OrganisationAsync(HttpContext http, OrganisationMembers members, CancellationToken ct) =>
        http.User.UserId() is { } userId ? (await members.ForUserAsync(userId, ct))?.OrganisationId : null;

    internal static ProblemHttpResult NoOrganisation() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No organisation",
            detail: "This account does not act for a provider organisation. Ask your organisation's administrator to add you.");

    internal static ProblemHttpResult ReturnNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Return not found",
            detail: "There is no package with this id and month that you can return delivery on.");

    private static ProblemHttpResult Refused(CommandResult result)
    {
        var general = result.Errors.Where(e => e.Field.Length == 0).Select(e => e.Message).ToList();
        var detail = general.Count > 0 ? string.Join(" ", general) : null;
        if (result.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Someone else changed this return", detail: detail);
        }

        var fields = result.Errors.Where(e => e.Field.Length > 0).ToList();
        if (fields.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This cannot be done to the return as it is now", detail: detail);
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(
            fields.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
            Detail = detail,
        });
    }

    private static ProviderPackage Package(PackageDelivery p) =>
        new(p.PackageId, p.State, p.StartsOn, p.EndsOn, p.Lines.Select(Line).ToList());

    private static ProviderLine Line(LineDelivery l) =>
        new(l.LineId, l.ServiceName, l.Unit, l.Quantity, l.Frequency, l.TotalUnits, l.Delivered, l.Left, l.Cancelled);

    private static DeliveryReturnDetail Detail(ReturnMonthView view)
    {
        var r = view.Return;
        return new DeliveryReturnDetail(view.Package.Id, view.Package.ChildId, DeliveryRules.MonthKey(view.Month), view.DueOn,
            r is null ? "NotStarted" : r.Status.ToString(), r?.SubmittedAt, view.Late, view.Overdue, r?.Version,
            (r?.Sessions ?? []).Select(s => new ProviderSession(s.Id, s.PackageLineId, s.Date, s.Unit, s.Quantity, s.Hours, s.Staff, s.Cancellation, s.CancellationNote)).ToList(),
            view.Lines.Select(Line).ToList(),
            view.Corrections.Select(c => new ProviderCorrection(c.At, c.ByName, c.Reason, c.Change)).ToList());
    }
}

public sealed record ProviderChildrenPage(IReadOnlyList<ProviderChildSummary> Items, int Total, int Page, int PageSize);

public sealed record ProviderChildSummary(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, int Packages);

public sealed record ProviderChildDetail(
    Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, int AgeYears, IReadOnlyList<ProviderNeed> Needs, string? NeedsInFamilyWords,
    string? Communication, string? HowBestToSupport, IReadOnlyList<ProviderContact> EmergencyContacts, IReadOnlyList<ProviderPackage> Packages,
    string? Arrangements);

public sealed record ProviderNeed(string Code, string Name);

public sealed record ProviderContact(string Name, string Relationship, string Email, string? Phone);

public sealed record ProviderPackage(Guid Id, PackageState State, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<ProviderLine> Lines);

public sealed record ProviderLine(
    Guid Id, string ServiceName, PriceUnit Unit, decimal Quantity, LineFrequency Frequency, decimal Agreed, decimal Delivered, decimal Left, int Cancelled);

/// <param name="Status">NotStarted (nothing returned yet), Open or Submitted.</param>
/// <param name="Version">The return's version, to send back with a change; null before anything is returned.</param>
public sealed record DeliveryReturnDetail(
    Guid PackageId, Guid ChildId, string Month, DateOnly DueOn, string Status, DateTime? SubmittedAt, bool Late, bool Overdue, long? Version,
    IReadOnlyList<ProviderSession> Sessions, IReadOnlyList<ProviderLine> Lines, IReadOnlyList<ProviderCorrection> Corrections);

public sealed record ProviderSession(
    Guid Id, Guid LineId, DateOnly Date, PriceUnit Unit, decimal Quantity, decimal Hours, string? Staff, CancellationReason? Cancellation, string? CancellationNote);

public sealed record ProviderCorrection(DateTime At, string ByName, string Reason, string Change);

/// <summary>A session to return: see AddDeliveredSession.</summary>
public sealed record SessionBody(
    Guid? LineId, DateOnly? Date, decimal? Quantity, string? Staff, CancellationReason? Cancellation, string? CancellationNote, string? Reason, long? Version);

public sealed record SubmitBody(long? Version);
