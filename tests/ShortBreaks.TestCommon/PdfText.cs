using System.Diagnostics;
using Shouldly;

namespace ShortBreaks.TestCommon;

/// <summary>The words of a PDF as poppler's pdftotext reads them: an independent check of what a file says.</summary>
public static class PdfText
{
    public static string Read(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        TestEnvironment.Require(File.Exists(tool), "pdftotext", "poppler-utils");
        var path = Path.Combine(Path.GetTempPath(), $"pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { path, "-" }) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, errors);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
