using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>Joining the framework, commissioning's decisions, prices and an organisation's users, on every database.</summary>
public sealed class FrameworkServiceTests : IDisposable
{
    private static readonly Actor Admin = new() { UserId = "provider-admin", Name = "Pat Provider" };
    private static readonly Actor Commissioner = new() { UserId = "commissioner-1", Name = "Chris Commissioner" };
    private const string BaseUrl = "https://shortbreaks.example";

    // 5 December 2026 (GMT, so the UK day and the UTC day are the same).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "fw-mail-" + Guid.NewGuid().ToString("N"));

    private static readonly DateOnly Today = new(2026, 12, 5);

    public void Dispose()
    {
        if (Directory.Exists(_mail)) Directory.Delete(_mail, recursive: true);
    }

    private FrameworkService Service(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance), NullLogger<FrameworkService>.Instance);

    private IReadOnlyList<MimeMessage> MailTo(string address) => TestMail.To(_mail, address);

    private static async Task<AppUser> UserAsync(ShortBreaksDbContext db, string id, string email, string? role = null)
    {
        var user = new AppUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = id };
        db.Users.Add(user);
        if (role is not null)
        {
            var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = stored.Id });
        }

        await db.SaveChangesAsync();
        return user;
    }

    private static byte[] Pdf => "%PDF-1.4 evidence"u8.ToArray();

    /// <summary>A registered organisation whose application has everything the shipped scheme asks for.</summary>
    private async Task<Organisation> CompleteApplicationAsync(ShortBreaksDbContext db, string name = "Sherwood Play")
    {
        await UserAsync(db, Admin.UserId!, "pat@sherwood.example", Roles.Provider);
        var service = Service(db);
        var organisation = await service.RegisterAsync(Admin.UserId!, name, "office@sherwood.example");
        var version = (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id)).Version;
        (await service.SaveDetailsAsync(organisation.Id, new OrganisationDetails(name, name + " CIC", "01234567", null, "office@sherwood.example",
            "01632 960123", null, "1 Forest Road", "Mansfield", "NG18 1AA", null), version)).Succeeded.ShouldBeTrue();
        version = (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id)).Version;
        (await service.SaveSafeguardingAsync(organisation.Id, new SafeguardingDetails("Sam Lead", "sam@sherwood.example", null, "Enhanced DBS with barred list for everyone, renewed every three years."), version))
            .Succeeded.ShouldBeTrue();
        (await service.AddInsuranceAsync(organisation.Id, new InsuranceDetails(InsuranceKind.EmployersLiability, "Acme", "EL1", 10_000_000m, Today.AddMonths(6)))).Succeeded.ShouldBeTrue();
        (await service.AddInsuranceAsync(organisation.Id, new InsuranceDetails(InsuranceKind.PublicLiability, "Acme", "PL1", 5_000_000m, Today.AddMonths(6)))).Succeeded.ShouldBeTrue();
        var settings = service.Settings;
        (await service.SaveAnswersAsync(organisation.Id, settings.FrameworkCriteria.ToDictionary(c => c.Id, c => (string?)$"Yes: {c.Id}."))).Succeeded.ShouldBeTrue();
        foreach (var criterion in settings.FrameworkCriteria.Where(c => c.EvidenceRequired))
        {
            (await service.AddDocumentAsync(organisation.Id, new OrganisationDocument { CriterionId = criterion.Id, FileName = criterion.Id + ".pdf", ContentType = "application/pdf", SizeBytes = Pdf.Length, Content = Pdf }))
                .Succeeded.ShouldBeTrue();
        }

        var (made, result) = await service.SaveServiceAsync(organisation.Id, null, null, Sitting(), new PriceDetails(PriceUnit.Hour, 16.50m, null, null, null));
        result.Succeeded.ShouldBeTrue();
        made!.Status.ShouldBe(ServiceStatus.Inactive);
        return organisation;
    }

    private static ServiceDetails Sitting() => new("Evening sitting", "A sitter at home.", "sitting", ["need-autism", "need-learning"], 5, 17,
        "Mansfield and Ashfield", null, null, null, ["MO", "WE"], new TimeOnly(17, 0), new TimeOnly(21, 0));

    private async Task<long> VersionAsync(ShortBreaksDbContext db, Guid id) => (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id)).Version;

    private async Task SubmitAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext(Admin, _clock);
        (await Service(db).SubmitAsync(id, await VersionAsync(db, id), BaseUrl)).Succeeded.ShouldBeTrue();
    }

    private async Task<CommandResult> DecideAsync(TestDatabase database, Guid id, FrameworkDecision decision, string? reason = null, LivePackagesOutcome? live = null)
    {
        await using var db = database.NewContext(Commissioner, _clock);
        return await Service(db).DecideAsync(id, decision, reason, live, await VersionAsync(db, id), BaseUrl);
    }

    [SkippableTheory, AllDatabases]
    public async Task Registering_makes_the_organisation_with_the_person_as_its_administrator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Admin, _clock);
        await UserAsync(db, Admin.UserId!, "pat@sherwood.example", Roles.Provider);

        var organisation = await Service(db).RegisterAsync(Admin.UserId!, "  Sherwood Play ", "pat@sherwood.example");

        var member = await new OrganisationMembers(db).ForUserAsync(Admin.UserId!);
        member.ShouldBe(new OrganisationMember(organisation.Id, "Sherwood Play", FrameworkStatus.Registered, IsAdministrator: true));
        var change = await db.FrameworkStatusChanges.SingleAsync(c => c.OrganisationId == organisation.Id);
        (change.From, change.To, change.ByName).ShouldBe(((FrameworkStatus?)null, FrameworkStatus.Registered, "Pat Provider"));
    }

    [SkippableTheory, AllDatabases]
    public async Task An_application_is_refused_until_complete_then_sent_and_commissioning_is_emailed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Admin, _clock);
        await UserAsync(db, Commissioner.UserId!, "commissioning@council.example", Roles.CommissioningOfficer);
        await UserAsync(db, Admin.UserId!, "pat@sherwood.example", Roles.Provider);
        var service = Service(db);
        var bare = await service.RegisterAsync(Admin.UserId!, "Bare Org", "bare@org.example");

        var refused = await service.SubmitAsync(bare.Id, await VersionAsync(db, bare.Id), BaseUrl);

        refused.Succeeded.ShouldBeFalse();
        refused.Errors.Select(e => e.Field).Distinct().ShouldBe(
            [ApplicationSections.Organisation, ApplicationSections.Safeguarding, ApplicationSections.Insurance, ApplicationSections.Criteria, ApplicationSections.Services]);
        (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == bare.Id)).Status.ShouldBe(FrameworkStatus.Registered);

        db.Remove(await db.OrganisationUsers.SingleAsync(u => u.UserId == Admin.UserId));
        db.Users.Remove(await db.Users.SingleAsync(u => u.Id == Admin.UserId));
        await db.SaveChangesAsync();
        var organisation = await CompleteApplicationAsync(db);
        await SubmitAsync(database, organisation.Id);

        await using var check = database.NewContext(Admin, _clock);
        var stored = await check.Organisations.SingleAsync(o => o.Id == organisation.Id);
        stored.Status.ShouldBe(FrameworkStatus.Applied);
        var application = await check.FrameworkApplications.Include(a => a.Answers).SingleAsync(a => a.OrganisationId == organisation.Id);
        (application.Status, application.SubmittedByName, application.SchemeVersion).ShouldBe((FrameworkStatus.Applied, "Pat Provider", TestData.SchemeVersion));
        application.Answers.Count.ShouldBe(ShortBreaks.Core.Schemes.ProviderSettings.Defaults.FrameworkCriteria.Count);
        MailTo("office@sherwood.example").ShouldHaveSingleItem().Subject.ShouldNotBeNull().ShouldContain("We have your application");
        MailTo("commissioning@council.example").ShouldHaveSingleItem().TextBody.ShouldNotBeNull().ShouldContain($"{BaseUrl}/commissioning/providers/{organisation.Id}");
    }

    [SkippableTheory, AllDatabases]
    public async Task Approval_publishes_the_services_and_is_recorded_and_emailed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Admin, _clock))
        {
            var organisation = await CompleteApplicationAsync(db);
            await SubmitAsync(database, organisation.Id);
            (await DecideAsync(database, organisation.Id, FrameworkDecision.Approve)).Succeeded.ShouldBeTrue();
        }

        await using var check = database.NewContext(Admin, _clock);
        var stored = await check.Organisations.Include(o => o.Insurances).Include(o => o.Registrations).SingleAsync();
        stored.Status.ShouldBe(FrameworkStatus.Approved);
        stored.ApprovedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        (await check.Services.SingleAsync()).Status.ShouldBe(ServiceStatus.Active);
        (await check.FrameworkApplications.SingleAsync()).Status.ShouldBe(FrameworkStatus.Approved);
        var last = (await check.FrameworkStatusChanges.ToListAsync()).OrderBy(c => c.At).ThenBy(c => c.Id).Last();
        (last.From, last.To, last.ByUserId, last.ByName).ShouldBe((FrameworkStatus.Applied, FrameworkStatus.Approved, Commissioner.UserId, "Chris Commissioner"));
        MailTo("office@sherwood.example").Last().TextBody.ShouldNotBeNull().ShouldContain("We have approved your organisation");
        OrganisationRules.NewPackageRefusal(stored, ShortBreaks.Core.Schemes.ProviderSettings.Defaults, Today).ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task Asking_for_more_lets_the_organisation_change_and_send_again_and_decisions_need_reasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Admin, _clock))
        {
            id = (await CompleteApplicationAsync(db)).Id;
        }

        (await DecideAsync(database, id, FrameworkDecision.Approve)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Decision"); // not applied yet
        await SubmitAsync(database, id);
        await using (var db = database.NewContext(Admin, _clock))
        {
            // Nothing changes while commissioning decides.
            (await Service(db).SaveAnswersAsync(id, new Dictionary<string, string?> { ["training"] = "Changed" })).Errors.ShouldHaveSingleItem().Message.ShouldContain("with commissioning");
        }

        (await DecideAsync(database, id, FrameworkDecision.AskForMoreInformation, "  ")).Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        (await DecideAsync(database, id, FrameworkDecision.AskForMoreInformation, "Send your training records.")).Succeeded.ShouldBeTrue();
        MailTo("office@sherwood.example").Last().TextBody.ShouldNotBeNull().ShouldContain("Send your training records.");

        await using (var db = database.NewContext(Admin, _clock))
        {
            (await Service(db).SaveAnswersAsync(id, new Dictionary<string, string?> { ["training"] = "Moving and handling, medication, Makaton." })).Succeeded.ShouldBeTrue();
        }

        await SubmitAsync(database, id);
        await using var check = database.NewContext(Admin, _clock);
        (await check.Organisations.SingleAsync()).Status.ShouldBe(FrameworkStatus.Applied);
        var application = await check.FrameworkApplications.Include(a => a.Answers).SingleAsync();
        application.Answers.Single(a => a.CriterionId == "training").Answer.ShouldBe("Moving and handling, medication, Makaton.");
        (await check.FrameworkStatusChanges.CountAsync(c => c.To == FrameworkStatus.Applied)).ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task A_refused_organisation_can_apply_again_with_a_new_application(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Admin, _clock))
        {
            id = (await CompleteApplicationAsync(db)).Id;
        }

        await SubmitAsync(database, id);
        (await DecideAsync(database, id, FrameworkDecision.Refuse, "Your safeguarding policy is out of date.")).Succeeded.ShouldBeTrue();
        await using (var db = database.NewContext(Admin, _clock))
        {
            (await Service(db).SaveAnswersAsync(id, new Dictionary<string, string?> { ["safeguarding"] = "Reviewed last month." })).Succeeded.ShouldBeTrue();
        }

        await SubmitAsync(database, id);
        await using var check = database.NewContext(Admin, _clock);
        var applications = await check.FrameworkApplications.Include(a => a.Answers).OrderBy(a => a.Id).ToListAsync();
        applications.Select(a => a.Status).ShouldBe([FrameworkStatus.Refused, FrameworkStatus.Applied]);
        applications[1].Answers.Single(a => a.CriterionId == "safeguarding").Answer.ShouldBe("Reviewed last month.");
        applications[1].Answers.Count.ShouldBe(applications[0].Answers.Count);
    }

    [SkippableTheory, AllDatabases]
    public async Task Suspending_with_notice_ends_live_packages_through_the_package_rules_and_reinstating_reopens(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid organisationId, packageId, sentId;
        await using (var db = database.NewContext(Admin, _clock))
        {
            var child = await new TestData(db).CreateChildAsync();
            var other = await new TestData(db).CreateChildAsync();
            var package = TestData.AddPackageRows(db, child.Id, "a", Today);
            var sent = TestData.AddPackageRows(db, other.Id, "b", Today);
            sent.State = PackageState.Sent;
            sent.OrganisationId = package.OrganisationId;
            await db.SaveChangesAsync();
            (organisationId, packageId, sentId) = (package.OrganisationId!.Value, package.Id, sent.Id);
        }

        (await DecideAsync(database, organisationId, FrameworkDecision.Suspend, "Insurance lapsed.")).Errors.ShouldHaveSingleItem().Field.ShouldBe("LivePackages");
        (await DecideAsync(database, organisationId, FrameworkDecision.Suspend, "A safeguarding review.", LivePackagesOutcome.EndWithNotice)).Succeeded.ShouldBeTrue();

        await using (var check = database.NewContext(Admin, _clock))
        {
            var agreed = await check.Packages.SingleAsync(p => p.Id == packageId);
            (agreed.State, agreed.EndsOn, agreed.NoticeGivenOn).ShouldBe((PackageState.Ended, Today.AddDays(28), (DateOnly?)Today));
            (await check.Packages.SingleAsync(p => p.Id == sentId)).State.ShouldBe(PackageState.Ended);
            var move = await check.PackageStateChanges.SingleAsync(c => c.PackageId == packageId && c.To == PackageState.Ended);
            (move.From, move.By, move.ByName, move.Reason).ShouldBe(((PackageState?)PackageState.Accepted, PackageActor.Commissioning, "Chris Commissioner", "A safeguarding review."));
            var organisation = await check.Organisations.Include(o => o.Insurances).Include(o => o.Registrations).SingleAsync(o => o.Id == organisationId);
            organisation.Status.ShouldBe(FrameworkStatus.Suspended);
            OrganisationRules.NewPackageRefusal(organisation, ShortBreaks.Core.Schemes.ProviderSettings.Defaults, Today).ShouldNotBeNull().ShouldContain("suspended");
            (await check.Services.Where(s => s.OrganisationId == organisationId).Select(s => s.Status).SingleAsync()).ShouldBe(ServiceStatus.TemporarilyClosed);
            (await check.FrameworkStatusChanges.SingleAsync(c => c.OrganisationId == organisationId)).LivePackages.ShouldBe(LivePackagesOutcome.EndWithNotice);
        }

        (await DecideAsync(database, organisationId, FrameworkDecision.Reinstate, "Review closed.")).Succeeded.ShouldBeTrue();
        await using var after = database.NewContext(Admin, _clock);
        (await after.Organisations.SingleAsync(o => o.Id == organisationId)).Status.ShouldBe(FrameworkStatus.Approved);
        (await after.Services.Where(s => s.OrganisationId == organisationId).Select(s => s.Status).SingleAsync()).ShouldBe(ServiceStatus.Active);
    }

    [SkippableTheory, AllDatabases]
    public async Task Removing_and_letting_packages_carry_on_leaves_agreed_packages_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid organisationId, packageId;
        await using (var db = database.NewContext(Admin, _clock))
        {
            var child = await new TestData(db).CreateChildAsync();
            var package = TestData.AddPackageRows(db, child.Id, "a", Today);
            await db.SaveChangesAsync();
            (organisationId, packageId) = (package.OrganisationId!.Value, package.Id);
        }

        (await DecideAsync(database, organisationId, FrameworkDecision.Remove, "Stopped trading with children.", LivePackagesOutcome.Continue)).Succeeded.ShouldBeTrue();

        await using var check = database.NewContext(Admin, _clock);
        (await check.Packages.SingleAsync(p => p.Id == packageId)).State.ShouldBe(PackageState.Accepted);
        (await check.Organisations.SingleAsync(o => o.Id == organisationId)).Status.ShouldBe(FrameworkStatus.Removed);
        (await DecideAsync(database, organisationId, FrameworkDecision.Reinstate, "Oops")).Succeeded.ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_second_editor_of_the_details_is_told_and_the_first_change_is_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        long seen;
        await using (var db = database.NewContext(Admin, _clock))
        {
            id = (await CompleteApplicationAsync(db)).Id;
            seen = await VersionAsync(db, id);
        }

        OrganisationDetails Details(string phone) => new("Sherwood Play", "Sherwood Play CIC", "01234567", null, "office@sherwood.example", phone, null, null, "Mansfield", null, null);
        await using (var first = database.NewContext(Admin, _clock))
        {
            (await Service(first).SaveDetailsAsync(id, Details("01632 960001"), seen)).Succeeded.ShouldBeTrue();
        }

        await using (var second = database.NewContext(Admin, _clock))
        {
            var result = await Service(second).SaveDetailsAsync(id, Details("01632 960002"), seen);
            result.Conflict.ShouldBeTrue();
        }

        await using var check = database.NewContext(Admin, _clock);
        (await check.Organisations.SingleAsync()).Phone.ShouldBe("01632 960001");
    }

    [Theory]
    [InlineData("0123456", "CompaniesHouseNumber")]
    [InlineData("ABC12345", "CompaniesHouseNumber")]
    [InlineData("12345", "CharityNumber")]
    [InlineData("not an email", "Email")]
    [InlineData("https://", "Website")]
    [InlineData("ZZ", "Postcode")]
    public void Details_in_the_wrong_format_are_refused_by_field(string value, string field)
    {
        var details = new OrganisationDetails("A", "A Ltd", field == "CompaniesHouseNumber" ? value : "SC123456", field == "CharityNumber" ? value : "1123456",
            field == "Email" ? value : "a@b.example", "01632 960000", field == "Website" ? value : null, null, "Town", field == "Postcode" ? value : "NG1 1AA", null);

        FrameworkService.ValidateDetails(details).ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [SkippableTheory, AllDatabases]
    public async Task A_new_price_starts_from_its_day_and_an_agreed_package_keeps_its_price(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid organisationId, serviceId, lineId;
        await using (var db = database.NewContext(Admin, _clock))
        {
            var child = await new TestData(db).CreateChildAsync();
            var package = TestData.AddPackageRows(db, child.Id, "a", Today);
            await db.SaveChangesAsync();
            organisationId = package.OrganisationId!.Value;
            (serviceId, lineId) = (package.Lines[0].ServiceId, package.Lines[0].Id);
        }

        await using (var db = database.NewContext(Admin, _clock))
        {
            var service = Service(db);
            (await service.AddPriceAsync(organisationId, serviceId, new PriceDetails(PriceUnit.Hour, 18m, null, Today.AddDays(-1), null)))
                .Errors.ShouldHaveSingleItem().Field.ShouldBe("EffectiveFrom");
            (await service.AddPriceAsync(organisationId, serviceId, new PriceDetails(PriceUnit.Session, 18m, null, Today, null)))
                .Errors.ShouldHaveSingleItem().Field.ShouldBe("HoursEach");
            (await service.AddPriceAsync(organisationId, serviceId, new PriceDetails(PriceUnit.Hour, 18m, null, Today.AddMonths(1), null))).Succeeded.ShouldBeTrue();
        }

        await using var check = database.NewContext(Admin, _clock);
        var prices = await check.Set<ServicePrice>().Where(p => p.ServiceId == serviceId).ToListAsync();
        prices.Count.ShouldBe(2);
        ServicePrices.InForce(prices, Today)!.Amount.ShouldBe(16m);
        ServicePrices.InForce(prices, Today.AddMonths(1))!.Amount.ShouldBe(18m);
        (await check.PackageLines.SingleAsync(l => l.Id == lineId)).UnitPrice.ShouldBe(16m);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_last_administrator_cannot_be_removed_and_a_removed_user_loses_the_organisation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Admin, _clock);
        await UserAsync(db, Admin.UserId!, "pat@sherwood.example", Roles.Provider);
        await UserAsync(db, "worker-1", "wes@sherwood.example", Roles.Provider);
        var organisation = await Service(db).RegisterAsync(Admin.UserId!, "Sherwood Play", "office@sherwood.example");
        var team = new OrganisationTeam(db);

        (await team.AddAsync(organisation.Id, "worker-1", administrator: false)).Succeeded.ShouldBeTrue();
        (await team.AddAsync(organisation.Id, "worker-1", administrator: false)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Email");
        (await team.RemoveAsync(organisation.Id, Admin.UserId!)).Errors.ShouldHaveSingleItem().Message.ShouldContain("only administrator");
        (await team.MembersAsync(organisation.Id)).Select(m => (m.UserId, m.IsAdministrator)).ShouldBe([(Admin.UserId!, true), ("worker-1", false)]);

        (await team.RemoveAsync(organisation.Id, "worker-1")).Succeeded.ShouldBeTrue();

        (await new OrganisationMembers(db).ForUserAsync("worker-1")).ShouldBeNull();
        (await new OrganisationMembers(db).ForUserAsync(Admin.UserId!)).ShouldNotBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task Two_administrators_removing_each_other_at_once_leave_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Admin, _clock))
        {
            await UserAsync(db, Admin.UserId!, "pat@sherwood.example", Roles.Provider);
            await UserAsync(db, "admin-2", "ali@sherwood.example", Roles.Provider);
            id = (await Service(db).RegisterAsync(Admin.UserId!, "Sherwood Play", "office@sherwood.example")).Id;
            (await new OrganisationTeam(db).AddAsync(id, "admin-2", administrator: true)).Succeeded.ShouldBeTrue();
        }

        await using var first = database.NewContext(Admin, _clock);
        await using var second = database.NewContext(new Actor { UserId = "admin-2", Name = "Ali" }, _clock);
        // Both read the organisation before either saves.
        _ = await first.Organisations.SingleAsync(o => o.Id == id);
        _ = await second.Organisations.SingleAsync(o => o.Id == id);
        var a = await new OrganisationTeam(first).RemoveAsync(id, "admin-2");
        var b = await new OrganisationTeam(second).RemoveAsync(id, Admin.UserId!);

        a.Succeeded.ShouldBeTrue();
        b.Succeeded.ShouldBeFalse();
        await using var check = database.NewContext(Admin, _clock);
        (await check.OrganisationUsers.CountAsync(u => u.OrganisationId == id && u.IsAdministrator)).ShouldBe(1);
    }
}
