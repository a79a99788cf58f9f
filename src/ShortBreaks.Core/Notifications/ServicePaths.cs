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
}
