using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ShortBreaks.Staff.Tests.Infrastructure;

/// <summary>
/// The real web host over a SQLite file of its own, with emails written to a folder of its own and the
/// shipped scheme files. One per test class: the classes run in parallel without seeing each other's data.
/// </summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shortbreaks-staff-tests", Guid.NewGuid().ToString("N"));

    // SQLite for this project, PostgreSQL for its ShortBreaks.Staff.Tests.PostgreSql twin.
    private readonly ShortBreaks.TestCommon.TestDatabase _database = ShortBreaks.TestCommon.WebTestDatabase.Create(typeof(WebAppFactory).Assembly);

    public WebAppFactory()
    {
        Directory.CreateDirectory(_folder);
        Data = new TestData(this);
    }

    public string MailFolder => Path.Combine(_folder, "mail");

    public TestData Data { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Email:SmtpHost", "");
        builder.UseSetting("Schemes:Directory", Path.Combine(AppContext.BaseDirectory, "schemes"));
        foreach (var (key, value) in ShortBreaks.TestCommon.TestAccounts.UnthrottledSettings) builder.UseSetting(key, value);

        // Keys in memory, so hosts running side by side never share (or race to write) a key folder.
        builder.ConfigureTestServices(services => services.AddDataProtection().UseEphemeralDataProtectionProvider());
    }

    /// <summary>A browser that has not signed in; it keeps cookies and does not follow redirects.</summary>
    public HttpClient NewBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Every email written so far, as text.</summary>
    public IReadOnlyList<string> Emails() =>
        Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Order().Select(File.ReadAllText).ToList() : [];

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
            // A file still held open is left for the operating system's temp clean-up.
        }
    }
}
