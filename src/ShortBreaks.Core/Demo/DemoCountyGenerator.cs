using System.Diagnostics;

namespace ShortBreaks.Core.Demo;

/// <summary>
/// Builds one demo county into a database; see <see cref="DemoCounty.GenerateAsync"/>. In parts, one file each:
/// staff and the demo logins (.Staff), children and their families (.Children), requests and evidence (.Requests),
/// threshold decisions and their letters by the service's own rules (.Decisions), RAS assessments scored by the
/// real engine (.Ras); the providers, plans and packages are made through their services afterwards (<see cref="DemoSupply"/>, <see cref="DemoPlans"/>).
/// </summary>
internal sealed partial class DemoCountyGenerator
{
    // Children written per save: the change tracker is cleared after each, so memory stays flat however large the county.
    private const int BatchSize = 2000;

    // The seeds' proportions: 55% FSB, 25% TSB, 8% signposted, 4% social care; the rest are waiting for a decision.
    private const int FlexiblePercent = 55;
    private const int TargetedPercent = 25;
    private const int UniversalPercent = 8;
    private const int SocialCarePercent = 4;

    private static readonly byte[] EvidenceContent = Encoding.UTF8.GetBytes("Synthetic demo evidence: not a real document.");

    private readonly ShortBreaksDbContext _db;
    private readonly DemoOptions _options;
    private readonly Scheme _scheme;
    private readonly DateOnly _today;
    private readonly DemoRandom _random;
    private readonly WorkingDays _workingDays;
    private readonly PasswordHasher<AppUser> _hasher = new();
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _roleIds = new(StringComparer.Ordinal);
    private readonly List<StaffMember> _officers = [];
    private readonly List<StaffMember> _reviewers = [];
    private readonly List<StaffMember> _managers = [];
    private readonly Dictionary<string, int> _caseloads = new(StringComparer.Ordinal);

    // Children on a short breaks offer left with no key worker (their worker left), and the turn that picks them.
    private int _unallocated;
    private int _allocationTurn;

    // Staff teams: one per team manager, each case-holding worker put in one in turn.
    private int _teamCount = 1;
    private int _teamTurn;
    private readonly List<Child> _returningFamilies = [];
    private readonly IReadOnlyList<EligibilityNeed> _thresholdNeeds;
    private readonly IReadOnlyList<EligibilityNeed> _otherNeeds;

    private int _staff;
    private int _familyAccounts;
    private int _decisions;
    private int _awaitingRequests;
    private int _requestsPastTarget;
    private int _nextKeyWorker;
    private int _pendingChildren;
    private int _rasAssessments;
    private string? _parentUserId;

    private sealed record StaffMember(string Id, string Name)
    {
        public Actor Actor => new() { UserId = Id, Name = Name };
    }

    private sealed record Contact(string Name, string Relationship, string? UserId, string? Email);

    public DemoCountyGenerator(ShortBreaksDbContext db, DemoOptions options)
    {
        _db = db;
        _options = options;
        _scheme = options.Scheme;
        _today = options.Today;
        _random = new DemoRandom(options.Seed);
        _workingDays = options.WorkingDays ?? new WorkingDays([]);
        _thresholdNeeds = _scheme.Eligibility.Needs.Where(n => n.MeetsThreshold).ToList();
        _otherNeeds = _scheme.Eligibility.Needs.Where(n => !n.MeetsThreshold).ToList();
    }

    public async Task<DemoSummary> RunAsync(CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var autoDetect = _db.ChangeTracker.AutoDetectChangesEnabled;
        var audit = _db.AuditChanges;
        _db.AuditChanges = false;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = _db.Database.CurrentTransaction is null ? await _db.Database.BeginTransactionAsync(ct) : null;

            var n = _options.Children;
            var flexible = n * FlexiblePercent / 100;
            var targeted = n * TargetedPercent / 100;
            var universal = n * UniversalPercent / 100;
            var socialCare = n * SocialCarePercent / 100;
            var awaiting = n - flexible - targeted - universal - socialCare;

            await AddRolesAsync(ct);
            AddStaff(flexible + targeted, targeted);
            await SaveBatchAsync(ct);

            var tiers = new Tier[n];
            Array.Fill(tiers, Tier.FlexibleShortBreaks, 0, flexible);
            Array.Fill(tiers, Tier.TargetedShortBreaks, flexible, targeted);
            Array.Fill(tiers, Tier.Universal, flexible + targeted, universal);
            Array.Fill(tiers, Tier.SocialCare, flexible + targeted + universal, socialCare);
            Array.Fill(tiers, Tier.None, n - awaiting, awaiting);
            _random.Shuffle(tiers);

            foreach (var tier in tiers)
            {
                AddChild(tier);
                if (++_pendingChildren >= BatchSize)
                {
                    await SaveBatchAsync(ct);
                }
            }

            var toMatch = Math.Max(1, awaiting / 10);
            for (var i = 0; i < toMatch; i++) AddRequestToMatch();

            var drafts = Math.Max(1, n / 250);
            for (var i = 0; i < drafts; i++) AddDraft();
            await SaveBatchAsync(ct);

            var summary = new DemoSummary(
                Children: n,
                FlexibleShortBreaks: flexible,
                TargetedShortBreaks: targeted,
                Universal: universal,
                SocialCare: socialCare,
                AwaitingDecision: awaiting,
                RequestsAwaitingDecision: _awaitingRequests,
                RequestsPastTarget: _requestsPastTarget,
                RequestsToMatch: toMatch,
                DraftRequests: drafts,
                Decisions: _decisions,
                Providers: DemoNames.Providers.Count, // they join the framework afterwards, through its service (DemoSupply)
                PersonalisationOfficers: _officers.Count,
                ReviewingOfficers: _reviewers.Count,
                TeamManagers: _managers.Count,
                Staff: _staff,
                FamilyAccounts: _familyAccounts,
                RasAssessments: _rasAssessments,
                LargestCaseload: _caseloads.Count == 0 ? 0 : _caseloads.Values.Max(),
                Elapsed: stopwatch.Elapsed,
                Unallocated: _unallocated);

            _db.AuditEntries.Add(new AuditEntry
            {
                At = _db.UtcNow,
                UserId = _db.Actor.UserId,
                UserName = _db.Actor.Name,
                Action = "demo-data",
                EntityType = "Database",
                EntityId = "demo-county",
                Details = JsonSerializer.Serialize(new
                {
                    _options.Seed,
                    Today = _today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    SchemeVersion = _scheme.Version,
                    summary.Children,
                    summary.FlexibleShortBreaks,
                    summary.TargetedShortBreaks,
                    summary.Universal,
                    summary.SocialCare,
                    summary.AwaitingDecision,
                    summary.RequestsAwaitingDecision,
                    summary.RequestsToMatch,
                    summary.DraftRequests,
                    summary.Decisions,
                    summary.Providers,
                    summary.Staff,
                    summary.FamilyAccounts,
                }),
            });
            await SaveBatchAsync(ct);

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return summary with { Elapsed = stopwatch.Elapsed };
        }
        finally
        {
            _db.ChangeTracker.Clear();
            _db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            _db.AuditChanges = audit;
        }
    }

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();
        _pendingChildren = 0;
    }

    private DateOnly WorkingDaysBefore(DateOnly day, int workingDays)
    {
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(-1);
            if (_workingDays.IsWorkingDay(day)) counted++;
        }

        return day;
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        while (!_workingDays.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private string NewReference(char prefix)
    {
        string reference;
        do
        {
            reference = _random.Reference(prefix);
        } while (!_references.Add(reference));

        return reference;
    }

    // Ofcom keeps these ranges for drama, so they never reach a real person.
    private string FictionalMobile() => $"07700 900{_random.Next(1000):000}";

    private string FictionalLandline() => $"01632 960{_random.Next(1000):000}";
}
