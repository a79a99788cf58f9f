using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using Shouldly;

namespace ShortBreaks.TestCommon;

/// <summary>
/// The whole service in the test process, as it runs live (the Production environment), on a database, a mail
/// folder and data protection keys of its own, with the scheme files it ships with. Every page, API and browser
/// test runs on this one host. Without a provider, the database is the one the test project is built for
/// (<see cref="WebTestDatabase"/>): SQLite, or PostgreSQL in a ".PostgreSql" twin.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The password of every account <see cref="CreateUserAsync"/> makes.</summary>
    public const string Password = TestAccounts.Password;

    private readonly string _folder = Directory.CreateTempSubdirectory("shortbreaks-tests-").FullName;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase = true;
    private int _users;

    public WebAppFactory()
        : this(WebTestDatabase.Current)
    {
    }

    /// <summary>
    /// A host on a new database of the given provider. Called from a fixture, so a missing PostgreSQL fails the
    /// tests that need it (with the reason) rather than skipping them.
    /// </summary>
    protected WebAppFactory(DatabaseProvider provider)
    {
        _database = TestDatabase.CreateAsync(provider).GetAwaiter().GetResult();
        Data = new TestData(() => Services);
    }

    /// <summary>
    /// A host on a database made (and removed) by someone else: another node of the same service, as a second web
    /// node behind a load balancer runs on the first one's database, or a database a test prepared.
    /// </summary>
    protected WebAppFactory(TestDatabase database)
    {
        _database = database;
        _ownsDatabase = false;
        Data = new TestData(() => Services);
    }

    /// <summary>The database this host runs on, for another node to share.</summary>
    protected TestDatabase TestDatabase => _database;

    public DatabaseOptions Database => _database.Options;

    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>Builders of synthetic records, saved straight into this host's database.</summary>
    public TestData Data { get; }

    /// <summary>False for tests of sign-in throttling, which set their own limits.</summary>
    protected virtual bool Unthrottled => true;

    /// <summary>
    /// True: data protection keys in memory, so hosts running side by side never share a key. False for tests of
    /// several nodes: the keys are then kept in the database, as the service keeps them live.
    /// </summary>
    protected virtual bool KeysInMemory => true;

    /// <summary>False: the monthly retention scan does not run by itself, so a test's own scan is the only one.</summary>
    protected virtual bool MonthlyRetentionScan => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Email:SmtpHost", "");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Schemes:Directory", Path.Combine(AppContext.BaseDirectory, "schemes"));
        builder.UseSetting("Retention:MonthlyScan", MonthlyRetentionScan ? "true" : "false");
        builder.UseSetting("Providers:ExpiryWatch", "false");
        builder.UseSetting("Providers:RenewalWatch", "false");
        builder.UseSetting("Reviews:DueScan", "false");
        builder.UseSetting("DirectPayments:EndingScan", "false");
        // The outbox is sent by the test that wants it (OutboxService.SendWaitingAsync), so a test's mail folder holds
        // only what that test sent.
        builder.UseSetting("Outbox:Send", "false");
        if (Unthrottled)
        {
            foreach (var (key, value) in TestAccounts.UnthrottledSettings) builder.UseSetting(key, value);
        }

        if (KeysInMemory)
        {
            builder.ConfigureTestServices(services => services.AddDataProtection().UseEphemeralDataProtectionProvider());
        }
    }

    /// <summary>A browser with its own cookies that does not follow redirects, so tests see where they lead.</summary>
    public PageClient NewBrowser() => new(CreateBrowserClient());

    /// <summary>An HTTP client that has not signed in, keeps cookies and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateBrowserClient();

    protected virtual HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A new account with a role and <see cref="Password"/>: a family's email address is confirmed (unless
    /// <paramref name="emailConfirmed"/> is false), and staff are enrolled with the test authenticator key
    /// (<see cref="TestAccounts"/>). The address is unique, so tests never share a person.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string role, string? name = null, bool emailConfirmed = true)
    {
        var n = Interlocked.Increment(ref _users);
        var email = $"{role.ToLowerInvariant()}.{n}.{Guid.NewGuid():N}@example.org";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = name ?? $"{Roles.Name(role)} {n}", CreatedAt = DateTime.UtcNow, EmailConfirmed = emailConfirmed,
        };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        await TestAccounts.EnrolIfStaffAsync(users, user, [role]);
        return new TestUser(user.Id, email, user.DisplayName, role);
    }

    /// <summary>A browser signed in as the person through the real sign-in page (staff type their authenticator code).</summary>
    public async Task<PageClient> SignInAsync(TestUser user)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(user);
        return browser;
    }

    /// <summary>A new account in a role, and a browser signed in as it.</summary>
    public async Task<(PageClient Browser, TestUser User)> SignedInAsAsync(string role = Roles.Family, string? name = null)
    {
        var user = await CreateUserAsync(role, name);
        return (await SignInAsync(user), user);
    }

    /// <summary>A browser signed in as a new account in a role; the account is its <see cref="PageClient.User"/>.</summary>
    public async Task<PageClient> SignInAsNewUserAsync(string role) => (await SignedInAsAsync(role)).Browser;

    /// <summary>Runs some work with the app's services, as a named person for the audit.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work, string? actorUserId = null)
    {
        using var scope = Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = actorUserId;
        actor.Name = actorUserId is null ? "Test" : "Test officer";
        return await work(scope.ServiceProvider);
    }

    /// <summary>Every email the host has written so far, oldest first, as text.</summary>
    public IReadOnlyList<string> Emails() =>
        Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Order().Select(File.ReadAllText).ToList() : [];

    // DisposeAsync ends here too.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_ownsDatabase) _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the temp folder's own cleaning.
        }
    }
}

/// <summary>An account a test made, with <see cref="WebAppFactory.Password"/>.</summary>
public sealed record TestUser(string Id, string Email, string Name, string Role)
{
    public string Password => TestAccounts.Password;
}
