namespace ShortBreaks.Web.Infrastructure;

/// <summary>Everything the host needs, in one place, so Program.cs stays short and tests build the same app.</summary>
public static class ServiceSetup
{
    /// <summary>Largest evidence file accepted; larger ones are refused with a message.</summary>
    public const long MaxEvidenceBytes = 10 * 1024 * 1024;

    /// <summary>Largest request body read at all; anything above this is cut off before it is read.</summary>
    public const long MaxRequestBytes = 30 * 1024 * 1024;

    public static void AddShortBreaks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        var schemesFolder = config["Schemes:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        var database = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var email = config.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        var outbox = config.GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddShortBreaksCore(CoreOptions.FromSchemesFolder(schemesFolder, database, email) with { Outbox = outbox });

        services.AddScoped<SchemeRegistry>();
        services.AddSingleton<VirtualBudgetQueue>();
        services.AddHostedService<VirtualBudgetWorker>();
        // Every node runs the monthly retention scan unless told not to (test hosts that must not find reviews of their own).
        if (!string.Equals(config["Retention:MonthlyScan"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<RetentionWorker>();
        // Every node watches providers' insurance and registration expiry unless told not to; each warning is sent once.
        if (!string.Equals(config["Providers:ExpiryWatch"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<ExpiryWorker>();
        // And opens Flexible Short Breaks renewals, emailing families and reminding them; each email is sent once.
        if (!string.Equals(config["Providers:RenewalWatch"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<RenewalWorker>();
        // And puts reviews falling due on the reviewing officers' worklist; each review is made once.
        if (!string.Equals(config["Reviews:DueScan"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<ReviewWorker>();
        // And ends the direct payments of packages whose last day has passed and that have nothing more to pay.
        if (!string.Equals(config["DirectPayments:EndingScan"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<DirectPaymentEndingWorker>();
        // And finds complaint stages past their due date; each is found once across the nodes.
        if (!string.Equals(config["Complaints:OverdueScan"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<ComplaintWorker>();
        // And sends the emails waiting in the outbox, each once whatever the number of nodes.
        if (!string.Equals(config["Outbox:Send"], "false", StringComparison.OrdinalIgnoreCase)) services.AddHostedService<OutboxWorker>();
        services.AddSingleton<ShortBreaksLinks>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ShortBreaksDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
        builder.AddAccountSecurity();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "shortbreaks";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // The API answers 401/403 with problem details; pages redirect to sign in.
                OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized, () => ctx.Response.Redirect(ctx.RedirectUri)),
                OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden, () => ctx.Response.Redirect(ctx.RedirectUri)),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CaseStaff, p => p.RequireRole(Roles.CaseStaff))
            .AddPolicy(Policies.Decider, p => p.RequireRole(Roles.Deciders))
            .AddPolicy(Policies.Family, p => p.RequireRole(Roles.Family))
            .AddPolicy(Policies.Manager, p => p.RequireRole(Roles.TeamManager, Roles.Admin))
            .AddPolicy(Policies.Rates, p => p.RequireRole(Roles.RatesStaff))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Commissioning, p => p.RequireRole(Roles.Commissioners))
            .AddPolicy(Policies.Provider, p => p.RequireRole(Roles.Provider))
            .AddPolicy(Policies.DirectPayments, p => p.RequireRole(Roles.DirectPaymentStaff))
            .AddPolicy(Policies.Finance, p => p.RequireRole(Roles.FinanceOfficer))
            .AddPolicy(Policies.BudgetMonitoring, p => p.RequireRole(Roles.BudgetStaff))
            .AddPolicy(VirtualBudgetPolicies.ServiceBudget, p => p.RequireRole(Roles.FinanceOfficer, Roles.Admin));
        services.AddScoped<IAuthorizationHandler, ChildAccessHandler>();

        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new HandlerRequiredFilter());
            o.Conventions.ConfigureFilter(new PlainTextFormFilter());
            o.Conventions.ConfigureFilter(new ChildAccessPageFilter());
            o.Conventions.AuthorizeFolder("/Staff", Policies.CaseStaff);
            o.Conventions.AuthorizeFolder("/Rates", Policies.Rates);
            o.Conventions.AuthorizeFolder("/Apply");
            o.Conventions.AllowAnonymousToPage("/Apply/Index");
            o.Conventions.AuthorizeFolder("/Account/Family", Policies.Family);
            o.Conventions.AuthorizeFolder("/Commissioning", Policies.Commissioning);
            o.Conventions.AuthorizeFolder("/Provider", Policies.Provider);
            o.Conventions.AuthorizeFolder("/DirectPayments", Policies.DirectPayments);
            o.Conventions.AuthorizeFolder("/Finance/DirectPayments", Policies.DirectPayments);
            // Invoices and payment runs are finance officers' only; direct payment monitoring (above) is shared with
            // team managers and administrators, so the policy is set per folder, not on all of /Finance.
            o.Conventions.AuthorizePage("/Finance/Index", Policies.Finance);
            o.Conventions.AuthorizeFolder("/Finance/Invoices", Policies.Finance);
            o.Conventions.AuthorizeFolder("/Finance/PaymentRuns", Policies.Finance);
            o.Conventions.AuthorizePage("/Finance/Budget", Policies.BudgetMonitoring);
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);

        services.AddProblemDetails();
        services.AddShortBreaksApi();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Short breaks API";
            doc.Info.Description = "Requests and threshold decisions. Sign in with a staff or family account; the same permissions as the pages apply.";
            return Task.CompletedTask;
        }));
        builder.AddStatelessNodes();
        builder.AddTelemetry();
    }

    public static void UseShortBreaks(this WebApplication app)
    {
        app.UseAccountSecurityFirst();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ExceptionStatus.For, ExceptionHandlingPath = "/error" });
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseApiProblems();
        app.UseMiddleware<OpenReferralCors>();
        app.UseMiddleware<PlainTextQueryGuard>();
        app.UseMiddleware<FormTextMarker>();
        app.UseMiddleware<NoStoreForPersonalData>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseMiddleware<StaffSecondFactorGate>();
        app.UseAuthorization();

        app.MapHealth();
        app.MapOpenApi();
        app.MapRequestsApi();
        app.MapRasApi();
        app.MapChildrenApi();
        app.MapProviderApi();
        app.MapMoneyApi();
        app.MapReviewsApi();
        app.MapReferralsApi();
        app.MapComplaintsApi();
        app.MapCaseloadsApi();
        app.MapOpenReferralFeed();
        app.MapRazorPages();
    }

    /// <summary>
    /// Applies migrations, records the scheme versions, and loads demo data if asked: one node at a time, so nodes
    /// started together never race. On SQLite, refuses to start if another process serves the same database.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        SqliteSingleNode.Claim(app.Services.GetRequiredService<DatabaseOptions>(), app.Lifetime);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        await using var turn = await StartLock.AcquireAsync(db, StartLock.Prepare);
        await DatabaseSetup.MigrateAsync(db);
        await scope.ServiceProvider.GetRequiredService<SchemeRegistry>().RecordAsync();
        await scope.ServiceProvider.GetRequiredService<ShortBreaks.Core.Ras.RasVersionService>().RecordAsync();
        await DemoData.EnsureRolesAsync(scope.ServiceProvider);

        var demo = IsTrue(app.Configuration["Demo:Enabled"]) || IsTrue(app.Configuration["demo"]);
        if (demo)
        {
            await DemoData.EnsureAsync(app, scope.ServiceProvider);
        }
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var b) && b;

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status, Action redirect)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return ctx.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = status == 401 ? "Sign in to use the API" : "You do not have permission to do this",
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }

        redirect();
        return Task.CompletedTask;
    }
}

/// <summary>Adds the person's display name to their sign-in, so pages and the audit can name them.</summary>
public sealed class DisplayNameClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

/// <summary>Tells the data layer who is acting, for the audit trail.</summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, Actor actor)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            actor.UserId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            actor.Name = context.User.FindFirstValue(DisplayNameClaimsFactory.DisplayNameClaim) ?? context.User.Identity.Name ?? "Unknown";
        }
        else
        {
            actor.Name = "Anonymous";
        }

        return next(context);
    }
}

public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Content-Security-Policy"] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}

/// <summary>Bad input that reaches the framework (a malformed body, an oversized upload) is a 400, never a 500.</summary>
public static class ExceptionStatus
{
    public static int For(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
