using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client used as a person uses a browser: cookies kept, forms posted with the antiforgery token read
/// from a page, and HTML read with AngleSharp.
/// </summary>
public sealed class Browser(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private string? _token;

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>Gets a page that must answer 200, as a document.</summary>
    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var response = await http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts a form as the browser would, with this person's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, params IEnumerable<(string Name, string Value)> fields)
    {
        var token = await TokenAsync();
        var body = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)));
        return await http.PostAsync(url, body);
    }

    /// <summary>Posts a form and reads the page that comes back (a page with errors answers 200).</summary>
    public async Task<IHtmlDocument> PostForPageAsync(string url, params IEnumerable<(string Name, string Value)> fields)
    {
        using var response = await PostAsync(url, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"POST {url}");
        return await ParseAsync(response);
    }

    /// <summary>Posts a form that should save and move on, and returns where it leads.</summary>
    public async Task<string> PostForRedirectAsync(string url, params IEnumerable<(string Name, string Value)> fields)
    {
        using var response = await PostAsync(url, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = await response.Content.ReadAsStringAsync();
            var errors = Parser.ParseDocument(text).QuerySelector(".govuk-error-summary")?.TextContent.Trim();
            throw new ShouldAssertException($"POST {url} answered {(int)response.StatusCode}, not a redirect. {errors}");
        }

        return response.Headers.Location!.OriginalString;
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string url, MultipartFormDataContent content, bool withToken = true)
    {
        if (withToken) content.Add(new StringContent(await TokenAsync()), "__RequestVerificationToken");
        return await http.PostAsync(url, content);
    }

    public async Task SignInAsync(string email, string password)
    {
        _token = null;
        var form = await GetDocumentAsync("/account/sign-in");
        var token = TokenIn(form);
        using var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in");
        if (response.Headers.Location!.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            // Staff: the code from the test authenticator app.
            var step = response.Headers.Location.OriginalString;
            var codePage = await GetDocumentAsync(step);
            using var second = await http.PostAsync(step, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = ShortBreaks.TestCommon.TestAccounts.CurrentCode(),
                ["__RequestVerificationToken"] = TokenIn(codePage),
            }));
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect, "entering the authenticator code");
        }

        _token = null;
    }

    /// <summary>This person's antiforgery token, from a page every role can open.</summary>
    public async Task<string> TokenAsync() => _token ??= TokenIn(await GetDocumentAsync("/apply"));

    private static string TokenIn(IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new ShouldAssertException("The page has no antiforgery token");

    public void Dispose() => http.Dispose();
}
