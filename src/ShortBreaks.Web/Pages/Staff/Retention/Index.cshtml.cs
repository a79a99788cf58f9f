using ShortBreaks.Core.Retention;

namespace ShortBreaks.Web.Pages.Staff.Retention;

/// <summary>The monthly retention reviews, and a scan of this month now, for managers.</summary>
[Authorize(Policy = Policies.Manager)]
public sealed class IndexModel(RetentionService retention, NodeOptions nodes) : GovukPageModel
{
    public override string Title => "Retention reviews";

    public IReadOnlyList<RetentionReviewSummary> Reviews { get; private set; } = [];
    public RetentionSettings Settings => retention.Settings;
    public string SchemeVersion => retention.SchemeInForce.Version;

    public async Task OnGetAsync() => Reviews = await retention.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostScanAsync()
    {
        ClearBindingErrors();
        if (await retention.ScanNowAsync(RetentionWorker.Node, RetentionWorker.LeaseOf(nodes), HttpContext.RequestAborted))
        {
            var review = (await retention.ListAsync(HttpContext.RequestAborted)).First(r => r.Review.Month == retention.ThisMonth);
            return Redirect(Links.StaffRetentionReview(review.Review.Id));
        }

        AddErrors([new FieldError("", "A scan of this month is running now. Wait a minute, then look at this month's review.")]);
        Reviews = await retention.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
