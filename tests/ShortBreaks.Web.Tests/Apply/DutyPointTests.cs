using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>An officer at the duty point takes a request by phone on the same question pages.</summary>
public class DutyPointTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Consent_OnAPhoneRequest_AsksTheOfficerToReadTheStatement()
    {
        var (browser, officer) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var draft = await app.StartDraftAsync(null, RequestChannel.DutyPoint, officer.Id);

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/consent");

        page.QuerySelector("h1")!.TextContent.ShouldBe("The parent or carer agrees to us sharing information");
        page.GetElementById("ConsentToShare-hint")!.TextContent.ShouldContain("You must read the statement to them");
        page.QuerySelector(".govuk-caption-l")!.TextContent.ShouldBe($"Phone request {draft.Reference}");
    }

    [Fact]
    public async Task Consent_OnAPhoneRequestNotTicked_ShowsTheOfficersError()
    {
        var (browser, officer) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var draft = await app.StartDraftAsync(null, RequestChannel.DutyPoint, officer.Id);

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/consent", Answers.Continue());

        page.ShouldShowError("ConsentToShare", "Confirm that the parent or carer has heard the statement and agrees to us sharing information");
    }

    [Fact]
    public async Task Contact_OnAPhoneRequest_SpeaksAboutTheParentOrCarer()
    {
        var (browser, officer) = await app.SignedInAsAsync(Roles.TeamManager);
        var draft = await app.StartDraftAsync(null, RequestChannel.DutyPoint, officer.Id);

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/contact", Answers.Continue(("ContactRelationship", "Father"), ("PreferredContact", "Post")));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Contact details for the parent or carer");
        page.ShouldShowError("ContactName", "Enter the parent or carer's full name");
        page.ValueOf("ContactEmail").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Send_OnAPhoneRequest_TakesTheOfficerToTheStaffRequestPage()
    {
        var (browser, officer) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var draft = await app.StartDraftAsync(null, RequestChannel.DutyPoint, officer.Id);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/check-answers");

        location.ShouldBe($"/staff/requests/{draft.Id}");
        (await app.FindRequestAsync(draft.Id))!.Status.ShouldBe(RequestStatus.Submitted);
        var confirmation = await browser.GetDocumentAsync($"/apply/{draft.Id}/confirmation");
        confirmation.QuerySelector($"a[href='/staff/requests/{draft.Id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task SaveLater_OnAPhoneRequest_GoesBackToTheStaffPages()
    {
        var (browser, officer) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var draft = await app.StartDraftAsync(null, RequestChannel.DutyPoint, officer.Id);

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/child-name", Answers.Later(("ChildFirstName", "Jo"), ("ChildLastName", "")));

        location.ShouldBe($"/staff/triage?saved={draft.Reference}");
        (await app.FindRequestAsync(draft.Id))!.ChildFirstName.ShouldBe("Jo");
    }

    [Fact]
    public async Task PhoneRequest_IsNotOpenToStaffWhoDoNotTakeRequests()
    {
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        var draft = await app.StartDraftAsync(null, RequestChannel.DutyPoint, officer.Id);
        var (reviewer, _) = await app.SignedInAsAsync(Roles.ReviewingOfficer);

        using var response = await reviewer.GetAsync($"/apply/{draft.Id}/child-name");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
