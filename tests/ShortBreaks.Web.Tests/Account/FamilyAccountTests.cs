using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

public class FamilyAccountTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_WithNothingYet_OffersToApply()
    {
        var (browser, _) = await app.SignedInAsAsync();

        var page = await browser.GetDocumentAsync("/account");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Your account");
        page.Body!.TextContent.ShouldContain("You have not sent a request yet");
        page.QuerySelector("a[href='/apply']")!.TextContent.ShouldBe("Apply for another child");
        page.QuerySelector(".govuk-notification-banner").ShouldBeNull();
    }

    [Fact]
    public async Task Get_WithSavedReferenceOfSomeoneElse_ShowsNoBanner()
    {
        var other = await app.CreateUserAsync(Roles.Family);
        var theirs = await app.StartDraftAsync(other.Id);
        var (browser, _) = await app.SignedInAsAsync();

        var page = await browser.GetDocumentAsync($"/account?saved={theirs.Reference}");

        page.QuerySelector(".govuk-notification-banner").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain(theirs.Reference);
    }

    [Fact]
    public async Task Get_WithARequestWaiting_SaysWeAreLookingAtIt()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);
        await browser.PostForRedirectAsync($"/apply/{draft.Id}/check-answers");

        var page = await browser.GetDocumentAsync("/account");

        var card = page.GetElementById($"request-{draft.Reference}").ShouldNotBeNull();
        card.TextContent.ShouldContain("We are looking at your request");
        card.TextContent.ShouldContain("We aim to decide by");
    }

    [Fact]
    public async Task Get_WithARequestRoutedToTheSafeguardingHub_ReadsExactlyLikeOneWaiting()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var routed = await app.DecidedRequestAsync(user.Id, DecisionOutcome.Safeguarding, "A worry raised on the call.");
        (await app.FindRequestAsync(routed.Id))!.Status.ShouldBe(RequestStatus.RoutedToMash);

        var page = await browser.GetDocumentAsync("/account");
        var confirmation = await browser.GetDocumentAsync($"/apply/{routed.Id}/confirmation");

        var card = page.GetElementById($"request-{routed.Reference}").ShouldNotBeNull();
        card.TextContent.ShouldContain("We are looking at your request");
        foreach (var text in new[] { page.Body!.TextContent, confirmation.Body!.TextContent })
        {
            text.ShouldNotContain("safeguard", Case.Insensitive);
            text.ShouldNotContain("MASH", Case.Sensitive);
            text.ShouldNotContain("Multi-Agency", Case.Insensitive);
            text.ShouldNotContain("A worry raised on the call");
            text.ShouldNotContain("Decided");
        }

        page.QuerySelector("a[href^='/account/letters/']").ShouldBeNull();
    }

    [Fact]
    public async Task Get_WithADecision_LinksToTheLetter()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var decided = await app.DecidedRequestAsync(user.Id, DecisionOutcome.Universal);
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;

        var page = await browser.GetDocumentAsync("/account");

        var card = page.GetElementById($"request-{decided.Reference}").ShouldNotBeNull();
        card.TextContent.ShouldContain("Decided");
        card.QuerySelector($"a[href='/account/letters/{letterId}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Letter_OfTheirChild_IsShownAsWritten()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var decided = await app.DecidedRequestAsync(user.Id, DecisionOutcome.Universal, "Alex <b>can</b> join the clubs in the Local Offer.");
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;

        var page = await browser.GetDocumentAsync($"/account/letters/{letterId}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Activities and support for Alex");
        var letter = page.QuerySelector(".app-letter").ShouldNotBeNull();
        letter.TextContent.ShouldContain(decided.Reference);
        letter.TextContent.ShouldContain("Alex <b>can</b> join the clubs");
        letter.QuerySelector("b").ShouldBeNull();
        letter.QuerySelectorAll("a.govuk-link").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Letter_OfTheirChild_DownloadsAsAPdf_AndAStrangerGetsNothing()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var decided = await app.DecidedRequestAsync(user.Id, DecisionOutcome.Universal, "Alex can join the clubs in the Local Offer.");
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;

        var page = await browser.GetDocumentAsync($"/account/letters/{letterId}");
        page.QuerySelector($"a[href='/account/letters/{letterId}?handler=pdf']").ShouldNotBeNull();
        using var shown = await browser.GetAsync($"/account/letters/{letterId}");
        shown.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue("a letter is never cached");
        using var pdf = await browser.GetAsync($"/account/letters/{letterId}?handler=pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue("a PDF is never cached");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 8).ShouldBe("%PDF-1.7");
        System.Text.Encoding.Latin1.GetString(bytes).ShouldContain("/Title(Activities and support for Alex)");

        var (stranger, _) = await app.SignedInAsAsync();
        using var refused = await stranger.GetAsync($"/account/letters/{letterId}?handler=pdf");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Letter_OfAnotherFamilysChild_IsNotFound()
    {
        var owner = await app.CreateUserAsync(Roles.Family);
        var decided = await app.DecidedRequestAsync(owner.Id, DecisionOutcome.Universal);
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;
        var (stranger, _) = await app.SignedInAsAsync();

        using var response = await stranger.GetAsync($"/account/letters/{letterId}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Letter_NotMeantForTheFamily_IsNotFound()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var decided = await app.DecidedRequestAsync(user.Id, DecisionOutcome.Universal);
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            return await db.Letters.Where(l => l.Id == letterId).ExecuteUpdateAsync(u => u.SetProperty(l => l.VisibleToFamily, false));
        });

        using var response = await browser.GetAsync($"/account/letters/{letterId}");
        var page = await browser.GetDocumentAsync("/account");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector($"a[href='/account/letters/{letterId}']").ShouldBeNull();
    }

    [Fact]
    public async Task Letter_AsStaffOrProvider_IsRefused()
    {
        var owner = await app.CreateUserAsync(Roles.Family);
        var decided = await app.DecidedRequestAsync(owner.Id, DecisionOutcome.Universal);
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;
        var (provider, _) = await app.SignedInAsAsync(Roles.Provider);

        using var response = await provider.GetAsync($"/account/letters/{letterId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/access-denied");
    }

    [Fact]
    public async Task Letter_WhenRead_IsRecordedInTheAudit()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var decided = await app.DecidedRequestAsync(user.Id, DecisionOutcome.Universal);
        var letterId = (await app.FindRequestAsync(decided.Id))!.Decision!.LetterId!.Value;

        await browser.GetDocumentAsync($"/account/letters/{letterId}");

        var views = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().AuditEntries
            .CountAsync(a => a.Action == "view" && a.EntityType == nameof(Letter) && a.EntityId == letterId.ToString() && a.UserId == user.Id));
        views.ShouldBe(1);
    }
}
