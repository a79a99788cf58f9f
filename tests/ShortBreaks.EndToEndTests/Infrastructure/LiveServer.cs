using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests.Infrastructure;

/// <summary>The real service on Kestrel on a free loopback port, with its own database, for a browser to drive.</summary>
public sealed class LiveServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly string _mail = Directory.CreateTempSubdirectory("sb-e2e-mail-").FullName;

    private LiveServer(TestDatabase database)
    {
        _database = database;
        UseKestrel(0);
    }

    public string MailFolder => _mail;

    public string BaseUrl { get; private set; } = "";

    public static async Task<LiveServer> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var server = new LiveServer(database);
        server.StartServer();
        server.BaseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Email:PickupDirectory", _mail);
        builder.UseSetting("Schemes:Directory", Path.Combine(AppContext.BaseDirectory, "schemes"));
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseEnvironment("Production");
        foreach (var (key, value) in TestAccounts.UnthrottledSettings) builder.UseSetting(key, value);
    }

    /// <summary>An account in a role, with a password, made through Identity as an administrator would (staff enrolled with the test authenticator key).</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string role, string displayName)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        const string password = "Correct-horse-battery-1";
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();

        // Staff sign in with a second factor: enrolled with the test authenticator key.
        await TestAccounts.EnrolIfStaffAsync(users, user, [role]);
        return (email, password);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_mail, recursive: true);
    }
}
