using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;

namespace ShortBreaks.Api.Tests.Infrastructure;

/// <summary>
/// The whole service over HTTP, on its own SQLite file and mail folder, with the scheme files it ships with.
/// Callers sign in through the real sign-in page, and the API uses the cookie that gives them.
/// </summary>
public partial class WebAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shortbreaks-api-tests-" + Guid.NewGuid().ToString("N"));

    // SQLite for this project, PostgreSQL for its ShortBreaks.Api.Tests.PostgreSql twin.
    private readonly ShortBreaks.TestCommon.TestDatabase _database = ShortBreaks.TestCommon.WebTestDatabase.Create(typeof(WebAppFactory).Assembly);

    public string MailFolder => Path.Combine(_folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Email:SmtpHost", "");
        builder.UseSetting("Schemes:Directory", Path.Combine(AppContext.BaseDirectory, "schemes"));
        foreach (var (key, value) in ShortBreaks.TestCommon.TestAccounts.UnthrottledSettings) builder.UseSetting(key, value);
    }

    /// <summary>A new account in the given roles; the email is unique so tests never share a person.</summary>
    public async Task<AppUser> CreateUserAsync(params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = roles.Length == 0 ? "nobody" : string.Join("-", roles).ToLowerInvariant();
        var user = new AppUser
        {
            UserName = $"{name}-{Guid.NewGuid():N}@example.org",
            Email = $"{name}-{Guid.NewGuid():N}@example.org",
            DisplayName = $"Test {string.Join(" and ", roles.Select(Roles.Name))}",
            EmailConfirmed = true,
            CreatedAt = DateTime.UtcNow,
        };
        user.UserName = user.Email;
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0) Check(await users.AddToRolesAsync(user, roles));

        // Staff sign in with a second factor: enrolled with the test authenticator key.
        await ShortBreaks.TestCommon.TestAccounts.EnrolIfStaffAsync(users, user, roles);
        return user;
    }

    /// <summary>An HTTP client signed in as a new account in the given roles.</summary>
    public async Task<ApiClient> SignInAsNewUserAsync(params string[] roles)
    {
        var user = await CreateUserAsync(roles);
        return new ApiClient(await SignInAsync(user.Email!), user);
    }

    /// <summary>Signs in through the sign-in page as a person would, keeping the cookie for later calls.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryToken().Match(page);
        token.Success.ShouldBeTrue("the sign-in page has an antiforgery token");

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in redirects to the person's home page");
        var next = response.Headers.Location!.OriginalString;
        if (next.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            var codePage = await client.GetStringAsync(next);
            var codeToken = AntiforgeryToken().Match(codePage);
            codeToken.Success.ShouldBeTrue("the authenticator code page has an antiforgery token");
            var second = await client.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = ShortBreaks.TestCommon.TestAccounts.CurrentCode(),
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(codeToken.Groups["value"].Value),
            }));
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the authenticator code is accepted");
        }

        return client;
    }

    /// <summary>An HTTP client with no sign-in.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder rather than failing the run.
        }
    }

    private static void Check(IdentityResult result) =>
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>
/// The service as it runs live. The framework treats bad input differently in development (it throws) and
/// elsewhere (it answers with an empty body), so the API's errors are checked in both.
/// </summary>
public sealed class ProductionWebAppFactory : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>A signed-in HTTP client and the account it is signed in as.</summary>
public sealed record ApiClient(HttpClient Http, AppUser User);

/// <summary>One running service for all the API tests: starting it and migrating the database is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<WebAppFactory>
{
    public const string Name = "API";
}
