using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Providers;

/// <summary>
/// Services for the Local Offer load run: approved organisations with insurance in date, each with fifty services at
/// a place of its own in the demo county (coordinates spread over the county), a weekly schedule, a price and needs.
/// Made once and kept, written without per-row audit like the demo county.
/// </summary>
internal static class DirectorySeed
{
    private static readonly string[] Kinds = ["day-care", "sitting", "activities", "after-school", "holiday-scheme", "sport", "youth-club", "overnight-at-home"];
    private static readonly string[] Needs = ["need-autism", "need-learning", "need-physical", "need-sensory", "need-complex-health", "need-behaviour", "need-communication"];
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static async Task EnsureAsync(ShortBreaksDbContext db, int services)
    {
        var made = await db.Services.CountAsync(s => s.Name.StartsWith("Bench "));
        if (made >= services) return;

        db.AuditChanges = false;
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        var random = new Random(2026);
        for (var o = 0; o * 50 < services; o++)
        {
            var organisation = new Organisation
            {
                Name = $"Bench provider {o:000}", LegalName = $"Bench provider {o:000} Ltd", Email = "bench@provider.example", Phone = "01632 960000",
                Town = "Ashcombe Vale", Status = FrameworkStatus.Approved, RegisteredAt = now, ApprovedAt = now,
                Insurances =
                [
                    new OrganisationInsurance { Kind = InsuranceKind.EmployersLiability, Insurer = "An insurer", CoverAmount = 10_000_000m, ExpiresOn = today.AddYears(1) },
                    new OrganisationInsurance { Kind = InsuranceKind.PublicLiability, Insurer = "An insurer", CoverAmount = 5_000_000m, ExpiresOn = today.AddYears(1) },
                ],
            };
            db.Organisations.Add(organisation);
            for (var s = 0; s < 50 && o * 50 + s < services; s++)
            {
                var district = random.Next(1, 17);
                var location = new Location
                {
                    OrganisationId = organisation.Id, Name = $"Bench venue {o:000}-{s:00}", AddressLine = $"{s + 1} Bench Street", Town = "Ashcombe Vale",
                    Postcode = $"DC{district} {random.Next(1, 10)}AB", PostcodeKey = $"DC{district}{random.Next(1, 10)}AB",
                    Latitude = 52.75 + random.NextDouble() * 0.55, Longitude = -1.45 + random.NextDouble() * 0.8,
                };
                db.Locations.Add(location);
                var service = new Service
                {
                    OrganisationId = organisation.Id, Name = $"Bench {Kinds[s % Kinds.Length]} club {o:000}-{s:00}", Description = "A short break for the load run.",
                    Kind = Kinds[s % Kinds.Length], Needs = $"{Needs[random.Next(Needs.Length)]},{Needs[random.Next(Needs.Length)]}",
                    MinimumAgeYears = random.Next(0, 8), MaximumAgeYears = random.Next(12, 19), UpdatedAt = now,
                    Prices = [new ServicePrice { EffectiveFrom = today.AddYears(-1), Unit = PriceUnit.Session, Amount = 10 + random.Next(40), SetAt = now }],
                };
                service.Schedules.Add(new ServiceSchedule { ServiceId = service.Id, Days = Days[random.Next(Days.Length)], OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(15, 0) });
                service.Locations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id });
                db.Services.Add(service);
            }

            if (o % 10 == 9)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
