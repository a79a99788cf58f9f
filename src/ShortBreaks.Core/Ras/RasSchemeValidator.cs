using System.Globalization;

namespace ShortBreaks.Core.Ras;

/// <summary>Checks a RAS version for figures that cannot be right, before any child is scored with it.</summary>
public static class RasSchemeValidator
{
    public static IReadOnlyList<string> Validate(RasScheme s)
    {
        var e = new List<string>();
        if (string.IsNullOrWhiteSpace(s.Version)) e.Add("version is required.");
        if (s.Rounding is null) e.Add("rounding is required.");
        else
        {
            if (s.Rounding.To <= 0) e.Add("rounding.to must be more than 0.");
            if (!Enum.IsDefined(s.Rounding.Mode)) e.Add("rounding.mode must be ToEven, AwayFromZero, Up or Down.");
        }

        if (s.Phases is null || s.Phases.Count == 0)
        {
            e.Add("phases must list at least one phase.");
            return e;
        }

        foreach (var dup in s.Phases.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            e.Add($"phases: id '{dup.Key}' is used more than once.");

        var ordered = s.Phases.OrderBy(p => p.MinimumAge).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].MinimumAge <= ordered[i - 1].MaximumAge)
                e.Add($"phases '{ordered[i - 1].Id}' and '{ordered[i].Id}' overlap: ages {ordered[i].MinimumAge} to {ordered[i - 1].MaximumAge} are in both.");
        }

        foreach (var phase in s.Phases)
        {
            ValidatePhase(e, phase, s.Rounding?.To is > 0 ? s.Rounding.To : null);
        }

        return e;
    }

    private static void ValidatePhase(List<string> e, RasPhase p, decimal? roundTo)
    {
        var at = $"phase '{p.Id}'";
        if (!IsId(p.Id)) e.Add($"{at}: id must be lower-case letters, digits and hyphens.");
        if (string.IsNullOrWhiteSpace(p.Name)) e.Add($"{at}: name is required.");
        if (p.MinimumAge is < 0 or > 25) e.Add($"{at}: minimumAge must be between 0 and 25.");
        if (p.MaximumAge < p.MinimumAge) e.Add($"{at}: maximumAge must not be less than minimumAge.");

        var domains = p.Questionnaire?.Domains ?? [];
        if (domains.Count == 0) e.Add($"{at}: questionnaire.domains must list at least one domain.");
        foreach (var dup in domains.GroupBy(d => d.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: domain id '{dup.Key}' is used more than once.");
        foreach (var dup in domains.SelectMany(d => d.Questions ?? []).GroupBy(q => q.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: question id '{dup.Key}' is used more than once.");

        var maximumPoints = 0m;
        foreach (var d in domains)
        {
            var dat = $"{at}, domain '{d.Id}'";
            if (!IsId(d.Id)) e.Add($"{dat}: id must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(d.Name)) e.Add($"{dat}: name is required.");
            if (d.Questions is null || d.Questions.Count == 0) { e.Add($"{dat}: must have at least one question."); continue; }
            foreach (var q in d.Questions)
            {
                var qat = $"{at}, question '{q.Id}'";
                if (!IsId(q.Id)) e.Add($"{qat}: id must be lower-case letters, digits and hyphens.");
                if (string.IsNullOrWhiteSpace(q.Text)) e.Add($"{qat}: text is required.");
                if (q.Levels is null || q.Levels.Count < 2) { e.Add($"{qat}: must have at least two levels."); continue; }
                foreach (var dup in q.Levels.GroupBy(l => l.Id).Where(g => g.Count() > 1))
                    e.Add($"{qat}: level id '{dup.Key}' is used more than once.");
                for (var i = 0; i < q.Levels.Count; i++)
                {
                    var l = q.Levels[i];
                    if (!IsId(l.Id)) e.Add($"{qat}: level id '{l.Id}' must be lower-case letters, digits and hyphens.");
                    if (string.IsNullOrWhiteSpace(l.Label)) e.Add($"{qat}, level '{l.Id}': label is required.");
                    if (l.Points < 0) e.Add($"{qat}, level '{l.Id}': points must not be negative.");
                    if (i > 0 && l.Points < q.Levels[i - 1].Points)
                        e.Add($"{qat}: level '{l.Id}' scores fewer points than '{q.Levels[i - 1].Id}' before it; points must not go down.");
                }

                maximumPoints += q.Levels.Max(l => l.Points);
            }
        }

        ValidateSupport(e, at, p.SupportRules, domains);
        ValidateConversion(e, at, p.Conversion, maximumPoints, roundTo);

        if (p.Routing is { } r)
        {
            if (r.UniversalBelow is < 0) e.Add($"{at}: routing.universalBelow must not be negative.");
            if (r.UniversalBelow is { } u && r.SocialWorkAssessmentAbove is { } sw && sw < u)
                e.Add($"{at}: routing.socialWorkAssessmentAbove must not be less than routing.universalBelow.");
        }
    }

    private static void ValidateSupport(List<string> e, string at, RasSupportRules? rules, IReadOnlyList<RasDomain> domains)
    {
        if (rules?.Levels is null || rules.Levels.Count == 0)
        {
            e.Add($"{at}: supportRules.levels must list at least one level (for example none).");
            return;
        }

        foreach (var dup in rules.Levels.GroupBy(l => l.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: support level id '{dup.Key}' is used more than once.");
        foreach (var l in rules.Levels)
        {
            if (!IsId(l.Id)) e.Add($"{at}: support level id '{l.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(l.Label)) e.Add($"{at}: support level '{l.Id}' needs a label.");
        }

        foreach (var dup in (rules.Domains ?? []).GroupBy(r => r.DomainId).Where(g => g.Count() > 1))
            e.Add($"{at}: supportRules has more than one rule for domain '{dup.Key}'.");
        foreach (var rule in rules.Domains ?? [])
        {
            var rat = $"{at}, support rule for '{rule.DomainId}'";
            if (!domains.Any(d => d.Id == rule.DomainId)) e.Add($"{rat}: there is no such domain.");
            if ((rule.PointsOff is null) == (rule.PercentOff is null))
            {
                e.Add($"{rat}: give exactly one of pointsOff or percentOff.");
                continue;
            }

            var values = rule.PointsOff ?? rule.PercentOff!;
            var name = rule.PointsOff is null ? "percentOff" : "pointsOff";
            foreach (var key in values.Keys.Where(k => !rules.Levels.Any(l => l.Id == k)))
                e.Add($"{rat}: {name} names support level '{key}', which is not in supportRules.levels.");
            decimal previous = 0;
            foreach (var level in rules.Levels)
            {
                if (!values.TryGetValue(level.Id, out var v)) { e.Add($"{rat}: {name} has no figure for support level '{level.Id}'."); continue; }
                if (v < 0) e.Add($"{rat}: {name} for '{level.Id}' must not be negative.");
                if (rule.PercentOff is not null && v > 100) e.Add($"{rat}: percentOff for '{level.Id}' must not be more than 100.");
                if (v < previous) e.Add($"{rat}: {name} for '{level.Id}' is less than for the support level before it; more support must never take off less.");
                previous = v;
            }
        }
    }

    private static void ValidateConversion(List<string> e, string at, RasConversion? c, decimal maximumPoints, decimal? roundTo)
    {
        if (c is null) { e.Add($"{at}: conversion is required."); return; }
        switch (c.Method)
        {
            case "bands":
                if (c.Threshold is not null || c.PricePerPoint is not null || c.Floor is not null || c.Cap is not null)
                    e.Add($"{at}: conversion by bands takes no threshold, pricePerPoint, floor or cap.");
                if (c.Bands is null || c.Bands.Count == 0) { e.Add($"{at}: conversion.bands must list at least one band."); return; }
                if (c.Bands[0].From != 0) e.Add($"{at}: the first band must start at 0 points, not {P(c.Bands[0].From)}.");
                var rank = 0;
                var lastAmount = 0m;
                for (var i = 0; i < c.Bands.Count; i++)
                {
                    var b = c.Bands[i];
                    var bat = $"{at}, band '{b.Name}'";
                    if (string.IsNullOrWhiteSpace(b.Name)) e.Add($"{at}: band {i + 1} needs a name.");
                    if (b.To <= b.From) e.Add($"{bat}: to ({P(b.To)}) must be more than from ({P(b.From)}).");
                    if (i > 0 && b.From != c.Bands[i - 1].To)
                        e.Add(b.From > c.Bands[i - 1].To
                            ? $"{bat}: leaves a gap: it starts at {P(b.From)} but the band before ends at {P(c.Bands[i - 1].To)}."
                            : $"{bat}: overlaps the band before: it starts at {P(b.From)} but the band before ends at {P(c.Bands[i - 1].To)}.");
                    if (b.Amount < 0) e.Add($"{bat}: amount must not be negative.");
                    if (roundTo is { } t && b.Amount % t != 0) e.Add($"{bat}: amount must be a whole multiple of rounding.to ({P(t)}).");
                    if (b.ProviderAmount is < 0) e.Add($"{bat}: providerAmount must not be negative.");
                    if (b.Hours is < 0) e.Add($"{bat}: hours must not be negative.");
                    var bandRank = Rank(b.Routing ?? RasRouting.None);
                    if (bandRank < rank) e.Add($"{bat}: routing goes back down; bands must run from universal, through money, to a social work assessment.");
                    if (bandRank == 1 && b.Amount < lastAmount) e.Add($"{bat}: amount is less than the band before; more points must never give less money.");
                    if (bandRank == 1) lastAmount = b.Amount;
                    rank = Math.Max(rank, bandRank);
                }

                if (c.Bands[^1].To < maximumPoints)
                    e.Add($"{at}: the bands end at {P(c.Bands[^1].To)} points but a child can score up to {P(maximumPoints)}.");
                break;
            case "pricePerPoint":
                if (c.Bands is not null) e.Add($"{at}: conversion by pricePerPoint takes no bands.");
                if (c.Threshold is null || c.PricePerPoint is null || c.Floor is null || c.Cap is null)
                {
                    e.Add($"{at}: conversion by pricePerPoint needs threshold, pricePerPoint, floor and cap.");
                    return;
                }

                if (c.Threshold < 0) e.Add($"{at}: conversion.threshold must not be negative.");
                if (c.PricePerPoint <= 0) e.Add($"{at}: conversion.pricePerPoint must be more than 0.");
                if (c.Floor < 0) e.Add($"{at}: conversion.floor must not be negative.");
                if (c.Floor > c.Cap) e.Add($"{at}: conversion.floor ({P(c.Floor.Value)}) must not be more than conversion.cap ({P(c.Cap.Value)}).");
                if (roundTo is { } r && (c.Floor % r != 0 || c.Cap % r != 0))
                    e.Add($"{at}: conversion.floor and conversion.cap must be whole multiples of rounding.to ({P(r)}).");
                break;
            default:
                e.Add($"{at}: conversion.method must be \"bands\" or \"pricePerPoint\", not \"{c.Method}\".");
                break;
        }
    }

    /// <summary>Universal, then money, then a social work assessment: the order more need moves a child along.</summary>
    internal static int Rank(RasRouting routing) => routing switch
    {
        RasRouting.Universal => 0,
        RasRouting.None => 1,
        _ => 2,
    };

    private static string P(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static bool IsId(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
