using System.Net;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class AuditPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Manager_SeesWhoLookedAtAndChangedTheRecordNewestFirst()
    {
        var child = await factory.Data.ChildAsync();
        var (officerBrowser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Olu Officer");
        (await officerBrowser.GetPageAsync($"/staff/children/{child.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager, "Mina Manager");

        var record = await manager.GetPageAsync($"/staff/children/{child.Id}");
        record.Get("#audit-link").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/audit");
        var page = await manager.GetPageAsync($"/staff/children/{child.Id}/audit");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var rows = page.Html.QuerySelectorAll("tbody tr").Select(r => Page.Normalise(r.TextContent)).ToList();
        rows[0].ShouldContain("Mina Manager view Child");
        rows.ShouldContain(r => r.Contains("Olu Officer view Child"));
        rows.ShouldContain(r => r.Contains("create Child"));
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task Others_CannotReadTheAudit(string role)
    {
        var child = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(role);

        var page = await browser.GetPageAsync($"/staff/children/{child.Id}/audit");

        page.RedirectPath.ShouldNotBeNull();
        page.RedirectPath.ShouldStartWith("/access-denied");
        (await browser.FollowAsync(page)).Status.ShouldBe(HttpStatusCode.Forbidden);
        if (role == Roles.PersonalisationOfficer)
        {
            (await browser.GetPageAsync($"/staff/children/{child.Id}")).Find("#audit-link").ShouldBeNull();
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var child = await factory.Data.ChildAsync();

        var page = await factory.NewBrowser().GetPageAsync($"/staff/children/{child.Id}/audit");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.RedirectPath!.ShouldStartWith("/account/sign-in");
    }
}
