using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>Sign-in throttling per address and per client, and running behind a proxy that ends TLS.</summary>
public class ThrottlingAndProxyTests
{
    [Fact]
    public async Task SignIn_IsRefusedWith429_AfterTooManyAttemptsAtOneAddress_WhileOtherAddressesStillWork()
    {
        using var app = new SettingsFactory(new() { ["SignInLimits:PerAccount"] = "3", ["SignInLimits:PerClient"] = "100" }, unthrottled: false);
        var target = await app.CreateUserAsync(Roles.Family);
        var other = await app.CreateUserAsync(Roles.Family);
        using var browser = app.NewBrowser();

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await SignInSecurityTests.PostSignInAsync(browser, target.Email, "not the password at all");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await SignInSecurityTests.PostSignInAsync(browser, target.Email);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await PageClient.ParseAsync(refused);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Too many attempts");
        page.QuerySelector("title")!.TextContent.ShouldStartWith("Error: ");

        using var otherAddress = await SignInSecurityTests.PostSignInAsync(app.NewBrowser(), other.Email);
        otherAddress.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_IsRefused_AfterTooManyAttemptsFromOneClient_AtAnyAddresses()
    {
        using var app = new SettingsFactory(new() { ["SignInLimits:PerAccount"] = "100", ["SignInLimits:PerClient"] = "4" }, unthrottled: false);
        var family = await app.CreateUserAsync(Roles.Family);
        using var browser = app.NewBrowser();

        for (var i = 0; i < 4; i++)
        {
            using var guess = await SignInSecurityTests.PostSignInAsync(browser, $"guess{i}@example.org", "not the password at all");
            guess.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await SignInSecurityTests.PostSignInAsync(browser, family.Email);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAListedProxy_AreHonoured_GivingHstsAndSecureCookies()
    {
        using var app = new SettingsFactory(new() { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" });

        var context = await SignInPageThroughProxyAsync(app, "10.1.2.3");

        context.Request.IsHttps.ShouldBeTrue();
        context.Response.Headers.StrictTransportSecurity.ToString().ShouldContain("max-age=31536000");
        context.Response.Headers.SetCookie.ShouldNotBeEmpty();
        context.Response.Headers.SetCookie.ShouldAllBe(c => c!.Contains("secure"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAProxyNotListed_AreIgnored()
    {
        using var app = new SettingsFactory(new() { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" });

        var context = await SignInPageThroughProxyAsync(app, "10.9.9.9");

        context.Request.IsHttps.ShouldBeFalse();
        context.Response.Headers.StrictTransportSecurity.ShouldBeEmpty();
        context.Response.Headers.SetCookie.ShouldNotBeEmpty();
        context.Response.Headers.SetCookie.ShouldAllBe(c => !c!.Contains("secure"));
    }

    [Fact]
    public async Task BehindTlsProxySetting_MarksCookiesSecure_AndSendsHsts_EvenWithoutForwardedHeaders()
    {
        using var app = new SettingsFactory(new() { ["Hosting:BehindTlsProxy"] = "true" });

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Host = new HostString("shortbreaks.example");
            c.Request.Path = "/account/sign-in";
        });

        context.Response.StatusCode.ShouldBe(200);
        context.Response.Headers.StrictTransportSecurity.ToString().ShouldContain("max-age=31536000");
        context.Response.Headers.SetCookie.ShouldAllBe(c => c!.Contains("secure"));
    }

    [Fact]
    public async Task SignIn_WithAnUnknownAddress_ChecksAPasswordHashAsAWrongPasswordDoes_AndGivesTheSameMessage()
    {
        var hasher = new CountingHasher();
        using var app = new SettingsFactory([], configure: services => services.AddScoped<IPasswordHasher<AppUser>>(_ => hasher));
        var family = await app.CreateUserAsync(Roles.Family);
        using var browser = app.NewBrowser();

        var before = hasher.Verified;
        using var unknown = await SignInSecurityTests.PostSignInAsync(browser, $"nobody-{Guid.NewGuid():N}@example.org", "some long wrong password");
        var forUnknown = hasher.Verified - before;
        using var wrong = await SignInSecurityTests.PostSignInAsync(browser, family.Email, "some long wrong password");
        var forWrong = hasher.Verified - before - forUnknown;

        forUnknown.ShouldBe(1);
        forWrong.ShouldBe(1);
        (await PageClient.ParseAsync(unknown)).QuerySelector("#Email-error")!.TextContent
            .ShouldBe((await PageClient.ParseAsync(wrong)).QuerySelector("#Email-error")!.TextContent);
    }

    /// <summary>Identity's hasher, counting how many passwords it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static Task<HttpContext> SignInPageThroughProxyAsync(SettingsFactory app, string proxy) =>
        app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
            c.Request.Method = "GET";
            c.Request.Host = new HostString("shortbreaks.example");
            c.Request.Path = "/account/sign-in";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        });

    /// <summary>The test host with some settings of its own.</summary>
    private sealed class SettingsFactory(Dictionary<string, string> settings, bool unthrottled = true, Action<IServiceCollection>? configure = null) : WebAppFactory
    {
        protected override bool Unthrottled => unthrottled;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (configure is not null) builder.ConfigureTestServices(configure);
        }
    }
}
