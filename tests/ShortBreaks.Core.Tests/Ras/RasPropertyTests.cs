using System.Globalization;
using ShortBreaks.Core.Ras;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>
/// Properties that hold for every assessment: checked over thousands of seeded random assessments, on the
/// shipped scheme and on randomly generated valid schemes. A failure names the seed and the case to replay.
/// </summary>
public class RasPropertyTests
{
    private const int Cases = 2000;

    public static TheoryData<string> Sources => new() { "shipped", "generated" };

    [Theory, MemberData(nameof(Sources))]
    public void MoreNeed_NeverLowersTheOutcome(string source)
    {
        ForEachCase(source, 1, (random, scheme, assessment) =>
        {
            var before = Score(scheme, assessment);
            var q = random.Next(assessment.Steps.Length);
            var raised = assessment.RaiseNeed(q);
            if (raised is null) return;

            var after = Score(scheme, raised);
            Outcome(after).ShouldBeGreaterThanOrEqualTo(Outcome(before), $"raising question {q}: {before} then {after}");
            after.TotalPoints.ShouldBeGreaterThanOrEqualTo(before.TotalPoints);
        });
    }

    [Theory, MemberData(nameof(Sources))]
    public void MoreSupport_NeverRaisesTheOutcome(string source)
    {
        ForEachCase(source, 2, (random, scheme, assessment) =>
        {
            var before = Score(scheme, assessment);
            var d = random.Next(assessment.Support.Length);
            var raised = assessment.RaiseSupport(d);
            if (raised is null) return;

            var after = Score(scheme, raised);
            Outcome(after).ShouldBeLessThanOrEqualTo(Outcome(before), $"raising support in domain {d}: {before} then {after}");
            after.TotalPoints.ShouldBeLessThanOrEqualTo(before.TotalPoints);
        });
    }

    [Theory, MemberData(nameof(Sources))]
    public void MoreSupportAlreadyFunded_NeverRaisesTheAmount(string source)
    {
        ForEachCase(source, 7, (random, scheme, assessment) =>
        {
            if (assessment.Funded.Length == 0) return;
            var before = Score(scheme, assessment);
            var f = random.Next(assessment.Funded.Length);
            var more = assessment with { Funded = [.. assessment.Funded.Select((v, i) => i == f ? v + random.Next(1, 400) : v)] };

            var after = Score(scheme, more);
            after.Routing.ShouldBe(before.Routing);
            after.Amount.ShouldBeLessThanOrEqualTo(before.Amount, $"more funded support in item {f}: {before} then {after}");
            after.FundedSupportDeducted.ShouldBeGreaterThanOrEqualTo(before.FundedSupportDeducted);
        });
    }

    [Theory, MemberData(nameof(Sources))]
    public void Working_AlwaysAddsUpToTheResult(string source)
    {
        ForEachCase(source, 3, (_, scheme, assessment) =>
        {
            var result = Score(scheme, assessment);
            var working = RasEngine.Explain(scheme, assessment.ToAnswers());

            working.Result.ShouldBe(result);
            working.Lines.Where(l => l.Kind is RasWorkingKind.Answer or RasWorkingKind.Deduction).Sum(l => l.Points!.Value).ShouldBe(result.TotalPoints);
            working.Lines.Where(l => l.Kind == RasWorkingKind.DomainSubtotal).Sum(l => l.Points!.Value).ShouldBe(result.TotalPoints);
            working.Lines.Single(l => l.Kind == RasWorkingKind.Total).Points.ShouldBe(result.TotalPoints);
            working.Lines[^1].Kind.ShouldBe(RasWorkingKind.Amount);
            working.Lines[^1].Amount.ShouldBe(result.Amount);
            working.Lines.Count(l => l.Kind == RasWorkingKind.Answer).ShouldBe(assessment.Steps.Length);
            if (result.Routing == RasRouting.None && result.Amount > 0) working.Text.ShouldContain(Money.Format(result.Amount) + " a year");

            // The money: the conversion's amount, less each item of support already funded, then the rounding.
            var conversion = working.Lines.SingleOrDefault(l => l.Kind == RasWorkingKind.Conversion);
            var funded = working.Lines.Where(l => l.Kind == RasWorkingKind.FundedSupport).Sum(l => l.Amount!.Value);
            funded.ShouldBe(-result.FundedSupportDeducted);
            if (result.Routing == RasRouting.None)
            {
                var beforeRounding = conversion!.Amount!.Value + funded;
                beforeRounding.ShouldBeGreaterThanOrEqualTo(0);
                RasEngine.Round(beforeRounding, scheme.Rounding).ShouldBe(result.Amount);
                var rounding = working.Lines.SingleOrDefault(l => l.Kind == RasWorkingKind.Rounding);
                if (beforeRounding != 0) rounding!.Amount.ShouldBe(result.Amount);
                if (rounding is not null) rounding.Text.ShouldStartWith($"Before rounding the amount is {Money.FormatExact(beforeRounding)};");
            }
            else
            {
                result.FundedSupportDeducted.ShouldBe(0);
            }

            var phase = scheme.Phases.Single(p => p.Id == result.PhaseId);
            if (phase.Conversion.HoursAt is { } at && result.Routing == RasRouting.None)
            {
                result.Hours.ShouldBe(RasEngine.Round(result.Amount / at.HourlyRate, at.Rounding));
                working.Lines.Single(l => l.Kind == RasWorkingKind.Hours).Text.ShouldContain($"{Money.Format(result.Amount)} a year is ");
            }
            else
            {
                result.Hours.ShouldBeNull();
            }

            result.FlaggedForAssessment.ShouldBe(result.Band?.FlagForAssessment == true && result.Routing == RasRouting.None);
            working.Lines.Any(l => l.Kind == RasWorkingKind.Assessment).ShouldBe(result.FlaggedForAssessment);
        });
    }

    [Theory, MemberData(nameof(Sources))]
    public void FloorsCapsAndBands_AlwaysHold(string source)
    {
        ForEachCase(source, 4, (_, scheme, assessment) =>
        {
            var result = Score(scheme, assessment);
            var phase = scheme.Phases.Single(p => p.Id == result.PhaseId);
            var c = phase.Conversion;
            (result.Amount % scheme.Rounding.To).ShouldBe(0);
            if (result.Routing != RasRouting.None) result.Amount.ShouldBe(0);
            if (phase.Routing?.UniversalBelow is { } below && result.TotalPoints < below) result.Routing.ShouldBe(RasRouting.Universal);
            if (phase.Routing?.SocialWorkAssessmentAbove is { } above && result.TotalPoints > above && result.Routing != RasRouting.Universal)
                result.Routing.ShouldBe(RasRouting.SocialWorkAssessment);

            if (c.Method == "bands" && result.Band is { } band)
            {
                // Inclusive whole-point bands hold totals up to, but not including, the next whole point.
                var end = c.BandEdges == RasBandEdges.Inclusive ? band.To + 1 : band.To;
                result.TotalPoints.ShouldBeGreaterThanOrEqualTo(band.From);
                if (band == c.Bands![^1]) result.TotalPoints.ShouldBeLessThanOrEqualTo(band.To);
                else result.TotalPoints.ShouldBeLessThan(end);
                if (result.Routing == RasRouting.None && assessment.Funded.All(v => v == 0)) result.Amount.ShouldBe(band.Amount);
            }
            else if (c.Method == "pricePerPoint" && result.Routing == RasRouting.None && assessment.Funded.All(v => v == 0))
            {
                if (result.TotalPoints > c.Threshold)
                {
                    result.Amount.ShouldBeGreaterThanOrEqualTo(c.Floor!.Value);
                    result.Amount.ShouldBeLessThanOrEqualTo(c.Cap!.Value);
                }
                else
                {
                    result.Amount.ShouldBe(0);
                }
            }
        });
    }

    [Theory, MemberData(nameof(Sources))]
    public void Scoring_IsDeterministicWhateverTheCulture(string source)
    {
        ForEachCase(source, 5, (_, scheme, assessment) =>
        {
            var first = RasEngine.Explain(scheme, assessment.ToAnswers());
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
                var again = RasEngine.Explain(scheme, assessment.ToAnswers());
                again.Result.ShouldBe(first.Result);
                again.Text.ShouldBe(first.Text);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }

            var compiled = new CompiledRasScheme(scheme);
            RasEngine.Score(compiled, compiled.Prepare(assessment.ToAnswers())).ShouldBe(first.Result);
        }, cases: 300);
    }

    [Fact]
    public void GeneratedSchemes_AreValid()
    {
        var random = new Random(6);
        for (var i = 0; i < 500; i++)
        {
            RasSchemeValidator.Validate(RandomScheme(random)).ShouldBeEmpty();
        }
    }

    private static RasResult Score(RasScheme scheme, Assessment assessment) => RasEngine.Score(scheme, assessment.ToAnswers());

    /// <summary>Universal, then money by amount, then a social work assessment: the order more need moves along.</summary>
    private static decimal Outcome(RasResult r) => r.Routing switch
    {
        RasRouting.Universal => -1,
        RasRouting.None => r.Amount,
        _ => decimal.MaxValue,
    };

    private static void ForEachCase(string source, int seed, Action<Random, RasScheme, Assessment> check, int cases = Cases)
    {
        var random = new Random(seed);
        var scheme = RasTestSchemes.Shipped;
        for (var i = 0; i < cases; i++)
        {
            if (source == "generated" && i % 20 == 0) scheme = RandomScheme(random);
            var assessment = Assessment.Random(random, scheme);
            try
            {
                check(random, scheme, assessment);
            }
            catch (Exception ex)
            {
                throw new Exception($"Seed {seed}, case {i} ({source}): {assessment}", ex);
            }
        }
    }

    /// <summary>An assessment as steps: per question twice the level index, plus one for a half level.</summary>
    private sealed record Assessment(RasPhase Phase, int[] Steps, int[] Support, decimal[] Funded)
    {
        private IReadOnlyList<RasQuestion> Questions => Phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToList();

        public static Assessment Random(Random random, RasScheme scheme)
        {
            var phase = scheme.Phases[random.Next(scheme.Phases.Count)];
            var questions = phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToList();
            var steps = questions.Select(q =>
            {
                var step = random.Next(q.Levels.Count * 2 - 1);
                return phase.Questionnaire.AllowHalfLevels ? step : step / 2 * 2;
            }).ToArray();
            var support = phase.Questionnaire.Domains.Select(_ => random.Next(phase.SupportRules.Levels.Count)).ToArray();
            var funded = (phase.FundedSupport ?? []).Select(f => random.Next(3) == 0 ? 0 : f.Unit == RasFundedSupportUnit.Hours ? random.Next(0, 400) / 4m : random.Next(0, 200000) / 100m).ToArray();
            return new Assessment(phase, steps, support, funded);
        }

        public Assessment? RaiseNeed(int question)
        {
            var by = Phase.Questionnaire.AllowHalfLevels ? 1 : 2;
            if (Steps[question] + by > (Questions[question].Levels.Count - 1) * 2) return null;
            var steps = (int[])Steps.Clone();
            steps[question] += by;
            return this with { Steps = steps };
        }

        public Assessment? RaiseSupport(int domain)
        {
            if (Support[domain] + 1 >= Phase.SupportRules.Levels.Count) return null;
            var support = (int[])Support.Clone();
            support[domain]++;
            return this with { Support = support };
        }

        public RasAnswers ToAnswers()
        {
            var questions = Questions;
            var levels = new Dictionary<string, string>();
            for (var q = 0; q < questions.Count; q++)
            {
                var l = questions[q].Levels;
                var s = Steps[q];
                levels[questions[q].Id] = s % 2 == 0 ? l[s / 2].Id : $"{l[s / 2].Id}/{l[s / 2 + 1].Id}";
            }

            var support = new Dictionary<string, string>();
            for (var d = 0; d < Support.Length; d++)
            {
                support[Phase.Questionnaire.Domains[d].Id] = Phase.SupportRules.Levels[Support[d]].Id;
            }

            var funded = new Dictionary<string, decimal>();
            for (var f = 0; f < Funded.Length; f++) funded[Phase.FundedSupport![f].Id] = Funded[f];

            return new RasAnswers { PhaseId = Phase.Id, Levels = levels, Support = support, FundedSupport = funded };
        }

        public override string ToString() => $"phase {Phase.Id}, steps [{string.Join(",", Steps)}], support [{string.Join(",", Support)}], funded [{string.Join(",", Funded)}]";
    }

    private static RasScheme RandomScheme(Random random)
    {
        decimal[] roundTo = [0.01m, 1, 10];
        var rounding = new RasRounding(Mode: (RasRoundingMode)random.Next(4), To: roundTo[random.Next(roundTo.Length)]);
        var phaseCount = random.Next(1, 3);
        var phases = new List<RasPhase>();
        for (var p = 0; p < phaseCount; p++)
        {
            phases.Add(RandomPhase(random, $"phase-{p}", p * 6, p * 6 + 5, rounding.To));
        }

        return new RasScheme { Version = $"random.{random.Next()}", EffectiveFrom = new DateOnly(2026, 4, 1), Rounding = rounding, Phases = phases };
    }

    private static RasPhase RandomPhase(Random random, string id, int min, int max, decimal roundTo)
    {
        var domains = new List<RasDomain>();
        var most = 0m;
        for (var d = 0; d < random.Next(1, 5); d++)
        {
            var questions = new List<RasQuestion>();
            for (var q = 0; q < random.Next(1, 5); q++)
            {
                var levels = new List<RasLevel>();
                var points = 0m;
                for (var l = 0; l < random.Next(2, 6); l++)
                {
                    points += random.Next(0, 3) == 0 ? 0 : random.Next(0, 800) / 100m;
                    levels.Add(new RasLevel(Id: $"l{l}", Label: $"level {l}", Points: points));
                }

                most += points;
                questions.Add(new RasQuestion(Id: $"d{d}-q{q}", Text: $"Question {q}", Levels: levels));
            }

            domains.Add(new RasDomain(Id: $"d{d}", Name: $"Domain {d}", Questions: questions));
        }

        var supportLevels = Enumerable.Range(0, random.Next(1, 4)).Select(s => new RasSupportLevel(Id: $"s{s}", Label: $"support {s}")).ToList();
        var rules = new List<RasDomainSupportRule>();
        foreach (var domain in domains.Where(_ => random.Next(3) > 0))
        {
            var percent = random.Next(2) == 0;
            var values = new Dictionary<string, decimal>();
            var value = 0m;
            foreach (var s in supportLevels)
            {
                value = percent ? Math.Min(100, value + random.Next(0, 60)) : value + random.Next(0, 600) / 100m;
                values[s.Id] = value;
            }

            rules.Add(percent
                ? new RasDomainSupportRule(DomainId: domain.Id, PercentOff: values)
                : new RasDomainSupportRule(DomainId: domain.Id, PointsOff: values));
        }

        RasConversion conversion;
        if (random.Next(2) == 0)
        {
            var floor = random.Next(0, 50) * roundTo * 10;
            conversion = new RasConversion(
                Method: "pricePerPoint",
                Threshold: random.Next(0, (int)most + 1) / 2m,
                PricePerPoint: random.Next(1, 20000) / 100m,
                Floor: floor,
                Cap: floor + random.Next(0, 500) * roundTo * 10);
        }
        else if (random.Next(2) == 0)
        {
            // Inclusive whole-point bands, as councils print them, some giving money and flagging an assessment.
            var bands = new List<RasBand>();
            var from = 0m;
            var amount = 0m;
            var rank = 0;
            var top = Math.Ceiling(most);
            while (from <= top || bands.Count == 0)
            {
                var to = bands.Count >= 5 ? Math.Max(top, from) : from + random.Next(0, 20);
                rank = Math.Max(rank, random.Next(0, 10) switch { 0 => 0, 8 => 2, 9 => 3, _ => 1 });
                var routing = rank switch { 0 => RasRouting.Universal, 3 => RasRouting.SocialWorkAssessment, _ => (RasRouting?)null };
                if (rank is 1 or 2) amount += random.Next(0, 40) * roundTo * 10;
                bands.Add(new RasBand(
                    From: from, To: to, Amount: rank is 1 or 2 ? amount : 0, Name: $"band {bands.Count}", Routing: routing,
                    FlagForAssessment: rank == 2 ? true : null));
                from = to + 1;
            }

            conversion = new RasConversion(Method: "bands", Bands: bands, BandEdges: RasBandEdges.Inclusive);
        }
        else
        {
            var bands = new List<RasBand>();
            var from = 0m;
            var amount = 0m;
            var rank = 0;
            while (from < most || bands.Count == 0)
            {
                var to = bands.Count >= 5 ? Math.Max(most, from + 0.5m) : from + random.Next(1, 40) / 2m;
                rank = Math.Max(rank, random.Next(0, 8) switch { 0 => 0, 7 => 2, _ => 1 });
                var routing = rank switch { 0 => RasRouting.Universal, 1 => (RasRouting?)null, _ => RasRouting.SocialWorkAssessment };
                if (rank == 1) amount += random.Next(0, 40) * roundTo * 10;
                bands.Add(new RasBand(From: from, To: to, Amount: rank == 1 ? amount : 0, Name: $"band {bands.Count}", Routing: routing));
                from = to;
            }

            conversion = new RasConversion(Method: "bands", Bands: bands);
        }

        if (random.Next(3) == 0)
        {
            conversion = conversion with
            {
                HoursAt = new RasHoursConversion(
                    HourlyRate: random.Next(500, 3000) / 100m,
                    Rounding: new RasRounding(Mode: (RasRoundingMode)random.Next(4), To: random.Next(2) == 0 ? 1 : 0.5m)),
            };
        }

        var fundedSupport = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(0, 3)).Select(f => random.Next(2) == 0
            ? new RasFundedSupport(Id: $"f{f}", Name: $"funded {f}", Unit: RasFundedSupportUnit.Money)
            : new RasFundedSupport(
                Id: $"f{f}", Name: $"funded {f}", Unit: RasFundedSupportUnit.Hours, HourlyRate: random.Next(500, 3000) / 100m,
                HoursRounding: new RasRounding(Mode: (RasRoundingMode)random.Next(4), To: random.Next(2) == 0 ? 1 : 0.25m))).ToList();

        RasRoutingThresholds? routingThresholds = null;
        if (random.Next(3) == 0)
        {
            var below = random.Next(0, (int)most + 1) / 2m;
            routingThresholds = new RasRoutingThresholds(
                UniversalBelow: random.Next(2) == 0 ? below : null,
                SocialWorkAssessmentAbove: random.Next(2) == 0 ? below + random.Next(0, (int)most + 1) : null);
        }

        return new RasPhase(
            Id: id,
            Name: $"Phase {id}",
            MinimumAge: min,
            MaximumAge: max,
            Questionnaire: new RasQuestionnaire { AllowHalfLevels = random.Next(2) == 0, Domains = domains },
            SupportRules: new RasSupportRules(Levels: supportLevels, Domains: rules),
            Conversion: conversion,
            Routing: routingThresholds,
            FundedSupport: fundedSupport);
    }
}
