using ShortBreaks.Core.Data;

namespace ShortBreaks.TestCommon;

/// <summary>
/// Builders of valid, synthetic records: every field a real record would have is filled, and a test overrides
/// only what it is about. Each builder saves through the given DbContext, so the records are audited and
/// versioned as real changes are. No value here belongs to a real person.
/// </summary>
public sealed partial class TestData(ShortBreaksDbContext db)
{
    /// <summary>The scheme version the builders' need and evidence ids come from.</summary>
    public const string SchemeVersion = "2026.1";

    private static readonly string[] FirstNames =
        ["Amara", "Ben", "Chloe", "Dev", "Ellie", "Finn", "Grace", "Harvey", "Isla", "Jayden", "Kiera", "Leo", "Maya", "Noah", "Orla", "Priya", "Reuben", "Sana", "Toby", "Zara"];

    private static readonly string[] LastNames =
        ["Ashworth", "Bennett", "Chowdhury", "Dawson", "Ellison", "Fairbrother", "Gallagher", "Hussain", "Iqbal", "Jennings", "Kowalski", "Lindqvist", "Mensah", "Nowak", "Okafor", "Pritchard", "Quinlan", "Rahman", "Sutcliffe", "Thornton"];

    private static readonly string[] Towns = ["Newark", "Mansfield", "Worksop", "Retford", "Southwell", "Hucknall"];

    // Letters and digits that cannot be misread for one another when a reference is read out on the phone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public ShortBreaksDbContext Db => db;

    /// <summary>Today by the context's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    private static string Pick(string[] values) => values[Random.Shared.Next(values.Length)];

    /// <summary>A reference in the service's style, for example "C-7KQ2-M9XD".</summary>
    public static string NewReference(char prefix) =>
        $"{prefix}-{RandomCode(4)}-{RandomCode(4)}";

    private static string RandomCode(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = ReferenceAlphabet[Random.Shared.Next(ReferenceAlphabet.Length)];
        });

    /// <summary>A postcode of the right shape in a district that does not exist (NG99), so it is nobody's address.</summary>
    private static string NewPostcode() =>
        $"NG99 {Random.Shared.Next(1, 10)}{"ABDEFGHJLNPQRSTUWXYZ"[Random.Shared.Next(20)]}{"ABDEFGHJLNPQRSTUWXYZ"[Random.Shared.Next(20)]}";

    private static string NameKey(string firstName, string lastName) =>
        string.Join(' ', $"{firstName} {lastName}".Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string PostcodeKey(string postcode) => postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
