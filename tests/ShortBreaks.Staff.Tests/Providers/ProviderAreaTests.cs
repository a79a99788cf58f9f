using System.Net;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

public class ProviderAreaTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_provider_user_sees_the_home_of_the_organisation_they_act_for()
    {
        var (browser, user) = await factory.SignedInAsAsync(Roles.Provider);
        var name = "Home Test Care " + Guid.NewGuid().ToString("N")[..6];
        await factory.Data.WithDbAsync(async db =>
        {
            var (organisation, _) = TestData.AddApprovedOrganisation(db, name, UkCalendar.DateOf(DateTime.UtcNow));
            db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = organisation.Id, UserId = user.Id, IsAdministrator = true, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await browser.GetPageAsync("/provider");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe(name);
        Page.Normalise(page.Get("#framework-status").TextContent).ShouldBe("On the council's framework: Approved");
    }

    [Fact]
    public async Task A_provider_account_that_acts_for_no_organisation_is_refused()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.Provider);

        var response = await browser.Http.GetAsync("/provider");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task Nobody_but_provider_users_opens_the_provider_area_and_only_commissioners_open_commissioning(string role)
    {
        var (browser, _) = await factory.SignedInAsAsync(role);

        foreach (var path in new[] { "/provider", "/commissioning" })
        {
            var response = await browser.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
        }
    }

    [Theory]
    [InlineData(Roles.CommissioningOfficer)]
    [InlineData(Roles.TeamManager)]
    public async Task Commissioners_open_the_commissioning_home(string role)
    {
        var (browser, _) = await factory.SignedInAsAsync(role);

        var page = await browser.GetPageAsync("/commissioning");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe("Commissioning");
    }
}
