namespace ShortBreaks.Core.Demo;

/// <summary>
/// A made-up council's short breaks service, for demonstrations, manual testing and load tests:
/// staff with realistic caseloads, approved providers, children on every tier with their requests,
/// decisions and letters, and requests still waiting for a decision, and a year of money: direct payments agreed and
/// paid into their accounts by monthly payment runs, providers' invoices, statements, returns, audits and a recoupment,
/// and reviews due, overdue, booked, held and decided.
/// Every person is synthetic.
/// </summary>
public static class DemoCounty
{
    /// <summary>The password of every demo login. Other generated accounts have no password and cannot sign in.</summary>
    public const string Password = "Demo-password-1";

    public const string EmailDomain = "demo.example";

    /// <summary>One login per role, for demonstrations. <c>parent@</c> has one child with Flexible Short Breaks; <c>parent2@</c> has none yet.</summary>
    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("officer@demo.example", "Amira Hughes", Roles.PersonalisationOfficer,
            "Personalisation officer with a caseload of about 45 children; takes duty-point requests and makes threshold decisions"),
        new("reviewer@demo.example", "Tom Barker", Roles.ReviewingOfficer, "Reviewing officer: chairs reviews of packages"),
        new("manager@demo.example", "Grace Okafor", Roles.TeamManager,
            "Team manager: oversees the team and every Targeted Short Breaks case, approves panel decisions"),
        new("commissioning@demo.example", "Martin Reid", Roles.CommissioningOfficer, "Commissioning officer: keeps the approved provider framework"),
        new("finance@demo.example", "Helen Marsh", Roles.FinanceOfficer,
            "Finance officer: prepares the monthly payment runs, makes and approves invoices, monitors direct payment accounts and audits them"),
        new("finance2@demo.example", "Ravi Chandra", Roles.FinanceOfficer,
            "Second finance officer: approves the payment runs the first prepares (a run is always checked by a second person)", "Second finance officer"),
        new("provider@demo.example", "Dev Sharma", Roles.Provider,
            "Administrator of Riverside Play Scheme: adds and removes its users, accepts service agreements and returns what was delivered",
            "Provider administrator"),
        new("providerworker@demo.example", "Priya Nair", Roles.Provider,
            "Support worker at Riverside Play Scheme: sees only the children with a package from it, and returns their sessions",
            "Provider worker"),
        new("admin@demo.example", "Alex Morgan", Roles.Admin, "Administrator of the service"),
        new("parent@demo.example", "Jess Carter", Roles.Family, "Parent carer of one child with Flexible Short Breaks approved"),
        new("parent2@demo.example", "Sam Ellis", Roles.Family, "Parent carer with an account and no child yet: make a new request"),
    ];

    /// <summary>
    /// Fills an empty database with the demo county, in one transaction. Refuses a database that already has children.
    /// Deterministic: the same <see cref="DemoOptions.Seed"/> and <see cref="DemoOptions.Today"/> give the same records.
    /// </summary>
    public static async Task<DemoSummary> GenerateAsync(ShortBreaksDbContext db, DemoOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Children is < DemoOptions.MinimumChildren or > DemoOptions.MaximumChildren)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"A demo county has {DemoOptions.MinimumChildren:N0} to {DemoOptions.MaximumChildren:N0} children, not {options.Children:N0}.");
        }

        if (await db.Children.AnyAsync(ct))
        {
            throw new InvalidOperationException(
                "The database already has children, so no demo data was added: demo data goes only into an empty database. " +
                "Use a new database (for SQLite, a new file) or delete this one, then run again.");
        }

        var domain = "@" + EmailDomain.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(domain), ct))
        {
            throw new InvalidOperationException(
                $"The database already has accounts under @{EmailDomain}, so no demo data was added. Use a new database, then run again.");
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var summary = await new DemoCountyGenerator(db, options).RunAsync(ct);
        await using var supply = DemoSupply.Open(db, options);
        await supply.AddFrameworkAsync(ct);
        if (options.Ras is not null) await DemoPlans.AddAsync(db, options, supply.PlanServices(), ct);
        var packages = await supply.AddPackagesAsync(ct);
        await DemoClosures.AddAsync(db, options, ct);
        await DemoComplaints.AddAsync(db, options, ct);
        var money = await supply.AddMoneyAsync(ct);
        await supply.AddReviewsAsync(ct);
        return summary with
        {
            Providers = supply.Organisations,
            Packages = packages,
            DirectPayments = money.DirectPayments,
            PaymentRuns = money.PaymentRuns,
            Invoices = money.Invoices,
            Elapsed = stopwatch.Elapsed,
        };
    }
}
