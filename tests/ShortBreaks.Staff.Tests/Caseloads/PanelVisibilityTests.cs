using System.Net;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Plans;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Caseloads;

/// <summary>
/// The panel under a scheme where team managers see only their own caseload: they sit on the panel, so every item on its
/// agenda is theirs to open and decide, and a child they decided about stays theirs to see.
/// </summary>
public class PanelVisibilityTests(OwnCaseloadsFactory factory) : IClassFixture<OwnCaseloadsFactory>
{
    [Fact]
    public async Task AManagerSeeingOnlyTheirOwnCaseload_OpensAndDecidesAnItemBeforeThePanel_AndStillSeesTheChildAfter()
    {
        var stepUp = await factory.StepUpAwaitingPanelAsync();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (otherManager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        (await manager.GetPageAsync("/staff/panel")).Text.ShouldContain(stepUp.Child.Reference);
        (await manager.GetPageAsync($"/staff/children/{stepUp.Child.Id}")).Status.ShouldBe(HttpStatusCode.OK, "a child before the panel is one its members are working on");
        (await officer.GetPageAsync($"/staff/children/{stepUp.Child.Id}")).Status.ShouldBe(HttpStatusCode.NotFound, "an officer not on the panel does not see them");

        var item = await manager.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}");
        item.Status.ShouldBe(HttpStatusCode.OK);
        var decided = await manager.SubmitAsync(item, "main form[action*='handler=Decide']", new() { ["Outcome"] = "Approved", ["Reasons"] = "Needs are well evidenced." });
        decided.RedirectPath.ShouldBe($"/staff/panel/{stepUp.PanelItemId}");

        (await manager.FollowAsync(decided)).Status.ShouldBe(HttpStatusCode.OK, "the manager who decided goes on seeing the child");
        (await manager.GetPageAsync($"/staff/children/{stepUp.Child.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await otherManager.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}")).Status.ShouldBe(HttpStatusCode.NotFound, "once decided, the child is no longer before the panel");
    }
}
