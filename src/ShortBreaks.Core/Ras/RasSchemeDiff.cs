namespace ShortBreaks.Core.Ras;

/// <summary>
/// What changed between two RAS versions, in sentences an administrator and a panel can read: the money first
/// (conversion, routing, rounding), then support rules, then questions and points.
/// </summary>
public static class RasSchemeDiff
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<string> Compare(RasScheme from, RasScheme to)
    {
        var changes = new List<string>();
        if (from.EffectiveFrom != to.EffectiveFrom)
            changes.Add($"Takes effect on {to.EffectiveFrom.ToString("d MMMM yyyy", EnGb)} (was {from.EffectiveFrom.ToString("d MMMM yyyy", EnGb)}).");
        if (from.Rounding != to.Rounding)
            changes.Add($"Rounding: {Rounding(to.Rounding)} (was {Rounding(from.Rounding)}).");

        foreach (var phase in to.Phases)
        {
            var old = from.Phases.FirstOrDefault(p => p.Id == phase.Id);
            if (old is null)
            {
                changes.Add($"New age phase: {phase.Name} ({phase.MinimumAge} to {phase.MaximumAge}).");
                continue;
            }

            var name = phase.Name;
            if (old.Name != phase.Name) changes.Add($"{old.Name} is now called {phase.Name}.");
            if (old.MinimumAge != phase.MinimumAge || old.MaximumAge != phase.MaximumAge)
                changes.Add($"{name}: ages {phase.MinimumAge} to {phase.MaximumAge} (was {old.MinimumAge} to {old.MaximumAge}).");
            Conversion(changes, name, old.Conversion, phase.Conversion);
            Routing(changes, name, old.Routing, phase.Routing);
            Support(changes, name, old, phase);
            FundedSupport(changes, name, old, phase);
            Questions(changes, name, old.Questionnaire, phase.Questionnaire);
        }

        foreach (var removed in from.Phases.Where(p => to.Phases.All(n => n.Id != p.Id)))
            changes.Add($"Age phase removed: {removed.Name}.");
        return changes;
    }

    private static void Conversion(List<string> changes, string phase, RasConversion old, RasConversion now)
    {
        if (old.Method != now.Method)
        {
            changes.Add($"{phase}: money is now worked out by {Method(now.Method)} (was {Method(old.Method)}).");
        }

        if (now.Method == "bands" && old.Method == "bands")
        {
            var oldBands = old.Bands ?? [];
            var newBands = now.Bands ?? [];
            if (oldBands.Count != newBands.Count)
                changes.Add($"{phase}: {newBands.Count} bands (was {oldBands.Count}).");
            for (var i = 0; i < Math.Min(oldBands.Count, newBands.Count); i++)
            {
                var (o, n) = (oldBands[i], newBands[i]);
                if (o.Name != n.Name) changes.Add($"{phase}: band '{o.Name}' is now called '{n.Name}'.");
                if (o.From != n.From || o.To != n.To)
                    changes.Add($"{phase}, band '{n.Name}': {Points(n.From)} to {Points(n.To)} points (was {Points(o.From)} to {Points(o.To)}).");
                if (o.Amount != n.Amount) changes.Add($"{phase}, band '{n.Name}': {Money.Format(n.Amount)} a year (was {Money.Format(o.Amount)}).");
                if (o.Routing != n.Routing) changes.Add($"{phase}, band '{n.Name}': route {n.Routing?.ToString() ?? "none"} (was {o.Routing?.ToString() ?? "none"}).");
                if (o.Hours != n.Hours) changes.Add($"{phase}, band '{n.Name}': {n.Hours?.ToString(EnGb) ?? "no"} hours (was {o.Hours?.ToString(EnGb) ?? "none"}).");
                if (o.ProviderAmount != n.ProviderAmount)
                    changes.Add($"{phase}, band '{n.Name}': through a provider {MoneyOrNone(n.ProviderAmount)} (was {MoneyOrNone(o.ProviderAmount)}).");
                if ((o.FlagForAssessment == true) != (n.FlagForAssessment == true))
                    changes.Add($"{phase}, band '{n.Name}': {(n.FlagForAssessment == true ? "now also asks" : "no longer asks")} for a social work assessment.");
            }

            if ((old.BandEdges ?? RasBandEdges.HalfOpen) != (now.BandEdges ?? RasBandEdges.HalfOpen))
                changes.Add($"{phase}: band edges are now {(now.BandEdges == RasBandEdges.Inclusive ? "whole points, both ends included" : "from, up to but not including to")}.");
        }

        if (old.HoursAt != now.HoursAt)
        {
            changes.Add(now.HoursAt is { } h
                ? $"{phase}: the result is shown as hours at {Money.Format(h.HourlyRate)} an hour, rounded {HoursRounding(h.Rounding)}{(old.HoursAt is null ? " (was not shown as hours)" : "")}."
                : $"{phase}: the result is no longer shown as hours.");
        }
        else if (now.Method == "pricePerPoint")
        {
            Figure(changes, phase, "threshold", old.Threshold, now.Threshold, Points);
            Figure(changes, phase, "price per point", old.PricePerPoint, now.PricePerPoint, Money.Format);
            Figure(changes, phase, "floor", old.Floor, now.Floor, Money.Format);
            Figure(changes, phase, "cap", old.Cap, now.Cap, Money.Format);
        }
    }

    private static void FundedSupport(List<string> changes, string phase, RasPhase old, RasPhase now)
    {
        string Describe(RasFundedSupport f) => f.Unit == RasFundedSupportUnit.Money
            ? $"{f.Name} (pounds a year)"
            : $"{f.Name} (hours a year at {Money.Format(f.HourlyRate ?? 0)} an hour, rounded {HoursRounding(f.HoursRounding ?? new RasRounding(Mode: RasRoundingMode.Down, To: 1))})";
        var before = string.Join("; ", (old.FundedSupport ?? []).Select(Describe));
        var after = string.Join("; ", (now.FundedSupport ?? []).Select(Describe));
        if (before != after) changes.Add($"{phase}: support already funded taken off: {(after.Length == 0 ? "none" : after)} (was {(before.Length == 0 ? "none" : before)}).");
    }

    private static void Routing(List<string> changes, string phase, RasRoutingThresholds? old, RasRoutingThresholds? now)
    {
        Figure(changes, phase, "universal services below", old?.UniversalBelow, now?.UniversalBelow, Points);
        Figure(changes, phase, "social work assessment above", old?.SocialWorkAssessmentAbove, now?.SocialWorkAssessmentAbove, Points);
    }

    private static void Support(List<string> changes, string phase, RasPhase old, RasPhase now)
    {
        var levels = string.Join(", ", now.SupportRules.Levels.Select(l => l.Id));
        if (levels != string.Join(", ", old.SupportRules.Levels.Select(l => l.Id)))
            changes.Add($"{phase}: support levels are now {levels}.");
        foreach (var rule in now.SupportRules.Domains)
        {
            var domain = now.Questionnaire.Domains.FirstOrDefault(d => d.Id == rule.DomainId)?.Name ?? rule.DomainId;
            var before = old.SupportRules.Domains.FirstOrDefault(r => r.DomainId == rule.DomainId);
            var (nowText, beforeText) = (SupportRule(rule), before is null ? "no reduction" : SupportRule(before));
            if (nowText != beforeText) changes.Add($"{phase}, {domain}, support present: {nowText} (was {beforeText}).");
        }

        foreach (var removed in old.SupportRules.Domains.Where(r => now.SupportRules.Domains.All(n => n.DomainId != r.DomainId)))
        {
            var domain = old.Questionnaire.Domains.FirstOrDefault(d => d.Id == removed.DomainId)?.Name ?? removed.DomainId;
            changes.Add($"{phase}, {domain}: support present no longer lowers the points (was {SupportRule(removed)}).");
        }
    }

    private static void Questions(List<string> changes, string phase, RasQuestionnaire old, RasQuestionnaire now)
    {
        if (old.AllowHalfLevels != now.AllowHalfLevels)
            changes.Add($"{phase}: answers half way between two levels are {(now.AllowHalfLevels ? "now allowed" : "no longer allowed")}.");
        var oldQuestions = old.Domains.SelectMany(d => d.Questions.Select(q => (Domain: d, Question: q))).ToDictionary(x => x.Question.Id);
        foreach (var domain in now.Domains)
        {
            var oldDomain = old.Domains.FirstOrDefault(d => d.Id == domain.Id);
            if (oldDomain is null) changes.Add($"{phase}: new domain '{domain.Name}'.");
            else if (oldDomain.Name != domain.Name) changes.Add($"{phase}: domain '{oldDomain.Name}' is now called '{domain.Name}'.");
            foreach (var question in domain.Questions)
            {
                if (!oldQuestions.TryGetValue(question.Id, out var was))
                {
                    changes.Add($"{phase}, {domain.Name}: new question '{question.Text}'.");
                    continue;
                }

                if (was.Question.Text != question.Text) changes.Add($"{phase}, {domain.Name}: question '{was.Question.Text}' now reads '{question.Text}'.");
                if (was.Domain.Id != domain.Id) changes.Add($"{phase}: question '{question.Text}' moved from {was.Domain.Name} to {domain.Name}.");
                var levels = string.Join(", ", question.Levels.Select(l => $"{l.Id} {Points(l.Points)}"));
                var oldLevels = string.Join(", ", was.Question.Levels.Select(l => $"{l.Id} {Points(l.Points)}"));
                if (levels != oldLevels) changes.Add($"{phase}, {domain.Name}, '{question.Text}': points {levels} (was {oldLevels}).");
            }
        }

        var newIds = now.Domains.SelectMany(d => d.Questions).Select(q => q.Id).ToHashSet();
        foreach (var (id, was) in oldQuestions.Where(kv => !newIds.Contains(kv.Key)))
            changes.Add($"{phase}, {was.Domain.Name}: question removed: '{was.Question.Text}'.");
        foreach (var removed in old.Domains.Where(d => now.Domains.All(n => n.Id != d.Id)))
            changes.Add($"{phase}: domain removed: '{removed.Name}'.");
    }

    private static void Figure(List<string> changes, string phase, string what, decimal? old, decimal? now, Func<decimal, string> format)
    {
        if (old == now) return;
        changes.Add($"{phase}: {what} {(now is { } n ? format(n) : "none")} (was {(old is { } o ? format(o) : "none")}).");
    }

    public static string SupportRule(RasDomainSupportRule rule) =>
        rule.PointsOff is { } points
            ? string.Join(", ", points.Select(kv => $"{kv.Key} {Points(kv.Value)} points off"))
            : string.Join(", ", (rule.PercentOff ?? new Dictionary<string, decimal>()).Select(kv => $"{kv.Key} {Points(kv.Value)}% off"));

    public static string Rounding(RasRounding rounding) => rounding.Mode switch
    {
        RasRoundingMode.Up => $"up to the next {Money.Format(rounding.To)}",
        RasRoundingMode.Down => $"down to a multiple of {Money.Format(rounding.To)}",
        RasRoundingMode.AwayFromZero => $"to the nearest {Money.Format(rounding.To)}, halves up",
        _ => $"to the nearest {Money.Format(rounding.To)}, halves to even",
    };

    /// <summary>How hours are rounded, in words: "down to whole hours", "to the nearest 0.5 hours".</summary>
    public static string HoursRounding(RasRounding rounding)
    {
        var step = rounding.To == 1 ? "whole hours" : $"{Points(rounding.To)} hours";
        return rounding.Mode switch
        {
            RasRoundingMode.Up => $"up to {step}",
            RasRoundingMode.Down => $"down to {step}",
            _ => $"to the nearest {step}",
        };
    }

    public static string Method(string method) => method == "bands" ? "bands" : "a price per point";

    private static string MoneyOrNone(decimal? amount) => amount is { } a ? Money.Format(a) : "none";

    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
