using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// Whole-number copies of the package and package-line figures the unused-hours report works from, kept by the
/// database itself as stored generated columns (so every write, however it is made, keeps them right): each line's
/// agreed units, hours each, price and delivered units in hundredths, and each package's first and last days as day
/// numbers and months. The report's pass over every line of a year (<see cref="UnusedHoursSql"/>) is then whole-number
/// arithmetic: no decimal read as text (SQLite) or numeric (PostgreSQL), no date taken apart, on each request. They are
/// shadow properties: nothing in the code reads or writes them but that SQL.
/// </summary>
public static class UnusedHoursColumns
{
    public const string TotalHundredths = "TotalHundredths";
    public const string HoursEachHundredths = "HoursEachHundredths";
    public const string PriceHundredths = "PriceHundredths";
    public const string DeliveredHundredths = "DeliveredHundredths";
    public const string FirstDay = "FirstDay";
    public const string LastDay = "LastDay";
    public const string FirstMonth = "FirstMonth";
    public const string LastMonth = "LastMonth";

    /// <summary>Day numbers count from this day (day 0).</summary>
    public static readonly DateOnly DayZero = new(2000, 1, 1);

    /// <summary>A day as the generated columns number it.</summary>
    public static int DayNumber(DateOnly day) => day.DayNumber - DayZero.DayNumber;

    /// <summary>The day a generated column's day number stands for.</summary>
    public static DateOnly Day(int dayNumber) => DayZero.AddDays(dayNumber);

    /// <summary>A day's month as the generated columns number it: year times twelve plus month.</summary>
    public static int MonthNumber(DateOnly day) => day.Year * 12 + day.Month;

    /// <summary>Adds the columns to the model, in the SQL of the database the context is for.</summary>
    public static void Configure(ModelBuilder builder, bool postgres)
    {
        var line = builder.Entity<PackageLine>();
        Computed(line.Property<long>(TotalHundredths), Hundredths(nameof(PackageLine.TotalUnits), postgres));
        Computed(line.Property<long>(HoursEachHundredths), Hundredths(nameof(PackageLine.HoursEach), postgres));
        Computed(line.Property<long>(PriceHundredths), Hundredths(nameof(PackageLine.UnitPrice), postgres));
        Computed(line.Property<long>(DeliveredHundredths), Hundredths(nameof(PackageLine.DeliveredUnits), postgres));

        var package = builder.Entity<Package>();
        Computed(package.Property<int>(FirstDay), Day(nameof(Package.StartsOn), postgres));
        Computed(package.Property<int>(LastDay), Day(nameof(Package.EndsOn), postgres));
        Computed(package.Property<int>(FirstMonth), Month(nameof(Package.StartsOn), postgres));
        Computed(package.Property<int>(LastMonth), Month(nameof(Package.EndsOn), postgres));
    }

    private static void Computed<T>(PropertyBuilder<T> property, string sql) => property.HasComputedColumnSql(sql, stored: true);

    /// <summary>
    /// A decimal column (stored to the hundredth) as whole hundredths. SQLite keeps a decimal as text: read as a real and
    /// rounded, which is exact for amounts to the hundredth far beyond any this service holds.
    /// </summary>
    private static string Hundredths(string column, bool postgres) =>
        postgres ? $"CAST(\"{column}\" * 100 AS bigint)" : $"CAST(round(CAST(\"{column}\" AS REAL) * 100) AS INTEGER)";

    /// <summary>A date column as days from <see cref="DayZero"/> (a date in SQLite is text "yyyy-MM-dd", its julian day a half day off the whole).</summary>
    private static string Day(string column, bool postgres) =>
        postgres ? $"(\"{column}\" - DATE '2000-01-01')" : $"CAST(julianday(\"{column}\") - julianday('2000-01-01') AS INTEGER)";

    /// <summary>A date column's month as year times twelve plus month.</summary>
    private static string Month(string column, bool postgres) =>
        postgres
            ? $"(CAST(extract(year from \"{column}\") AS integer) * 12 + CAST(extract(month from \"{column}\") AS integer))"
            : $"(CAST(substr(\"{column}\", 1, 4) AS INTEGER) * 12 + CAST(substr(\"{column}\", 6, 2) AS INTEGER))";
}
