using System.Diagnostics;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.TestCommon;

/// <summary>The browser tests' Chromium is where they will look for it, and runs.</summary>
public class ChromiumBrowserTests
{
    [SkippableFact]
    public async Task RequireExecutablePath_GivesAChromiumThatRuns()
    {
        var path = ChromiumBrowser.RequireExecutablePath();

        using var process = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await error;

        process.ExitCode.ShouldBe(0);
        output.ShouldStartWith("Chromium");
    }
}
