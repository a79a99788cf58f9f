using System.Text.Json;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Complaints;

public sealed class ComplaintSettingsTests
{
    private static readonly Scheme Shipped = ShippedSchemes.Scheme2026_1;

    private static IReadOnlyList<string> Errors(ComplaintSettings settings) => SchemeValidator.Validate(Shipped with { Complaints = settings });

    [Fact]
    public void AVersionWithoutTheSection_UsesTheStatutoryDefaults_AndKeepsItsFingerprint()
    {
        Shipped.Complaints.ShouldBeNull();
        Shipped.ComplaintRules.ShouldBeSameAs(ComplaintSettings.Defaults);
        JsonSerializer.Serialize(Shipped, SchemeCatalog.JsonOptions).ShouldNotContain("\"complaints\"");
        var d = ComplaintSettings.Defaults;
        (d.LocalResolutionWorkingDays, d.LocalResolutionMaximumWorkingDays).ShouldBe((10, 20));
        (d.InvestigationWorkingDays, d.InvestigationMaximumWorkingDays).ShouldBe((25, 65));
        (d.ReviewPanelWorkingDays, d.ReviewPanelReportWorkingDays, d.CouncilResponseWorkingDays).ShouldBe((30, 5, 15));
        d.LateAfterMonths.ShouldBe(12);
        Errors(d).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_AMaximumBelowItsTimescale_IsRefused()
    {
        Errors(ComplaintSettings.Defaults with { LocalResolutionMaximumWorkingDays = 5 })
            .ShouldContain(e => e.StartsWith("complaints.localResolutionMaximumWorkingDays", StringComparison.Ordinal));
        Errors(ComplaintSettings.Defaults with { InvestigationMaximumWorkingDays = 20 })
            .ShouldContain(e => e.StartsWith("complaints.investigationMaximumWorkingDays", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("localResolutionWorkingDays")]
    [InlineData("reviewPanelWorkingDays")]
    [InlineData("reviewPanelReportWorkingDays")]
    [InlineData("councilResponseWorkingDays")]
    [InlineData("appealWorkingDays")]
    [InlineData("lateAfterMonths")]
    public void Validate_ZeroDays_IsRefusedByName(string field)
    {
        var settings = field switch
        {
            "localResolutionWorkingDays" => ComplaintSettings.Defaults with { LocalResolutionWorkingDays = 0 },
            "reviewPanelWorkingDays" => ComplaintSettings.Defaults with { ReviewPanelWorkingDays = 0 },
            "reviewPanelReportWorkingDays" => ComplaintSettings.Defaults with { ReviewPanelReportWorkingDays = 0 },
            "councilResponseWorkingDays" => ComplaintSettings.Defaults with { CouncilResponseWorkingDays = 0 },
            "appealWorkingDays" => ComplaintSettings.Defaults with { AppealWorkingDays = 0 },
            _ => ComplaintSettings.Defaults with { LateAfterMonths = 0 },
        };
        Errors(settings).ShouldContain(e => e.StartsWith($"complaints.{field}", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ASchemeWithTheSection_ReadsIt()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedSchemes.Folder, "short-breaks-2026.1.json")))!;
        json["complaints"] = new System.Text.Json.Nodes.JsonObject { ["localResolutionWorkingDays"] = 15, ["localResolutionMaximumWorkingDays"] = 25 };
        var (scheme, errors) = SchemeCatalog.Parse(json.ToJsonString());
        errors.ShouldBeEmpty();
        scheme!.ComplaintRules.LocalResolutionWorkingDays.ShouldBe(15);
        scheme.ComplaintRules.InvestigationWorkingDays.ShouldBe(25);
    }
}
