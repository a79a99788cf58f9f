using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>The expiry watch: each warning sent once, whichever node finds it, on every database.</summary>
public sealed class ExpiryWatchTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    // 23:30 UTC on 1 June 2027 is already 2 June in the UK (BST): the UK day is the one that counts.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 6, 1, 23, 30, 0, TimeSpan.Zero));
    private static readonly DateOnly UkToday = new(2027, 6, 2);
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "fw-expiry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_mail)) Directory.Delete(_mail, recursive: true);
    }

    private ExpiryWatch Watch(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance), NullLogger<ExpiryWatch>.Instance);

    private async Task<Organisation> OrganisationAsync(TestDatabase database, DateOnly insuranceEnds, DateOnly? registrationEnds = null)
    {
        await using var db = database.NewContext(Actor.System, _clock);
        var role = new IdentityRole(Roles.CommissioningOfficer) { NormalizedName = Roles.CommissioningOfficer.ToUpperInvariant() };
        db.Roles.Add(role);
        db.Users.Add(new AppUser { Id = "commissioner", UserName = "c@council.example", Email = "c@council.example", DisplayName = "C" });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = "commissioner", RoleId = role.Id });
        var (organisation, _) = TestData.AddApprovedOrganisation(db, "Sherwood Play", UkToday);
        organisation.Insurances[0].ExpiresOn = insuranceEnds;
        if (registrationEnds is { } ends) organisation.Registrations.Add(new OrganisationRegistration { Regulator = Regulator.Ofsted, Number = "EY123456", ExpiresOn = ends });
        await db.SaveChangesAsync();
        return organisation;
    }

    [SkippableTheory, AllDatabases]
    public async Task A_warning_is_due_on_the_uk_day_it_reaches_the_schemes_days_before_expiry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await OrganisationAsync(database, UkToday.AddDays(60), registrationEnds: UkToday.AddDays(14));
        await using var db = database.NewContext(Actor.System, _clock);

        var due = await Watch(db).DueAsync();

        due.Select(d => (d.Item, d.DaysBefore, d.ExpiresOn)).OrderBy(d => d.DaysBefore).ShouldBe(
            [(ExpiryItem.Registration, 14, UkToday.AddDays(14)), (ExpiryItem.Insurance, 60, UkToday.AddDays(60))]);
    }

    [SkippableTheory, AllDatabases]
    public async Task Each_warning_is_emailed_once_to_the_organisation_and_commissioning_however_often_nodes_look(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await OrganisationAsync(database, UkToday.AddDays(10));

        await using (var a = database.NewContext(Actor.System, _clock))
        {
            (await Watch(a).RunAsync("node-a", Lease)).ShouldBe(1);
        }

        await using (var b = database.NewContext(Actor.System, _clock))
        {
            (await Watch(b).RunAsync("node-b", Lease)).ShouldBe(0);
        }

        TestMail.To(_mail, "hello@provider.example").ShouldHaveSingleItem().Subject.ShouldNotBeNull().ShouldContain("runs out on 12 June 2027");
        TestMail.To(_mail, "c@council.example").ShouldHaveSingleItem();
        await using var check = database.NewContext(Actor.System, _clock);
        var warning = await check.ExpiryWarnings.SingleAsync();
        (warning.DaysBefore, warning.ClaimedBy, warning.SentAt).ShouldBe((14, "node-a", (DateTime?)_clock.GetUtcNow().UtcDateTime));
    }

    [SkippableTheory, AllDatabases]
    public async Task Two_nodes_claiming_one_warning_get_it_once_and_a_dead_nodes_claim_passes_to_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await OrganisationAsync(database, UkToday.AddDays(10));
        await using var a = database.NewContext(Actor.System, _clock);
        await using var b = database.NewContext(Actor.System, _clock);
        var due = (await Watch(a).DueAsync()).ShouldHaveSingleItem();

        var first = await Watch(a).TryClaimAsync(due, "node-a", Lease);
        var second = await Watch(b).TryClaimAsync(due, "node-b", Lease);

        first.ShouldNotBeNull();
        second.ShouldBeNull();

        // node-a stops before sending: once its lease has passed, node-b takes it and sends it; node-a can no longer mark it.
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await Watch(b).TryClaimAsync(due, "node-b", Lease);
        taken.ShouldBe(first);
        (await Watch(a).SendAsync(first!.Value, due, "node-a")).ShouldBeFalse();
        (await Watch(b).SendAsync(taken!.Value, due, "node-b")).ShouldBeTrue();
        TestMail.To(_mail, "hello@provider.example").ShouldHaveSingleItem();
        await using var c = database.NewContext(Actor.System, _clock);
        (await Watch(c).DueAsync()).ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task An_organisation_whose_insurance_has_expired_takes_no_new_packages_and_is_not_warned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisation = await OrganisationAsync(database, UkToday.AddDays(-1));
        await using var db = database.NewContext(Actor.System, _clock);
        var stored = await db.Organisations.Include(o => o.Insurances).Include(o => o.Registrations).SingleAsync(o => o.Id == organisation.Id);

        OrganisationRules.NewPackageRefusal(stored, ShortBreaks.Core.Schemes.ProviderSettings.Defaults, UkToday)
            .ShouldBe("Sherwood Play's employer's liability insurance expired on 1 June 2027.");
        (await Watch(db).DueAsync()).ShouldBeEmpty();
    }
}
