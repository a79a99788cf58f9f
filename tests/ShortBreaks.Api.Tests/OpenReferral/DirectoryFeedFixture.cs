using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Api.Tests.OpenReferral;

/// <summary>
/// A service of its own with a directory of known size: 24 listed services of three organisations (one imported from
/// another feed), most at places in the demo county, and services that must not be listed (of a suspended
/// organisation, of one whose insurance has run out, defunct and inactive ones).
/// </summary>
public sealed class DirectoryFeedFixture : IAsyncLifetime
{
    public const int Listed = 24;

    public WebAppFactory Factory { get; } = new();

    public Guid AutismServiceId { get; private set; }
    public Guid SuspendedServiceId { get; private set; }
    public Guid ExpiredServiceId { get; private set; }
    public Guid DefunctServiceId { get; private set; }
    public Guid ImportedServiceId { get; private set; }
    public Guid NearServiceId { get; private set; }
    public Guid FarServiceId { get; private set; }

    public async Task InitializeAsync()
    {
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        await Factory.Data.WithDbAsync(async db =>
        {
            var (alder, _) = TestData.AddApprovedOrganisation(db, "Alder Care", today);
            alder.CompaniesHouseNumber = "01234567";
            alder.Website = "https://alder.example";
            var (birch, birchService) = TestData.AddApprovedOrganisation(db, "Birch Clubs", today);
            birch.CharityNumber = "1100001";
            var imported = new Organisation { Name = "Cedar Youth", LegalName = "Cedar Youth", ImportedId = "cedar-1", Status = FrameworkStatus.Registered, RegisteredAt = db.UtcNow };
            db.Organisations.Add(imported);
            var (suspended, suspendedService) = TestData.AddApprovedOrganisation(db, "Damson Suspended", today);
            suspended.Status = FrameworkStatus.Suspended;
            var (expired, expiredService) = TestData.AddApprovedOrganisation(db, "Elm Expired", today);
            foreach (var insurance in expired.Insurances) insurance.ExpiresOn = today.AddDays(-1);
            birchService.Needs = "need-learning";
            birchService.Name = "Birch sitting";
            (SuspendedServiceId, ExpiredServiceId) = (suspendedService.Id, expiredService.Id);

            // Alder's own sitting service (from AddApprovedOrganisation) is listed too: 2 so far.
            var autism = TestData.AddDirectoryService(db, alder, "Alder autism club", today, needs: "need-autism,need-communication", minimumAge: 5, maximumAge: 11, days: "SA,SU",
                places: new TestPlace("Alder Hall", "DC1 2AB", 53.0, -1.0));
            AutismServiceId = autism.Id;
            NearServiceId = autism.Id;
            var far = TestData.AddDirectoryService(db, birch, "Birch far swim", today, kind: "sport", minimumAge: 8, maximumAge: 18, days: "WE",
                places: new TestPlace("Lowmarsh Pool", "DC16 4XY", Town: "Lowmarsh"));
            FarServiceId = far.Id;
            var fromImport = TestData.AddDirectoryService(db, imported, "Cedar holiday scheme", today, kind: "holiday-scheme", needs: "need-physical", days: "MO,TU,WE,TH,FR",
                places: new TestPlace("Cedar Centre", "DC4 1AA", 53.15, -1.1, "Brindlemoor"));
            ImportedServiceId = fromImport.Id;
            for (var i = 0; i < 19; i++)
            {
                var organisation = i % 3 == 0 ? alder : i % 3 == 1 ? birch : imported;
                var places = i % 4 == 3 ? [] : new[] { new TestPlace($"Venue {i:00}", $"DC{i % 16 + 1} {i % 9 + 1}AB", i % 2 == 0 ? 52.8 + i * 0.02 : null, i % 2 == 0 ? -1.3 + i * 0.03 : null) };
                TestData.AddDirectoryService(db, organisation, $"Club {i:00}", today, kind: i % 2 == 0 ? "activities" : "youth-club", minimumAge: i % 5, maximumAge: 10 + i % 8,
                    days: i % 2 == 0 ? "FR" : "SA", price: 10 + i, places: places);
            }

            DefunctServiceId = TestData.AddDirectoryService(db, alder, "Alder closed club", today, status: ServiceStatus.Defunct).Id;
            TestData.AddDirectoryService(db, birch, "Birch resting club", today, status: ServiceStatus.Inactive);
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
