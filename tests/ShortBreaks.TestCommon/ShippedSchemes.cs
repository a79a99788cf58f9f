using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.TestCommon;

/// <summary>
/// The scheme and calendar files the service ships (<c>schemes/</c>), as copied to the test project's output
/// by its <c>Content</c> item. Tests of the rules run against these, so a change to a shipped figure shows.
/// </summary>
public static class ShippedSchemes
{
    private static readonly Lazy<SchemeCatalog> LazyCatalog = new(() => SchemeCatalog.LoadFrom(RequireFolder()));
    private static readonly Lazy<WorkingDays> LazyWorkingDays =
        new(() => WorkingDays.LoadFrom(Path.Combine(RequireFolder(), "calendar", "bank-holidays.json")));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "schemes");

    public static SchemeCatalog Catalog => LazyCatalog.Value;

    /// <summary>The shipped version the seeds' figures come from.</summary>
    public static Scheme Scheme2026_1 => Catalog.Find("2026.1") ?? throw new InvalidOperationException("Scheme version 2026.1 is not shipped.");

    /// <summary>Working days with the shipped England and Wales bank holidays.</summary>
    public static WorkingDays WorkingDays => LazyWorkingDays.Value;

    private static string RequireFolder() =>
        Directory.Exists(Folder)
            ? Folder
            : throw new InvalidOperationException(
                $"No schemes folder in {AppContext.BaseDirectory}: the test project needs " +
                "<Content Include=\"..\\..\\schemes\\**\\*.json\" LinkBase=\"schemes\" CopyToOutputDirectory=\"PreserveNewest\" />.");
}
