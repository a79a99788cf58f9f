using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Startup;

/// <summary>The service checks its scheme before it serves anyone, and will not run on a wrong one.</summary>
public sealed class SchemeOnStartTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sb-scheme-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_WithAnInvalidScheme_RefusesToStartAndSaysWhy()
    {
        var schemes = Path.Combine(_folder, "schemes");
        CopyShippedSchemes(schemes);
        var file = Directory.GetFiles(schemes, "*.json").Single();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        json["tiers"]!["flexibleShortBreaks"]!["hoursPerYear"] = -80;
        json["eligibility"]!["minimumThresholdNeeds"] = 0;
        await File.WriteAllTextAsync(file, json.ToJsonString());

        var (exitCode, output) = await RunServiceAsync(schemes);

        exitCode.ShouldBe(1);
        output.ShouldContain("tiers.flexibleShortBreaks.hoursPerYear must be more than 0");
        output.ShouldContain("eligibility.minimumThresholdNeeds must be between 1");
        output.ShouldContain("The service has not started");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Start_WithAnUnknownSetting_RefusesToStart()
    {
        var schemes = Path.Combine(_folder, "schemes");
        CopyShippedSchemes(schemes);
        var file = Directory.GetFiles(schemes, "*.json").Single();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        json["tiers"]!["flexibleShortBreaks"]!["hoursPerYer"] = 90;
        await File.WriteAllTextAsync(file, json.ToJsonString());

        var (exitCode, output) = await RunServiceAsync(schemes);

        exitCode.ShouldBe(1);
        output.ShouldContain("hoursPerYer");
    }

    [Fact]
    public async Task Start_WithAnInvalidRasFile_RefusesToStart()
    {
        var schemes = Path.Combine(_folder, "schemes");
        CopyShippedSchemes(schemes);
        var file = Directory.GetFiles(Path.Combine(schemes, "ras"), "*.json").First();
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"rounding\"", "\"roundingg\""));

        var (exitCode, output) = await RunServiceAsync(schemes);

        exitCode.ShouldBe(1);
        output.ShouldContain("roundingg");
        output.ShouldContain("The service has not started");
    }

    [Fact]
    public async Task Start_WhenAUsedVersionWasEdited_IsRefused()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var record = await db.SchemeVersions.SingleAsync(v => v.Version == "2026.1");
        record.ContentHash = "0000000000000000";
        await db.SaveChangesAsync();

        var registry = scope.ServiceProvider.GetRequiredService<SchemeRegistry>();
        var refused = await Should.ThrowAsync<SchemeValidationException>(() => registry.RecordAsync());

        refused.Message.ShouldContain("Version '2026.1' has been changed since it was first used");
    }

    private static void CopyShippedSchemes(string target)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "schemes");
        foreach (var file in Directory.GetFiles(shipped, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>Runs the built service as an operator would, and waits for it to stop by itself.</summary>
    private async Task<(int ExitCode, string Output)> RunServiceAsync(string schemes)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        foreach (var arg in new[]
                 {
                     typeof(Program).Assembly.Location, "--Schemes:Directory", schemes,
                     "--Database:ConnectionString", Path.Combine(_folder, "db.sqlite"), "--Urls", "http://127.0.0.1:0",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The service started with a wrong scheme instead of refusing.");
        }

        return (process.ExitCode, await output + await error);
    }
}
