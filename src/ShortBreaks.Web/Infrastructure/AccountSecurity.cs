using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Sign-in security: sessions that end at sign-out, the second factor for staff, password rules, throttled
/// sign-in, and running behind a TLS proxy (forwarded headers from known proxies only, HSTS, Secure cookies).
/// </summary>
public static class AccountSecurity
{
    /// <summary>The claim Identity adds when a sign-in passed the second factor.</summary>
    public const string SecondFactorClaim = "amr";

    public const string SecondFactorValue = "mfa";

    /// <summary>Call after <c>AddIdentity</c>: the password rules are added beside Identity's own.</summary>
    public static void AddAccountSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddScoped<IPasswordValidator<AppUser>, PasswordRules>();
        services.AddSingleton(config.GetSection("SignInLimits").Get<SignInLimitOptions>() ?? new SignInLimitOptions());
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInTiming>();
        services.AddScoped<AccountEmails>();

        // Every request checks the cookie's security stamp against the account's: signing out changes the
        // stamp, so a copy of the cookie taken before is refused afterwards (as is every session after a
        // password reset or a change of second factor).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.Events.OnValidatePrincipal = ValidateSessionAsync);

        var hosting = HostingOptions.From(config);
        services.AddSingleton(hosting);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.KnownProxies) o.KnownProxies.Add(proxy);
            foreach (var network in hosting.KnownNetworks) o.KnownIPNetworks.Add(network);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<CookiePolicyOptions>(o =>
            o.Secure = hosting.BehindTlsProxy ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline: who the client is and whether it used HTTPS, then HSTS and Secure cookies.</summary>
    public static void UseAccountSecurityFirst(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<HostingOptions>().BehindTlsProxy)
        {
            // Every request reached the proxy over HTTPS, whether or not the proxy says so.
            app.Use((context, next) =>
            {
                context.Request.Scheme = "https";
                return next(context);
            });
        }

        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseCookiePolicy();
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var identityOptions = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var userId = principal?.FindFirstValue(identityOptions.ClaimsIdentity.UserIdClaimType);
        var stamp = principal?.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);
        string? current = null;
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        }

        if (current is null || current != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Whether the signed-in person is staff (anyone but a family), who must sign in with a second factor.</summary>
    public static bool IsStaff(ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    public static bool PassedSecondFactor(ClaimsPrincipal user) => user.HasClaim(SecondFactorClaim, SecondFactorValue);

    /// <summary>Signs the person in again (a new cookie with their new security stamp), keeping whether they passed a second factor.</summary>
    public static Task ReissueAsync(this SignInManager<AppUser> signIn, AppUser user, bool passedSecondFactor) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false,
            passedSecondFactor ? [new Claim(SecondFactorClaim, SecondFactorValue)] : []);

    /// <summary>A local address to go on to, or null.</summary>
    public static string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : null;
}

/// <summary>The "Hosting" and "ForwardedHeaders" settings for running behind a proxy that ends TLS.</summary>
public sealed class HostingOptions
{
    /// <summary>Every request reaches the service through a proxy that ends HTTPS: treat each as HTTPS.</summary>
    public bool BehindTlsProxy { get; init; }

    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];

    public IReadOnlyList<System.Net.IPNetwork> KnownNetworks { get; init; } = [];

    public static HostingOptions From(IConfiguration config)
    {
        var proxies = Values(config.GetSection("ForwardedHeaders:KnownProxies"));
        var networks = Values(config.GetSection("ForwardedHeaders:KnownNetworks"));
        return new HostingOptions
        {
            BehindTlsProxy = config.GetValue("Hosting:BehindTlsProxy", false),
            KnownProxies = proxies.Select(p => IPAddress.TryParse(p, out var ip)
                ? ip
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{p}', which is not an IP address.")).ToList(),
            KnownNetworks = networks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
                ? network
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{n}', which is not a network such as 10.0.0.0/8.")).ToList(),
        };
    }

    // A list in configuration is either children (KnownProxies:0, KnownProxies:1) or one value separated by commas.
    private static List<string> Values(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value).ToList();
        if (values.Count == 0) values.Add(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}

/// <summary>
/// Staff who have not passed a second factor (because they have not set up an authenticator app yet) reach only
/// the page that sets one up, and signing out. The API refuses them with problem details.
/// </summary>
public sealed class StaffSecondFactorGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/authenticator", "/account/sign-out", "/error", "/access-denied", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !AccountSecurity.IsStaff(user) || AccountSecurity.PassedSecondFactor(user)
            || Open.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Set up an authenticator app before using the service",
                Detail = "Staff sign in with a code from an authenticator app. Sign in on the website to set one up.",
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }

        var here = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(context.RequestServices.GetRequiredService<ShortBreaksLinks>()
            .Authenticator(returnUrl: HttpMethods.IsGet(context.Request.Method) ? here : null));
        return Task.CompletedTask;
    }
}

/// <summary>The "SignInLimits" settings: attempts allowed in each window, per email address and per client address.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Attempts at one email address (signing in, a second factor code, a password reset) in a window.</summary>
    public int PerAccount { get; set; } = 10;

    /// <summary>Attempts from one client IP address, at any accounts, in a window.</summary>
    public int PerClient { get; set; } = 100;

    public int WindowMinutes { get; set; } = 5;
}

/// <summary>
/// Throttles sign-in, second factor and password reset attempts with .NET's rate limiters, partitioned by the
/// email address (normalised) and by the client's IP address. Throttling, not locking accounts, is what stops
/// guessing: a locked account would let anyone lock every member of staff out.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<string> _perClient;

    public SignInThrottle(SignInLimitOptions options)
    {
        Options = options;
        var window = TimeSpan.FromMinutes(Math.Max(1, options.WindowMinutes));
        _perAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.PerAccount), Window = window, QueueLimit = 0 }));
        _perClient = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.PerClient), Window = window, QueueLimit = 0 }));
    }

    public SignInLimitOptions Options { get; }

    /// <summary>Whether another attempt of this kind is allowed now for this account (if known) from this client.</summary>
    public bool TryAttempt(string kind, string? account, HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using (var byClient = _perClient.AttemptAcquire($"{kind}|{client}"))
        {
            if (!byClient.IsAcquired) return false;
        }

        if (string.IsNullOrWhiteSpace(account)) return true;
        using var byAccount = _perAccount.AttemptAcquire($"{kind}|{account.Trim().ToUpperInvariant()}");
        return byAccount.IsAcquired;
    }

    public string Refusal => $"Too many attempts. Wait {Math.Max(1, Options.WindowMinutes)} minutes, then try again.";

    public void Dispose()
    {
        _perAccount.Dispose();
        _perClient.Dispose();
    }
}

/// <summary>Makes refusing an unknown email address take as long as refusing a wrong password.</summary>
public sealed class SignInTiming(IPasswordHasher<AppUser> hasher)
{
    // Made once by the service's own hasher, so checking it costs what checking a real password costs.
    private static string? _dummyHash;

    public void CheckAgainstNothing(string password)
    {
        var hash = _dummyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(new AppUser(), hash, password);
    }
}
