namespace ShortBreaks.Core.Ras;

/// <summary>Checks a RAS version for figures that cannot be right, before any child is scored with it.</summary>
public static class RasSchemeValidator
{
    public static IReadOnlyList<string> Validate(RasScheme s)
    {
        var e = new List<string>();
        if (string.IsNullOrWhiteSpace(s.Version)) e.Add("version is required.");
        if (s.Rounding is null)
        {
            e.Add("rounding is required.");
        }
        else
        {
            if (s.Rounding.To < MinimumRoundingStep) e.Add($"rounding.to must be at least 0.01 (a penny), not {P(s.Rounding.To)}.");
            if (!Enum.IsDefined(s.Rounding.Mode)) e.Add("rounding.mode must be ToEven, AwayFromZero, Up or Down.");
        }

        if (s.Phases is null || s.Phases.Count == 0)
        {
            e.Add("phases must list at least one phase.");
            return e;
        }

        // A null in any list (a stray comma, "null" in the file) is named by its place; the rest is checked without it.
        var phases = NonNull(e, "phases", s.Phases, (_, i) => $"phase {i + 1}");
        if (phases.Count == 0) return e;

        foreach (var dup in phases.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            e.Add($"phases: id '{dup.Key}' is used more than once.");

        var ordered = phases.OrderBy(p => p.MinimumAge).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].MinimumAge <= ordered[i - 1].MaximumAge)
                e.Add($"phases '{ordered[i - 1].Id}' and '{ordered[i].Id}' overlap: ages {ordered[i].MinimumAge} to {ordered[i - 1].MaximumAge} are in both.");
        }

        foreach (var phase in phases)
        {
            ValidatePhase(e, phase, s.Rounding?.To is >= MinimumRoundingStep ? s.Rounding.To : null);
        }

        return e;
    }

    /// <summary>The smallest rounding step for money: a penny.</summary>
    public const decimal MinimumRoundingStep = 0.01m;

    /// <summary>The items of a list that are there; each null is reported as "{where}: {item} is empty (null)".</summary>
    private static List<T> NonNull<T>(List<string> e, string where, IReadOnlyList<T?>? items, Func<string, int, string> name) where T : class
    {
        var list = new List<T>();
        if (items is null) return list;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item) list.Add(item);
            else e.Add($"{where}: {name(where, i)} is empty (null): remove it or fill it in.");
        }

        return list;
    }

    private static void ValidatePhase(List<string> e, RasPhase p, decimal? roundTo)
    {
        var at = $"phase '{p.Id}'";
        if (!IsId(p.Id)) e.Add($"{at}: id must be lower-case letters, digits and hyphens.");
        if (string.IsNullOrWhiteSpace(p.Name)) e.Add($"{at}: name is required.");
        if (p.MinimumAge is < 0 or > 25) e.Add($"{at}: minimumAge must be between 0 and 25.");
        if (p.MaximumAge < p.MinimumAge) e.Add($"{at}: maximumAge must not be less than minimumAge.");

        if (p.Questionnaire is null) e.Add($"{at}: questionnaire is required.");
        var domains = NonNull(e, $"{at}, questionnaire.domains", p.Questionnaire?.Domains, (_, i) => $"domain {i + 1}");
        if (domains.Count == 0) e.Add($"{at}: questionnaire.domains must list at least one domain.");
        foreach (var dup in domains.GroupBy(d => d.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: domain id '{dup.Key}' is used more than once.");
        foreach (var dup in domains.SelectMany(d => (d.Questions ?? []).Where(q => q is not null)).GroupBy(q => q.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: question id '{dup.Key}' is used more than once.");

        var maximumPoints = 0m;
        foreach (var d in domains)
        {
            var dat = $"{at}, domain '{d.Id}'";
            if (!IsId(d.Id)) e.Add($"{dat}: id must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(d.Name)) e.Add($"{dat}: name is required.");
            var questions = NonNull(e, $"{dat}, questions", d.Questions, (_, i) => $"question {i + 1}");
            if (questions.Count == 0) { e.Add($"{dat}: must have at least one question."); continue; }
            foreach (var q in questions)
            {
                var qat = $"{at}, question '{q.Id}'";
                if (!IsId(q.Id)) e.Add($"{qat}: id must be lower-case letters, digits and hyphens.");
                if (string.IsNullOrWhiteSpace(q.Text)) e.Add($"{qat}: text is required.");
                var levels = NonNull(e, $"{qat}, levels", q.Levels, (_, i) => $"level {i + 1}");
                if (levels.Count < 2) { e.Add($"{qat}: must have at least two levels."); continue; }
                foreach (var dup in levels.GroupBy(l => l.Id).Where(g => g.Count() > 1))
                    e.Add($"{qat}: level id '{dup.Key}' is used more than once.");
                for (var i = 0; i < levels.Count; i++)
                {
                    var l = levels[i];
                    if (!IsId(l.Id)) e.Add($"{qat}: level id '{l.Id}' must be lower-case letters, digits and hyphens.");
                    if (string.IsNullOrWhiteSpace(l.Label)) e.Add($"{qat}, level '{l.Id}': label is required.");
                    if (l.Points < 0) e.Add($"{qat}, level '{l.Id}': points must not be negative.");
                    if (i > 0 && l.Points < levels[i - 1].Points)
                        e.Add($"{qat}: level '{l.Id}' scores fewer points than '{levels[i - 1].Id}' before it; points must not go down.");
                }

                maximumPoints += levels.Max(l => l.Points);
            }
        }

        ValidateSupport(e, at, p.SupportRules, domains);
        ValidateConversion(e, at, p.Conversion, maximumPoints, roundTo);
        ValidateFundedSupport(e, at, p.FundedSupport);

        if (p.Routing is { } r)
        {
            if (r.UniversalBelow is < 0) e.Add($"{at}: routing.universalBelow must not be negative.");
            if (r.UniversalBelow is { } u && r.SocialWorkAssessmentAbove is { } sw && sw < u)
                e.Add($"{at}: routing.socialWorkAssessmentAbove must not be less than routing.universalBelow.");
        }
    }

    private static void ValidateSupport(List<string> e, string at, RasSupportRules? rules, IReadOnlyList<RasDomain> domains)
    {
        var supportLevels = NonNull(e, $"{at}, supportRules.levels", rules?.Levels, (_, i) => $"level {i + 1}");
        if (rules is null || supportLevels.Count == 0)
        {
            e.Add($"{at}: supportRules.levels must list at least one level (for example none).");
            return;
        }

        foreach (var dup in supportLevels.GroupBy(l => l.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: support level id '{dup.Key}' is used more than once.");
        foreach (var l in supportLevels)
        {
            if (!IsId(l.Id)) e.Add($"{at}: support level id '{l.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(l.Label)) e.Add($"{at}: support level '{l.Id}' needs a label.");
        }

        var domainRules = NonNull(e, $"{at}, supportRules.domains", rules.Domains, (_, i) => $"rule {i + 1}");
        foreach (var dup in domainRules.GroupBy(r => r.DomainId).Where(g => g.Count() > 1))
            e.Add($"{at}: supportRules has more than one rule for domain '{dup.Key}'.");
        foreach (var rule in domainRules)
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
            foreach (var key in values.Keys.Where(k => !supportLevels.Any(l => l.Id == k)))
                e.Add($"{rat}: {name} names support level '{key}', which is not in supportRules.levels.");
            decimal previous = 0;
            foreach (var level in supportLevels)
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
                var bands = NonNull(e, $"{at}, conversion.bands", c.Bands, (_, i) => $"band {i + 1}");
                if (bands.Count == 0) { e.Add($"{at}: conversion.bands must list at least one band."); return; }
                if (c.BandEdges is { } edges && !Enum.IsDefined(edges)) e.Add($"{at}: conversion.bandEdges must be HalfOpen or Inclusive.");
                var inclusive = c.BandEdges == RasBandEdges.Inclusive;
                if (bands[0].From != 0) e.Add($"{at}: the first band must start at 0 points, not {P(bands[0].From)}.");
                var rank = 0;
                var lastAmount = 0m;
                for (var i = 0; i < bands.Count; i++)
                {
                    var b = bands[i];
                    var bat = $"{at}, band '{b.Name}'";
                    if (string.IsNullOrWhiteSpace(b.Name)) e.Add($"{at}: band {i + 1} needs a name.");
                    if (inclusive)
                    {
                        ValidateInclusiveEdges(e, bat, b, i > 0 ? bands[i - 1] : null);
                    }
                    else
                    {
                        if (b.To <= b.From) e.Add($"{bat}: to ({P(b.To)}) must be more than from ({P(b.From)}).");
                        if (i > 0 && b.From != bands[i - 1].To)
                        {
                            e.Add(b.From > bands[i - 1].To
                                ? $"{bat}: leaves a gap: it starts at {P(b.From)} but the band before ends at {P(bands[i - 1].To)}; start it at {P(bands[i - 1].To)}."
                                : $"{bat}: overlaps the band before: it starts at {P(b.From)} but the band before ends at {P(bands[i - 1].To)}; start it at {P(bands[i - 1].To)}.");
                        }
                    }

                    if (b.Amount < 0) e.Add($"{bat}: amount must not be negative.");
                    if (b.Routing is { } routes && routes != RasRouting.None)
                    {
                        // A band that routes gives no money: an amount there would be silently ignored, so it is refused.
                        var where = routes == RasRouting.Universal ? "universal services" : "a social work assessment";
                        if (b.Amount != 0) e.Add($"{bat}: sends the child to {where} instead of giving money, so its amount must be 0, not {P(b.Amount)}. To give money and ask for an assessment, leave routing out and set flagForAssessment.");
                        if (b.Hours is not null || b.ProviderAmount is not null) e.Add($"{bat}: sends the child to {where} instead of giving money, so it takes no hours or providerAmount.");
                        if (b.FlagForAssessment is not null) e.Add($"{bat}: sends the child to {where} instead of giving money, so it takes no flagForAssessment.");
                    }

                    if (roundTo is { } t && b.Amount % t != 0) e.Add($"{bat}: amount must be a whole multiple of rounding.to ({P(t)}).");
                    if (b.ProviderAmount is < 0) e.Add($"{bat}: providerAmount must not be negative.");
                    if (b.Hours is < 0) e.Add($"{bat}: hours must not be negative.");
                    var bandRank = Rank(b);
                    if (bandRank < rank)
                    {
                        e.Add(bandRank == 1 && rank == 2
                            ? $"{bat}: does not ask for a social work assessment but a band before it does; more points must never stop asking for one."
                            : $"{bat}: routing goes back down; bands must run from universal, through money, to a social work assessment.");
                    }

                    if (bandRank is 1 or 2 && b.Amount < lastAmount) e.Add($"{bat}: amount is less than the band before; more points must never give less money.");
                    if (bandRank is 1 or 2) lastAmount = b.Amount;
                    rank = Math.Max(rank, bandRank);
                }

                if (bands[^1].To < maximumPoints)
                    e.Add($"{at}: the bands end at {P(bands[^1].To)} points but a child can score up to {P(maximumPoints)}.");
                ValidateHoursAt(e, at, c.HoursAt);
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
                if (c.BandEdges is not null) e.Add($"{at}: conversion by pricePerPoint takes no bandEdges.");
                ValidateHoursAt(e, at, c.HoursAt);
                break;
            default:
                e.Add($"{at}: conversion.method must be \"bands\" or \"pricePerPoint\", not \"{c.Method}\".");
                break;
        }
    }

    /// <summary>
    /// Whole-point bands with both ends included, as councils print them: each starts one point after the band
    /// before ends. A gap or an overlap is explained with the edge that would close it.
    /// </summary>
    private static void ValidateInclusiveEdges(List<string> e, string bat, RasBand b, RasBand? before)
    {
        if (b.From != decimal.Truncate(b.From) || b.To != decimal.Truncate(b.To))
            e.Add($"{bat}: with inclusive band edges, from and to must be whole points, not {P(b.From)}–{P(b.To)}.");
        if (b.To < b.From) e.Add($"{bat}: to ({P(b.To)}) must not be less than from ({P(b.From)}).");
        if (before is null || b.From == before.To + 1) return;
        var range = $"{P(b.From)}–{P(b.To)}";
        var fix = $"start it at {P(before.To + 1)} (write {P(before.To + 1)}–{P(b.To)}), or end the band before at {P(b.From - 1)}";
        e.Add(b.From > before.To + 1
            ? $"{bat} ({range}): leaves a gap: the band before ends at {P(before.To)}, so totals from {P(before.To + 1)} to {P(b.From - 1)} are in no band; {fix}."
            : $"{bat} ({range}): overlaps the band before, which ends at {P(before.To)}, so {(b.From == before.To ? $"{P(b.From)} is" : $"{P(b.From)} to {P(before.To)} are")} in both; {fix}.");
    }

    private static void ValidateHoursAt(List<string> e, string at, RasHoursConversion? hours)
    {
        if (hours is null) return;
        if (hours.HourlyRate <= 0) e.Add($"{at}: conversion.hoursAt.hourlyRate must be more than 0.");
        ValidateHoursRounding(e, $"{at}: conversion.hoursAt.rounding", hours.Rounding);
    }

    private static void ValidateHoursRounding(List<string> e, string at, RasRounding? rounding)
    {
        if (rounding is null) { e.Add($"{at} is required (for example mode Down, to 1: down to whole hours)."); return; }
        if (rounding.To <= 0) e.Add($"{at}.to must be more than 0 hours.");
        if (!Enum.IsDefined(rounding.Mode)) e.Add($"{at}.mode must be ToEven, AwayFromZero, Up or Down.");
    }

    private static void ValidateFundedSupport(List<string> e, string at, IReadOnlyList<RasFundedSupport?>? items)
    {
        var list = NonNull(e, $"{at}, fundedSupport", items, (_, i) => $"item {i + 1}");
        foreach (var dup in list.GroupBy(f => f.Id).Where(g => g.Count() > 1))
            e.Add($"{at}: fundedSupport id '{dup.Key}' is used more than once.");
        foreach (var f in list)
        {
            var fat = $"{at}, fundedSupport '{f.Id}'";
            if (!IsId(f.Id)) e.Add($"{fat}: id must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(f.Name)) e.Add($"{fat}: name is required.");
            switch (f.Unit)
            {
                case RasFundedSupportUnit.Money:
                    if (f.HourlyRate is not null || f.HoursRounding is not null) e.Add($"{fat}: support in money takes no hourlyRate or hoursRounding.");
                    break;
                case RasFundedSupportUnit.Hours:
                    if (f.HourlyRate is not > 0) e.Add($"{fat}: support in hours needs an hourlyRate of more than 0.");
                    ValidateHoursRounding(e, $"{fat}: hoursRounding", f.HoursRounding);
                    break;
                default:
                    e.Add($"{fat}: unit must be Money or Hours.");
                    break;
            }
        }
    }

    /// <summary>Universal, then money, then money with a social work assessment, then a social work assessment instead: the order more need moves a child along.</summary>
    internal static int Rank(RasBand band) => (band.Routing ?? RasRouting.None) switch
    {
        RasRouting.Universal => 0,
        RasRouting.None => band.FlagForAssessment == true ? 2 : 1,
        _ => 3,
    };

    private static string P(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    internal static bool IsId(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
