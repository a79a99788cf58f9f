using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Demo;

/// <summary>Builds one demo county into a database; see <see cref="DemoCounty.GenerateAsync"/>.</summary>
internal sealed class DemoCountyGenerator
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

    private sealed record StaffMember(string Id, string Name);

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
            var providers = AddProviders();
            AddStaff(flexible + targeted, targeted, providers[0].Id);
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

            var summary = new DemoSummary
            {
                Children = n,
                FlexibleShortBreaks = flexible,
                TargetedShortBreaks = targeted,
                Universal = universal,
                SocialCare = socialCare,
                AwaitingDecision = awaiting,
                RequestsAwaitingDecision = _awaitingRequests,
                RequestsPastTarget = _requestsPastTarget,
                RequestsToMatch = toMatch,
                DraftRequests = drafts,
                Decisions = _decisions,
                Providers = providers.Count,
                PersonalisationOfficers = _officers.Count,
                ReviewingOfficers = _reviewers.Count,
                TeamManagers = _managers.Count,
                Staff = _staff,
                FamilyAccounts = _familyAccounts,
                RasAssessments = _rasAssessments,
                LargestCaseload = _caseloads.Count == 0 ? 0 : _caseloads.Values.Max(),
                Elapsed = stopwatch.Elapsed,
            };

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

    private async Task AddRolesAsync(CancellationToken ct)
    {
        // A database can have its roles already (the web host may create them): keep those, add the rest.
        var existing = await _db.Roles.AsNoTracking().ToListAsync(ct);
        foreach (var role in existing.Where(r => r.Name is not null))
        {
            _roleIds[role.Name!] = role.Id;
        }

        foreach (var name in Roles.All)
        {
            var id = _random.Id(_today.AddYears(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToString();
            if (_roleIds.ContainsKey(name)) continue;
            _db.Roles.Add(new IdentityRole { Id = id, Name = name, NormalizedName = name.ToUpperInvariant() });
            _roleIds[name] = id;
        }
    }

    private List<Provider> AddProviders()
    {
        var providers = new List<Provider>();
        foreach (var (name, services) in DemoNames.Providers)
        {
            var joined = _random.TimeOn(_today.AddDays(-_random.Between(60, 8 * 365)), 9, 17);
            var slug = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
            var provider = new Provider
            {
                Id = _random.Id(joined),
                Name = name,
                Email = $"hello@{slug}.example",
                Phone = FictionalLandline(),
                Town = _random.PickWeighted(DemoNames.TownsByWeight).Name,
                Services = services,
                JoinedAt = joined,
            };
            _db.Providers.Add(provider);
            providers.Add(provider);
        }

        return providers;
    }

    private void AddStaff(int childrenWithKeyWorker, int targeted, Guid demoProviderId)
    {
        var caseloads = _scheme.Caseloads;
        var officers = (int)Math.Round(childrenWithKeyWorker / ((caseloads.PersonalisationOfficerMinimum + caseloads.PersonalisationOfficerMaximum) / 2.0));
        officers = Math.Max(Math.Max(1, officers), (childrenWithKeyWorker + caseloads.PersonalisationOfficerMaximum - 1) / caseloads.PersonalisationOfficerMaximum);
        var reviewers = Math.Max(1, (targeted + caseloads.ReviewingOfficerReviews - 1) / caseloads.ReviewingOfficerReviews);
        var managers = Math.Max(1, (officers + 7) / 8);

        foreach (var login in DemoCounty.Logins)
        {
            var user = AddUser(login.Email, login.DisplayName, login.Role, withPassword: true);
            switch (login.Role)
            {
                case Roles.PersonalisationOfficer: _officers.Add(new(user.Id, user.DisplayName)); break;
                case Roles.ReviewingOfficer: _reviewers.Add(new(user.Id, user.DisplayName)); break;
                case Roles.TeamManager: _managers.Add(new(user.Id, user.DisplayName)); break;
                case Roles.Provider: user.ProviderId = demoProviderId; break;
                case Roles.Family when login.Email.StartsWith("parent@", StringComparison.Ordinal): _parentUserId = user.Id; break;
            }

            if (login.Role != Roles.Family) _staff++;
        }

        AddMoreStaff(_officers, officers, "officer", Roles.PersonalisationOfficer);
        AddMoreStaff(_reviewers, reviewers, "reviewer", Roles.ReviewingOfficer);
        AddMoreStaff(_managers, managers, "manager", Roles.TeamManager);
    }

    private void AddMoreStaff(List<StaffMember> team, int size, string emailPrefix, string role)
    {
        while (team.Count < size)
        {
            var name = $"{_random.Pick(DemoNames.AdultFirstNames)} {_random.Pick(DemoNames.LastNames)}";
            var user = AddUser($"{emailPrefix}{team.Count + 1}@{DemoCounty.EmailDomain}", name, role, withPassword: false);
            team.Add(new(user.Id, user.DisplayName));
            _staff++;
        }
    }

    private AppUser AddUser(string email, string displayName, string role, bool withPassword)
    {
        var createdAt = _random.TimeOn(_today.AddDays(-_random.Between(30, 5 * 365)), 9, 17);
        var user = new AppUser
        {
            Id = _random.Id(createdAt).ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = displayName,
            CreatedAt = createdAt,
        };

        // Only the demo logins can sign in: hashing is slow on purpose, and the generated accounts need no password.
        if (withPassword)
        {
            user.PasswordHash = _hasher.HashPassword(user, DemoCounty.Password);

            // Staff sign in with a second factor: the demo staff logins come enrolled with the demo authenticator key.
            if (role != Roles.Family)
            {
                user.TwoFactorEnabled = true;
                _db.UserTokens.Add(Authenticator.KeyToken(user.Id, Authenticator.DemoKey));
            }
        }

        _db.Users.Add(user);
        _db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _roleIds[role] });
        return user;
    }

    private AppUser AddFamilyAccount(string displayName)
    {
        _familyAccounts++;
        return AddUser($"family{_familyAccounts}@{DemoCounty.EmailDomain}", displayName, Roles.Family, withPassword: false);
    }

    private void AddChild(Tier tier)
    {
        var forDemoParent = _parentUserId is not null && tier == Tier.FlexibleShortBreaks;
        var decided = tier != Tier.None;

        // Every current decision is less than a year old, since families renew each year, and none is older than the scheme.
        DateOnly submittedDay;
        DateOnly? decidedDay = null;
        if (decided)
        {
            var windowEnd = _today.AddDays(-30);
            var windowStart = _today.AddDays(-365);
            if (_scheme.EffectiveFrom > windowStart && _scheme.EffectiveFrom <= windowEnd.AddDays(-30)) windowStart = _scheme.EffectiveFrom;
            submittedDay = NextWorkingDay(windowStart.AddDays(_random.Next(windowEnd.DayNumber - windowStart.DayNumber + 1)));
            var target = _scheme.Triage.DecisionTargetWorkingDays;
            var workingDaysToDecide = _random.Chance(0.85) ? _random.Between(1, target) : _random.Between(target + 1, target + 5);
            decidedDay = _workingDays.Add(submittedDay, workingDaysToDecide);
            if (decidedDay >= _today) decidedDay = WorkingDaysBefore(_today, 1);
        }
        else
        {
            submittedDay = AwaitingSubmittedDay();
        }

        var person = NewChild(tier, decidedDay ?? submittedDay, forDemoParent);
        var familyAccount = forDemoParent || _random.Chance(decided ? 0.10 : 0.70);
        var contact = NewContact(person, familyAccount, forDemoParent);
        if (forDemoParent) _parentUserId = null;

        StaffMember? keyWorker = null;
        if (tier is Tier.FlexibleShortBreaks or Tier.TargetedShortBreaks)
        {
            keyWorker = _officers[_nextKeyWorker++ % _officers.Count];
            _caseloads[keyWorker.Id] = _caseloads.GetValueOrDefault(keyWorker.Id) + 1;
        }

        var decider = keyWorker ?? _random.Pick(_officers);
        var request = NewRequest(person, contact, submittedDay, decider);
        person.Tier = tier;
        person.KeyWorkerId = keyWorker?.Id;
        person.CreatedAt = request.SubmittedAt!.Value.AddMinutes(_random.Between(20, 180));
        person.Id = _random.Id(person.CreatedAt);
        request.ChildId = person.Id;
        request.ChildConfirmed = true;

        _db.Children.Add(person);
        if (contact.UserId is not null)
        {
            _db.ChildFamilyMembers.Add(new ChildFamilyMember
            {
                ChildId = person.Id,
                UserId = contact.UserId,
                Relationship = contact.Relationship,
                AddedAt = person.CreatedAt,
            });
        }

        var needIds = NeedsFor(tier);
        request.NeedIds = string.Join(",", needIds);
        var evidence = tier is Tier.Universal ? _random.Chance(0.6) : tier is not Tier.None || _random.Chance(0.75);
        var evidenceKind = evidence ? AddEvidence(request, person.HasEhcPlan) : null;
        _db.Requests.Add(request);

        AddTimeline(person.Id, request.Id, request.SubmittedAt!.Value, TimelineKinds.RequestSubmitted,
            request.Channel == RequestChannel.Online
                ? $"Request {request.Reference} made online"
                : $"Request {request.Reference} taken by phone at the duty point",
            null, request.CreatedByUserId, request.Channel == RequestChannel.Online ? contact.Name : decider.Name);

        if (decidedDay is { } day)
        {
            var decidedAt = _random.TimeOn(day, 9, 17);
            if (person.CreatedAt > decidedAt) person.CreatedAt = decidedAt;
            request.Status = RequestStatus.Decided;
            request.UpdatedAt = decidedAt;
            AddDecision(person, request, contact, tier, needIds, evidenceKind, decider, decidedAt, keyWorker);
            if (keyWorker is not null && _options.Ras is not null) AddRasAssessments(person, tier, day, keyWorker);
        }
        else
        {
            request.Status = RequestStatus.Submitted;
            CountAwaiting(submittedDay);
        }

        if (tier == Tier.Universal && contact.UserId is null && _returningFamilies.Count < 200)
        {
            _returningFamilies.Add(person);
        }
    }

    /// <summary>
    /// A completed RAS assessment some weeks after the decision, with answers drawn to suit the tier: most Flexible
    /// Short Breaks children score in its band, most Targeted ones in the higher bands, a few either side; officers
    /// record a different amount for a few, and for those the questionnaire routes elsewhere. About one in twenty has
    /// an earlier assessment the latest one replaced.
    /// </summary>
    private void AddRasAssessments(Child child, Tier tier, DateOnly decidedDay, StaffMember keyWorker)
    {
        var catalog = _options.Ras!;
        var earliest = catalog.Versions.Min(v => v.EffectiveFrom);
        var completedDay = decidedDay.AddDays(_random.Between(5, 60));
        if (completedDay < earliest) completedDay = earliest.AddDays(_random.Between(0, 30));
        if (completedDay >= _today) completedDay = _today.AddDays(-1);
        if (completedDay < earliest) return;

        var earlierDay = completedDay.AddDays(-_random.Between(150, 300));
        if (earlierDay >= earliest && _random.Chance(0.05)) AddRasAssessment(child, tier, earlierDay, keyWorker);
        AddRasAssessment(child, tier, completedDay, keyWorker);
    }

    private void AddRasAssessment(Child child, Tier tier, DateOnly completedDay, StaffMember keyWorker)
    {
        var scheme = _options.Ras!.InForceOn(completedDay);
        var age = EligibilityCheck.AgeOn(child.DateOfBirth, completedDay);
        var phase = scheme.Phases.FirstOrDefault(p => p.MinimumAge <= age && age <= p.MaximumAge);
        if (phase is null) return;

        // The mean points an answer should carry: about 0.9 puts 40 questions in the Flexible band, 2.1 in Targeted.
        var need = tier == Tier.TargetedShortBreaks
            ? (_random.Chance(0.04) ? 2.9 + _random.Between(0, 100) / 100.0 : 1.1 + _random.Between(0, 160) / 100.0)
            : (_random.Chance(0.08) ? 1.3 + _random.Between(0, 50) / 100.0 : 0.35 + _random.Between(0, 90) / 100.0);
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in phase.Questionnaire.Domains.SelectMany(d => d.Questions))
        {
            var wanted = need + (_random.Between(0, 300) - 150) / 100.0;
            var best = 0;
            for (var l = 1; l < question.Levels.Count; l++)
            {
                if (Math.Abs((double)question.Levels[l].Points - wanted) < Math.Abs((double)question.Levels[best].Points - wanted)) best = l;
            }

            levels[question.Id] = phase.Questionnaire.AllowHalfLevels && best + 1 < question.Levels.Count && _random.Chance(0.08)
                ? $"{question.Levels[best].Id}/{question.Levels[best + 1].Id}"
                : question.Levels[best].Id;
        }

        var support = new Dictionary<string, string>(StringComparer.Ordinal);
        var supportLevels = phase.SupportRules.Levels;
        foreach (var domain in phase.Questionnaire.Domains)
        {
            if (supportLevels.Count > 1 && _random.Chance(0.25))
            {
                support[domain.Id] = supportLevels[supportLevels.Count > 2 && _random.Chance(0.3) ? 2 : 1].Id;
            }
        }

        var answers = new Ras.RasAnswers { AgeYears = age, PhaseId = phase.Id, Levels = levels, Support = support };
        var result = Ras.RasEngine.Score(scheme, answers);
        var completedAt = _random.TimeOn(completedDay, 9, 17);
        var assessment = new Ras.RasAssessment
        {
            Id = _random.Id(completedAt),
            ChildId = child.Id,
            Status = Ras.RasAssessmentStatus.Completed,
            AgeYears = age,
            PhaseId = result.PhaseId,
            LevelsJson = JsonSerializer.Serialize(levels),
            SupportJson = JsonSerializer.Serialize(support),
            CreatedAt = completedAt.AddDays(-_random.Between(1, 14)),
            CreatedByUserId = keyWorker.Id,
            RasVersion = result.Version,
            TotalPoints = result.TotalPoints,
            IndicativeAmount = result.Amount,
            Band = result.Band?.Name,
            Routing = result.Routing,
            CompletedAt = completedAt,
            CompletedByName = keyWorker.Name,
        };

        var fsb = _scheme.Tiers.FlexibleShortBreaks;
        if (result.Routing != Ras.RasRouting.None)
        {
            // The package already in place carries on until the next step is settled.
            assessment.OverrideAmount = tier == Tier.TargetedShortBreaks ? 3000m : fsb.DirectPaymentPerYear;
            assessment.OverrideReason = result.Routing == Ras.RasRouting.SocialWorkAssessment
                ? "Package carried over while the social work assessment is completed."
                : "Needs met by the current package; to be looked at again at the next review.";
        }
        else if (_random.Chance(0.03))
        {
            assessment.OverrideAmount = result.Amount + _random.Between(2, 12) * 50m;
            assessment.OverrideReason = "Two-to-one support needed for community activities, agreed at panel.";
        }

        if (assessment.OverrideAmount is not null)
        {
            assessment.OverrideAgreedBy = _managers[0].Name;
            assessment.OverrideRecordedByName = keyWorker.Name;
            assessment.OverrideRecordedAt = completedAt.AddMinutes(_random.Between(10, 600));
        }

        _db.RasAssessments.Add(assessment);
        _rasAssessments++;
    }

    private Child NewChild(Tier tier, DateOnly knownOn, bool forDemoParent)
    {
        var town = _random.PickWeighted(DemoNames.TownsByWeight);
        var postcode = $"DC{_random.Pick(town.Districts)} {_random.Between(1, 9)}" +
                       $"{DemoNames.PostcodeLetters[_random.Next(DemoNames.PostcodeLetters.Length)]}" +
                       $"{DemoNames.PostcodeLetters[_random.Next(DemoNames.PostcodeLetters.Length)]}";
        var firstName = _random.Pick(DemoNames.FirstNames);
        var lastName = forDemoParent ? "Carter" : _random.Pick(DemoNames.LastNames);

        // Old enough for the offer on the day they became known, and still under the top age today.
        var ages = _scheme.Ages;
        var earliest = _today.AddYears(-ages.MaximumAgeYearsExclusive).AddDays(1);
        var latest = knownOn.AddYears(-ages.MinimumAgeYears);
        var dateOfBirth = earliest.AddDays(_random.Next(Math.Max(1, latest.DayNumber - earliest.DayNumber + 1)));
        var age = EligibilityCheck.AgeOn(dateOfBirth, _today);

        var hasEhcPlan = _random.Chance(tier switch
        {
            Tier.TargetedShortBreaks => 0.55,
            Tier.SocialCare => 0.60,
            Tier.Universal => 0.15,
            Tier.None => 0.35,
            _ => 0.38,
        });

        var codeCount = tier is Tier.TargetedShortBreaks or Tier.SocialCare ? _random.Between(2, 3) : _random.PickWeighted([(1, 5), (2, 4), (3, 1)]);
        var codes = new List<CinDisabilityCode>();
        while (codes.Count < codeCount)
        {
            var code = _random.PickWeighted(DemoNames.DisabilityCodes);
            if (!codes.Contains(code)) codes.Add(code);
        }

        var words = new StringBuilder();
        foreach (var code in codes.Take(2))
        {
            words.Append(string.Format(CultureInfo.InvariantCulture, DemoNames.NeedSentence(code), firstName)).Append(' ');
        }

        if (_random.Chance(0.6))
        {
            words.Append(string.Format(CultureInfo.InvariantCulture, _random.Pick(DemoNames.FamilySentences), firstName));
        }

        return new Child
        {
            Reference = NewReference('C'),
            FirstName = firstName,
            LastName = lastName,
            NameKey = $"{firstName} {lastName}".ToLowerInvariant(),
            LastNameKey = lastName.ToLowerInvariant(),
            DateOfBirth = dateOfBirth,
            AddressLine1 = $"{_random.Between(1, 180)} {_random.Pick(DemoNames.Streets)} {_random.Pick(DemoNames.StreetKinds)}",
            AddressLine2 = _random.Chance(0.15) ? _random.Pick(DemoNames.Estates) : null,
            Town = town.Name,
            Postcode = postcode,
            PostcodeKey = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
            School = SchoolFor(town, age, hasEhcPlan),
            HasEhcPlan = hasEhcPlan,
            EhcPlanReviewDate = hasEhcPlan ? _today.AddDays(_random.Between(-20, 340)) : null,
            DisabilityCodes = CinDisabilityCodes.Format(codes),
            NeedsInFamilyWords = words.ToString().TrimEnd(),
        };
    }

    private string? SchoolFor(DemoNames.Town town, int age, bool hasEhcPlan)
    {
        if (_random.Chance(0.03)) return null;
        if (hasEhcPlan && _random.Chance(0.45)) return _random.Pick(DemoNames.SpecialSchools);
        return age switch
        {
            < 11 => _random.Chance(0.5) ? $"{town.Name} Primary School" : $"{_random.Pick(DemoNames.Streets)} Primary School",
            < 16 => _random.Chance(0.6) ? $"{town.Name} Academy" : $"{town.Name} High School",
            _ => $"{town.Name} College",
        };
    }

    private Contact NewContact(Child child, bool familyAccount, bool forDemoParent)
    {
        if (forDemoParent)
        {
            var parent = DemoCounty.Logins.First(l => l.Email.StartsWith("parent@", StringComparison.Ordinal));
            return new Contact(parent.DisplayName, "Mother", _parentUserId, parent.Email);
        }

        var relationship = _random.PickWeighted(DemoNames.Relationships);
        var sameSurname = relationship is "Mother" or "Father" or "Step-parent" ? _random.Chance(0.8) : relationship == "Grandparent" && _random.Chance(0.5);
        var name = $"{_random.Pick(DemoNames.AdultFirstNames)} {(sameSurname ? child.LastName : _random.Pick(DemoNames.LastNames))}";
        if (familyAccount)
        {
            var user = AddFamilyAccount(name);
            return new Contact(name, relationship, user.Id, user.Email);
        }

        var email = _random.Chance(0.7)
            ? new string(name.ToLowerInvariant().Select(c => c == ' ' ? '.' : c).Where(c => c == '.' || char.IsAsciiLetter(c)).ToArray()) + "@example.com"
            : null;
        return new Contact(name, relationship, null, email);
    }

    private ShortBreakRequest NewRequest(Child child, Contact contact, DateOnly submittedDay, StaffMember dutyOfficer)
    {
        var online = contact.UserId is not null && _random.Chance(0.9);
        var submittedAt = online ? _random.TimeOn(submittedDay, 7, 22) : _random.TimeOn(submittedDay, 9, 17);
        var createdAt = online ? submittedAt.AddMinutes(-_random.Between(15, 14 * 24 * 60)) : submittedAt.AddMinutes(-_random.Between(5, 40));
        var siblings = _random.PickWeighted([(0, 3), (1, 4), (2, 2), (3, 1)]);
        return new ShortBreakRequest
        {
            Id = _random.Id(createdAt),
            Reference = NewReference('R'),
            Channel = online ? RequestChannel.Online : RequestChannel.DutyPoint,
            FamilyUserId = contact.UserId,
            CreatedByUserId = online ? contact.UserId! : dutyOfficer.Id,
            CreatedAt = createdAt,
            UpdatedAt = submittedAt,
            SubmittedAt = submittedAt,
            ChildFirstName = child.FirstName,
            ChildLastName = child.LastName,
            ChildDateOfBirth = child.DateOfBirth,
            AddressLine1 = child.AddressLine1,
            AddressLine2 = child.AddressLine2,
            Town = child.Town,
            Postcode = child.Postcode,
            School = child.School,
            AttendsSchool = child.School is not null,
            HasEhcPlan = child.HasEhcPlan,
            EhcPlanReviewDate = child.EhcPlanReviewDate,
            DisabilityCodes = child.DisabilityCodes,
            NeedsInOwnWords = child.NeedsInFamilyWords,
            ContactName = contact.Name,
            ContactRelationship = contact.Relationship,
            ContactEmail = contact.Email,
            ContactPhone = FictionalMobile(),
            PreferredContact = contact.Email is null ? _random.PickWeighted([(ContactMethod.Phone, 4), (ContactMethod.Post, 1)]) : _random.PickWeighted([(ContactMethod.Email, 3), (ContactMethod.Phone, 2)]),
            SiblingCount = siblings,
            SiblingDetails = siblings == 0
                ? null
                : string.Join(", ", Enumerable.Range(0, siblings).Select(_ => $"{(_random.Chance(0.5) ? "brother" : "sister")} aged {_random.Between(1, 19)}")),
            EvidenceStepDone = true,
            ConsentToShare = true,
            ConsentRecordedAt = submittedAt,
            SchemeVersion = _scheme.Version,
        };
    }

    private List<string> NeedsFor(Tier tier)
    {
        var minimum = Math.Max(1, _scheme.Eligibility.MinimumThresholdNeeds);
        var threshold = tier switch
        {
            Tier.Universal => 0,
            Tier.TargetedShortBreaks => Math.Max(minimum, _random.Between(2, 3)),
            Tier.SocialCare => Math.Max(minimum, _random.Between(3, 4)),
            _ => Math.Max(minimum, _random.Between(1, 2)),
        };

        var ids = _random.PickDistinct(_thresholdNeeds, threshold).Select(n => n.Id).ToList();
        if (_otherNeeds.Count > 0 && _random.Chance(tier == Tier.Universal ? 0.8 : 0.5))
        {
            ids.Add(_random.Pick(_otherNeeds).Id);
        }

        return ids;
    }

    private string? AddEvidence(ShortBreakRequest request, bool hasEhcPlan)
    {
        var kinds = _scheme.Eligibility.Evidence;
        if (kinds.Count == 0) return null;
        var kind = hasEhcPlan && _random.Chance(0.5) && kinds.FirstOrDefault(k => k.Id == "ehc-plan") is { } ehc ? ehc : _random.Pick(kinds);
        _db.EvidenceDocuments.Add(new EvidenceDocument
        {
            Id = _random.Id(request.SubmittedAt!.Value),
            RequestId = request.Id,
            KindId = kind.Id,
            FileName = kind.Id + ".txt",
            ContentType = "text/plain",
            SizeBytes = EvidenceContent.Length,
            Content = EvidenceContent,
            UploadedAt = request.SubmittedAt.Value.AddMinutes(-_random.Between(1, 10)),
            UploadedByUserId = request.CreatedByUserId,
        });
        return kind.Id;
    }

    private void AddDecision(Child child, ShortBreakRequest request, Contact contact, Tier tier, List<string> needIds,
        string? evidenceKind, StaffMember decider, DateTime decidedAt, StaffMember? keyWorker)
    {
        var outcome = tier switch
        {
            Tier.Universal => DecisionOutcome.Universal,
            Tier.SocialCare => DecisionOutcome.ReferToSocialCare,
            _ => DecisionOutcome.FlexibleShortBreaksApproved,
        };

        var day = DateOnly.FromDateTime(decidedAt);
        var facts = new EligibilityFacts(child.DateOfBirth, needIds, evidenceKind is null ? [] : [evidenceKind], child.HasEhcPlan);
        var eligibility = EligibilityCheck.Evaluate(_scheme, facts, day);
        var needsExplanation = eligibility.Criteria.First(c => c.Id == EligibilityCheck.NeedsCriterion).Explanation;
        var fsb = _scheme.Tiers.FlexibleShortBreaks;
        var reasons = outcome switch
        {
            DecisionOutcome.FlexibleShortBreaksApproved =>
                $"{child.FirstName} meets the criteria for {fsb.Name}. " +
                string.Join(" ", eligibility.Criteria.Select(c => $"{c.Criterion}: {LowerFirst(c.Explanation)}")),
            DecisionOutcome.Universal =>
                $"The needs described do not meet the threshold for {fsb.Name}: {LowerFirst(needsExplanation)} " +
                $"{child.FirstName} can use the activities and support open to all children in the Local Offer.",
            _ =>
                $"{child.FirstName}'s needs are more than short breaks alone can meet: {LowerFirst(needsExplanation)} " +
                "We have asked the children with disabilities social work team to assess them.",
        };

        var letterId = _random.Id(decidedAt);
        var approved = outcome == DecisionOutcome.FlexibleShortBreaksApproved;
        _db.Decisions.Add(new RequestDecision
        {
            Id = _random.Id(decidedAt),
            RequestId = request.Id,
            ChildId = child.Id,
            Outcome = outcome,
            Reasons = reasons,
            DecidedAt = decidedAt,
            DecidedByUserId = decider.Id,
            DecidedByName = decider.Name,
            SchemeVersion = _scheme.Version,
            CriteriaJson = EligibilityJson.Serialize(eligibility.Criteria),
            AllowanceHoursPerYear = approved ? fsb.HoursPerYear : null,
            AllowanceDirectPaymentPerYear = approved ? fsb.DirectPaymentPerYear : null,
            AllowanceProviderPerYear = approved ? fsb.ProviderPerYear : null,
            LetterId = letterId,
        });

        _db.Letters.Add(new Letter
        {
            Id = letterId,
            ChildId = child.Id,
            RequestId = request.Id,
            Kind = LetterKinds.Decision,
            Title = "Your request for short breaks: our decision",
            BodyHtml = DecisionLetter(child, request, contact, outcome, reasons, decider, keyWorker),
            CreatedAt = decidedAt,
            CreatedByUserId = decider.Id,
            VisibleToFamily = true,
        });

        if (outcome == DecisionOutcome.ReferToSocialCare)
        {
            _db.Referrals.Add(new Referral
            {
                Id = _random.Id(decidedAt),
                RequestId = request.Id,
                ChildId = child.Id,
                Kind = ReferralKind.SocialCare,
                Reasons = reasons,
                ReferredAt = decidedAt,
                ReferredByUserId = decider.Id,
                ReferredByName = decider.Name,
            });
        }

        AddTimeline(child.Id, request.Id, decidedAt, TimelineKinds.Decision, DecisionOutcomes.Name(outcome), reasons, decider.Id, decider.Name);
        _decisions++;
    }

    private string DecisionLetter(Child child, ShortBreakRequest request, Contact contact, DecisionOutcome outcome, string reasons,
        StaffMember decider, StaffMember? keyWorker)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var council = _scheme.Council;
        var fsb = _scheme.Tiers.FlexibleShortBreaks;
        var body = new StringBuilder(1200);
        body.Append("<p>Dear ").Append(E(contact.Name)).Append(",</p>");
        body.Append("<p>Thank you for your request for short breaks for ").Append(E(child.FullName))
            .Append(" (reference ").Append(E(request.Reference)).Append("), which we received on ")
            .Append(E(request.SubmittedAt!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(".</p>");
        body.Append("<h2>Our decision</h2><p>").Append(E(DecisionOutcomes.Name(outcome))).Append(".</p>");
        body.Append("<p>").Append(E(reasons)).Append("</p>");
        switch (outcome)
        {
            case DecisionOutcome.FlexibleShortBreaksApproved:
                body.Append("<p>").Append(E($"{child.FirstName} can have up to {fsb.HoursPerYear} hours of short breaks a year: " +
                                             $"{Money.Format(fsb.DirectPaymentPerYear)} a year as a direct payment, or " +
                                             $"{Money.Format(fsb.ProviderPerYear)} a year of services from an approved provider.")).Append("</p>");
                body.Append("<p>").Append(E($"Your key worker, {(keyWorker ?? decider).Name}, will contact you to plan the breaks with you.")).Append("</p>");
                break;
            case DecisionOutcome.Universal:
                body.Append("<p>You can find activities and support open to all children in the Local Offer:</p><ul>");
                foreach (var link in _scheme.LocalOffer)
                {
                    body.Append("<li><a href=\"").Append(E(link.Url)).Append("\">").Append(E(link.Title)).Append("</a></li>");
                }

                body.Append("</ul>");
                break;
            default:
                body.Append("<p>A social worker will contact you to arrange the assessment.</p>");
                break;
        }

        body.Append("<p>").Append(E($"If you disagree with this decision, you can ask us to look at it again: call {council.ContactPhone} or email {council.ContactEmail}.")).Append("</p>");
        body.Append("<p>Yours sincerely,</p><p>").Append(E(decider.Name)).Append("<br>")
            .Append(E($"{council.ServiceName}, {council.Name}")).Append("</p>");
        return body.ToString();
    }

    private void AddTimeline(Guid childId, Guid requestId, DateTime at, string kind, string summary, string? detail, string? actorId, string actorName) =>
        _db.TimelineEvents.Add(new TimelineEvent
        {
            Id = _random.Id(at),
            ChildId = childId,
            RequestId = requestId,
            At = at,
            Kind = kind,
            Summary = summary,
            Detail = detail,
            ActorUserId = actorId,
            ActorName = actorName,
        });

    /// <summary>A submitted request not yet matched to a child: some are families already known (to find), some are new.</summary>
    private void AddRequestToMatch()
    {
        var submittedDay = AwaitingSubmittedDay();
        Child person;
        Contact contact;
        if (_returningFamilies.Count > 0 && _random.Chance(0.5))
        {
            var known = _returningFamilies[_random.Next(_returningFamilies.Count)];
            _returningFamilies.Remove(known);
            person = known;
            contact = NewContact(known, familyAccount: false, forDemoParent: false);
        }
        else
        {
            person = NewChild(Tier.None, submittedDay, forDemoParent: false);
            contact = NewContact(person, familyAccount: _random.Chance(0.7), forDemoParent: false);
        }

        var request = NewRequest(person, contact, submittedDay, _random.Pick(_officers));
        request.Status = RequestStatus.Submitted;
        request.NeedIds = string.Join(",", NeedsFor(Tier.None));
        if (_random.Chance(0.75)) AddEvidence(request, person.HasEhcPlan);
        _db.Requests.Add(request);
        CountAwaiting(submittedDay);
    }

    /// <summary>A request a family started online and saved to come back to.</summary>
    private void AddDraft()
    {
        var person = NewChild(Tier.None, _today, forDemoParent: false);
        var contact = NewContact(person, familyAccount: true, forDemoParent: false);
        var createdAt = _random.TimeOn(_today.AddDays(-_random.Between(1, 30)), 7, 22);
        var answeredMore = _random.Chance(0.5);
        _db.Requests.Add(new ShortBreakRequest
        {
            Id = _random.Id(createdAt),
            Reference = NewReference('R'),
            Channel = RequestChannel.Online,
            Status = RequestStatus.Draft,
            FamilyUserId = contact.UserId,
            CreatedByUserId = contact.UserId!,
            CreatedAt = createdAt,
            UpdatedAt = createdAt.AddMinutes(_random.Between(2, 60)),
            ChildFirstName = person.FirstName,
            ChildLastName = person.LastName,
            ChildDateOfBirth = person.DateOfBirth,
            AddressLine1 = answeredMore ? person.AddressLine1 : null,
            AddressLine2 = answeredMore ? person.AddressLine2 : null,
            Town = answeredMore ? person.Town : null,
            Postcode = answeredMore ? person.Postcode : null,
            School = answeredMore ? person.School : null,
            AttendsSchool = answeredMore ? person.School is not null : null,
            NeedIds = answeredMore ? string.Join(",", NeedsFor(Tier.None)) : null,
        });
    }

    private void CountAwaiting(DateOnly submittedDay)
    {
        _awaitingRequests++;
        if (_workingDays.Between(submittedDay, _today) > _scheme.Triage.DecisionTargetWorkingDays) _requestsPastTarget++;
    }

    /// <summary>About a quarter of waiting requests are past the decision target.</summary>
    private DateOnly AwaitingSubmittedDay()
    {
        var target = _scheme.Triage.DecisionTargetWorkingDays;
        var workingDaysAgo = _random.Chance(0.25) ? _random.Between(target + 1, target * 2 + 5) : _random.Between(1, target);
        return WorkingDaysBefore(_today, workingDaysAgo);
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

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
