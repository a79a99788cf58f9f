using System.Text.Json;
using System.Text.Json.Nodes;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

public sealed class ProviderSettingsTests
{
    private static readonly Scheme Shipped = ShippedSchemes.Scheme2026_1;

    private static IReadOnlyList<string> Errors(ProviderSettings providers) => SchemeValidator.Validate(Shipped with { Providers = providers });

    [Fact]
    public void AVersionWithoutTheSection_UsesTheDefaults_AndKeepsItsFingerprint()
    {
        Shipped.Providers.ShouldBeNull();
        Shipped.ProviderRules.ShouldBeSameAs(ProviderSettings.Defaults);
        JsonSerializer.Serialize(Shipped, SchemeCatalog.JsonOptions).ShouldNotContain("\"providers\"");
    }

    [Fact]
    public void TheDefaults_AreValid_AndFollowTheSeeds()
    {
        Errors(ProviderSettings.Defaults).ShouldBeEmpty();
        var d = ProviderSettings.Defaults;
        d.ExpiryWarningDays.ShouldBe([60, 14]);
        d.Renewal.ApproveUnchangedAutomatically.ShouldBeFalse();
        d.Kinds.Select(k => k.Id).ShouldContain("overnight-at-home");
        d.Kinds.Select(k => k.Id).ShouldContain("residential-overnight");
        d.FrameworkCriteria.Select(c => c.Id).ShouldContain("unit-costs");
        d.RequiredInsurance.Select(i => i.Kind).ShouldBe(["EmployersLiability", "PublicLiability"]);
        d.Taxonomy.Terms.Where(t => t.ParentId == "kinds").Select(t => t.Id).ShouldBe(d.Kinds.Select(k => k.TermId), ignoreOrder: true);
    }

    [Fact]
    public void ASchemeFileWithTheSection_ReadsIt_AndValidatesIt()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedSchemes.Folder, "short-breaks-2026.1.json")))!;
        node["providers"] = JsonNode.Parse("""{ "returnDueDayOfMonth": 5, "renewal": { "inviteWeeksBeforeYearEnd": 6, "reminderDays": [7], "approveUnchangedAutomatically": true } }""");

        var (scheme, errors) = SchemeCatalog.Parse(node.ToJsonString());

        errors.ShouldBeEmpty();
        scheme!.ProviderRules.ReturnDueDayOfMonth.ShouldBe(5);
        scheme.ProviderRules.Renewal.ApproveUnchangedAutomatically.ShouldBeTrue();
        scheme.ProviderRules.ExpiryWarningDays.ShouldBe([60, 14]);
        node["providers"]!["returnDueDayOfMonth"] = 31;
        SchemeCatalog.Parse(node.ToJsonString()).Errors.ShouldContain("providers.returnDueDayOfMonth must be between 1 and 28, so that every month has it.");
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(366, true)]
    [InlineData(367, false)]
    public void TheDaysReturnsStayOpenAfterAPackageEnds_MustLeaveTimeForTheLastMonthsReturn(int days, bool valid) =>
        Errors(ProviderSettings.Defaults with { ReturnsOpenDaysAfterPackageEnds = days }).ShouldBe(
            valid ? [] : ["providers.returnsOpenDaysAfterPackageEnds must be between 31 and 366, so that the last month's return can be made."]);

    [Fact]
    public void BadFigures_AreEachNamed()
    {
        var errors = Errors(ProviderSettings.Defaults with
        {
            ExpiryWarningDays = [60, 0],
            ReturnDueDayOfMonth = 29,
            PackageEndNoticeDays = -1,
            YearStartMonth = 13,
            Renewal = new RenewalSettings { InviteWeeksBeforeYearEnd = 4, ReminderDays = [7, 7, 40] },
        });

        errors.ShouldBe(
        [
            "providers.expiryWarningDays must list at least one number of days, each between 1 and 365.",
            "providers.returnDueDayOfMonth must be between 1 and 28, so that every month has it.",
            "providers.packageEndNoticeDays must be between 0 and 365.",
            "providers.yearStartMonth must be between 1 and 12.",
            "providers.renewal.reminderDays must each be at least 1 and no more than the days between the invitation and the year's end.",
            "providers.renewal.reminderDays must not list a day twice.",
        ]);
        Errors(ProviderSettings.Defaults with { ExpiryWarningDays = [] }).ShouldBe(["providers.expiryWarningDays must list at least one number of days, each between 1 and 365."]);
        Errors(ProviderSettings.Defaults with { ExpiryWarningDays = [14, 14] }).ShouldBe(["providers.expiryWarningDays must not list a day twice."]);
    }

    [Fact]
    public void CriteriaAndKinds_NeedUniqueIds_Questions_AUnit_AndATermOfTheTaxonomy()
    {
        var errors = Errors(ProviderSettings.Defaults with
        {
            FrameworkCriteria = [new("dbs", "Checked?", true), new("dbs", " ", false), null!, new("Bad Id", "Why?", false)],
            Kinds = [new("sitting", "Sitting", "Day", "kind-sitting"), new("camp", "", "Night", "kind-camp")],
            RequiredInsurance = [new("Car", 1m), new("PublicLiability", -1m)],
        });

        errors.ShouldBe(
        [
            "providers.frameworkCriteria: criterion 3 is empty (null): remove it or fill it in.",
            "providers.frameworkCriteria: id 'dbs' is used more than once.",
            "providers.frameworkCriteria 'dbs': question is required.",
            "providers.frameworkCriteria: id 'Bad Id' must be lower-case letters, digits and hyphens.",
            "providers.requiredInsurance: kind 'Car' must be one of EmployersLiability, PublicLiability, ProfessionalIndemnity, Other.",
            "providers.requiredInsurance 'PublicLiability': minimumCover must not be negative.",
            "providers.kinds 'sitting': unit must be Hour, Night or Session.",
            "providers.kinds 'camp': name is required.",
            "providers.kinds 'camp': termId 'kind-camp' is not a term of providers.taxonomy.",
        ]);
        Errors(ProviderSettings.Defaults with { FrameworkCriteria = [], Kinds = [] })
            .ShouldBe(["providers.frameworkCriteria must list at least one question.", "providers.kinds must list at least one kind of service."]);
    }

    [Fact]
    public void TaxonomyTerms_NeedUniqueIds_Names_AndParentsThatAreTermsWithoutACircle()
    {
        var errors = Errors(ProviderSettings.Defaults with
        {
            Kinds = [new("sitting", "Sitting", "Hour", "a")],
            Taxonomy = new FeedTaxonomy("short-breaks", "Short breaks", "Kinds", [new("a", "A", "b"), new("b", "B", "a"), new("c", "", "missing"), new("c", "C again", null), new("d", "D", "d")]),
        });

        errors.ShouldBe(
        [
            "providers.taxonomy.terms: id 'c' is used more than once.",
            "providers.taxonomy.terms 'c': name is required.",
            "providers.taxonomy.terms 'c': parentId 'missing' is not another term of the taxonomy.",
            "providers.taxonomy.terms 'd': parentId 'd' is not another term of the taxonomy.",
            "providers.taxonomy.terms 'a': its parents go round in a circle.",
            "providers.taxonomy.terms 'b': its parents go round in a circle.",
            "providers.taxonomy.terms 'd': its parents go round in a circle.",
        ]);
        Errors(ProviderSettings.Defaults with { Taxonomy = null! }).ShouldContain("providers.taxonomy is required: it is empty (null).");
        Errors(ProviderSettings.Defaults with { Renewal = null! }).ShouldBe(["providers.renewal is required: it is empty (null)."]);
    }
}
