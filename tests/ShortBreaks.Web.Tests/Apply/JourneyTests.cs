using System.Net;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>A family going through the whole application, stopping and coming back, checking and sending.</summary>
public class JourneyTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task EveryQuestionAnswered_ThenSent_ShowsTheReferenceAndSubmitsTheRequest()
    {
        var (browser, _) = await app.SignedInAsAsync();
        var location = await browser.PostForRedirectAsync("/apply?handler=start");
        var id = Guid.Parse(location.Split('/')[2]);

        foreach (var (step, fields) in Answers.Form())
        {
            location.ShouldBe($"/apply/{id}/{step}");
            (await browser.GetDocumentAsync(location)).ShouldHaveNoErrors();
            if (step == RequestSteps.Evidence)
            {
                using var upload = await EvidenceTests.UploadAsync(browser, (await app.FindRequestAsync(id))!, TestFiles.Pdf(), "award.pdf", "disability-benefit");
                upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                location = await browser.PostForRedirectAsync(location, Answers.Continue(("EvidenceChoice", "added")));
                continue;
            }

            location = await browser.PostForRedirectAsync(location, Answers.Continue(fields));
        }

        location.ShouldBe($"/apply/{id}/check-answers");
        var check = await browser.GetDocumentAsync(location);
        check.QuerySelector(".govuk-warning-text").ShouldBeNull();
        check.GetElementById("child-name")!.TextContent.ShouldContain("Alex Testington");
        check.GetElementById("address")!.TextContent.ShouldContain("DC1 2AB");
        check.GetElementById("needs")!.TextContent.ShouldContain("Needs care or supervision during the night");
        check.GetElementById("disability")!.TextContent.ShouldContain("Autism or Asperger syndrome (diagnosed)");
        check.GetElementById("evidence")!.TextContent.ShouldContain("award.pdf");
        check.QuerySelector($"#date-of-birth a[href='/apply/{id}/date-of-birth?change=true']").ShouldNotBeNull();

        location = await browser.PostForRedirectAsync(location);

        location.ShouldBe($"/apply/{id}/confirmation");
        var request = (await app.FindRequestAsync(id))!;
        request.Status.ShouldBe(RequestStatus.Submitted);
        request.SubmittedAt.ShouldNotBeNull();
        request.NeedIds.ShouldBe("extra-care,night-care");
        request.DisabilityCodes.ShouldBe("COMM,AUT");
        request.Postcode.ShouldBe("DC1 2AB");
        request.NeedsInOwnWords.ShouldNotBeNull().ShouldNotContain("\r");
        request.ConsentRecordedAt.ShouldNotBeNull();
        var confirmation = await browser.GetDocumentAsync(location);
        confirmation.QuerySelector(".govuk-panel__title")!.TextContent.ShouldBe("Request sent");
        confirmation.GetElementById("reference")!.TextContent.ShouldBe(request.Reference);
        confirmation.Body!.TextContent.ShouldContain("within 10 working days");
        confirmation.QuerySelector("a[href='/account']").ShouldNotBeNull();
    }

    [Fact]
    public async Task SaveAndComeBackLater_KeepsPartialAnswersAndShowsTheSavedBanner()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        await browser.PostForRedirectAsync($"/apply/{draft.Id}/child-name", Answers.Continue(Answers.For(RequestSteps.ChildName)));

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/address", Answers.Later(("AddressLine1", "1 Test Street"), ("Town", ""), ("Postcode", "")));

        location.ShouldBe($"/account?saved={draft.Reference}");
        var saved = (await app.FindRequestAsync(draft.Id))!;
        saved.ChildFirstName.ShouldBe("Alex");
        saved.AddressLine1.ShouldBe("1 Test Street");
        saved.Town.ShouldBeNull();
        var account = await browser.GetDocumentAsync(location);
        account.QuerySelector(".govuk-notification-banner--success")!.TextContent.ShouldContain("Your answers have been saved. You can come back to them at any time.");
        account.QuerySelector($"a[href='/apply/{draft.Id}/date-of-birth']")!.TextContent.ShouldContain("Continue your application");
        account.GetElementById($"draft-{draft.Reference}")!.TextContent.ShouldContain("1 of 12 questions");
        (await browser.GetDocumentAsync($"/apply/{draft.Id}/address")).ValueOf("AddressLine1").ShouldBe("1 Test Street");
    }

    [Fact]
    public async Task SaveAndComeBackLater_WithTextThatCannotBeStored_ShowsTheErrorInstead()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/own-words", Answers.Later(("NeedsInOwnWords", new string('x', 3001))));

        page.ShouldShowError("NeedsInOwnWords", "Your description must be 3000 characters or fewer");
        (await app.FindRequestAsync(draft.Id))!.NeedsInOwnWords.ShouldBeNull();
    }

    [Fact]
    public async Task SaveAndComeBackLater_OnConsentWithoutTicking_SavesWithoutConsent()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/consent", Answers.Later());

        location.ShouldStartWith("/account?saved=");
        (await app.FindRequestAsync(draft.Id))!.ConsentToShare.ShouldBeNull();
    }

    [Fact]
    public async Task CheckAnswers_WithQuestionsMissing_ListsThemAndDoesNotOfferToSend()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        await app.UpdateDraftAsync(draft.Id, r => { Answers.Complete(r); r.ConsentToShare = null; r.SiblingCount = null; });

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/check-answers");

        var missing = page.QuerySelectorAll("ul.govuk-list--bullet a").Select(a => a.GetAttribute("href")).ToList();
        missing.ShouldBe([$"/apply/{draft.Id}/siblings?change=true", $"/apply/{draft.Id}/consent?change=true"]);
        page.QuerySelector("button")?.TextContent.ShouldNotContain("Send request");
    }

    [Fact]
    public async Task CheckAnswers_SendingWithQuestionsMissing_ShowsErrorsAndDoesNotSubmit()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        await app.UpdateDraftAsync(draft.Id, r => { Answers.Complete(r); r.ConsentToShare = null; });

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/check-answers");

        page.ShouldShowError("consent", "Sharing information is not complete");
        (await app.FindRequestAsync(draft.Id))!.Status.ShouldBe(RequestStatus.Draft);
    }

    [Fact]
    public async Task ChangeLink_SavesAndReturnsToCheckAnswers()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/child-name?change=true");
        page.QuerySelector("a.govuk-back-link")!.GetAttribute("href").ShouldBe($"/apply/{draft.Id}/check-answers");
        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/child-name?change=true", Answers.Continue(("ChildFirstName", "Ali"), ("ChildLastName", "Testington")));

        location.ShouldBe($"/apply/{draft.Id}/check-answers");
        (await app.FindRequestAsync(draft.Id))!.ChildFirstName.ShouldBe("Ali");
    }

    [Fact]
    public async Task QuestionPage_OfASentRequest_GoesToTheConfirmation()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);
        await browser.PostForRedirectAsync($"/apply/{draft.Id}/check-answers");

        using var get = await browser.GetAsync($"/apply/{draft.Id}/child-name");
        using var post = await browser.PostAsync($"/apply/{draft.Id}/child-name", Answers.Continue(("ChildFirstName", "Changed"), ("ChildLastName", "After")));

        get.Headers.Location!.OriginalString.ShouldBe($"/apply/{draft.Id}/confirmation");
        post.Headers.Location!.OriginalString.ShouldBe($"/apply/{draft.Id}/confirmation");
        (await app.FindRequestAsync(draft.Id))!.ChildFirstName.ShouldBe("Alex");
    }

    [Fact]
    public async Task Confirmation_OfADraft_GoesBackToCheckAnswers()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        using var response = await browser.GetAsync($"/apply/{draft.Id}/confirmation");

        response.Headers.Location!.OriginalString.ShouldBe($"/apply/{draft.Id}/check-answers");
    }
}
