using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The kind of record a route's id names; each is resolved to the child it is about.</summary>
public enum ChildRecordKind
{
    Child,
    Request,
    RasAssessment,
    Letter,
    PanelItem,

    /// <summary>A child's package (from a provider's side: its own packages only).</summary>
    Package,

    /// <summary>A child's renewal of Flexible Short Breaks.</summary>
    Renewal,

    /// <summary>A child's direct payment: its agreement, account and schedule (finance officers see it too: its money, not the case).</summary>
    DirectPayment,

    /// <summary>A child's direct payment, for its money: statements, returns, audits and recoupment, changed by finance.</summary>
    DirectPaymentMoney,

    /// <summary>A child's review: booked, held and decided by staff, with the family's views.</summary>
    Review,
    /// <summary>
    /// A complaint, compliment or appeal about a child: the child is checked here, and the complaint's own need-to-know rule
    /// (its handlers and managers, never a worker it names) by <c>ComplaintService</c> on top.
    /// </summary>
    Complaint,

    /// <summary>A referral to social care, passed on by a team manager.</summary>
    Referral,
}

/// <summary>
/// Marks a page (on its model) as showing or changing a child's data: the id in <see cref="RouteValue"/> names a
/// <see cref="Record"/>, which is loaded, resolved to its child and checked with <see cref="ChildAccessHandler"/>
/// before any handler runs. A record that does not exist, or that the person may not see, answers 404.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ChildAccessAttribute(ChildRecordKind record, string routeValue) : Attribute
{
    public ChildRecordKind Record => record;

    public string RouteValue => routeValue;
}

/// <summary>What the check found, for the page or endpoint that runs after it.</summary>
public sealed record ChildAccessResult(ChildRecordKind Record, Guid? ChildId, bool MayChange);

/// <summary>Takes a record named by a route to its child and asks the handler who may see and change it.</summary>
public static class ChildAccessCheck
{
    /// <summary>
    /// The result of the check, or null when the record is missing or the person may not see it. A record under a
    /// child's address (a <c>childId</c> route value) must belong to that child.
    /// </summary>
    public static async Task<ChildAccessResult?> RunAsync(HttpContext http, ChildAccessAttribute check)
    {
        if (!Guid.TryParse(http.GetRouteValue(check.RouteValue)?.ToString(), out var id)) return null;
        var resource = await ResourceAsync(http.RequestServices, check.Record, id, http.RequestAborted);
        if (resource is null) return null;

        var childId = resource switch
        {
            ChildResource child => child.ChildId,
            ShortBreakRequest request => request.ChildId,
            PackageResource package => package.ChildId,
            DirectPaymentResource payment => payment.ChildId,
            ReviewResource review => review.ChildId,
            _ => (Guid?)null,
        };
        if (check.Record != ChildRecordKind.Child && http.GetRouteValue("childId") is { } routeChild &&
            (!Guid.TryParse(routeChild.ToString(), out var routeChildId) || routeChildId != childId))
        {
            return null;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, resource, ChildOperations.See)).Succeeded) return null;
        var mayChange = (await authorization.AuthorizeAsync(http.User, resource, ChildOperations.Change)).Succeeded;
        var result = new ChildAccessResult(check.Record, childId, mayChange);
        http.Features.Set(result);
        return result;
    }

    /// <summary>The resource the handler decides on: the request itself, or the child any other record is about.</summary>
    public static async Task<object?> ResourceAsync(IServiceProvider services, ChildRecordKind record, Guid id, CancellationToken ct)
    {
        if (record == ChildRecordKind.Request) return await services.GetRequiredService<RequestService>().FindAsync(id, ct);
        var db = services.GetRequiredService<ShortBreaksDbContext>();
        if (record == ChildRecordKind.Package)
        {
            return await db.Packages.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new PackageResource(p.Id, p.ChildId, p.OrganisationId, p.State, p.EndsOn)).FirstOrDefaultAsync(ct);
        }

        if (record is ChildRecordKind.DirectPayment or ChildRecordKind.DirectPaymentMoney)
        {
            var part = record == ChildRecordKind.DirectPayment ? DirectPaymentPart.Agreement : DirectPaymentPart.Money;
            return await db.DirectPayments.AsNoTracking().Where(d => d.Id == id)
                .Select(d => new DirectPaymentResource(d.Id, d.ChildId, part)).FirstOrDefaultAsync(ct);
        }

        if (record == ChildRecordKind.Review)
        {
            return await db.Reviews.AsNoTracking().Where(r => r.Id == id).Select(r => new ReviewResource(r.Id, r.ChildId)).FirstOrDefaultAsync(ct);
        }

        var childId = record switch
        {
            ChildRecordKind.Child => await db.Children.Where(c => c.Id == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct),
            ChildRecordKind.RasAssessment => await db.RasAssessments.Where(a => a.Id == id).Select(a => (Guid?)a.ChildId).FirstOrDefaultAsync(ct),
            ChildRecordKind.Letter => await db.Letters.Where(l => l.Id == id).Select(l => (Guid?)l.ChildId).FirstOrDefaultAsync(ct),
            ChildRecordKind.Complaint => await db.Complaints.Where(c => c.Id == id).Select(c => (Guid?)c.ChildId).FirstOrDefaultAsync(ct),
            ChildRecordKind.PanelItem => await db.PanelItems.Where(p => p.Id == id).Select(p => (Guid?)p.ChildId).FirstOrDefaultAsync(ct),
            ChildRecordKind.Renewal => await db.FsbRenewals.Where(r => r.Id == id).Select(r => (Guid?)r.ChildId).FirstOrDefaultAsync(ct),
            ChildRecordKind.Referral => await db.Referrals.Where(r => r.Id == id).Select(r => (Guid?)r.ChildId).FirstOrDefaultAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(record), record, null),
        };
        return childId is { } found ? new ChildResource(found) : null;
    }

    /// <summary>What the check found for this request (after <see cref="ChildAccessPageFilter"/> or the endpoint filter).</summary>
    public static ChildAccessResult ChildAccess(this HttpContext http) =>
        http.Features.Get<ChildAccessResult>() ?? throw new InvalidOperationException("This page or endpoint has no [ChildAccess] check.");
}

/// <summary>Runs the <see cref="ChildAccessAttribute"/> check of every page that has one, after its handler is chosen.</summary>
public sealed class ChildAccessPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var check = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ChildAccessAttribute>();
        if (check is not null && await ChildAccessCheck.RunAsync(context.HttpContext, check) is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}

public static class ChildAccessEndpoints
{
    /// <summary>
    /// An endpoint that shows or changes a child's data: the id in <paramref name="routeValue"/> names a
    /// <paramref name="record"/>, checked before the handler runs; a record missing or not to be seen answers the
    /// API's 404 for that kind of record.
    /// </summary>
    public static RouteHandlerBuilder RequireChildAccess(this RouteHandlerBuilder endpoint, ChildRecordKind record, string routeValue = "id")
    {
        var check = new ChildAccessAttribute(record, routeValue);
        return endpoint.WithMetadata(check).AddEndpointFilter(async (context, next) =>
            await ChildAccessCheck.RunAsync(context.HttpContext, check) is null
                ? record == ChildRecordKind.Request ? RequestsEndpoints.RequestNotFound() : ChildrenEndpoints.ChildNotFound()
                : await next(context));
    }
}
