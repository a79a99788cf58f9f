using System.Globalization;
using System.Text;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;

namespace ShortBreaks.Core.Tests.Ras.Calibration;

/// <summary>Reading last year's packages: every problem reported with its row and column, and nothing imported if any.</summary>
public sealed class CalibrationCsvTests
{
    private static readonly RasScheme Scheme = RasTestSchemes.With();

    private const string AnswersHeader = "child_reference,age,wash,dress,settle,support_care,support_sleep,actual_annual_cost";
    private const string DomainsHeader = "child_reference,age,domain_care,domain_sleep,actual_annual_cost";

    private static CalibrationImport Read(params string[] lines) =>
        CalibrationCsv.Read(new StringReader(string.Join("\n", lines) + "\n"), Scheme);

    private static CalibrationRowError Single(CalibrationImport import)
    {
        import.Succeeded.ShouldBeFalse();
        import.Packages.ShouldBeEmpty();
        return import.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Answers_AreReadWithTheirPhase_SupportAndCost()
    {
        var import = Read(AnswersHeader, "A1,8,some,lots,none/some,some,,\"£1,234.50\"", "A2,12,none,none,exceptional,,lots,980");

        import.Succeeded.ShouldBeTrue(string.Join("; ", import.Errors.Select(e => e.Message)));
        import.Format.ShouldBe(CalibrationFileFormat.Answers);
        import.RowCount.ShouldBe(2);
        var first = import.Packages[0];
        (first.Row, first.ChildReference, first.AgeYears, first.PhaseId, first.ActualAnnualCost).ShouldBe((2, "A1", 8, "primary", 1234.50m));
        first.Answers!.Levels["settle"].ShouldBe("none/some");
        first.Answers.Support.ShouldBe(new Dictionary<string, string> { ["care"] = "some" });
        import.Packages[1].PhaseId.ShouldBe("secondary");
    }

    [Fact]
    public void DomainPoints_AreRead()
    {
        var import = Read(DomainsHeader, "D1,9,12.5,4,2000");

        import.Succeeded.ShouldBeTrue();
        import.Format.ShouldBe(CalibrationFileFormat.DomainPoints);
        import.Packages.Single().DomainPoints.ShouldBe(new Dictionary<string, decimal> { ["care"] = 12.5m, ["sleep"] = 4 });
    }

    [Theory]
    [InlineData("A1,8,some,lots,none,,,2000", "", "", "")] // the good row, for comparison
    [InlineData("A1,nine,some,lots,none,,,2000", "age", "nine", "whole number")]
    [InlineData("A1,3,some,lots,none,,,2000", "age", "3", "No phase")]
    [InlineData("A1,30,some,lots,none,,,2000", "age", "30", "No phase")]
    [InlineData("A1,8,loads,lots,none,,,2000", "wash", "loads", "must be one of none, some, lots, exceptional")]
    [InlineData("A1,8,none/lots,lots,none,,,2000", "wash", "none/lots", "next to each other")]
    [InlineData("A1,8,,lots,none,,,2000", "wash", "", "Enter the answer")]
    [InlineData("A1,8,some,lots,none,plenty,,2000", "support_care", "plenty", "support level must be one of")]
    [InlineData("A1,8,some,lots,none,,,-5", "actual_annual_cost", "-5", "must not be negative")]
    [InlineData("A1,8,some,lots,none,,,-£5", "actual_annual_cost", "-£5", "must not be negative")]
    [InlineData("A1,8,some,lots,none,,,12x", "actual_annual_cost", "12x", "amount in pounds")]
    [InlineData("A1,8,some,lots,none,,,\"1,23\"", "actual_annual_cost", "1,23", "amount in pounds")]
    [InlineData("A1,8,some,lots,none,,,\"1.234,50\"", "actual_annual_cost", "1.234,50", "amount in pounds")]
    [InlineData("A1,8,some,lots,none,,,12.345", "actual_annual_cost", "12.345", "2 decimal places")]
    [InlineData("A1,8,some,lots,none,,,", "actual_annual_cost", "", "Enter what the package actually cost")]
    [InlineData("A1,8,some,lots,none,,,5000000", "actual_annual_cost", "5000000", "pence")]
    [InlineData(",8,some,lots,none,,,2000", "child_reference", "", "Enter the child's reference")]
    public void EachBadCell_IsReportedWithItsRowColumnAndValue(string row, string column, string value, string message)
    {
        var import = Read(AnswersHeader, "OK1,9,none,none,none,,,100", row);

        if (message.Length == 0)
        {
            import.Succeeded.ShouldBeTrue();
            return;
        }

        var error = Single(import);
        (error.Row, error.Column, error.Value).ShouldBe((3, column, value));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void AQuestionOutsideTheChildsPhase_MustBeEmpty()
    {
        var scheme = RasTestSchemes.With() with
        {
            Phases = [RasTestSchemes.Phase("primary", 5, 10), RasTestSchemes.Phase("secondary", 11, 17) with
            {
                Questionnaire = RasTestSchemes.Phase("secondary", 11, 17).Questionnaire with
                {
                    Domains = [.. RasTestSchemes.Phase("secondary", 11, 17).Questionnaire.Domains, new RasDomain(Id: "travel", Name: "Travel", Questions: [new RasQuestion(Id: "bus", Text: "Bus", Levels: RasTestSchemes.Levels())])],
                },
            }],
        };
        var csv = "child_reference,age,wash,dress,settle,bus,actual_annual_cost\nP1,8,none,none,none,some,100\nS1,12,none,none,none,,100\n";

        var import = CalibrationCsv.Read(new StringReader(csv), scheme);

        import.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "bus"), (3, "bus")]);
        import.Errors[0].Message.ShouldContain("leave it empty");
        import.Errors[1].Message.ShouldContain("Enter the answer");
    }

    [Fact]
    public void DomainPoints_OutOfRange_AreReported()
    {
        var import = Read(DomainsHeader, "D1,9,-1,4,2000", "D2,9,19,4,2000", "D3,9,x,4,2000", "D4,9,,4,2000");

        import.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "domain_care"), (3, "domain_care"), (4, "domain_care"), (5, "domain_care")]);
        import.Errors[1].Message.ShouldContain("most it can score (18)");
    }

    [Fact]
    public void DuplicateChildReferences_AreReportedOnTheLaterRow()
    {
        var import = Read(DomainsHeader, "D1,9,1,1,100", "d1,9,1,1,100");

        var error = Single(import);
        (error.Row, error.Column).ShouldBe((3, "child_reference"));
        error.Message.ShouldContain("also on row 2");
    }

    [Fact]
    public void UnknownAndMissingColumns_AreReportedOnTheHeaderRow()
    {
        var import = Read("child_reference,age,wash,settle,colour,actual_annual_cost", "A,8,none,none,red,100");

        import.Packages.ShouldBeEmpty();
        import.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(1, "dress"), (1, "colour")]);
        import.Errors[0].Message.ShouldBe("The column 'dress' is missing");
    }

    [Fact]
    public void AFileWithNeitherAnswersNorDomainPoints_IsRefused()
    {
        Single(Read("child_reference,age,actual_annual_cost", "A,8,100")).Message.ShouldContain("download the template");
        Single(Read("child_reference,age,wash,dress,settle,domain_care,domain_sleep,actual_annual_cost")).Message.ShouldContain("not both");
    }

    [Fact]
    public void AFileWithSemicolons_IsRefusedWithTheReason()
    {
        Single(Read("child_reference;age;domain_care;domain_sleep;actual_annual_cost", "D1;9;1;1;100")).Message.ShouldContain("separated by semicolons");
    }

    [Fact]
    public void AnEmptyFile_AndAHeaderOnly_AreRefused()
    {
        Single(CalibrationCsv.Read(new StringReader(""), Scheme)).Message.ShouldContain("The file is empty");
        Single(Read(DomainsHeader)).Message.ShouldContain("no packages");
    }

    [Fact]
    public void ARowWithTooFewValues_OrAStrayQuote_IsReported()
    {
        var import = Read(DomainsHeader, "D1,9,1,100", "D2,9,1,1,10\"0", "D3,9,1,1,100");

        import.Errors.Select(e => e.Row).ShouldBe([2, 3]);
        import.Errors[0].Message.ShouldContain("4 values but the header has 5");
    }

    [Fact]
    public void OneBadRowAmongManyGood_ImportsNothing_AndEveryBadRowIsListed()
    {
        var lines = new List<string> { DomainsHeader };
        for (var i = 0; i < 500; i++) lines.Add($"R{i},9,3,2,{100 + i}");
        lines[101] = "R100,9,3,2,lots";
        lines[401] = "R400,99,3,2,100";

        var import = Read([.. lines]);

        import.Packages.ShouldBeEmpty();
        import.ErrorCount.ShouldBe(2);
        import.Errors.Select(e => e.Row).ShouldBe([102, 402]);
        import.RowCount.ShouldBe(500);
    }

    [Fact]
    public void TooManyRows_AreRefused()
    {
        var csv = new StringBuilder(DomainsHeader).Append('\n');
        for (var i = 0; i <= CalibrationCsv.MaxRows; i++) csv.Append("R").Append(i).Append(",9,3,2,100\n");

        var import = CalibrationCsv.Read(new StringReader(csv.ToString()), Scheme);

        var error = Single(import);
        error.Row.ShouldBe(CalibrationCsv.MaxRows + 2);
        error.Message.ShouldContain("more than 200,000 packages");
    }

    [Fact]
    public void AFileOverTheSizeLimit_IsRefusedBeforeItIsRead()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(DomainsHeader + "\nD1,9,1,1,100\n"));

        var error = Single(CalibrationCsv.Read(stream, Scheme, maxBytes: 10));

        error.Message.ShouldContain("must be smaller than");
    }

    [Fact]
    public void ManyProblems_AreCounted_AndTheFirstThousandListed()
    {
        var lines = new List<string> { DomainsHeader };
        for (var i = 0; i < 1500; i++) lines.Add($"R{i},9,3,2,bad");

        var import = Read([.. lines]);

        import.ErrorCount.ShouldBe(1500);
        import.Errors.Count.ShouldBe(CalibrationCsv.MaxErrorsListed);
    }

    [Fact]
    public void Reading_IsTheSameInAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fr-FR", "en-GB" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                var import = Read(DomainsHeader, "D1,9,12.5,4,\"£2,400.50\"");
                import.Packages.Single().ActualAnnualCost.ShouldBe(2400.50m, culture);
                import.Packages.Single().DomainPoints!["care"].ShouldBe(12.5m, culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(CalibrationFileFormat.Answers)]
    [InlineData(CalibrationFileFormat.DomainPoints)]
    public void TheTemplate_ForTheShippedVersion_IsAFileThatReads(CalibrationFileFormat format)
    {
        var scheme = RasTestSchemes.Shipped;
        var template = CalibrationCsv.Template(scheme, format);

        var import = CalibrationCsv.Read(new StringReader(template), scheme);

        import.Succeeded.ShouldBeTrue(string.Join("; ", import.Errors.Select(e => $"{e.Row} {e.Column}: {e.Message}")));
        import.Format.ShouldBe(format);
        import.Packages.Count.ShouldBe(scheme.Phases.Count);
    }

    [Fact]
    public void TheSample_ReadsBackAsTheSamePackages()
    {
        var scheme = RasTestSchemes.Shipped;
        var packages = CalibrationSample.Generate(scheme, 50, 9, CalibrationSample.RealisticCost);

        var import = CalibrationCsv.Read(new StringReader(CalibrationSample.ToCsv(scheme, packages)), scheme);

        import.Succeeded.ShouldBeTrue(string.Join("; ", import.Errors.Select(e => $"{e.Row} {e.Column}: {e.Message}")));
        import.Packages.Select(p => (p.Row, p.ChildReference, p.PhaseId, p.ActualAnnualCost))
            .ShouldBe(packages.Select(p => (p.Row, p.ChildReference, p.PhaseId, p.ActualAnnualCost)));
        import.Packages.Select(p => p.Answers!.Levels.Count).ShouldBe(packages.Select(p => p.Answers!.Levels.Count));
    }

    [Fact]
    public void TheErrorsFile_ListsEachProblem_AndDefusesFormulas()
    {
        var csv = CalibrationCsv.ErrorsCsv([new CalibrationRowError(3, "age", "=1+1", "The age must be a whole number, like 9")]);

        csv.ShouldBe("row,column,value,problem\n3,age,'=1+1,\"The age must be a whole number, like 9\"\n");
    }
}
