using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using ShortBreaks.Core.Notifications;

namespace ShortBreaks.Core.Demo;

/// <summary>
/// The supply side of the demo county, made through the real services as the people would have done it, each on the
/// day they would have done it: the 22 organisations on the framework (the number the seeds' framework grew to) join
/// through <see cref="FrameworkService"/> and commissioning approves them; officers and families build Flexible Short
/// Breaks packages with <see cref="PackageService"/> and the providers accept them; the providers return their
/// sessions month by month with <see cref="DeliveryReturnService"/> over the whole of the last allowance year and this
/// one to today, from each package's start (children on Flexible Short Breaks were decided from half a year before the
/// last allowance year on): some cancelled, some never booked, so hours go unused; most months on time, some a month
/// late and a few not at all. Deterministic: a random stream of its own
/// from the seed, and a clock of its own that walks from the first day to <see cref="DemoOptions.Today"/>.
/// </summary>
internal sealed partial class DemoSupply : IAsyncDisposable
{
    /// <summary>The most children on Flexible Short Breaks given packages, however large the county: a year of returns for each is made one session at a time.</summary>
    public const int MostFlexiblePackages = 60;

    /// <summary>One in this many children on Flexible Short Breaks has packages (up to <see cref="MostFlexiblePackages"/>).</summary>
    public const int OneFlexibleChildIn = 5;

    public const string PublicBaseUrl = "http://localhost:5080";

    private const string WorkerEmail = "providerworker@" + DemoCounty.EmailDomain;

    private readonly ShortBreaksDbContext _db;
    private readonly DemoOptions _options;
    private readonly DemoClock _clock;
    private readonly DemoRandom _random;
    private readonly SchemeCatalog _schemes;
    private readonly EmailSender _email;
    private readonly string _mailFolder;
    private readonly FrameworkService _framework;
    private readonly PackageService _packages;
    private readonly DeliveryReturnService _returns;
    private readonly List<DemoOrganisation> _organisations = [];

    private sealed record DemoOrganisation(Guid Id, string Name, string AdminId, string AdminName, string? WorkerId, string? WorkerName, int Index, List<DemoService> Services);

    private sealed record DemoService(Guid Id, string Name, string Kind, PriceUnit Unit, int MinimumAge, int MaximumAge);

    // A package being made: filled in when the build succeeds, so the events after it act on it.
    private sealed class Made
    {
        public Guid? PackageId { get; set; }
        public Guid? LineId { get; set; }
    }

    // Something a person does on the day it happens: ordered by time, then by order (made, accepted, delivered, returned).
    private sealed record DemoEvent(DateTimeOffset At, int Order, Func<Task> Act);

    private sealed class DemoClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private DemoSupply(ShortBreaksDbContext main, DemoOptions options)
    {
        _options = options;
        _clock = new DemoClock { Now = Utc(options.Today, 9) };
        _random = new DemoRandom(unchecked(options.Seed * 31 + 10));
        _schemes = new SchemeCatalog([options.Scheme]);
        _db = Sibling(main, new Actor(), _clock);
        _db.AuditChanges = false; // the load writes its own single audit entry
        // The services email organisations, commissioning and officers as they would; for the load those go to a folder thrown away afterwards.
        _mailFolder = Path.Combine(Path.GetTempPath(), $"shortbreaks-demo-mail-{Guid.NewGuid():N}");
        _email = new EmailSender(new EmailOptions { PickupDirectory = _mailFolder }, NullLogger<EmailSender>.Instance);
        _framework = new FrameworkService(_db, _schemes, _email, NullLogger<FrameworkService>.Instance);
        _packages = new PackageService(_db, _schemes, _email, NullLogger<PackageService>.Instance);
        _returns = new DeliveryReturnService(_db, _schemes);
    }

    public static DemoSupply Open(ShortBreaksDbContext db, DemoOptions options) => new(db, options);

    public int Organisations => _organisations.Count;

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_mailFolder)) Directory.Delete(_mailFolder, recursive: true);
    }

    // A context on the same database whose clock is the load's own, so each service judges "today" as on the day it acted.
    private static ShortBreaksDbContext Sibling(ShortBreaksDbContext db, Actor actor, TimeProvider clock)
    {
        var options = db.GetService<IDbContextOptions>();
        return db switch
        {
            SqliteShortBreaksDbContext => new SqliteShortBreaksDbContext((DbContextOptions<SqliteShortBreaksDbContext>)options, actor, clock),
            PostgresShortBreaksDbContext => new PostgresShortBreaksDbContext((DbContextOptions<PostgresShortBreaksDbContext>)options, actor, clock),
            _ => throw new InvalidOperationException("The demo county is made on SQLite or PostgreSQL."),
        };
    }

    // Between 10:00 and 18:00 UTC the UK day is the UTC day, winter and summer.
    private static DateTimeOffset Utc(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private void At(DateOnly day, int hour, int minute = 0) => _clock.Now = Utc(day, hour, minute);

    private void As(string? userId, string name) => (_db.Actor.UserId, _db.Actor.Name) = (userId, name);

    private static void Check(CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo county could not {what}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    // ---------------------------------------------------------------- the framework

    /// <summary>Each organisation registers, applies with its services and prices, and commissioning approves it.</summary>
    public async Task AddFrameworkAsync(CancellationToken ct)
    {
        var settings = _options.Scheme.ProviderRules;
        var commissioning = await UserAsync("commissioning@" + DemoCounty.EmailDomain, ct);
        var demoAdmin = await UserAsync("provider@" + DemoCounty.EmailDomain, ct);
        var demoWorker = await UserAsync(WorkerEmail, ct);
        var providerRole = await _db.Roles.AsNoTracking().Where(r => r.Name == Roles.Provider).Select(r => r.Id).SingleAsync(ct);
        var evidence = Encoding.UTF8.GetBytes("Synthetic demo evidence: not a real document.");
        // One commit for the lot, as the rest of the load: the services' own saves are the steps inside it.
        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        var firstDay = FirstMonth.AddDays(-45);

        for (var index = 0; index < DemoNames.Providers.Count; index++)
        {
            var (name, services) = DemoNames.Providers[index];
            var slug = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
            var town = _random.PickWeighted(DemoNames.TownsByWeight);
            var joined = index == 0 ? firstDay.AddDays(-6 * 365) : firstDay.AddDays(-_random.Between(0, 6 * 365));
            At(joined, 10, _random.Next(50));

            // The first organisation's administrator is the demo login; the others' are accounts that cannot sign in.
            var admin = index == 0 ? demoAdmin : AddProviderUser($"provider-admin{index + 1}@{DemoCounty.EmailDomain}", Person(), providerRole);
            As(admin.Id, admin.Name);
            var organisation = await _framework.RegisterAsync(admin.Id, name, $"hello@{slug}.example", ct);
            var id = organisation.Id;
            Check(await _framework.SaveDetailsAsync(id, new OrganisationDetails(
                name, LegalName(name, index), null, null, $"hello@{slug}.example", FictionalLandline(), null,
                $"{_random.Between(1, 120)} {_random.Pick(DemoNames.Streets)} {_random.Pick(DemoNames.StreetKinds)}", town.Name, Postcode(town),
                $"Short breaks for disabled children and young people in and around {town.Name}."), await VersionAsync(id, ct), ct), "save an organisation's details");
            var lead = Person();
            Check(await _framework.SaveSafeguardingAsync(id, new SafeguardingDetails(lead.Name, $"safeguarding@{slug}.example", FictionalLandline(),
                "Every member of staff and every volunteer has an enhanced DBS check with a barred list check before they start, renewed every three years through the Update Service."),
                await VersionAsync(id, ct), ct), "save an organisation's safeguarding");
            foreach (var required in settings.RequiredInsurance)
            {
                if (!Enum.TryParse<InsuranceKind>(required.Kind, out var kind)) continue;
                Check(await _framework.AddInsuranceAsync(id, new InsuranceDetails(kind, "Demo Mutual Insurance", $"DM-{_random.Between(100000, 999999)}",
                    Math.Max(required.MinimumCover, _random.Chance(0.5) ? 10_000_000m : 5_000_000m), _options.Today.AddDays(_random.Between(20, 420))), ct), "add insurance");
            }

            var kinds = Kinds(services, settings);
            if (kinds.Contains("residential-overnight") || kinds.Contains("day-care"))
            {
                Check(await _framework.AddRegistrationAsync(id, new RegistrationDetails(Regulator.Ofsted, $"SC{_random.Between(100000, 999999)}", null), ct), "add a registration");
            }

            Check(await _framework.SaveAnswersAsync(id, settings.FrameworkCriteria.ToDictionary(c => c.Id, c => (string?)Answer(c.Id)), ct), "answer the framework criteria");
            foreach (var criterion in settings.FrameworkCriteria.Where(c => c.EvidenceRequired))
            {
                Check(await _framework.AddDocumentAsync(id, new OrganisationDocument
                {
                    CriterionId = criterion.Id, FileName = $"{criterion.Id}-policy.txt", ContentType = "text/plain", SizeBytes = evidence.Length, Content = evidence,
                }, ct), "add a document");
            }

            var made = new List<DemoService>();
            foreach (var kind in kinds)
            {
                var details = ServiceFor(kind, settings, town, name);
                var (service, result) = await _framework.SaveServiceAsync(id, null, null, details.Details, details.Price, ct);
                Check(result, "add a service");
                made.Add(new DemoService(service!.Id, service.Name, kind, details.Price.Unit!.Value, details.Details.MinimumAgeYears ?? 0, details.Details.MaximumAgeYears ?? 25));
            }

            Check(await _framework.SubmitAsync(id, await VersionAsync(id, ct), PublicBaseUrl, ct), "send an application");

            // Commissioning checks each answer and approves, a week or three later.
            At(joined.AddDays(_random.Between(7, 21)), 14, _random.Next(50));
            As(commissioning.Id, commissioning.Name);
            foreach (var criterion in settings.FrameworkCriteria)
            {
                Check(await _framework.CheckAnswerAsync(id, criterion.Id, true, null, ct), "check an answer");
            }

            Check(await _framework.DecideAsync(id, FrameworkDecision.Approve, null, null, await VersionAsync(id, ct), PublicBaseUrl, ct), "approve an organisation");

            string? workerId = null;
            string? workerName = null;
            if (index == 0)
            {
                // The demo organisation's administrator adds the demo worker.
                As(admin.Id, admin.Name);
                Check(await new OrganisationTeam(_db).AddAsync(id, demoWorker.Id, administrator: false, ct), "add the demo worker");
                (workerId, workerName) = (demoWorker.Id, demoWorker.Name);
            }

            _organisations.Add(new DemoOrganisation(id, name, admin.Id, admin.Name, workerId, workerName, index, made));
            _db.ChangeTracker.Clear();
        }

        // A few prices go up part way through the year, from a day ahead: packages agreed before keep the price they were agreed at.
        foreach (var organisation in _organisations.Where(o => o.Index % 3 == 1))
        {
            var service = organisation.Services[0];
            var setOn = FirstMonth.AddMonths(6).AddDays(_random.Between(0, 20));
            At(setOn, 11);
            As(organisation.AdminId, organisation.AdminName);
            var current = await _db.Services.AsNoTracking().Include(s => s.Prices).SingleAsync(s => s.Id == service.Id, ct);
            var price = ServicePrices.InForce(current.Prices, setOn)!;
            Check(await _framework.AddPriceAsync(organisation.Id, service.Id,
                new PriceDetails(price.Unit, Math.Round(price.Amount * 1.04m, 2), price.Unit == PriceUnit.Session ? price.HoursEach : null, setOn.AddDays(30), price.Description), ct),
                "change a price");
            _db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
    }

    // The first month of delivery: the start of the last allowance year, so that year is whole and this one runs to today.
    private DateOnly FirstMonth => FirstYearStart(_options.Today, _options.Scheme.ProviderRules);

    /// <summary>The first allowance year the demo county delivers in: the one before <paramref name="today"/>'s.</summary>
    public static DateOnly FirstYearStart(DateOnly today, ProviderSettings settings) => AllowanceYears.StartOf(today, settings).AddYears(-1);

    /// <summary>
    /// The earliest day a child on Flexible Short Breaks was decided: half a year before the first allowance year the
    /// county delivers in, so some children have packages for the whole of it.
    /// </summary>
    public static DateOnly EarliestFlexibleDecision(DateOnly today, ProviderSettings settings) => FirstYearStart(today, settings).AddMonths(-6);

    private static string LegalName(string name, int index) => index % 3 == 0 ? $"{name} CIO" : index % 3 == 1 ? $"{name} Limited" : $"{name} CIC";

    private static List<string> Kinds(string services, ProviderSettings settings)
    {
        var known = settings.Kinds.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var kinds = services.Split(',').Select(s => s switch
        {
            "overnight" => "residential-overnight",
            "personal-care" => "personal-assistant",
            _ => s,
        }).Where(known.Contains).Distinct().ToList();
        return kinds.Count > 0 ? kinds : [settings.Kinds[0].Id];
    }

    private (ServiceDetails Details, PriceDetails Price) ServiceFor(string kind, ProviderSettings settings, DemoNames.Town town, string organisation)
    {
        var unit = Enum.Parse<PriceUnit>(settings.Kinds.First(k => k.Id == kind).Unit);
        var (title, description, days, opens, closes) = kind switch
        {
            "day-care" => ("Saturday day care", "Day care in a calm, accessible setting with a sensory room and garden, with up to one-to-one support.", new[] { "SA" }, 10, 16),
            "personal-assistant" => ("Personal assistant hours", "A support worker who takes your child out into the community, or supports them at home, matched to their interests.", ["MO", "TU", "WE", "TH", "FR", "SA", "SU"], 8, 20),
            "sitting" => ("Sitting service at home", "A trained sitter at home, so that parents and carers can have a break or time with their other children.", ["MO", "TU", "WE", "TH", "FR", "SA"], 9, 22),
            "activities" => ("Weekend activity club", "Arts, games, cooking and outdoor play in small groups, with one worker for every two or three children.", ["SA", "SU"], 10, 13),
            "after-school" => ("After-school club", "After school in term time, with tea, play and a quiet room.", ["MO", "TU", "WE", "TH"], 15, 18),
            "holiday-scheme" => ("Holiday scheme", "Full days in the school holidays: trips, sport and crafts, with transport from home for those who need it.", ["MO", "TU", "WE", "TH", "FR"], 9, 15),
            "sport" => ("Inclusive sport sessions", "Coached sessions adapted to each child, with accessible changing rooms and equipment.", ["SA"], 9, 11),
            "youth-club" => ("Youth club evening", "A youth club for teenagers, with games, music and trips, and staff trained in communication needs.", ["WE", "FR"], 18, 21),
            "overnight-at-home" => ("Overnight care at home", "A trained carer stays overnight in your home, so the family can sleep.", ["FR", "SA"], 21, 7),
            _ => ("Overnight short breaks", "Short stays in a homely residential unit registered with Ofsted, with activities and a settled routine.", ["FR", "SA", "SU"], 16, 10),
        };
        var needs = settings.Taxonomy.Terms.Where(t => t.ParentId == "needs").Select(t => t.Id).ToList();
        var chosen = _random.PickDistinct(needs, Math.Min(needs.Count, _random.Between(2, 4)));
        var atHome = kind is "personal-assistant" or "sitting" or "overnight-at-home";
        var minimum = _random.Between(4, 8);
        var maximum = kind == "youth-club" ? 18 : _random.Between(15, 18);
        var details = new ServiceDetails(title, description, kind, chosen, kind == "youth-club" ? 11 : minimum, maximum,
            atHome ? $"Families' homes in {town.Name} and the villages around" : null,
            atHome ? null : $"{organisation}, {_random.Between(1, 90)} {_random.Pick(DemoNames.Streets)} {_random.Pick(DemoNames.StreetKinds)}",
            atHome ? null : town.Name, atHome ? null : Postcode(town), days, new TimeOnly(opens, 0), new TimeOnly(closes, 0));
        // The seeds' unit costs: £9 to £15 an hour through a provider, about £180 a night.
        var price = unit switch
        {
            PriceUnit.Hour => new PriceDetails(unit, 12m + _random.Between(0, 12) * 0.25m, null, null, null),
            PriceUnit.Night => new PriceDetails(unit, 150m + _random.Between(0, 6) * 5m, null, null, null),
            _ => new PriceDetails(unit, 24m + _random.Between(0, 16) * 0.5m, _random.Chance(0.5) ? 2m : 3m, null, null),
        };
        if (price.Unit == PriceUnit.Session && price.HoursEach == 2m) price = price with { Amount = Math.Round(price.Amount!.Value * 2 / 3, 2) };
        return (details, price);
    }

    private static string Answer(string criterion) => criterion switch
    {
        "legal-status" => "We are a registered organisation: our certificate of registration is on file with the council.",
        "regulator" => "Our overnight and day care services are registered with Ofsted; our other services do not need registration.",
        "safeguarding" => "Our safeguarding policy was reviewed by the trustees this year; our safeguarding lead is named on the application.",
        "dbs" => "Every member of staff and every volunteer has an enhanced DBS check with a barred list check, renewed every three years.",
        "insurance" => "We hold employer's liability and public liability insurance of at least five million pounds each.",
        "training" => "All staff complete moving and handling, medication, epilepsy awareness and Makaton training, refreshed yearly.",
        "unit-costs" => "Our unit costs are staff time at the ratio each child needs, plus venue, transport and a share of management, shown line by line.",
        "outcomes" => "We agree outcomes with each family at the start and review them every six months with the child and family.",
        "complaints" => "Families are given our complaints procedure when they start, and it is on our website.",
        _ => "Yes: our policy is on file and was reviewed this year.",
    };

    private string Postcode(DemoNames.Town town) =>
        $"DC{_random.Pick(town.Districts)} {_random.Between(1, 9)}{DemoNames.PostcodeLetters[_random.Next(DemoNames.PostcodeLetters.Length)]}{DemoNames.PostcodeLetters[_random.Next(DemoNames.PostcodeLetters.Length)]}";

    // Ofcom keeps this range for drama, so it never reaches a real person.
    private string FictionalLandline() => $"01632 960{_random.Next(1000):000}";

    private (string Name, string Initials) Person()
    {
        var first = _random.Pick(DemoNames.AdultFirstNames);
        var last = _random.Pick(DemoNames.LastNames);
        return ($"{first} {last}", $"{first[0]}. {last}");
    }

    private async Task<(string Id, string Name)> UserAsync(string email, CancellationToken ct)
    {
        var user = await _db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        return (user.Id, user.DisplayName);
    }

    // An organisation's administrator: an account with the Provider role that cannot sign in (no password).
    private (string Id, string Name) AddProviderUser(string email, (string Name, string Initials) person, string roleId)
    {
        var createdAt = _clock.Now.UtcDateTime;
        var user = new AppUser
        {
            Id = _random.Id(createdAt).ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            DisplayName = person.Name, CreatedAt = createdAt,
        };
        _db.Users.Add(user);
        _db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        return (user.Id, user.DisplayName);
    }

    private Task<long> VersionAsync(Guid organisationId, CancellationToken ct) =>
        _db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Version).SingleAsync(ct);

    private Task<long> PackageVersionAsync(Guid packageId, CancellationToken ct) =>
        _db.Packages.AsNoTracking().Where(p => p.Id == packageId).Select(p => p.Version).SingleAsync(ct);

    /// <summary>The organisations with a service of a kind a plan buys in: for the Targeted Short Breaks plans' provider lines.</summary>
    public IReadOnlyList<(Guid OrganisationId, string Name, Guid ServiceId, PriceUnit Unit)> PlanServices() =>
        [.. _organisations.SelectMany(o => o.Services.Where(s => s.Unit == PriceUnit.Session).Select(s => (o.Id, o.Name, s.Id, s.Unit)))];

    // ---------------------------------------------------------------- packages and delivery

    /// <summary>
    /// Packages for many children on Flexible Short Breaks for the last allowance year and this one, built by their officer
    /// (the demo parent builds their own child's), accepted by the provider; the Targeted Short Breaks plans' provider
    /// lines brokered and accepted; and a year of returns. Everything happens in the order of its day.
    /// </summary>
    public async Task<int> AddPackagesAsync(CancellationToken ct)
    {
        var settings = _options.Scheme.ProviderRules;
        var today = _options.Today;
        var parent = await _db.Users.AsNoTracking().FirstAsync(u => u.Email == "parent@" + DemoCounty.EmailDomain, ct);
        var parentChild = await _db.ChildFamilyMembers.AsNoTracking().Where(m => m.UserId == parent.Id).Select(m => m.ChildId).FirstOrDefaultAsync(ct);
        var flexible = await (
                from child in _db.Children.AsNoTracking()
                join decision in _db.Decisions.AsNoTracking() on child.Id equals decision.ChildId
                where child.Tier == Tier.FlexibleShortBreaks && child.ClosedAt == null && child.MergedIntoChildId == null
                      && decision.Outcome == DecisionOutcome.FlexibleShortBreaksApproved
                orderby child.Reference
                select new { child.Id, child.DateOfBirth, child.KeyWorkerId, decision.DecidedAt })
            .ToListAsync(ct);
        var byChild = flexible.GroupBy(c => c.Id).Select(g => g.OrderByDescending(c => c.DecidedAt).First()).ToList();
        var wanted = Math.Min(MostFlexiblePackages, Math.Max(1, byChild.Count / OneFlexibleChildIn));
        // Children decided long enough ago to have had a package start, spread evenly over the references.
        var ready = byChild.Where(c => c.Id != parentChild && c.DecidedAt < Utc(today.AddDays(-60), 0).UtcDateTime).ToList();
        var step = Math.Max(1, ready.Count / wanted);
        var chosen = byChild.Where(c => c.Id == parentChild).Concat(ready.Where((_, i) => i % step == 0)).Take(wanted).ToList();
        var officers = await _db.Users.AsNoTracking().Where(u => chosen.Select(c => c.KeyWorkerId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var sessionServices = _organisations.SelectMany(o => o.Services.Where(s => s.Unit != PriceUnit.Night).Select(s => (Organisation: o, Service: s))).ToList();

        var events = new List<DemoEvent>();
        var yearStart = AllowanceYears.StartOf(today, settings);
        var made = 0;
        foreach (var (child, i) in chosen.Select((c, i) => (c, i)))
        {
            var decided = UkCalendar.DateOf(child.DecidedAt);
            var first = DeliveryRules.MonthOf(decided.AddDays(14));
            if (first < decided.AddDays(14)) first = first.AddMonths(1);
            if (first < FirstMonth) first = FirstMonth;
            if (first > today.AddDays(-14)) continue;
            var byFamily = child.Id == parentChild;
            var (actorId, actorName) = byFamily ? (parent.Id, parent.DisplayName)
                : (child.KeyWorkerId, child.KeyWorkerId is { } k && officers.TryGetValue(k, out var n) ? n : "Demo officer");
            var directPaymentOnly = !byFamily && i % 4 == 3;
            var age = EligibilityCheck.AgeOn(child.DateOfBirth, today);
            var suitable = sessionServices.Where(s => age >= s.Service.MinimumAge && age <= s.Service.MaximumAge).ToList();
            var pick = byFamily ? sessionServices.First(s => s.Organisation.Index == 0) : _random.Pick(suitable.Count > 0 ? suitable : sessionServices);
            // Children of the demo organisation: every seventh child goes to it, so its logins have a caseload to show.
            if (!byFamily && !directPaymentOnly && i % 7 == 1) pick = sessionServices.First(s => s.Organisation.Index == 0);

            // One package to the end of last allowance year, if the child started in it, and one for this year.
            var windows = new List<(DateOnly From, DateOnly To)>();
            if (first < yearStart) windows.Add((first, yearStart.AddDays(-1)));
            var current = first < yearStart ? yearStart : first;
            if (current <= today.AddDays(-1)) windows.Add((current, AllowanceYears.EndOf(yearStart)));
            foreach (var (from, to) in windows)
            {
                var builtOn = from.AddDays(-_random.Between(4, 12));
                if (builtOn <= decided) builtOn = decided.AddDays(1);
                if (directPaymentOnly)
                {
                    var hours = (decimal)_random.Between(20, 30) * 2;
                    events.Add(new(Utc(builtOn, 11, _random.Next(59)), 0, async () =>
                    {
                        As(actorId, actorName);
                        var (_, result) = await _packages.BuildAsync(child.Id, new PackageRequest { Route = PackageRoute.DirectPayment, DirectPaymentHours = hours, StartsOn = from, EndsOn = to }, PackageActor.Officer, ct);
                        if (result.Succeeded) made++;
                    }));
                    continue;
                }

                var package = new Made();
                var organisation = pick.Organisation;
                var service = pick.Service;
                events.Add(new(Utc(builtOn, 11, _random.Next(59)), 0, async () =>
                {
                    As(actorId, actorName);
                    // Two sessions, or six hours, a month; half that when a part year's allowance leaves less.
                    foreach (var quantity in service.Unit == PriceUnit.Hour ? new[] { 6m, 3m } : [2m, 1m])
                    {
                        var (built, result) = await _packages.BuildAsync(child.Id, new PackageRequest
                        {
                            Route = PackageRoute.Provider, StartsOn = from, EndsOn = to,
                            Lines = [new PackageLineRequest(service.Id, quantity, LineFrequency.Monthly)],
                        }, byFamily ? PackageActor.Family : PackageActor.Officer, ct);
                        if (!result.Succeeded) continue;
                        package.PackageId = built!.Id;
                        package.LineId = built.Lines[0].Id;
                        made++;
                        break;
                    }
                }));
                events.Add(new(Utc(builtOn.AddDays(_random.Between(1, 3)), 15, _random.Next(59)), 1, async () =>
                {
                    if (package.PackageId is not { } id) return;
                    As(organisation.AdminId, organisation.AdminName);
                    Check(await _packages.AcceptAsync(id, organisation.Id, await PackageVersionAsync(id, ct), ct), "accept a package");
                }));
                AddDelivery(events, package, organisation, service, from, to, ct);
            }
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Order))
        {
            _clock.Now = e.At;
            await e.Act();
            _db.ChangeTracker.Clear();
        }

        made += await BrokerPlanPackagesAsync(ct);
        await transaction.CommitAsync(ct);
        return made;
    }

    // Each month of the package up to today: its sessions, and the return submitted as the organisation does it.
    private void AddDelivery(List<DemoEvent> events, Made package, DemoOrganisation organisation, DemoService service,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var settings = _options.Scheme.ProviderRules;
        var today = _options.Today;
        var thisYear = AllowanceYears.StartOf(today, settings);
        var reasons = new List<(CancellationReason Item, int Weight)>
        {
            (CancellationReason.FamilyCancelled, 4), (CancellationReason.ChildUnwell, 3), (CancellationReason.ProviderCancelled, 2), (CancellationReason.NoShow, 1),
        };
        for (var month = DeliveryRules.MonthOf(from); month <= DeliveryRules.MonthOf(to) && month <= today; month = month.AddMonths(1))
        {
            var last = DeliveryRules.LastDayOf(month);
            var lastSessionDay = last < today ? last : today.AddDays(-1);
            const int sessions = 2; // two sessions a month: of three hours each, or one session each
            var days = Enumerable.Range(month.Day, lastSessionDay.Day - month.Day + 1).Select(d => new DateOnly(month.Year, month.Month, d)).Where(d => d >= from).ToList();
            foreach (var day in _random.PickDistinct(days, Math.Min(days.Count, sessions)).Order())
            {
                var roll = _random.Next(100);
                if (roll < 12) continue; // never booked: hours left unused
                var cancellation = roll < 24 ? _random.PickWeighted(reasons) : (CancellationReason?)null;
                var quantity = service.Unit == PriceUnit.Hour ? 3m : 1m;
                var staff = Person().Initials;
                events.Add(new(Utc(day, 17, _random.Next(59)), 2, async () =>
                {
                    if (package.PackageId is not { } id) return;
                    As(organisation.WorkerId ?? organisation.AdminId, organisation.WorkerName ?? organisation.AdminName);
                    var added = await _returns.AddSessionAsync(organisation.Id, id, new SessionInput(package.LineId, day, cancellation is null ? quantity : null, staff, cancellation,
                        cancellation is null ? null : "Rebooking offered"), null, null, versionGiven: false, ct);
                    if (added.NotFound) throw new InvalidOperationException("The demo county could not return a session: the package was not found.");
                    Check(added.Result, "return a session");
                }));
            }

            // Most organisations return by the due day; one in seven is always about a month late, and one in seven
            // sometimes late, never sent the last month of last allowance year and has not yet returned its last two months.
            var returned = month; // the loop's variable is one for every turn: each return keeps its own month
            var due = DeliveryRules.DueOn(month, settings);
            var submitOn = (organisation.Index % 7) switch
            {
                5 => due.AddDays(_random.Between(20, 35)),
                6 when month >= DeliveryRules.MonthOf(today).AddMonths(-2) || month.AddMonths(1) == thisYear => (DateOnly?)null,
                6 when _random.Chance(0.3) => due.AddDays(_random.Between(3, 25)),
                _ => due.AddDays(-_random.Between(0, Math.Max(0, due.Day - 1))),
            };
            if (submitOn is not { } on || on < last || on >= today) continue;
            events.Add(new(Utc(on, 10, _random.Next(59)), 3, async () =>
            {
                if (package.PackageId is not { } id) return;
                As(organisation.AdminId, organisation.AdminName);
                var submitted = await _returns.SubmitAsync(organisation.Id, id, returned, null, versionGiven: false, ct);
                if (submitted.NotFound) throw new InvalidOperationException("The demo county could not submit a return: the package was not found.");
                Check(submitted.Result, "submit a return");
            }));
        }
    }

    // The Targeted Short Breaks plans' provider lines, waiting to be brokered: the officer brokers each to the
    // organisation the plan names and the provider accepts it, today.
    private async Task<int> BrokerPlanPackagesAsync(CancellationToken ct)
    {
        var drafts = await _db.Packages.AsNoTracking().Include(p => p.Lines)
            .Where(p => p.State == PackageState.Draft && p.Tier == Tier.TargetedShortBreaks && p.OrganisationId != null && p.PlanSupportLineId != null)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var officer = await UserAsync("officer@" + DemoCounty.EmailDomain, ct);
        var made = 0;
        foreach (var draft in drafts)
        {
            var organisation = _organisations.FirstOrDefault(o => o.Id == draft.OrganisationId);
            var line = await _db.Set<PlanSupportLine>().AsNoTracking().SingleAsync(l => l.Id == draft.PlanSupportLineId, ct);
            var service = organisation?.Services.FirstOrDefault(s => s.Unit == PriceUnit.Session);
            if (organisation is null || service is null) continue;
            var startsOn = draft.StartsOn > _options.Today ? draft.StartsOn : _options.Today;
            At(_options.Today, 10, 30);
            As(officer.Id, officer.Name);
            var (brokered, result) = await _packages.BrokerAsync(draft.Id, new PackageRequest
            {
                Route = PackageRoute.Provider, StartsOn = startsOn,
                Lines = [new PackageLineRequest(service.Id, line.Quantity, line.Frequency == SupportFrequency.PerWeek ? LineFrequency.Weekly : LineFrequency.Monthly)],
            }, draft.Version, ct);
            _db.ChangeTracker.Clear();
            if (!result.Succeeded) continue;
            At(_options.Today, 15, 30);
            As(organisation.AdminId, organisation.AdminName);
            Check(await _packages.AcceptAsync(brokered!.Id, organisation.Id, await PackageVersionAsync(brokered.Id, ct), ct), "accept a plan's package");
            _db.ChangeTracker.Clear();
            made++;
        }

        return made;
    }
}
