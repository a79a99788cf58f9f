using System.Diagnostics;
using System.Globalization;

namespace ShortBreaks.TestCommon;

/// <summary>
/// Clean-up that must happen even when the test process does not get to run its own exit handlers: the test
/// host is killed shortly after the last test (and may be killed at any time), so a detached shell waits for
/// this process to end and then does the work.
/// </summary>
internal static class AfterExit
{
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner=$1; folder=$2; shift 2
        while kill -0 "$owner"; do sleep 0.5; done
        if [ $# -gt 0 ]; then "$@"; fi
        rm -rf -- "$folder"
        """;

    /// <summary>
    /// Once this process has ended, runs <paramref name="command"/> (if any) and deletes <paramref name="folder"/>.
    /// Best effort: where there is no setsid or bash, only the process's own exit handlers clean up.
    /// </summary>
    public static void DeleteFolder(string folder, params string[] command)
    {
        // setsid -f forks, so the shell is no child of this process and outlives a kill of its process tree.
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-f", "bash", "-c", Script, "after-exit", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), folder })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in command)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start);
            process?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
