using Xunit;

namespace ShortBreaks.TestCommon;

/// <summary>
/// What a test needs from the machine. Outside CI a missing tool skips the test, with the reason in the
/// test output; with <c>CI=true</c> it fails the test, so a CI machine without the tool can never go green
/// by skipping. Tests that call this must be <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.
/// </summary>
public static class TestEnvironment
{
    /// <summary>True when the environment variable <c>CI</c> is <c>true</c>, as it is when <c>.ci/run</c> runs.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test (or, under CI, fails it) when <paramref name="available"/> is false.</summary>
    /// <param name="tool">What is missing, as a person would name it: "PostgreSQL".</param>
    /// <param name="package">The Debian package that provides it: "postgresql".</param>
    public static void Require(bool available, string tool, string package)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            throw new MissingTestToolException($"{tool} is required when CI=true: install {package}");
        }

        throw new SkipException($"{tool} is not installed: install {package} to run this test (required when CI=true).");
    }
}

/// <summary>A tool the test needs is not on a CI machine.</summary>
public sealed class MissingTestToolException(string message) : Exception(message);
