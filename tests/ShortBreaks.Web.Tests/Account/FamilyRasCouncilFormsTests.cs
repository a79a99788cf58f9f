using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>The family's wording of a result under a version written the way councils publish theirs (see <see cref="RasCouncilForms"/>).</summary>
public class FamilyRasCouncilFormsTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _app;
    private readonly RasScheme _forms;

    public FamilyRasCouncilFormsTests(WebAppFactory app)
    {
        _app = app;
        var catalog = app.Services.GetRequiredService<RasSchemeCatalog>();
        var forms = RasCouncilForms.From(catalog.Find("2026.1")!, new DateOnly(2026, 4, 2));
        _forms = forms with { ContentHash = RasSchemeCatalog.HashOf(forms) };
        catalog.Add(_forms);
    }

    /// <summary>A child aged 8 on the service, linked to the family account.</summary>
    private Task<Child> LinkedChildAsync(string familyUserId, string firstName = "Maya") =>
        _app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            var child = new Child
            {
                Reference = References.NewChild(),
                FirstName = firstName,
                LastName = "Example" + Guid.NewGuid().ToString("N")[..6],
                DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-8).AddDays(-30),
                AddressLine1 = "3 Sample Road",
                Town = "Demoton",
                Postcode = "DE1 1AA",
                CreatedAt = DateTime.UtcNow,
            };
            child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
            child.LastNameKey = MatchKeys.LastName(child.LastName);
            child.PostcodeKey = MatchKeys.Postcode(child.Postcode);
            db.Children.Add(child);
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return child;
        });

    [Fact]
    public async Task TheFamily_ReadsTheHoursWhatWasTakenOffAndThatTheyKeepTheBudgetWhileASocialWorkerAssesses()
    {
        var (browser, user) = await _app.SignedInAsAsync();
        var child = await LinkedChildAsync(user.Id);
        var officer = await _app.CreateUserAsync(Roles.PersonalisationOfficer);
        var id = await _app.WithServicesAsync(async s =>
        {
            var assessments = s.GetRequiredService<RasAssessmentService>();
            var assessment = await assessments.StartAsync(child.Id, 8, "primary");
            var answers = new RasAnswers
            {
                AgeYears = 8,
                PhaseId = "primary",
                Levels = RasCouncilForms.PrimaryLevels(_forms, lots: 28),
                FundedSupport = new Dictionary<string, decimal> { ["equipment"] = 250.50m, ["holiday-club"] = 10.6m },
            };
            (await assessments.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
            (await assessments.CompleteAsync(assessment, assessment.Version)).Errors.ShouldBeEmpty();
            return assessment.Id;
        }, officer.Id);

        var result = await browser.GetDocumentAsync($"/account/ras/{id}/result");

        result.GetElementById("indicative")!.TextContent.ShouldBe("The questions give an indicative budget of £2,600 a year.");
        result.GetElementById("result-hours")!.TextContent.ShouldBe("That is about 173 hours of short breaks a year, at £15 an hour.");
        result.GetElementById("funded-deducted")!.TextContent.ShouldBe("£400.50 a year of help that is already paid for has been taken off.");
        result.GetElementById("flagged-assessment")!.TextContent.ShouldContain("A social worker will also assess your child's needs with you. You keep this budget while that happens.");
        result.GetElementById("total-points").ShouldBeNull();
        var working = result.QuerySelectorAll("#working li").Select(li => li.TextContent).ToList();
        working.ShouldContain("Equipment already funded: £250.50 a year, which comes off, leaving £2,749.50.");
        working.ShouldContain("Before rounding the amount is £2,599.50; rounded up to a multiple of £1 it is £2,600.");
        working.Last().ShouldBe("Your child's indicative budget is £2,600 a year, which you keep while a social worker assesses your child's needs with you. It is a starting point for the plan, not the final word.");
    }
}
