using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;

namespace ShortBreaks.Staff.Tests.Infrastructure;

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

    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed record TestUser(string Id, string Email, string Password, string DisplayName, string Role);

/// <summary>Signing in and filling in forms the way a person in a browser does, antiforgery token and all.</summary>
public static class Browser
{
    private static readonly HtmlParser Parser = new();
    private static int _users;

    public static async Task<TestUser> CreateUserAsync(this WebAppFactory factory, string role, string? displayName = null)
    {
        // The host prepares the database (and the roles) when it starts.
        _ = factory.Server;
        var n = Interlocked.Increment(ref _users);
        var email = $"{role.ToLowerInvariant()}.{n}.{Guid.NewGuid():N}@example.org";
        var name = displayName ?? $"{Roles.Name(role)} {n}";
        const string password = "correct horse battery staple";

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTime.UtcNow, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();

        // Staff sign in with a second factor: enrolled with the test authenticator key.
        await ShortBreaks.TestCommon.TestAccounts.EnrolIfStaffAsync(users, user, [role]);
        return new TestUser(user.Id, email, password, name, role);
    }

    /// <summary>A browser signed in through the real sign-in page.</summary>
    public static async Task<HttpClient> SignInAsync(this WebAppFactory factory, TestUser user)
    {
        var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync("/account/sign-in");
        var response = await browser.SubmitAsync(page, "main form[method=post]", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        response.Status.ShouldBe(HttpStatusCode.Redirect, $"Signing in as {user.Email} failed: {Page.Normalise(response.Text)}");
        if (response.RedirectPath!.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            var codePage = await browser.GetPageAsync(response.RedirectPath);
            var second = await browser.SubmitAsync(codePage, "main form[method=post]", new() { ["Code"] = ShortBreaks.TestCommon.TestAccounts.CurrentCode() });
            second.Status.ShouldBe(HttpStatusCode.Redirect, $"The authenticator code for {user.Email} was refused: {Page.Normalise(second.Text)}");
        }

        return browser;
    }

    public static async Task<(HttpClient Browser, TestUser User)> SignedInAsAsync(this WebAppFactory factory, string role, string? displayName = null)
    {
        var user = await factory.CreateUserAsync(role, displayName);
        return (await factory.SignInAsync(user), user);
    }

    public static async Task<Page> GetPageAsync(this HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        return await ReadAsync(url, response);
    }

    /// <summary>
    /// Sends a form on the page as a browser would: every field it has (hidden fields, text, checked radios
    /// and boxes, selected options), with some set to new values. A value of null removes the field.
    /// </summary>
    public static async Task<Page> SubmitAsync(this HttpClient browser, Page page, string formSelector, Dictionary<string, string?> values)
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
            response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        }
        else
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            url = url.Split('?')[0] + "?" + query;
            response = await browser.GetAsync(url);
        }

        return await ReadAsync(url, response);
    }

    /// <summary>Posts fields to a page with the antiforgery token from a form on it, without using the form's own fields.</summary>
    public static async Task<Page> PostRawAsync(this HttpClient browser, Page page, string url, Dictionary<string, string> values)
    {
        var token = page.Html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new ShouldAssertException($"No antiforgery token on {page.Url}");
        var fields = values.Append(new("__RequestVerificationToken", token));
        var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        return await ReadAsync(url, response);
    }

    /// <summary>Follows a redirect the way a browser would.</summary>
    public static async Task<Page> FollowAsync(this HttpClient browser, Page page)
    {
        page.Status.ShouldBe(HttpStatusCode.Redirect, $"Expected a redirect from {page.Url}, got {page.Status}: {Page.Normalise(page.Text)[..Math.Min(500, Page.Normalise(page.Text).Length)]}");
        return await browser.GetPageAsync(page.Response.Headers.Location!.ToString());
    }

    private static async Task<Page> ReadAsync(string url, HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return new Page(url, response.StatusCode, document, response);
    }
}
