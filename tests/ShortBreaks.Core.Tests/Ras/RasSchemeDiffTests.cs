using ShortBreaks.Core.Ras;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>What a new version changes, in sentences a panel can read.</summary>
public sealed class RasSchemeDiffTests
{
    private static readonly RasScheme Shipped = RasTestSchemes.Shipped;

    private static RasScheme ChangePhase(RasScheme scheme, string phaseId, Func<RasPhase, RasPhase> change) =>
        scheme with { Phases = scheme.Phases.Select(p => p.Id == phaseId ? change(p) : p).ToList() };

    [Fact]
    public void TheSameVersion_HasNoChanges() => RasSchemeDiff.Compare(Shipped, Shipped).ShouldBeEmpty();

    [Fact]
    public void ABandAmount_IsNamedWithBothFigures()
    {
        var changed = ChangePhase(Shipped, "primary", p => p with
        {
            Conversion = p.Conversion with { Bands = p.Conversion.Bands!.Select(b => b.Amount == 2400m ? b with { Amount = 2450m } : b).ToList() },
        });

        var change = RasSchemeDiff.Compare(Shipped, changed).ShouldHaveSingleItem();
        change.ShouldStartWith("Primary");
        change.ShouldEndWith("£2,450 a year (was £2,400).");
    }

    [Fact]
    public void TheCouncilsForms_AreEachListed()
    {
        var changed = ShortBreaks.TestCommon.RasCouncilForms.From(Shipped, Shipped.EffectiveFrom);

        var changes = RasSchemeDiff.Compare(Shipped, changed);

        changes.ShouldContain("Primary school age, band 'Targeted Short Breaks, band 3': now also asks for a social work assessment.");
        changes.ShouldContain("Primary school age: band edges are now whole points, both ends included.");
        changes.ShouldContain("Primary school age: the result is shown as hours at £15 an hour, rounded down to whole hours (was not shown as hours).");
        changes.ShouldContain("Primary school age: support already funded taken off: equipment already funded (pounds a year); hours at a holiday club already funded (hours a year at £15 an hour, rounded down to whole hours) (was none).");
        changes.ShouldNotContain(c => c.StartsWith("Secondary"));
    }

    [Fact]
    public void PointsSupportAndRounding_AreEachListed()
    {
        var phase = Shipped.Phases.Single(p => p.Id == "secondary");
        var domain = phase.Questionnaire.Domains[1];
        var question = domain.Questions[0];
        var changed = ChangePhase(Shipped, "secondary", p => p with
        {
            Questionnaire = p.Questionnaire with
            {
                Domains = p.Questionnaire.Domains.Select(d => d.Id != domain.Id ? d : d with
                {
                    Questions = d.Questions.Select(q => q.Id != question.Id ? q : q with { Text = "Reworded", Levels = q.Levels.Select(l => l with { Points = l.Points * 2 }).ToList() }).ToList(),
                }).ToList(),
            },
            SupportRules = p.SupportRules with { Domains = p.SupportRules.Domains.Where(r => r.DomainId != domain.Id).ToList() },
        }) with
        { Rounding = new RasRounding(Mode: RasRoundingMode.ToEven, To: 10) };

        var changes = RasSchemeDiff.Compare(Shipped, changed);

        changes.ShouldContain(c => c.StartsWith("Rounding: to the nearest £10, halves to even"));
        changes.ShouldContain(c => c.Contains($"question '{question.Text}' now reads 'Reworded'"));
        changes.ShouldContain(c => c.Contains("'Reworded': points"));
        changes.ShouldContain(c => c.Contains($"{domain.Name}: support present no longer lowers the points"));
        changes.Count.ShouldBe(4);
    }

    [Fact]
    public void AQuestionAddedAndOneRemoved_AreBothListed()
    {
        var domain = Shipped.Phases[0].Questionnaire.Domains[0];
        var removed = domain.Questions[^1];
        var added = removed with { Id = "new-question", Text = "Needs help at night" };
        var changed = ChangePhase(Shipped, Shipped.Phases[0].Id, p => p with
        {
            Questionnaire = p.Questionnaire with
            {
                Domains = p.Questionnaire.Domains.Select(d => d.Id != domain.Id ? d : d with { Questions = d.Questions.SkipLast(1).Append(added).ToList() }).ToList(),
            },
        });

        var changes = RasSchemeDiff.Compare(Shipped, changed);

        changes.ShouldContain(c => c.EndsWith("new question 'Needs help at night'."));
        changes.ShouldContain(c => c.EndsWith($"question removed: '{removed.Text}'."));
    }
}
