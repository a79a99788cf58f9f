namespace ShortBreaks.Core.Notifications;

/// <summary>
/// The paths of the pages a notice made by a core service links to. The web's links class builds every address from
/// the pages themselves; these are the few the core needs without the web, and a test holds each equal to the link
/// the web builds, so a page that moves fails that test rather than sending people to a missing page.
/// </summary>
public static class ServicePaths
{
    public static string FamilyAccount() => "/account";

    public static string FamilyLetter(Guid letterId) => $"/account/letters/{letterId}";

    public static string FamilyPlan(Guid childId) => $"/account/plans/{childId}";

    public static string StaffChild(Guid childId) => $"/staff/children/{childId}";

    public static string StaffPlan(Guid childId) => $"/staff/children/{childId}/plan";

    public static string StaffPanelItem(Guid itemId) => $"/staff/panel/{itemId}";

    public static string StaffComplaint(Guid complaintId) => $"/staff/complaints/{complaintId}";

    public static string FamilyComplaint(Guid childId, Guid complaintId) => $"/account/children/{childId}/complaints/{complaintId}";

    /// <summary>A referral to social care, where a team manager records how it was passed on.</summary>
    public static string StaffReferral(Guid referralId) => $"/staff/referrals/{referralId}";

    public static string StaffReview(Guid reviewId) => $"/staff/reviews/{reviewId}";

    public static string FamilyReview(Guid reviewId) => $"/account/reviews/{reviewId}";

    /// <summary>An officer's RAS assessment of a child: its task list, where the questions are answered with the family.</summary>
    public static string StaffRasTasks(Guid childId, Guid assessmentId) => $"/staff/children/{childId}/ras/{assessmentId}";

    /// <summary>The officer's page that starts a plan or changes it by making a new version.</summary>
    public static string StaffPlanEdit(Guid childId) => $"/staff/children/{childId}/plan/edit";
}
