using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Demo;

namespace ShortBreaks.Cli.Commands;

internal static class DemoDataCommand
{
    public static Command Create() => CommandLine.Create(
        "demo-data",
        "Migrates an empty database and fills it with a synthetic demo county.",
        [
            CommandLine.Option("--seed", "number", "the same seed and day always give the same county (default 2026)"),
            CommandLine.Option("--children", "number", "how many children (default 1550, a council of the seeds' size)"),
            CommandLine.Option("--today", "yyyy-MM-dd", "the day the county is seen from (default today)"),
            CommandLine.Option("--schemes", "folder", "the scheme files (default the schemes folder beside the tool)"),
            .. DatabaseArguments.Options(),
        ],
        RunAsync,
        $"The database must have no children yet. Every demo login's password is {DemoCounty.Password}.");

    private static async Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        var seed = options.Int("seed", 2026, int.MinValue, int.MaxValue);
        var children = options.Int("children", 1550, DemoOptions.MinimumChildren, DemoOptions.MaximumChildren);
        var today = options.Date("today") ?? UkCalendar.DateOf(DateTime.UtcNow);
        var schemesFolder = options.String("schemes") ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();

        SchemeCatalog catalog;
        try
        {
            catalog = SchemeCatalog.LoadFrom(schemesFolder);
        }
        catch (SchemeValidationException ex)
        {
            throw new UsageException(ex.Message);
        }

        var holidays = Path.Combine(schemesFolder, "calendar", "bank-holidays.json");
        var workingDays = File.Exists(holidays) ? WorkingDays.LoadFrom(holidays) : null;
        var scheme = catalog.InForceOn(today);
        var rasFolder = Path.Combine(schemesFolder, "ras");
        ShortBreaks.Core.Ras.RasSchemeCatalog? ras = null;
        if (Directory.Exists(rasFolder))
        {
            try
            {
                ras = ShortBreaks.Core.Ras.RasSchemeCatalog.LoadFrom(rasFolder);
            }
            catch (ShortBreaks.Core.Ras.RasSchemeValidationException ex)
            {
                throw new UsageException(ex.Message);
            }
        }

        Console.WriteLine($"Loading a demo county of {children:N0} children into {DatabaseArguments.Describe(database)}");
        Console.WriteLine($"(seed {seed}, today {today:yyyy-MM-dd}, scheme {scheme.Version})...");

        var stopwatch = Stopwatch.StartNew();
        await using var core = CoreScope.Open(new CoreOptions { Database = database, Schemes = catalog, Ras = ras, WorkingDays = workingDays }, "demo-data");
        var db = core.Db;
        await DatabaseSetup.MigrateAsync(db, ct);
        var migrated = stopwatch.Elapsed;

        DemoSummary summary;
        try
        {
            summary = await DemoCounty.GenerateAsync(db, new DemoOptions
            {
                Seed = seed,
                Children = children,
                Today = today,
                Scheme = scheme,
                WorkingDays = workingDays,
                Ras = ras,
            }, ct);
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message);
        }

        Print(summary, migrated);
        return 0;
    }

    private static void Print(DemoSummary s, TimeSpan migrated)
    {
        var rows = new (string Label, int Value)[]
        {
            ("Children", s.Children),
            ("  Flexible Short Breaks", s.FlexibleShortBreaks),
            ("  Targeted Short Breaks", s.TargetedShortBreaks),
            ("  Signposted to universal services", s.Universal),
            ("  Referred to social care", s.SocialCare),
            ("  Waiting for a decision", s.AwaitingDecision),
            ("Requests waiting for a decision", s.RequestsAwaitingDecision),
            ("  past the decision target", s.RequestsPastTarget),
            ("  not yet matched to a child", s.RequestsToMatch),
            ("Draft requests", s.DraftRequests),
            ("Decisions (each with a letter)", s.Decisions),
            ("Approved providers", s.Providers),
            ("Packages brokered", s.Packages),
            ("Direct payments agreed", s.DirectPayments),
            ("Payment runs", s.PaymentRuns),
            ("Provider invoices", s.Invoices),
            ("Staff accounts", s.Staff),
            ("  Personalisation officers", s.PersonalisationOfficers),
            ("  Reviewing officers", s.ReviewingOfficers),
            ("  Team managers", s.TeamManagers),
            ("Largest officer caseload", s.LargestCaseload),
            ("Children with no key worker", s.Unallocated),
            ("Family accounts (no password)", s.FamilyAccounts),
            ("Completed RAS assessments", s.RasAssessments),
        };

        Console.WriteLine();
        foreach (var (label, value) in rows)
        {
            Console.WriteLine($"  {label,-36} {value.ToString("N0", CultureInfo.InvariantCulture),9}");
        }

        Console.WriteLine();
        Console.WriteLine($"Done in {(migrated + s.Elapsed).TotalSeconds:0.0} s (migrations {migrated.TotalSeconds:0.0} s, demo data {s.Elapsed.TotalSeconds:0.0} s).");
        Console.WriteLine();
        Console.WriteLine($"Demo logins, each with the password {DemoCounty.Password}:");
        foreach (var login in DemoCounty.Logins)
        {
            Console.WriteLine($"  {login.Email,-28} {login.Title ?? Roles.Name(login.Role),-24} {login.Description}");
        }
    }
}
