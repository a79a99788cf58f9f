using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>The whole web app in memory, on a database and mail folder of its own that are deleted afterwards.</summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shortbreaks-web-tests", Guid.NewGuid().ToString("N"));
    private int _users;

    public WebAppFactory()
    {
        Directory.CreateDirectory(_folder);
        _database = ShortBreaks.TestCommon.WebTestDatabase.Create(typeof(WebAppFactory).Assembly);
    }

    // SQLite for this project, PostgreSQL for its ShortBreaks.Web.Tests.PostgreSql twin.
    private readonly ShortBreaks.TestCommon.TestDatabase _database;

    public DatabaseOptions Database => _database.Options;

    public string MailFolder => Path.Combine(_folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Email:SmtpHost", "");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Schemes:Directory", Path.Combine(AppContext.BaseDirectory, "schemes"));
        if (Unthrottled)
        {
            foreach (var (key, value) in ShortBreaks.TestCommon.TestAccounts.UnthrottledSettings) builder.UseSetting(key, value);
        }
    }

    /// <summary>False for tests of sign-in throttling, which set their own limits.</summary>
    protected virtual bool Unthrottled => true;

    /// <summary>A browser with its own cookies that does not follow redirects, so tests see where they lead.</summary>
    public Browser NewBrowser() => new(CreateBrowserClient());

    protected virtual HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A new account with a role and the test password: a family's email address is confirmed, and staff are
    /// enrolled with the test authenticator key (<see cref="ShortBreaks.TestCommon.TestAccounts"/>).
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string role, string? name = null, bool emailConfirmed = true)
    {
        var n = Interlocked.Increment(ref _users);
        var email = $"{role.ToLowerInvariant()}{n}-{Guid.NewGuid():N}@example.org";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = name ?? $"Test {role} {n}", CreatedAt = DateTime.UtcNow, EmailConfirmed = emailConfirmed };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        await ShortBreaks.TestCommon.TestAccounts.EnrolIfStaffAsync(users, user, [role]);
        return new TestUser(user.Id, email, user.DisplayName, role);
    }

    /// <summary>A family account, signed in through the real sign-in page.</summary>
    public async Task<(TestUser User, Browser Browser)> SignedInAsync(string role = Roles.Family)
    {
        var user = await CreateUserAsync(role);
        var browser = NewBrowser();
        await browser.SignInAsync(user.Email, Password);
        return (user, browser);
    }

    /// <summary>Runs some work with the app's services, as a named person for the audit.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work, string? actorUserId = null)
    {
        using var scope = Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = actorUserId;
        actor.Name = actorUserId is null ? "Test" : "Test officer";
        return await work(scope.ServiceProvider);
    }

    public Task<ShortBreakRequest> StartDraftAsync(string? familyUserId, RequestChannel channel = RequestChannel.Online, string? createdBy = null) =>
        WithServicesAsync(s => s.GetRequiredService<RequestService>().StartAsync(channel, familyUserId, createdBy ?? familyUserId ?? "officer"));

    /// <summary>Reads a request as it is in the database now.</summary>
    public Task<ShortBreakRequest?> FindRequestAsync(Guid id) =>
        WithServicesAsync(s => s.GetRequiredService<RequestService>().FindAsync(id));

    /// <summary>Changes a draft's answers directly, for tests about what comes after the questions.</summary>
    public Task<ShortBreakRequest> UpdateDraftAsync(Guid id, Action<ShortBreakRequest> change) =>
        WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(id))!;
            change(request);
            (await requests.SaveDraftAsync(request)).Succeeded.ShouldBeTrue();
            return request;
        });

    /// <summary>Fills, sends and decides a family's request as an officer would, returning it as decided.</summary>
    public async Task<ShortBreakRequest> DecidedRequestAsync(string familyUserId, DecisionOutcome outcome, string reasons = "We have read what you told us.")
    {
        var officer = await CreateUserAsync(Roles.PersonalisationOfficer);
        var draft = await StartDraftAsync(familyUserId);
        await UpdateDraftAsync(draft.Id, Answers.Complete);
        return await WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(draft.Id))!;
            (await requests.SubmitAsync(request)).Succeeded.ShouldBeTrue();
            (await s.GetRequiredService<RequestMatching>().ConfirmChildAsync(request, null, request.Version)).Succeeded.ShouldBeTrue();
            var decided = await s.GetRequiredService<ThresholdDecisionService>().DecideAsync(request, outcome, reasons, request.Version);
            decided.Succeeded.ShouldBeTrue(string.Join("; ", decided.Errors.Select(e => e.Message)));
            return request;
        }, officer.Id);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the temp folder's own cleaning.
        }
    }
}

public sealed record TestUser(string Id, string Email, string Name, string Role);
