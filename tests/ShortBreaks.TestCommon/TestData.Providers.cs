using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// An approved organisation with insurance in date and one service priced by the hour, added to
    /// <paramref name="db"/> (saved by the caller).
    /// </summary>
    public static (Organisation Organisation, Service Service) AddApprovedOrganisation(ShortBreaksDbContext db, string name, DateOnly today, decimal hourlyPrice = 16m)
    {
        var now = db.UtcNow;
        var organisation = new Organisation
        {
            Name = name, LegalName = $"{name} Ltd", Email = "hello@provider.example", Phone = "01632 960000", Town = "Newark",
            Status = FrameworkStatus.Approved, RegisteredAt = now, ApprovedAt = now,
            Insurances =
            [
                new OrganisationInsurance { Kind = InsuranceKind.EmployersLiability, Insurer = "An insurer", CoverAmount = 10_000_000m, ExpiresOn = today.AddYears(1) },
                new OrganisationInsurance { Kind = InsuranceKind.PublicLiability, Insurer = "An insurer", CoverAmount = 5_000_000m, ExpiresOn = today.AddYears(1) },
            ],
        };
        var service = new Service
        {
            OrganisationId = organisation.Id, Name = $"{name} sitting service", Description = "Sitting at home.", Kind = "sitting", UpdatedAt = now,
            Prices = [new ServicePrice { EffectiveFrom = today.AddYears(-1), Unit = PriceUnit.Hour, Amount = hourlyPrice, HoursEach = 1, SetAt = now }],
        };
        db.Organisations.Add(organisation);
        db.Services.Add(service);
        return (organisation, service);
    }

    /// <summary>
    /// A child's accepted provider package with one line, its moves, a submitted return with a delivered and a
    /// cancelled session, a renewal and unused hours offered back: a row in each of the child's provider tables. Saved by the caller.
    /// </summary>
    public static Package AddPackageRows(ShortBreaksDbContext db, Guid childId, string tag, DateOnly today)
    {
        var now = db.UtcNow;
        var (organisation, service) = AddApprovedOrganisation(db, $"Provider {tag}", today);
        var price = service.Prices[0];
        var package = new Package
        {
            ChildId = childId, Route = PackageRoute.Provider, OrganisationId = organisation.Id, Tier = Tier.FlexibleShortBreaks,
            YearStart = today.AddMonths(-1), StartsOn = today.AddMonths(-1), EndsOn = today.AddMonths(11), State = PackageState.Accepted,
            SchemeVersion = SchemeVersion, CreatedAt = now, CreatedByName = "Sam Officer",
        };
        var line = new PackageLine
        {
            PackageId = package.Id, ChildId = childId, ServiceId = service.Id, ServiceName = service.Name, Unit = PriceUnit.Hour, Quantity = 2,
            Frequency = LineFrequency.Weekly, TotalUnits = 80, HoursEach = 1, UnitPrice = price.Amount, ServicePriceId = price.Id, PriceEffectiveFrom = price.EffectiveFrom,
        };
        package.Lines.Add(line);
        db.Packages.Add(package);
        db.PackageStateChanges.AddRange(
            new PackageStateChange { PackageId = package.Id, ChildId = childId, To = PackageState.Sent, By = PackageActor.Officer, At = now, ByName = "Sam Officer" },
            new PackageStateChange { PackageId = package.Id, ChildId = childId, From = PackageState.Sent, To = PackageState.Accepted, By = PackageActor.Provider, At = now, ByName = $"Provider worker {tag}", Reason = $"Glad to {tag}" });
        var month = new DateOnly(package.StartsOn.Year, package.StartsOn.Month, 1);
        var delivery = new DeliveryReturn
        {
            PackageId = package.Id, ChildId = childId, OrganisationId = organisation.Id, Month = month, DueOn = month.AddMonths(1).AddDays(9),
            Status = DeliveryReturnStatus.Submitted, SubmittedAt = now, SubmittedByName = $"Provider worker {tag}",
        };
        delivery.Sessions.Add(new DeliveredSession { PackageId = package.Id, PackageLineId = line.Id, ChildId = childId, Date = month.AddDays(3), Unit = PriceUnit.Hour, Quantity = 2, Hours = 2, Staff = $"Staff {tag}", RecordedAt = now });
        delivery.Sessions.Add(new DeliveredSession { PackageId = package.Id, PackageLineId = line.Id, ChildId = childId, Date = month.AddDays(10), Unit = PriceUnit.Hour, Cancellation = CancellationReason.ChildUnwell, CancellationNote = $"A cold {tag}", RecordedAt = now });
        db.DeliveryReturns.Add(delivery);
        db.FsbRenewals.Add(new FsbRenewal { ChildId = childId, YearStart = package.YearStart.AddYears(1), Status = RenewalStatus.Submitted, AnswersJson = RenewalRules.Write([new RenewalAnswer("needs", "What support the child needs", "Extra care", "Extra care")]), InvitedAt = now, SubmittedAt = now });
        db.UnusedHoursDecisions.Add(new UnusedHoursDecision
        {
            PackageId = package.Id, ChildId = childId, OrganisationId = organisation.Id, YearStart = package.YearStart, State = UnusedHoursState.OfferedToFamily,
            Hours = 4, Money = 64m, AsOf = today, Reason = $"Missed sessions {tag}", At = now, ByName = "Sam Officer",
        });
        return package;
    }
}
