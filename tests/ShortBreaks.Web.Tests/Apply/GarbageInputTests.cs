using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>Whatever is sent, a page answers with a GOV.UK page or a redirect: never a 500.</summary>
public class GarbageInputTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string[] Junk =
    [
        "abc", "99", "-1", "99999999999999999999999", "true,false", "<script>alert(1)</script>", "\u0000\u0001", "１２", new string('9', 5000), "0x10", "NaN", "💥",
    ];

    private static readonly string[] Pages = [.. RequestSteps.All, "check-answers", "confirmation"];

    [Fact]
    public async Task Post_JunkInEveryFieldOfEveryPage_NeverGivesA500()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        var names = Answers.Form().SelectMany(s => s.Fields.Select(f => f.Name)).Distinct()
            .Concat(["action", "change", "handler", "Id", "DocumentId", "startNew", "Upload"]).ToList();

        foreach (var page in Pages)
        {
            foreach (var junk in Junk)
            {
                foreach (var action in new[] { "continue", "later", junk })
                {
                    var fields = names.Select(n => (n, junk)).Append(("action", action)).Append((names[0], "second value"));
                    using var response = await browser.PostAsync($"/apply/{draft.Id}/{page}", fields);
                    ((int)response.StatusCode).ShouldBeLessThan(500, $"POST {page} with '{junk}' and action '{action}'");
                }
            }
        }
    }

    [Fact]
    public async Task Post_JunkToEachPage_ShowsAGovukErrorWhereAnAnswerIsExpected()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        var names = Answers.Form().SelectMany(s => s.Fields.Select(f => f.Name)).Distinct().ToList();

        foreach (var step in RequestSteps.All)
        {
            // "1!" is no answer to any question; only free text takes anything, so it gets too much of it.
            var fields = names.Select(n => (n, n == "NeedsInOwnWords" ? new string('z', 3001) : "1!"));
            using var response = await browser.PostAsync($"/apply/{draft.Id}/{step}", fields.Append(("action", "continue")));

            response.StatusCode.ShouldBe(HttpStatusCode.OK, step);
            var page = await PageClient.ParseAsync(response);
            page.Title.ShouldNotBeNull().ShouldStartWith("Error: ", customMessage: step);
            page.QuerySelector(".govuk-error-summary").ShouldNotBeNull(step);
        }
    }

    [Fact]
    public async Task Post_BrokenMultipartBodyToEachPage_NeverGivesA500()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        var token = await browser.TokenAsync();

        foreach (var page in Pages.Append("evidence?handler=upload").Append("evidence?handler=remove"))
        {
            var body = new StringContent($"--xyz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--xyz\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"a.pdf\"\r\n\r\n%PDF-trunc", Encoding.UTF8);
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

            using var response = await browser.Http.PostAsync($"/apply/{draft.Id}/{page}", body);

            ((int)response.StatusCode).ShouldBeLessThan(500, page);
        }
    }

    [Fact]
    public async Task Get_WithJunkInTheQueryString_NeverGivesA500()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        foreach (var page in Pages)
        {
            using var response = await browser.GetAsync($"/apply/{draft.Id}/{page}?change=banana&handler=%00&Id=zzz");

            ((int)response.StatusCode).ShouldBeLessThan(500, page);
        }

        using var notAGuid = await browser.GetAsync("/apply/not-a-guid/child-name");
        notAGuid.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badDocument = await browser.GetAsync($"/apply/{draft.Id}/evidence/{Guid.NewGuid()}");
        badDocument.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badLetter = await browser.GetAsync($"/account/letters/{Guid.NewGuid()}");
        badLetter.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var account = await browser.GetAsync("/account?saved=%3Cscript%3E");
        account.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_StartWithJunk_NeverGivesA500()
    {
        var (browser, _) = await app.SignedInAsAsync();

        foreach (var junk in Junk)
        {
            using var response = await browser.PostAsync("/apply?handler=start", ("startNew", junk));
            ((int)response.StatusCode).ShouldBeLessThan(500, junk);
        }
    }
}
