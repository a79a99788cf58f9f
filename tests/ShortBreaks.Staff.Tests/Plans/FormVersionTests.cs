using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>
/// Every form that carries a record's concurrency version refuses a post without one, or with one that is not a
/// number, and changes nothing: it never assumes the current version.
/// </summary>
public class FormVersionTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    public static readonly TheoryData<string?> BadVersions = new() { null, "not-a-number" };

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task TheTierMovePage_RefusesAMissingOrBrokenVersion(string? seen)
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Tier.TargetedShortBreaks);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/move");

        var refused = await officer.SubmitAsync(page, "main form", new() { ["Move"] = "Closure", ["Reason"] = "Family moved away.", ["SeenVersion"] = seen });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe([FormVersion.Missing]);
        (await factory.Data.WithDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id))).Tier.ShouldBe(Tier.TargetedShortBreaks);
        (await officer.SubmitAsync(page, "main form", new() { ["Move"] = "Closure", ["Reason"] = "Family moved away." })).Status.ShouldBe(HttpStatusCode.Redirect, "the form as sent by the page works");
    }

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task ThePlanPages_RefuseAMissingOrBrokenVersion_ToChangeAgreeOrDecide(string? seen)
    {
        var (child, planId) = await factory.StepDownDraftAsync();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var edit = await manager.GetPageAsync($"/staff/children/{child.Id}/plan/edit");
        var changed = await manager.SubmitAsync(edit, "main form[method=post]:not([action])", new() { ["ChangeSummary"] = "Four hours.", ["Form.Lines[0].Quantity"] = "4", ["Action"] = "save", ["SeenVersion"] = seen });
        changed.ErrorSummary().ShouldBe([FormVersion.Missing]);

        var plan = await manager.GetPageAsync($"/staff/children/{child.Id}/plan");
        var agreed = await manager.SubmitAsync(plan, "main form[action*='handler=Agree']", new() { ["SeenVersion"] = seen });
        agreed.Status.ShouldBe(HttpStatusCode.OK);
        agreed.ErrorSummary().ShouldBe([FormVersion.Missing]);

        var version = await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId));
        version.OfficerAgreedAt.ShouldBeNull();
        (await factory.Data.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.PlanId == planId))).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task TheManagersDecision_RefusesAMissingOrBrokenVersion(string? seen)
    {
        var (child, _) = await factory.AssessedChildAsync(Tier.TargetedShortBreaks);
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var planId = await WithServicesAsync(async (plans, approvals, db) =>
        {
            var (plan, started) = await plans.StartAsync(child.Id, PlanPurpose.Targeted, null, PlanSteps.Content(1));
            started.Errors.ShouldBeEmpty();
            var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id);
            (await approvals.AgreeAsync(version.Id, true, await db.SupportPlans.AsNoTracking().Where(p => p.Id == plan!.Id).Select(p => p.Version).SingleAsync())).Errors.ShouldBeEmpty();
            (await approvals.AgreeAsync(version.Id, false, await db.SupportPlans.AsNoTracking().Where(p => p.Id == plan!.Id).Select(p => p.Version).SingleAsync())).Errors.ShouldBeEmpty();
            return plan!.Id;
        });
        var page = await manager.GetPageAsync($"/staff/children/{child.Id}/plan");

        var refused = await manager.SubmitAsync(page, "main form[action*='handler=Decide']", new() { ["Approve"] = "true", ["Reasons"] = "Fine.", ["SeenVersion"] = seen });

        refused.ErrorSummary().ShouldBe([FormVersion.Missing]);
        (await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId))).Status.ShouldBe(PlanVersionStatus.AwaitingApproval);
    }

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task ThePanelDecision_RefusesAMissingOrBrokenVersion(string? seen)
    {
        var stepUp = await factory.StepUpAwaitingPanelAsync();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var item = await manager.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}");

        var refused = await manager.SubmitAsync(item, "main form[action*='handler=Decide']", new() { ["Outcome"] = "Approved", ["Reasons"] = "Fine.", ["SeenVersion"] = seen });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe([FormVersion.Missing]);
        (await factory.Data.WithDbAsync(db => db.PanelItems.AsNoTracking().SingleAsync(p => p.Id == stepUp.PanelItemId))).Status.ShouldBe(PanelItemStatus.Awaiting);
    }

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task TheRasAnswers_RefuseAMissingOrBrokenVersion(string? seen)
    {
        var child = await factory.Data.ChildAsync(c => c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-8).AddDays(-20));
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var started = await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/ras/start"), "main form[method=post]", new());
        var id = Guid.Parse(started.RedirectPath!.Split('/').Last());
        var domain = factory.Services.GetRequiredService<RasSchemeCatalog>().Find("2026.1")!.Phases.Single(p => p.Id == "primary").Questionnaire.Domains[0];
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/ras/{id}/answers/{domain.Id}");
        var answers = domain.Questions.ToDictionary(q => "q-" + q.Id, _ => (string?)"some");
        answers["Version"] = seen;

        var refused = await officer.SubmitAsync(page, "main form[method=post]", answers);

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldNotBeEmpty();
        (await factory.Data.WithDbAsync(db => db.RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id))).LevelsJson.ShouldNotContain("some");
    }

    [Fact]
    public async Task TheServiceBudget_RefusesAChangeWithoutTheVersionSeen()
    {
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        var year = FinancialYears.Of(UkCalendar.DateOf(DateTime.UtcNow)) + 3;
        var fresh = await finance.GetPageAsync($"/rates/virtual-budgets/service-budget?year={year}");
        (await finance.SubmitAsync(fresh, "main form[method=post]", new() { ["Amount"] = "4000000" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await finance.GetPageAsync($"/rates/virtual-budgets/service-budget?year={year}");

        foreach (var seen in new string?[] { null, "not-a-number" })
        {
            var refused = await finance.SubmitAsync(page, "main form[method=post]", new() { ["Amount"] = "9000000", ["VersionSeen"] = seen });
            refused.Status.ShouldBe(HttpStatusCode.OK);
            refused.ErrorSummary().ShouldNotBeEmpty();
        }

        (await factory.Data.WithDbAsync(db => db.ServiceBudgets.AsNoTracking().SingleAsync(b => b.FinancialYear == year))).Amount.ShouldBe(4_000_000m);
    }

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task ADraftRasVersion_RefusesAChangeWithoutTheVersionSeen(string? seen)
    {
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);
        var label = "fv" + Guid.NewGuid().ToString("N")[..8];
        var from = UkCalendar.DateOf(DateTime.UtcNow).AddDays(400 + Random.Shared.Next(0, 20000));
        var created = await admin.SubmitAsync(await admin.GetPageAsync("/rates/versions/new?from=2026.1"), "main form", new()
        {
            ["NewLabel"] = label, ["Notes"] = "Before", ["EffectiveFrom-day"] = from.Day.ToString(), ["EffectiveFrom-month"] = from.Month.ToString(), ["EffectiveFrom-year"] = from.Year.ToString(),
        });
        created.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(created.Text));
        var details = await admin.GetPageAsync($"/rates/versions/{label}/details");

        var refused = await admin.SubmitAsync(details, "main form", new() { ["Notes"] = "After", ["SeenVersion"] = seen });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldNotBeEmpty();
        (await factory.Data.WithDbAsync(db => db.RasVersions.AsNoTracking().SingleAsync(v => v.Label == label))).Notes.ShouldBe("Before");
    }

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task SavingACalibrationAsADraft_RefusesAMissingOrBrokenVersion(string? seen)
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.CommissioningOfficer);
        var ras = factory.Services.GetRequiredService<RasSchemeCatalog>().Find(TestData.SchemeVersion)!;
        var csv = CalibrationSample.ToCsv(ras, CalibrationSample.Generate(ras, 40, 2025, CalibrationSample.RealisticCost));
        var form = await browser.GetPageAsync("/rates/calibration/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.Get("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]").GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(TestData.SchemeVersion), "BaseVersion" },
            { new StringContent(CalibrationOptions.Bands), "Method" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "packages.csv" },
        };
        using var posted = await browser.PostAsync("/rates/calibration/new", content);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var report = await browser.GetPageAsync(posted.Headers.Location!.OriginalString);
        var label = "fv" + Guid.NewGuid().ToString("N")[..8];

        var refused = await browser.SubmitAsync(report, "form[action*='handler=SaveDraft']", new()
        {
            ["Label"] = label, ["EffectiveFrom-day"] = "1", ["EffectiveFrom-month"] = "4", ["EffectiveFrom-year"] = "2031", ["RunVersion"] = seen,
        });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldNotBeEmpty();
        (await factory.Data.WithDbAsync(db => db.RasVersions.AnyAsync(v => v.Label == label))).ShouldBeFalse();
    }

    private async Task<T> WithServicesAsync<T>(Func<PlanService, PlanApprovalService, Core.Data.ShortBreaksDbContext, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Core.Auditing.Actor>();
        actor.UserId = "officer-1";
        actor.Name = "Amira Hughes";
        return await action(scope.ServiceProvider.GetRequiredService<PlanService>(), scope.ServiceProvider.GetRequiredService<PlanApprovalService>(),
            scope.ServiceProvider.GetRequiredService<Core.Data.ShortBreaksDbContext>());
    }
}
