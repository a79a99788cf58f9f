using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

/// <summary>
/// A form with a control character is never acted on: a staff page is shown again with the GOV.UK error summary
/// naming the field; an address with one in its query string gets the error page, never a 500.
/// </summary>
public class HiddenCharacterTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("Meets the threshold.\0")]
    [InlineData("Meets the \u001B[31mthreshold")]
    [InlineData("Next line \u0085 in C1")]
    public async Task ADecision_WithAHiddenCharacterInTheReasons_IsShownAgainWithTheError_AndNothingIsDecided(string reasons)
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.DecideAsync(request.Id, "FlexibleShortBreaksApproved", reasons);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
        page.ErrorSummary().ShouldBe(["Reasons must not include hidden characters such as control characters"]);
        page.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#Reasons");
        (await factory.Data.WithDbAsync(db => db.Decisions.CountAsync(d => d.RequestId == request.Id))).ShouldBe(0);
        (await factory.Data.WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == request.Id))).Status.ShouldBe(RequestStatus.Submitted);
    }

    [Fact]
    public async Task ADecision_WithLineBreaksAndTabsInTheReasons_IsMade()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.DecideAsync(request.Id, "FlexibleShortBreaksApproved", "Meets the threshold.\r\n\tNeeds care at night.");

        page.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(page.Text));
        (await factory.Data.WithDbAsync(db => db.Decisions.CountAsync(d => d.RequestId == request.Id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("/staff/triage?page=%00")]
    [InlineData("/staff/triage?channel=%01Online")]
    [InlineData("/staff/search?q=Maya%00")]
    [InlineData("/staff/search?q=%FF%FE")]
    public async Task AnAddress_WithAHiddenCharacterInItsQuery_GetsTheErrorPage(string address)
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync(address);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Text.ShouldContain("The web address has hidden characters such as control characters in it.");
    }
}
