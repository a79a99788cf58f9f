using System.Text.Json;
using ShortBreaks.Cli;
using ShortBreaks.Cli.Commands;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;
using ShortBreaks.Core.Tests.Ras;

namespace ShortBreaks.Core.Tests.Cli;

/// <summary>ras-calibrate and ras-calibration-sample as a script runs them: output, exit codes, and the fitted version as a file.</summary>
public sealed class RasCalibrateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ras-calibrate-").FullName;
    private static readonly string Schemes = Path.Combine(AppContext.BaseDirectory, "schemes");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await RasCalibrateCommand.RunAsync(CommandOptions.Parse([.. args, "--schemes", Schemes]), stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Sample(int rows = 200)
    {
        var scheme = RasTestSchemes.Shipped;
        return Write("packages.csv", CalibrationSample.ToCsv(scheme, CalibrationSample.Generate(scheme, rows, 2025, CalibrationSample.RealisticCost)));
    }

    [Fact]
    public async Task Json_PrintsTheReport()
    {
        var (exit, output, error) = await RunAsync("--packages", Sample(), "--version", "2026.1", "--method", "price-per-point");

        exit.ShouldBe(0, error);
        var report = JsonSerializer.Deserialize<CalibrationReport>(output, CalibrationService.ReportJson)!;
        report.BaseVersion.ShouldBe("2026.1");
        report.PackageCount.ShouldBe(200);
        report.Phases.ShouldAllBe(p => p.Method == "pricePerPoint" && p.Price != null);
        report.Fitted.RSquared!.Value.ShouldBeInRange(0.5, 0.999);
    }

    [Fact]
    public async Task Csv_PrintsEachPackageUnderBothVersions()
    {
        var (exit, output, _) = await RunAsync("--packages", Sample(50), "--format", "csv", "--method", "bands");

        exit.ShouldBe(0);
        var lines = output.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("row,child_reference,phase,total_points,main_need,actual_annual_cost,base_amount,base_routing,fitted_amount,fitted_routing,change");
        lines.Length.ShouldBe(51);
        lines[1].ShouldStartWith("2,SYN-2025-00001,");
    }

    [Fact]
    public async Task BadRows_ArePrintedWithTheirRowAndColumn_AndExitIsOne()
    {
        var path = Write("bad.csv", "child_reference,age,domain_personal-care,domain_mobility,actual_annual_cost\nA,8,3,2,100\n");

        var (exit, output, error) = await RunAsync("--packages", path);

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("nothing was imported");
        error.ShouldContain("Row 1, domain_communication: The column 'domain_communication' is missing");

        var rows = Write("rows.csv", File.ReadAllText(Sample(5)).Replace("SYN-2025-00003", "SYN-2025-00001"));
        (exit, _, error) = await RunAsync("--packages", rows);
        exit.ShouldBe(1);
        error.ShouldContain("Row 4, child_reference ('SYN-2025-00001'): The child's reference is also on row 2");
    }

    [Fact]
    public async Task MinBandPackages_KeepsTheAmountOfBandsWithFewerPackages()
    {
        var (exit, output, error) = await RunAsync("--packages", Sample(60), "--method", "bands", "--min-band-packages", "1000");

        exit.ShouldBe(0, error);
        var report = JsonSerializer.Deserialize<CalibrationReport>(output, CalibrationService.ReportJson)!;
        var money = report.Phases.SelectMany(p => p.Bands).Where(b => b.Routing == RasRouting.None).ToList();
        money.ShouldAllBe(b => b.Flagged && b.FittedAmount == b.BaseAmount);
        report.BandStatistic.ShouldContain("the minimum of 1000");
    }

    [Fact]
    public async Task Draft_WritesTheFittedVersion_AsARasFileThatValidates()
    {
        var draft = Path.Combine(_folder, "children-ras-2027.1.json");

        var (exit, _, error) = await RunAsync("--packages", Sample(), "--method", "bands", "--draft", draft, "--label", "2027.1", "--effective-from", "2027-04-01");

        exit.ShouldBe(0, error);
        var (scheme, problems) = RasSchemeCatalog.Parse(File.ReadAllText(draft));
        problems.ShouldBeEmpty();
        scheme!.Version.ShouldBe("2027.1");
        scheme.EffectiveFrom.ShouldBe(new DateOnly(2027, 4, 1));
        string Questions(RasScheme s) => JsonSerializer.Serialize(s.Phases.Select(p => new { p.Questionnaire, p.SupportRules }), RasSchemeCatalog.JsonOptions);
        Questions(scheme).ShouldBe(Questions(RasTestSchemes.Shipped));
        scheme.Phases[0].Conversion.Bands!.Select(b => b.Amount).ShouldNotBe(RasTestSchemes.Shipped.Phases[0].Conversion.Bands!.Select(b => b.Amount));
        // It loads beside the shipped version as the next one.
        File.Copy(Path.Combine(Schemes, "ras", "children-ras-2026.1.json"), Path.Combine(_folder, "children-ras-2026.1.json"));
        File.Delete(Path.Combine(_folder, "packages.csv"));
        RasSchemeCatalog.LoadFrom(_folder).Versions.Select(v => v.Version).ShouldBe(["2026.1", "2027.1"]);
    }

    [Theory]
    [InlineData("--method", "lines")]
    [InlineData("--format", "xml")]
    [InlineData("--draft", "x.json")]
    [InlineData("--floor", "lots")]
    [InlineData("--version", "1999.1")]
    [InlineData("--min-band-packages", "0")]
    public async Task BadOptions_AreUsageErrors(string option, string value)
    {
        await Should.ThrowAsync<UsageException>(() => RunAsync("--packages", Sample(5), option, value));
    }

    [Fact]
    public async Task TheSample_IsTheSameForTheSameSeed_AndIsTheShippedFile()
    {
        async Task<string> SampleAsync(string seed)
        {
            var stdout = new StringWriter();
            (await RasCalibrationSampleCommand.RunAsync(CommandOptions.Parse(["--rows", "300", "--seed", seed, "--version", "2026.1", "--schemes", Schemes]), stdout, CancellationToken.None)).ShouldBe(0);
            return stdout.ToString();
        }

        var first = await SampleAsync("2025");
        (await SampleAsync("2025")).ShouldBe(first);
        (await SampleAsync("2026")).ShouldNotBe(first);
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "calibration", "packages-2025-26.csv")).ShouldBe(first);
        CalibrationCsv.Read(new StringReader(first), RasTestSchemes.Shipped).Packages.Count.ShouldBe(300);
    }
}
