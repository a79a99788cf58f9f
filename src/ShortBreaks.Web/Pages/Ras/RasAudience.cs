namespace ShortBreaks.Web.Pages.Ras;

/// <summary>
/// Who a RAS page is for: staff (under a child's record) or the family (on their account). The page models are
/// the same for both; this holds where the pages live and which last step they end with. Who may open and change
/// an assessment is not here: the pages carry <see cref="Infrastructure.ChildAccessAttribute"/> like any other.
/// </summary>
public sealed record RasAudience(
    bool ForFamily,
    Func<Guid, Guid, string> AssessmentUrl,
    Func<Guid, string> StartBackUrl,
    string CheckPage)
{
    public static readonly RasAudience Staff = new(
        ForFamily: false,
        AssessmentUrl: (childId, assessmentId) => $"/staff/children/{childId}/ras/{assessmentId}",
        StartBackUrl: childId => $"/staff/children/{childId}",
        CheckPage: "check");

    public static readonly RasAudience Family = new(
        ForFamily: true,
        AssessmentUrl: (_, assessmentId) => $"/account/ras/{assessmentId}",
        StartBackUrl: _ => "/account",
        CheckPage: "send");

    /// <summary>The audience of a page, by the folder it is in: the family's pages are under /Account/Family/Ras.</summary>
    public static RasAudience Of(PageContext page) =>
        page.ActionDescriptor.ViewEnginePath.StartsWith("/Account/Family/", StringComparison.Ordinal) ? Family : Staff;

    /// <summary>Which page was viewed, for the audit: the page's own name ("Tasks", "Send").</summary>
    public static string PageName(PageContext page) => page.ActionDescriptor.ViewEnginePath[(page.ActionDescriptor.ViewEnginePath.LastIndexOf('/') + 1)..];
}
