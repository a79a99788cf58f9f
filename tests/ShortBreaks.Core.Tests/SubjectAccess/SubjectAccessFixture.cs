using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.SubjectAccess;

/// <summary>The subject access services on a test database, as an administrator.</summary>
internal static class SubjectAccessServices
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static Actor Admin(string name = "Alex Admin") => new() { UserId = "admin-" + name.Replace(' ', '-'), Name = name };

    public static ShortBreaksDbContext Context(TestDatabase database, Actor? actor = null) => database.NewContext(actor ?? Admin(), new FakeTimeProvider(Now));

    public static SubjectAccessService Service(ShortBreaksDbContext db)
    {
        var gathering = new SubjectGathering(db);
        return new SubjectAccessService(db, ShippedSchemes.Catalog, gathering, new SubjectArchive(db, gathering, ShippedSchemes.Catalog));
    }

    public static async Task<SubjectAccessRequest> LogAboutChildAsync(ShortBreaksDbContext db, string reference)
    {
        var (logged, result) = await Service(db).LogAsync(new SubjectAccessDetails(SubjectAccessService.ChildSubject, reference, null, "Sam Patel, the child's mother", "Passport and a council tax bill seen", DateOnly.FromDateTime(Now.UtcDateTime)));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return logged!;
    }
}
