using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

public class StartPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_WhenAnonymous_ShowsAgesAndEvidenceFromTheScheme()
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetDocumentAsync("/apply");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Apply for short breaks for a disabled child");
        page.Body!.TextContent.ShouldContain("is aged 5 to 17");
        page.Body.TextContent.ShouldContain("A Disability Living Allowance or Personal Independence Payment award letter");
        page.Body.TextContent.ShouldContain("An Education, Health and Care (EHC) plan");
        page.Body.TextContent.ShouldContain("within 10 working days");
        page.QuerySelector("form[action='/apply?handler=start'] button")!.TextContent.ShouldContain("Start now");
    }

    [Fact]
    public async Task PostStart_WhenAnonymous_RedirectsToSignIn()
    {
        using var browser = app.NewBrowser();

        var location = await browser.PostForRedirectAsync("/apply?handler=start");

        location.ShouldBe("/account/sign-in?returnUrl=/apply");
    }

    [Fact]
    public async Task PostStart_AsFamily_CreatesADraftAndGoesToTheFirstQuestion()
    {
        var (browser, user) = await app.SignedInAsAsync();

        var location = await browser.PostForRedirectAsync("/apply?handler=start");

        location.ShouldMatch("^/apply/[0-9a-f-]{36}/child-name$");
        var id = Guid.Parse(location.Split('/')[2]);
        var request = (await app.FindRequestAsync(id)).ShouldNotBeNull();
        request.FamilyUserId.ShouldBe(user.Id);
        request.Channel.ShouldBe(RequestChannel.Online);
        request.Status.ShouldBe(RequestStatus.Draft);
        (await browser.GetDocumentAsync(location)).QuerySelector("h1")!.TextContent.ShouldBe("What is the child's name?");
    }

    [Fact]
    public async Task PostStart_WithADraftAlreadyStarted_OffersToContinueItInsteadOfStartingAnother()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        var page = await browser.PostForPageAsync("/apply?handler=start");

        page.Body!.TextContent.ShouldContain("You have already started an application");
        page.QuerySelector($"a[href='/apply/{draft.Id}/child-name']").ShouldNotBeNull();
        (await CountDraftsAsync(user.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task PostStart_WithADraftAndStartNew_StartsASecondApplication()
    {
        var (browser, user) = await app.SignedInAsAsync();
        await app.StartDraftAsync(user.Id);

        var location = await browser.PostForRedirectAsync("/apply?handler=start", ("startNew", "true"));

        location.ShouldEndWith("/child-name");
        (await CountDraftsAsync(user.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task PostStart_AsStaff_IsRefused()
    {
        var (browser, _) = await app.SignedInAsAsync(Core.Identity.Roles.PersonalisationOfficer);

        using var response = await browser.PostAsync("/apply?handler=start");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/access-denied");
    }

    private Task<int> CountDraftsAsync(string userId) =>
        app.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<ShortBreaksDbContext>().Requests.Count(r => r.FamilyUserId == userId)));
}
