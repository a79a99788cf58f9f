using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Api;

/// <summary>
/// Caseloads and allocation for team managers and administrators, with the caseload pages' rules: every worker's caseload
/// against the scheme's guides with the capacity arithmetic (only their team's workers, or their own, for a manager whose
/// role sees fewer children), the children of a worker or with no key worker (only those the manager sees, each listed
/// child audited as viewed), and allocating or reassigning children with a reason through <see cref="CaseloadService"/>:
/// all or none, each child carrying the version of their record the manager saw (409 if anyone changed one since).
/// </summary>
public static class CaseloadsEndpoints
{
    public static IEndpointRouteBuilder MapCaseloadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/caseloads", "Caseloads").RequireAuthorization(Policies.Manager);

        api.MapGet("", CaseloadsAsync)
            .Describe("ListCaseloads", "Every worker's caseload against the scheme's guides",
                "Each case-holding worker with their counts (fsb, tsb, other: the children they are key worker for by tier; " +
                "requests: requests to decide), families, and the guide for their role; how many children on Flexible or " +
                "Targeted Short Breaks have no key worker; and the capacity arithmetic both ways. A manager whose role sees only " +
                "their team's children sees their team's workers. Counts only: no child is named. Team managers and administrators.");

        api.MapGet("/children", ChildrenAsync)
            .Describe("ListCaseloadChildren", "A worker's children, or the children with no key worker",
                "worker is a worker's user id, or left out for the children on a short breaks offer with no key worker; tier " +
                "(FlexibleShortBreaks, TargetedShortBreaks, SocialCare, Universal, None) and name (the start of a name, or a " +
                "reference, up to 100 characters) narrow it; page from 1; 50 a page. Only the children the manager sees; each is " +
                "audited as viewed. Each child's version is sent back to allocate them.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/allocations", AllocateAsync)
            .Describe("AllocateChildren", "Allocate or reassign children to a worker",
                $"children (1 to {CaseloadService.MaxChildrenAtOnce}, each childId and the version of their record as listed), " +
                "newWorkerId (a personalisation officer, reviewing officer or team manager whose account is not disabled) and " +
                "reason. All or none: a child the manager does not see, closed or merged, or already the worker's is refused; " +
                "if anyone changed a child's record since its version was read, nothing moves and the answer is 409. Each child's " +
                "timeline names the old worker, the new one and the reason; the new and old workers are told.")
            .AcceptsJson<AllocationBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<CaseloadsOverview>, ProblemHttpResult>> CaseloadsAsync(
        ClaimsPrincipal user, CaseloadService caseloads, StaffVisibility visibility, CancellationToken ct)
    {
        if (await visibility.ForAsync(user, ct) is not { } viewer) return NotCaseStaff();
        var workers = await caseloads.CaseloadsAsync(ct: ct);
        var team = viewer.Scope == ChildVisibilityScope.Team ? viewer.Team : null;
        // As the caseloads page: a manager who sees only some children sees only the workers whose children they see.
        var shown = viewer.SeesEveryChild ? workers
            : team is not null ? workers.Where(w => w.Team == team || w.UserId == viewer.UserId).ToList()
            : workers.Where(w => w.UserId == viewer.UserId).ToList();
        var capacity = await caseloads.CapacityAsync(ct);
        return TypedResults.Ok(new CaseloadsOverview(
            shown.Select(w => new WorkerCaseloadEntry(w.UserId, w.Name, w.Team, w.Roles, w.Disabled,
                CaseloadMeasures.All.ToDictionary(m => m.Key, w.Count), w.Families, w.Guide.Words, w.Guide.Standing)).ToList(),
            await caseloads.UnallocatedCountAsync(ct),
            capacity.Lines.Select(l => new CapacityEntry(l.Role, l.CasesName, l.Cases, l.CalledFor, l.CalledForAtLowerGuide, l.InPost, l.CanHold, l.Gap)).ToList(),
            viewer.SeesEveryChild, team));
    }

    public static async Task<Results<Ok<CaseloadChildrenPage>, ProblemHttpResult>> ChildrenAsync(
        [Description("A worker's user id; left out for the children with no key worker.")] string? worker,
        [Description("FlexibleShortBreaks, TargetedShortBreaks, SocialCare, Universal or None.")] string? tier,
        [Description("The start of a name, or a reference.")] string? name,
        [Description("Page number, from 1.")] string? page,
        ClaimsPrincipal user, CaseloadService caseloads, StaffVisibility visibility, ShortBreaksDbContext db, CancellationToken ct)
    {
        if (await visibility.ForAsync(user, ct) is not { } viewer) return NotCaseStaff();
        var errors = new List<FieldError>();
        var (tierChosen, tierError) = ApiRefusals.Choice<Tier>(tier, "tier");
        var (number, pageError) = ApiRefusals.PageNumber(page);
        errors.AddRange(new[] { tierError, pageError }.OfType<FieldError>());
        if (name is { Length: > CaseloadFilter.NameMaxLength })
            errors.Add(new("name", $"The name or reference must be {CaseloadFilter.NameMaxLength} characters or fewer"));
        else if (!PlainText.IsAcceptable(name)) errors.Add(new("name", PlainText.Message("The name or reference")));
        if (errors.Count > 0) return ApiRefusals.Invalid([.. errors]);

        string? workerName = null;
        if (!string.IsNullOrEmpty(worker))
        {
            var found = await caseloads.WorkerAsync(worker, ct);
            if (found is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Worker not found",
                    detail: "There is no worker with this id who holds cases.");
            }

            workerName = found.Value.Name;
        }

        var filter = new CaseloadFilter(tierChosen, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
        var list = workerName is null
            ? await caseloads.UnallocatedAsync(viewer, filter, number, ct)
            : await caseloads.ChildrenOfAsync(worker!, viewer, filter, number, ct);
        foreach (var child in list.Children) db.RecordView(nameof(Child), child.Id.ToString(), child.Id, "listed on a caseload");
        if (list.Children.Count > 0) await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CaseloadChildrenPage(workerName is null ? null : worker, workerName,
            list.Children.Select(c => new CaseloadChildEntry(c.Id, c.Reference, c.Name, c.DateOfBirth, c.Tier, c.KeyWorkerId, c.Version)).ToList(),
            list.Total, list.Page, list.Pages, CaseloadService.PageSize));
    }

    public static async Task<Results<Ok<AllocationMade>, ProblemHttpResult>> AllocateAsync(
        HttpContext http, CaseloadService caseloads, StaffVisibility visibility, ShortBreaksLinks links, CancellationToken ct)
    {
        if (await visibility.ForAsync(http.User, ct) is not { } viewer) return NotCaseStaff();
        var body = await ApiJson.ReadAsync<AllocationBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;
        var entries = b.Children ?? [];
        if (entries.Count > CaseloadService.MaxChildrenAtOnce)
            return ApiRefusals.Invalid(new FieldError("children", $"Send no more than {CaseloadService.MaxChildrenAtOnce} children at once"));
        var missing = entries.Select((c, i) => (c, i)).FirstOrDefault(e => e.c?.ChildId is null || e.c.Version is null);
        if (missing.c is not null || entries.Any(c => c is null))
        {
            var at = entries.Any(c => c is null) ? entries.ToList().FindIndex(c => c is null) : missing.i;
            return ApiRefusals.Invalid(new FieldError($"children[{at}]", "Give each child's childId and the version of their record as listed"));
        }

        var changes = entries.Select(c => new AllocationChange(c!.ChildId!.Value, c.Version!.Value)).ToList();
        var result = await caseloads.AllocateAsync(changes, b.NewWorkerId, b.Reason, viewer,
            new AllocationLinks(id => links.StaffChild(id), links.StaffHome()), ct);
        if (!result.Succeeded) return ApiRefusals.Refused(result, "allocation", f => f == "newWorker" ? "newWorkerId" : f);
        return TypedResults.Ok(new AllocationMade(changes.Select(c => c.ChildId).Distinct().Count(), b.NewWorkerId!));
    }

    private static ProblemHttpResult NotCaseStaff() =>
        ApiRefusals.NotAllowed("Caseloads are for team managers and administrators who see children's records.");
}

/// <param name="SeesEveryChild">Whether the caller sees every child (and so every worker).</param>
/// <param name="Team">The team shown, when the caller sees only their team's children.</param>
public sealed record CaseloadsOverview(
    IReadOnlyList<WorkerCaseloadEntry> Workers, int Unallocated, IReadOnlyList<CapacityEntry> Capacity, bool SeesEveryChild, string? Team);

/// <param name="Counts">By measure: fsb, tsb and other (children the worker is key worker for, by tier) and requests (requests to decide).</param>
public sealed record WorkerCaseloadEntry(
    string UserId, string Name, string? Team, IReadOnlyList<string> Roles, bool Disabled, IReadOnlyDictionary<string, int> Counts, int Families,
    string Guide, GuideStanding Standing);

public sealed record CapacityEntry(string Role, string CasesName, int Cases, int CalledFor, int? CalledForAtLowerGuide, int? InPost, int? CanHold, int? Gap);

public sealed record CaseloadChildrenPage(
    string? WorkerId, string? WorkerName, IReadOnlyList<CaseloadChildEntry> Children, int Total, int Page, int Pages, int PageSize);

/// <param name="Version">The version of the child's record: send it back to allocate them.</param>
public sealed record CaseloadChildEntry(Guid Id, string Reference, string Name, DateOnly DateOfBirth, Tier Tier, string? KeyWorkerId, long Version);

public sealed record AllocationMade(int Moved, string NewWorkerId);

/// <summary>An allocation: see AllocateChildren.</summary>
public sealed record AllocationBody
{
    public IReadOnlyList<AllocationChild?>? Children { get; init; }
    public string? NewWorkerId { get; init; }
    [LongText] public string? Reason { get; init; }
}

/// <summary>A child to move, with the version of their record the manager saw.</summary>
public sealed record AllocationChild(Guid? ChildId, long? Version);
