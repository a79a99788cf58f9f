using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Shouldly;

namespace ShortBreaks.TestCommon;

/// <summary>A page as a browser got it: where it came from, its status and its parsed HTML.</summary>
public sealed record Page(string Url, HttpStatusCode Status, IDocument Html, HttpResponseMessage Response)
{
    public string Text => Html.Body?.TextContent ?? "";

    public IElement? Find(string selector) => Html.QuerySelector(selector);

    public IElement Get(string selector) =>
        Html.QuerySelector(selector) ?? throw new ShouldAssertException($"No element matches '{selector}' on {Url}");

    /// <summary>Where a redirect points, as a path and query.</summary>
    public string? RedirectPath => Response.Headers.Location is { } location
        ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString
        : null;

    public IReadOnlyList<string> ErrorSummary() =>
        Html.QuerySelectorAll(".govuk-error-summary__list li").Select(li => Normalise(li.TextContent)).ToList();

    /// <summary>Whether the page has a link with exactly this text.</summary>
    public bool HasLink(string text) => Html.QuerySelectorAll("a").Any(a => a.TextContent.Trim() == text);

    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// An HTTP client used as a person uses a browser: cookies kept, redirects not followed (so a test sees where
/// they lead), forms sent with the antiforgery token and HTML read with AngleSharp. Made by
/// <see cref="WebAppFactory.NewBrowser"/>; signed in by <see cref="WebAppFactory.SignInAsync(TestUser)"/>.
/// </summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private string? _token;
    private TestUser? _user;

    public HttpClient Http => http;

    /// <summary>The account this browser signed in as.</summary>
    public TestUser User => _user ?? throw new InvalidOperationException("This browser has not signed in as a test user.");

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>Gets a page, whatever its status, as a <see cref="Page"/>.</summary>
    public async Task<Page> GetPageAsync(string url) => await ReadAsync(url, await http.GetAsync(url));

    /// <summary>Gets a page that must answer 200, as a document.</summary>
    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var response = await http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Sends a form on the page as a browser would: every field it has (hidden fields, text, checked radios
    /// and boxes, selected options), with some set to new values. A value of null removes the field.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, Dictionary<string, string?> values)
    {
        var form = page.Html.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new ShouldAssertException($"No form matches '{formSelector}' on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "radio" or "checkbox" && !input.IsChecked) break;
                    if (input.Type is "submit" or "button") break;
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement textarea when !string.IsNullOrEmpty(textarea.Name):
                    fields.Add(new(textarea.Name, textarea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null) fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? page.Url : action;
        var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
        HttpResponseMessage response;
        if (method == "post")
        {
            response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        }
        else
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            url = url.Split('?')[0] + "?" + query;
            response = await http.GetAsync(url);
        }

        return await ReadAsync(url, response);
    }

    /// <summary>Posts fields to a page with the antiforgery token from a form on it, without using the form's own fields.</summary>
    public async Task<Page> PostRawAsync(Page page, string url, Dictionary<string, string> values)
    {
        var token = page.Html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new ShouldAssertException($"No antiforgery token on {page.Url}");
        var fields = values.Append(new("__RequestVerificationToken", token));
        return await ReadAsync(url, await http.PostAsync(url, new FormUrlEncodedContent(fields)));
    }

    /// <summary>Follows a redirect the way a browser would.</summary>
    public async Task<Page> FollowAsync(Page page)
    {
        var text = Page.Normalise(page.Text);
        page.Status.ShouldBe(HttpStatusCode.Redirect, $"Expected a redirect from {page.Url}, got {page.Status}: {text[..Math.Min(500, text.Length)]}");
        return await GetPageAsync(page.Response.Headers.Location!.ToString());
    }

    /// <summary>Posts a body exactly as given (a test of what the page does with it).</summary>
    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => http.PostAsync(url, content);

    /// <summary>Posts fields as the browser would, with this person's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, params IEnumerable<(string Name, string Value)> fields)
    {
        var token = await TokenAsync();
        var body = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)));
        return await http.PostAsync(url, body);
    }

    /// <summary>Posts fields and reads the page that comes back (a page with errors answers 200).</summary>
    public async Task<IHtmlDocument> PostForPageAsync(string url, params IEnumerable<(string Name, string Value)> fields)
    {
        using var response = await PostAsync(url, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"POST {url}");
        return await ParseAsync(response);
    }

    /// <summary>Posts fields that should save and move on, and returns where they lead.</summary>
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

    /// <summary>Signs in as a test account through the real sign-in page.</summary>
    public async Task SignInAsync(TestUser user)
    {
        await SignInAsync(user.Email, user.Password);
        _user = user;
    }

    /// <summary>Signs in through the real sign-in page; staff type the code the test authenticator shows now.</summary>
    public async Task SignInAsync(string email, string password)
    {
        _token = null;
        var page = await GetPageAsync("/account/sign-in");
        var response = await SubmitAsync(page, "main form[method=post]", new() { ["Email"] = email, ["Password"] = password });
        response.Status.ShouldBe(HttpStatusCode.Redirect, $"Signing in as {email} failed: {Page.Normalise(response.Text)}");
        if (response.RedirectPath!.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            var codePage = await GetPageAsync(response.RedirectPath);
            var second = await SubmitAsync(codePage, "main form[method=post]", new() { ["Code"] = TestAccounts.CurrentCode() });
            second.Status.ShouldBe(HttpStatusCode.Redirect, $"The authenticator code for {email} was refused: {Page.Normalise(second.Text)}");
        }

        _token = null;
    }

    /// <summary>This person's antiforgery token, from a page every role can open.</summary>
    public async Task<string> TokenAsync() => _token ??= TokenIn(await GetDocumentAsync("/apply"));

    private static string TokenIn(IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new ShouldAssertException("The page has no antiforgery token");

    private static async Task<Page> ReadAsync(string url, HttpResponseMessage response)
    {
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return new Page(url, response.StatusCode, document, response);
    }

    public void Dispose() => http.Dispose();
}
