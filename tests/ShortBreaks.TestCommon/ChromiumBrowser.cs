namespace ShortBreaks.TestCommon;

/// <summary>
/// The system Chromium the browser tests drive (Playwright is given its path; it never downloads a browser).
/// </summary>
public static class ChromiumBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>
    /// The path to give Playwright's <c>ExecutablePath</c>. Skips the test when Chromium is missing, or fails it
    /// when <c>CI=true</c>.
    /// </summary>
    public static string RequireExecutablePath()
    {
        TestEnvironment.Require(IsInstalled, "Chromium", "chromium");
        return ExecutablePath;
    }
}
