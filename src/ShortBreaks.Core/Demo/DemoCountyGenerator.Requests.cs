namespace ShortBreaks.Core.Demo;

internal sealed partial class DemoCountyGenerator
{
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

    private void AddTimeline(Guid childId, Guid requestId, DateTime at, string kind, string summary, string? detail, Actor by)
    {
        var timelineEvent = ChildTimeline.NewEvent(childId, kind, summary, detail, requestId, by, at);
        timelineEvent.Id = _random.Id(at);
        _db.TimelineEvents.Add(timelineEvent);
    }

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
}
