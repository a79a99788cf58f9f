using System.Text.Json;
using System.Text.Json.Nodes;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Schemes;

public sealed class SchemeCatalogTests : IDisposable
{
    private static readonly string ShippedFile = Path.Combine(ShippedSchemes.Folder, "short-breaks-2026.1.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("shortbreaks-schemes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Shipped_LoadsOneVersionWithTheSeedsFigures()
    {
        var catalog = SchemeCatalog.LoadFrom(ShippedSchemes.Folder);

        var scheme = catalog.Versions.ShouldHaveSingleItem();
        scheme.Version.ShouldBe("2026.1");
        scheme.EffectiveFrom.ShouldBe(new DateOnly(2026, 4, 1));
        scheme.ContentHash.ShouldMatch("^[0-9a-f]{16}$");

        scheme.Ages.MinimumAgeYears.ShouldBe(5);
        scheme.Ages.MaximumAgeYearsExclusive.ShouldBe(18);

        var fsb = scheme.Tiers.FlexibleShortBreaks;
        fsb.HoursPerYear.ShouldBe(80);
        fsb.DirectPaymentPerYear.ShouldBe(750m);
        fsb.ProviderPerYear.ShouldBe(1200m);
        fsb.HourlyRateMinimum.ShouldBe(9.30m);
        fsb.HourlyRateMaximum.ShouldBe(15m);

        var tsb = scheme.Tiers.TargetedShortBreaks;
        tsb.MaximumHoursPerYear.ShouldBe(200);
        tsb.BudgetMinimum.ShouldBe(1800m);
        tsb.BudgetMaximum.ShouldBe(3000m);
        tsb.HourlyRateMinimum.ShouldBe(9m);
        tsb.HourlyRateMaximum.ShouldBe(15m);

        scheme.OvernightRates.ResidentialUnitMaximum.ShouldBe(535m);
        scheme.OvernightRates.AtHome.ShouldBe(150m);
        scheme.OvernightRates.TargetedDirectPayment.ShouldBe(108m);
        scheme.OvernightRates.TargetedApprovedProvider.ShouldBe(180m);
        scheme.OvernightRates.CollegeNight.ShouldBe(115m);
        scheme.OvernightRates.Section17_6MaximumNightsPerYear.ShouldBe(75);

        scheme.Reviews.ReductionNoticeMonths.ShouldBe(3);
        scheme.Reviews.RasPackageReviewMonths.ShouldBe(6);
        scheme.Reviews.Section17_6ReviewMonths.ShouldBe(6);

        scheme.Caseloads.PersonalisationOfficerMinimum.ShouldBe(40);
        scheme.Caseloads.PersonalisationOfficerMaximum.ShouldBe(50);
        scheme.Caseloads.ReviewingOfficerReviews.ShouldBe(50);
        scheme.Caseloads.ReviewingOfficerFamilies.ShouldBe(40);
        scheme.Caseloads.SocialWorker.ShouldBe(25);
    }

    [Fact]
    public void Shipped_IsValid()
    {
        SchemeValidator.Validate(ShippedSchemes.Scheme2026_1).ShouldBeEmpty();
    }

    [Fact]
    public void Parse_SameText_SameHash_DifferentText_DifferentHash()
    {
        var text = File.ReadAllText(ShippedFile);

        var first = SchemeCatalog.Parse(text).Scheme!;
        var again = SchemeCatalog.Parse(text).Scheme!;
        var edited = SchemeCatalog.Parse(text.Replace("\"hoursPerYear\": 80", "\"hoursPerYear\": 81", StringComparison.Ordinal)).Scheme!;

        again.ContentHash.ShouldBe(first.ContentHash);
        edited.ContentHash.ShouldNotBe(first.ContentHash);
    }

    [Fact]
    public void Shipped_KeepsItsFingerprint_AndWritesTheSameJsonItReads()
    {
        // The fingerprint is of the JSON the version is written as: it must not move when the records change shape.
        var scheme = SchemeCatalog.Parse(File.ReadAllText(ShippedFile)).Scheme!;
        scheme.ContentHash.ShouldBe("7e559f9c0762fe10");

        var json = JsonSerializer.Serialize(scheme, SchemeCatalog.JsonOptions);
        var again = SchemeCatalog.Parse(json).Scheme!;
        JsonSerializer.Serialize(again, SchemeCatalog.JsonOptions).ShouldBe(json);
        again.ContentHash.ShouldBe(scheme.ContentHash);
        json.ShouldNotContain("\"plans\"");
    }

    [Theory]
    [InlineData("council", "name", "CouncilSettings")]
    [InlineData("triage", "dueSoonWorkingDays", "TriageSettings")]
    [InlineData("overnightRates", "section17_6MaximumNightsPerYear", "OvernightRates")]
    [InlineData("reviews", "section17_6ReviewMonths", "ReviewSettings")]
    [InlineData("eligibility", "needs", "EligibilityCriteria")]
    public void LoadFrom_MissingRequiredValue_NamesItAndItsSection(string section, string property, string type)
    {
        WriteScheme("short.json", s => s[section]!.AsObject().Remove(property));

        LoadErrors().ShouldHaveSingleItem().ShouldBe(
            $"short.json: is not a valid scheme: JSON deserialization for type 'ShortBreaks.Core.Schemes.{type}' was missing required properties including: '{property}'.");
    }

    [Fact]
    public void LoadFrom_UnknownProperty_NamesIt()
    {
        WriteScheme("bad.json", s => s["tiers"]!["flexibleShortBreaks"]!["hoursPerWeek"] = 2);

        var error = LoadErrors().ShouldHaveSingleItem();
        error.ShouldStartWith("bad.json: is not a valid scheme:");
        error.ShouldContain("hoursPerWeek");
    }

    [Fact]
    public void LoadFrom_BadJson_SaysWhichFile()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{ \"version\": \"2026.1\", ");

        LoadErrors().ShouldHaveSingleItem().ShouldStartWith("broken.json: is not a valid scheme:");
    }

    [Fact]
    public void LoadFrom_MissingRequiredSection_NamesIt()
    {
        WriteScheme("short.json", s => s.AsObject().Remove("reviews"));

        var error = LoadErrors().ShouldHaveSingleItem();
        error.ShouldStartWith("short.json: is not a valid scheme:");
        error.ShouldContain("reviews");
    }

    [Fact]
    public void LoadFrom_NegativeHours_Refused()
    {
        WriteScheme("negative.json", s => s["tiers"]!["flexibleShortBreaks"]!["hoursPerYear"] = -80);

        LoadErrors().ShouldContain("negative.json: tiers.flexibleShortBreaks.hoursPerYear must be more than 0.");
    }

    [Fact]
    public void LoadFrom_MinimumAboveMaximum_Refused()
    {
        WriteScheme("range.json", s =>
        {
            s["tiers"]!["targetedShortBreaks"]!["budgetMinimum"] = 3500;
            s["ages"]!["minimumAgeYears"] = 18;
        });

        var errors = LoadErrors();
        errors.ShouldContain("range.json: tiers.targetedShortBreaks.budgetMaximum must not be less than tiers.targetedShortBreaks.budgetMinimum.");
        errors.ShouldContain("range.json: ages.maximumAgeYearsExclusive must be greater than ages.minimumAgeYears.");
    }

    [Theory]
    [InlineData("needs", "nulls.json: eligibility.needs: need 2 is empty (null): remove it or fill it in.")]
    [InlineData("evidence", "nulls.json: eligibility.evidence: kind of evidence 2 is empty (null): remove it or fill it in.")]
    [InlineData("localOffer", "nulls.json: localOffer: link 2 is empty (null): remove it or fill it in.")]
    public void LoadFrom_ANullInAList_IsNamedNotACrash(string list, string expected)
    {
        WriteScheme("nulls.json", s => (list == "localOffer" ? s["localOffer"]! : s["eligibility"]![list]!).AsArray().Insert(1, null));

        LoadErrors().ShouldContain(expected);
    }

    [Fact]
    public void LoadFrom_ANullSection_IsNamedNotACrash()
    {
        WriteScheme("nulls.json", s => s["council"] = null);

        LoadErrors().ShouldContain("nulls.json: council is required: it is empty (null).");
    }

    [Fact]
    public void LoadFrom_DuplicateNeedIds_Refused()
    {
        WriteScheme("needs.json", s =>
        {
            var needs = s["eligibility"]!["needs"]!.AsArray();
            needs.Add(needs[0]!.DeepClone());
        });

        LoadErrors().ShouldContain("needs.json: eligibility.needs: id 'extra-care' is used more than once.");
    }

    [Fact]
    public void LoadFrom_SeveralProblems_ListsEveryOne()
    {
        WriteScheme("many.json", s =>
        {
            s["tiers"]!["flexibleShortBreaks"]!["hoursPerYear"] = -1;
            s["reviews"]!["reductionNoticeMonths"] = 30;
            s["council"]!["localOfferUrl"] = "not a link";
        });

        var exception = Should.Throw<SchemeValidationException>(() => SchemeCatalog.LoadFrom(_folder));

        exception.Errors.Count.ShouldBe(3);
        exception.Message.ShouldStartWith("The short breaks scheme configuration is not valid:");
        foreach (var error in exception.Errors)
        {
            exception.Message.ShouldContain("  - " + error);
        }
    }

    [Fact]
    public void LoadFrom_SameVersionInTwoFiles_Refused()
    {
        WriteScheme("a.json");
        WriteScheme("b.json", s => s["effectiveFrom"] = "2027-04-01");

        LoadErrors().ShouldBe(["Version '2026.1' is defined more than once."]);
    }

    [Fact]
    public void LoadFrom_TwoVersionsStartingTheSameDay_Refused()
    {
        WriteScheme("a.json");
        WriteScheme("b.json", s => s["version"] = "2026.2");

        LoadErrors().ShouldBe(["More than one version starts on 2026-04-01."]);
    }

    [Fact]
    public void LoadFrom_EmptyFolder_Refused()
    {
        LoadErrors().ShouldHaveSingleItem().ShouldStartWith("No scheme file (*.json) was found in");
    }

    [Fact]
    public void LoadFrom_MissingFolder_Refused()
    {
        var missing = Path.Combine(_folder, "nowhere");

        Should.Throw<SchemeValidationException>(() => SchemeCatalog.LoadFrom(missing))
            .Errors.ShouldBe([$"The scheme folder '{missing}' does not exist."]);
    }

    [Fact]
    public void LoadFrom_IgnoresSubfoldersAndOtherFiles()
    {
        WriteScheme("scheme.json");
        Directory.CreateDirectory(Path.Combine(_folder, "calendar"));
        File.WriteAllText(Path.Combine(_folder, "calendar", "bank-holidays.json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "README.md"), "notes");

        SchemeCatalog.LoadFrom(_folder).Versions.ShouldHaveSingleItem();
    }

    [Fact]
    public void InForceOn_PicksTheLatestVersionStartedByThatDay()
    {
        // File names in the opposite order to the dates: the dates decide.
        WriteScheme("a-later.json", s => { s["version"] = "2027.1"; s["effectiveFrom"] = "2027-04-01"; });
        WriteScheme("b-middle.json", s => { s["version"] = "2026.2"; s["effectiveFrom"] = "2026-10-01"; });
        WriteScheme("c-first.json");

        var catalog = SchemeCatalog.LoadFrom(_folder);

        catalog.Versions.Select(v => v.Version).ShouldBe(["2026.1", "2026.2", "2027.1"]);
        catalog.InForceOn(new DateOnly(2026, 4, 1)).Version.ShouldBe("2026.1");
        catalog.InForceOn(new DateOnly(2026, 9, 30)).Version.ShouldBe("2026.1");
        catalog.InForceOn(new DateOnly(2026, 10, 1)).Version.ShouldBe("2026.2");
        catalog.InForceOn(new DateOnly(2027, 3, 31)).Version.ShouldBe("2026.2");
        catalog.InForceOn(new DateOnly(2027, 4, 1)).Version.ShouldBe("2027.1");
        catalog.InForceOn(new DateOnly(2040, 1, 1)).Version.ShouldBe("2027.1");
    }

    [Fact]
    public void InForceOn_BeforeTheFirstVersion_GivesTheFirst()
    {
        var catalog = new SchemeCatalog([ShippedSchemes.Scheme2026_1]);

        catalog.InForceOn(new DateOnly(2020, 1, 1)).Version.ShouldBe("2026.1");
    }

    [Fact]
    public void Find_ByVersion()
    {
        var later = ShippedSchemes.Scheme2026_1 with { Version = "2027.1", EffectiveFrom = new DateOnly(2027, 4, 1) };
        var catalog = new SchemeCatalog([later, ShippedSchemes.Scheme2026_1]);

        catalog.Find("2027.1").ShouldBe(later);
        catalog.Find("1999.1").ShouldBeNull();
    }

    [Fact]
    public void NewCatalog_WithNoVersions_Refused()
    {
        Should.Throw<SchemeValidationException>(() => new SchemeCatalog([])).Errors.ShouldBe(["No scheme version was found."]);
    }

    private void WriteScheme(string fileName, Action<JsonNode>? change = null)
    {
        var scheme = JsonNode.Parse(File.ReadAllText(ShippedFile))!;
        change?.Invoke(scheme);
        File.WriteAllText(Path.Combine(_folder, fileName), scheme.ToJsonString());
    }

    private IReadOnlyList<string> LoadErrors() =>
        Should.Throw<SchemeValidationException>(() => SchemeCatalog.LoadFrom(_folder)).Errors;
}
