namespace ShortBreaks.Core.Demo;

internal sealed partial class DemoCountyGenerator
{
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
}
