using ShortBreaks.Core.Data;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.TestCommon;

/// <summary>A place a directory service runs at: its postcode and, when known, its coordinates.</summary>
public sealed record TestPlace(string Name, string Postcode, double? Latitude = null, double? Longitude = null, string Town = "Ashcombe Vale");

public sealed partial class TestData
{
    /// <summary>
    /// A service for the Local Offer directory, of an organisation already added: a kind, needs, ages, the days it runs
    /// (RFC 5545 codes) from 10am to 3pm, a price and its places. Saved by the caller.
    /// </summary>
    public static Service AddDirectoryService(ShortBreaksDbContext db, Organisation organisation, string name, DateOnly today,
        string kind = "activities", string needs = "", int? minimumAge = null, int? maximumAge = null, string days = "SA",
        PriceUnit unit = PriceUnit.Session, decimal price = 30m, ServiceStatus status = ServiceStatus.Active, params TestPlace[] places)
    {
        var now = db.UtcNow;
        var service = new Service
        {
            OrganisationId = organisation.Id, Name = name, Description = $"{name}: fun and friends.", Kind = kind, Needs = needs, Status = status,
            MinimumAgeYears = minimumAge, MaximumAgeYears = maximumAge, Email = "bookings@provider.example", Phone = "01632 960001",
            Url = "https://provider.example/services", UpdatedAt = now, AreaServed = places.Length == 0 ? "The whole county" : null,
            Prices = [new ServicePrice { EffectiveFrom = today.AddYears(-1), Unit = unit, Amount = price, HoursEach = unit == PriceUnit.Hour ? 1 : null, SetAt = now }],
        };
        service.Schedules.Add(new ServiceSchedule { ServiceId = service.Id, Days = days, OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(15, 0) });
        foreach (var place in places)
        {
            var location = new Location
            {
                OrganisationId = organisation.Id, Name = place.Name, AddressLine = "1 High Street", Town = place.Town, Postcode = place.Postcode,
                PostcodeKey = Core.Children.MatchKeys.Postcode(place.Postcode), Latitude = place.Latitude, Longitude = place.Longitude,
            };
            db.Locations.Add(location);
            service.Locations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id });
        }

        db.Services.Add(service);
        return service;
    }
}
