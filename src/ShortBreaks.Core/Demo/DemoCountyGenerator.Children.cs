namespace ShortBreaks.Core.Demo;

internal sealed partial class DemoCountyGenerator
{
    private void AddChild(Tier tier)
    {
        var forDemoParent = _parentUserId is not null && tier == Tier.FlexibleShortBreaks;
        var decided = tier != Tier.None;

        // Children on Flexible Short Breaks were decided from some months before the last allowance year on, so a full
        // year of packages and delivery follows the earliest (before its first version the scheme in force is that version:
        // SchemeCatalog.InForceOn). Every other decision is less than a year old and none is older than the scheme.
        DateOnly submittedDay;
        DateOnly? decidedDay = null;
        if (decided)
        {
            var windowEnd = _today.AddDays(-30);
            var windowStart = _today.AddDays(-365);
            if (tier == Tier.FlexibleShortBreaks) windowStart = DemoSupply.EarliestFlexibleDecision(_today, _scheme.ProviderRules);
            else if (_scheme.EffectiveFrom > windowStart && _scheme.EffectiveFrom <= windowEnd.AddDays(-30)) windowStart = _scheme.EffectiveFrom;
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
        StaffMember? formerKeyWorker = null;
        if (tier is Tier.FlexibleShortBreaks or Tier.TargetedShortBreaks)
        {
            keyWorker = _officers[_nextKeyWorker++ % _officers.Count];
            // One in every UnallocatedEvery children lost their key worker (a worker who left), for a manager to allocate.
            // Chosen by turn, not by the random source, so the rest of the county is the same with or without them.
            if (++_allocationTurn % UnallocatedEvery == 0)
            {
                (formerKeyWorker, keyWorker) = (keyWorker, null);
                _unallocated++;
            }
            else
            {
                _caseloads[keyWorker.Id] = _caseloads.GetValueOrDefault(keyWorker.Id) + 1;
            }
        }

        var decider = keyWorker ?? formerKeyWorker ?? _random.Pick(_officers);
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
            null, new Actor { UserId = request.CreatedByUserId, Name = request.Channel == RequestChannel.Online ? contact.Name : decider.Name });

        if (decidedDay is { } day)
        {
            var decidedAt = _random.TimeOn(day, 9, 17);
            if (person.CreatedAt > decidedAt) person.CreatedAt = decidedAt;
            request.UpdatedAt = decidedAt;
            AddDecision(person, request, tier, needIds, evidenceKind, decider, decidedAt);
            if ((keyWorker ?? formerKeyWorker) is { } assessor && _options.Ras is not null) AddRasAssessments(person, tier, day, assessor);
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
}
