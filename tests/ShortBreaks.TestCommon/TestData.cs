using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;

namespace ShortBreaks.TestCommon;

/// <summary>
/// Builders of valid, synthetic records: every field a real record would have is filled, and a test overrides
/// only what it is about. Each builder saves through a DbContext (the one given to a service test, or a new one
/// from a test host's services: <see cref="WebAppFactory.Data"/>), so the records are audited and versioned as
/// real changes are. No value here belongs to a real person.
/// </summary>
public sealed partial class TestData
{
    private readonly ShortBreaksDbContext? _db;
    private readonly Func<IServiceProvider>? _services;

    /// <summary>Builders saving through one context, for tests of services.</summary>
    public TestData(ShortBreaksDbContext db) => _db = db;

    /// <summary>Builders saving through a new context of a running host for each record, for page and API tests.</summary>
    public TestData(Func<IServiceProvider> services) => _services = services;

    /// <summary>The scheme version the builders' need and evidence ids come from.</summary>
    public const string SchemeVersion = "2026.1";

    private static readonly string[] FirstNames =
        ["Amara", "Ben", "Chloe", "Dev", "Ellie", "Finn", "Grace", "Harvey", "Isla", "Jayden", "Kiera", "Leo", "Maya", "Noah", "Orla", "Priya", "Reuben", "Sana", "Toby", "Zara"];

    private static readonly string[] LastNames =
        ["Ashworth", "Bennett", "Chowdhury", "Dawson", "Ellison", "Fairbrother", "Gallagher", "Hussain", "Iqbal", "Jennings", "Kowalski", "Lindqvist", "Mensah", "Nowak", "Okafor", "Pritchard", "Quinlan", "Rahman", "Sutcliffe", "Thornton"];

    private static readonly string[] Towns = ["Newark", "Mansfield", "Worksop", "Retford", "Southwell", "Hucknall"];

    // Letters and digits that cannot be misread for one another when a reference is read out on the phone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Today in the UK by the given context's clock, or by the real clock for a host's builders.</summary>
    public DateOnly Today => UkCalendar.DateOf(_db?.UtcNow ?? DateTime.UtcNow);

    /// <summary>
    /// A moment <paramref name="ago"/> before now but never before today's UK midnight: "a little while ago, today",
    /// so a test reading "waited 0 days" passes in the hour after midnight as at noon.
    /// </summary>
    public DateTime EarlierToday(TimeSpan ago)
    {
        var now = _db?.UtcNow ?? DateTime.UtcNow;
        var start = UkCalendar.DayStartUtc(UkCalendar.DateOf(now));
        var then = now - ago;
        return then < start ? start : then;
    }

    /// <summary>Runs some work on the database: the given context, or a new one from the host's services.</summary>
    public async Task<T> WithDbAsync<T>(Func<ShortBreaksDbContext, Task<T>> work)
    {
        if (_db is not null) return await work(_db);
        using var scope = _services!().CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>());
    }

    public Task WithDbAsync(Func<ShortBreaksDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    private static string Pick(string[] values) => values[Random.Shared.Next(values.Length)];

    /// <summary>A reference in the service's style, for example "C-7KQ2-M9XD".</summary>
    public static string NewReference(char prefix) =>
        $"{prefix}-{RandomCode(4)}-{RandomCode(4)}";

    private static string RandomCode(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = ReferenceAlphabet[Random.Shared.Next(ReferenceAlphabet.Length)];
        });

    /// <summary>A well-formed postcode in an area that does not exist ("DC", the demo county's), so it is nobody's address.</summary>
    public static string NewPostcode()
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        return $"DC{Random.Shared.Next(1, 99)} {Random.Shared.Next(10)}{letters[Random.Shared.Next(letters.Length)]}{letters[Random.Shared.Next(letters.Length)]}";
    }

    /// <summary>A made-up name of nine letters, unlikely to be any other test's, so tests sharing a database do not find each other's rows.</summary>
    public static string NewName()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";

        // Never starting with C or R: staff search reads nine letters starting so (without I or O) as a reference.
        const string firstLetters = "ABDEFGHJKLMNPSTUVWYZ";
        var chars = new char[9];
        for (var i = 0; i < chars.Length; i++) chars[i] = letters[Random.Shared.Next(letters.Length)];
        chars[0] = firstLetters[Random.Shared.Next(firstLetters.Length)];
        return new string(chars);
    }
}
