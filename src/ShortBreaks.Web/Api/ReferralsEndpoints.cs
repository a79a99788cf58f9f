using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Api;

/// <summary>
/// Referrals to social care for team managers, with the same rules as the referrals pages (<see cref="SocialCareReferrals"/>):
/// the list (every referral waiting, oldest first, then the most recently passed on, of the children the caller sees), one
/// referral, and recording how it was passed on. The referral's child is checked as the pages check it (404 for one the
/// caller may not see); of two managers recording at once, the second is answered 409 and nothing is written over the
/// first. Every child listed and every referral read is audited as a view.
/// </summary>
public static class ReferralsEndpoints
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/referrals", "Referrals").RequireAuthorization(Policies.Manager);

        api.MapGet("", ListAsync)
            .Describe("ListReferrals", "List referrals to social care",
                "waiting: every referral not yet passed on to children's social care, oldest first; passedOn: the 20 most recently " +
                "passed on. Only the children the caller's role sees are listed; each is audited as viewed. Team managers and " +
                "administrators.");

        api.MapGet("/{referralId:guid}", ReferralAsync)
            .Describe("GetReferral", "Read a referral to social care",
                "Where it came from (the request's reference, or none for a step up), who referred the child and why, and, once " +
                "passed on, who recorded it, when and how. Audited.")
            .ForRecord(ChildRecordKind.Referral, "referralId");

        api.MapPost("/{referralId:guid}/passed-on", PassOnAsync)
            .Describe("PassOnReferral", "Record how a referral was passed on to social care",
                "how: to whom, by what means, and social care's reference (up to 1,000 characters). It goes on the child's " +
                "timeline and closes every manager's task for the referral. 409 if another manager recorded it first (nothing " +
                "is changed).")
            .AcceptsJson<ReferralPassedOnBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Referral, "referralId");

        return app;
    }

    public static async Task<Ok<ReferralList>> ListAsync(
        ClaimsPrincipal user, SocialCareReferrals referrals, StaffVisibility visibility, ShortBreaksDbContext db, CancellationToken ct)
    {
        var viewer = await visibility.ForAsync(user, ct) ?? StaffViewer.SeeingEveryChild(user.UserId() ?? "");
        var (waiting, passedOn) = await referrals.ListAsync(viewer, SocialCareReferrals.RecentPassedOn, ct);
        foreach (var childId in waiting.Concat(passedOn).Select(r => r.Referral.ChildId).Distinct())
            db.RecordView(nameof(Referral), "list", childId, "listed among the referrals to social care");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReferralList(waiting.Select(Entry).ToList(), passedOn.Select(Entry).ToList()));
    }

    public static async Task<Results<Ok<ReferralEntry>, ProblemHttpResult>> ReferralAsync(
        Guid referralId, SocialCareReferrals referrals, ShortBreaksDbContext db, CancellationToken ct)
    {
        var view = await referrals.FindAsync(referralId, ct);
        if (view is null) return NotFound();
        db.RecordView(nameof(Referral), referralId.ToString(), view.Referral.ChildId, "referral to social care read by staff");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Entry(view));
    }

    public static async Task<Results<Ok<ReferralEntry>, ProblemHttpResult>> PassOnAsync(
        Guid referralId, HttpContext http, SocialCareReferrals referrals, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ReferralPassedOnBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var result = await referrals.PassOnAsync(referralId, body.Value!.How, ct);
        if (!result.Succeeded) return ApiRefusals.Refused(result, "referral", field => field == "How" ? "how" : field);
        var view = await referrals.FindAsync(referralId, ct);
        return view is null ? NotFound() : TypedResults.Ok(Entry(view));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Referral not found",
            detail: "There is no referral to social care with this id that you can see.");

    private static ReferralEntry Entry(SocialCareReferralView view)
    {
        var r = view.Referral;
        return new ReferralEntry(r.Id, r.ChildId, view.ChildName, view.ChildReference, r.RequestId, view.RequestReference, r.Reasons,
            r.ReferredAt, r.ReferredByName, r.PassedOnAt, r.PassedOnByName, r.PassedOnHow);
    }
}

/// <summary>The referrals waiting to be passed on, oldest first, and the most recently passed on.</summary>
public sealed record ReferralList(IReadOnlyList<ReferralEntry> Waiting, IReadOnlyList<ReferralEntry> PassedOn);

/// <summary>
/// One referral to social care. requestId and requestReference are null for a step up; passedOnAt, passedOnBy and
/// passedOnHow are null while it waits. Times are UTC.
/// </summary>
public sealed record ReferralEntry(
    Guid Id, Guid ChildId, string ChildName, string ChildReference, Guid? RequestId, string? RequestReference, string Reasons,
    DateTime ReferredAt, string ReferredBy, DateTime? PassedOnAt, string? PassedOnBy, string? PassedOnHow);

/// <summary>How a referral was passed on: see PassOnReferral.</summary>
public sealed record ReferralPassedOnBody
{
    [LongText] public string? How { get; init; }
}
