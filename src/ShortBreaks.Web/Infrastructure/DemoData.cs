using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShortBreaks.Core.Demo;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>Roles every database needs, and the synthetic demo county when the service runs with demo data.</summary>
public static class DemoData
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Loads the demo county into an empty database, and prints where the service is and who can sign in.</summary>
    public static async Task EnsureAsync(WebApplication app, IServiceProvider services)
    {
        var db = services.GetRequiredService<ShortBreaksDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = UkCalendar.Today(clock);
        if (!await db.Children.AnyAsync())
        {
            var options = new DemoOptions
            {
                Seed = app.Configuration.GetValue("Demo:Seed", 2026),
                Children = app.Configuration.GetValue("Demo:Children", 1550),
                Today = today,
                Scheme = services.GetRequiredService<SchemeCatalog>().InForceOn(today),
                WorkingDays = services.GetRequiredService<WorkingDays>(),
                Ras = services.GetRequiredService<ShortBreaks.Core.Ras.RasSchemeCatalog>(),
            };
            Console.WriteLine($"Loading the demo county ({options.Children:N0} children, seed {options.Seed})...");
            var summary = await DemoCounty.GenerateAsync(db, options, CancellationToken.None);
            Console.WriteLine($"Loaded {summary.Children:N0} children, {summary.AwaitingDecision:N0} requests awaiting a decision.");
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"Short breaks is running at {string.Join(", ", addresses)}");
            Console.WriteLine($"Demo logins (password {DemoCounty.Password}):");
            foreach (var login in DemoCounty.Logins)
            {
                Console.WriteLine($"  {login.Email,-30} {login.Title ?? Roles.Name(login.Role)}");
            }

            Console.WriteLine($"Staff logins also need a code from an authenticator app with the demo key {Authenticator.DemoKey}");
            Console.WriteLine("  (or print the current code: dotnet run --project src/ShortBreaks.Cli -- demo-code)");

            Console.WriteLine();
        });
    }
}
