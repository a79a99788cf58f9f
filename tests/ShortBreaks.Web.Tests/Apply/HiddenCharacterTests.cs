using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>
/// Control characters and broken text in a question's answer get the GOV.UK error on the field, with the same words
/// as the API, and nothing is saved; on PostgreSQL a NUL used to fail the save with a 500, on SQLite it was stored.
/// </summary>
public class HiddenCharacterTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("child-name", "ChildFirstName", "Ma\0ya", "First name must not include hidden characters such as control characters")]
    [InlineData("child-name", "ChildLastName", "Exam\u0085ple", "Last name must not include hidden characters such as control characters")]
    [InlineData("child-name", "ChildFirstName", "Maya\nRose", "First name must not include hidden characters such as control characters")]
    [InlineData("address", "AddressLine1", "1 High\0 Street", "Address line 1 must not include hidden characters such as control characters")]
    [InlineData("address", "Postcode", "DC1\0 2AB", "Postcode must not include hidden characters such as control characters")]
    [InlineData("own-words", "NeedsInOwnWords", "Needs care\0 at night", "Your description must not include hidden characters such as control characters")]
    [InlineData("contact", "ContactEmail", "jess\u0007@example.org", "Email address must not include hidden characters such as control characters")]
    [InlineData("siblings", "SiblingDetails", "One brother\0", "Details must not include hidden characters such as control characters")]
    public async Task AnAnswer_WithAHiddenCharacter_ShowsTheErrorOnTheField_AndSavesNothing(string step, string field, string value, string message)
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        var fields = Answers.Form().Single(s => s.Step == step).Fields.Select(f => f.Name == field ? (f.Name, value) : (f.Name, f.Value));

        foreach (var action in new[] { "continue", "later" })
        {
            var page = await browser.PostForPageAsync($"/apply/{draft.Id}/{step}", fields.Append(("action", action)));

            page.ShouldShowError(field, message);
        }

        var saved = (await app.FindRequestAsync(draft.Id))!;
        (saved.ChildFirstName, saved.AddressLine1, saved.NeedsInOwnWords, saved.ContactEmail, saved.SiblingDetails).ShouldBe((null, null, null, null, null));
    }

    [Fact]
    public async Task LongText_KeepsItsLineBreaks()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        await browser.PostForRedirectAsync($"/apply/{draft.Id}/own-words", ("NeedsInOwnWords", "Wakes most nights.\r\nNeeds two carers\tfor lifting."), ("action", "continue"));

        (await app.FindRequestAsync(draft.Id))!.NeedsInOwnWords.ShouldBe("Wakes most nights.\nNeeds two carers\tfor lifting.");
    }

    [Fact]
    public async Task AnAnswer_InBytesThatAreNotUtf8_IsRefused()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        var token = await browser.TokenAsync();
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes($"ChildFirstName=Ma%FF%FEya&ChildLastName=Example&action=continue&__RequestVerificationToken={Uri.EscapeDataString(token)}"));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await browser.Http.PostAsync($"/apply/{draft.Id}/child-name", body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageClient.ParseAsync(response)).ShouldShowError("ChildFirstName", "First name must not include hidden characters such as control characters");
        (await app.FindRequestAsync(draft.Id))!.ChildFirstName.ShouldBeNull();
    }

    [Fact]
    public async Task AnyOtherForm_WithAHiddenCharacter_IsShownAgainWithTheError_AndDoesNothing()
    {
        var (browser, user) = await app.SignedInAsAsync();
        async Task<int> DraftsAsync() => await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().Requests.CountAsync(r => r.FamilyUserId == user.Id));

        using var response = await browser.PostAsync("/apply?handler=start", ("startNew", "true\0"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await PageClient.ParseAsync(response);
        page.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
        page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("Start new must not include hidden characters such as control characters");
        (await DraftsAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("/apply?x=%00")]
    [InlineData("/account?saved=%07")]
    [InlineData("/apply?x=%C2%9B")]
    [InlineData("/apply?x=%FF")]
    [InlineData("/?q=%ED%A0%80")]
    public async Task AnAddress_WithAHiddenCharacterInItsQuery_GetsAClearErrorPage_NeverA500(string address)
    {
        var (browser, _) = await app.SignedInAsAsync();

        using var response = await browser.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await PageClient.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.Trim().ShouldBe("There is a problem with what was sent");
        page.Body!.TextContent.ShouldContain("The web address has hidden characters such as control characters in it.");
    }
}
