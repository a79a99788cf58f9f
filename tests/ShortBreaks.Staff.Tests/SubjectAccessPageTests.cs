using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Schemes;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class SubjectAccessPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string NewUrl = "/staff/subject-access/new";
    private const string ListUrl = "/staff/subject-access";
    private const string LogForm = "main form[method=post]";
    private const string ChoicesForm = "form#choices";
    private const string ReleaseForm = "form#release";

    private static string RequestUrl(Guid id) => $"/staff/subject-access/{id}";

    private static Dictionary<string, string?> Received(DateOnly day, Dictionary<string, string?> values)
    {
        values["ReceivedOn-day"] = day.Day.ToString();
        values["ReceivedOn-month"] = day.Month.ToString();
        values["ReceivedOn-year"] = day.Year.ToString();
        return values;
    }

    private async Task<(PageClient Admin, Guid RequestId, PopulatedChild Child)> LoggedAboutAChildAsync()
    {
        var child = await factory.Data.PopulatedChildAsync();
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);
        var logged = await admin.SubmitAsync(await admin.GetPageAsync(NewUrl), LogForm, Received(factory.Data.Today, new()
        {
            ["Subject"] = "child", ["ChildReference"] = child.Child.Reference, ["RequestedBy"] = "Sam Patel, the child's mother", ["IdentityCheck"] = "Passport seen at the front desk",
        }));
        logged.RedirectPath.ShouldNotBeNull(string.Join("; ", logged.ErrorSummary()));
        var id = Guid.Parse(logged.RedirectPath!.Split('?')[0].Split('/').Last());
        return (admin, id, child);
    }

    /// <summary>Every listed item's choice on the review form: include, unless given.</summary>
    private static Dictionary<string, string?> Choose(Page page, Func<string, (string Choice, string? Reason)?>? special = null)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; page.Find($"input[name=key-{i}]") is { } key; i++)
        {
            var hint = page.Get($"#choice-{i}-hint").TextContent;
            var (choice, reason) = special?.Invoke(hint) ?? ("Include", null);
            values[$"choice-{i}"] = choice;
            values[$"reason-{i}"] = reason;
        }

        return values;
    }

    [Fact]
    public async Task AnAdministrator_LogsARequest_AndSeesItListedWithItsDueDate_AndAnOverdueOneFlagged()
    {
        var (admin, id, child) = await LoggedAboutAChildAsync();
        var late = await factory.Data.ChildAsync();
        var overdue = await admin.SubmitAsync(await admin.GetPageAsync(NewUrl), LogForm, Received(factory.Data.Today.AddDays(-40), new()
        {
            ["Subject"] = "child", ["ChildReference"] = late.Reference, ["RequestedBy"] = "A solicitor for the family", ["IdentityCheck"] = "Signed authority from the mother",
        }));
        overdue.RedirectPath.ShouldNotBeNull();

        var list = await admin.GetPageAsync(ListUrl);
        var shown = await admin.GetPageAsync(RequestUrl(id));

        var due = SubjectAccessDates.DueOn(factory.Data.Today, SubjectAccessSettings.Defaults);
        var rows = list.Html.QuerySelectorAll("#open-requests tbody tr").ToList();
        var row = rows.Single(r => r.TextContent.Contains(child.Child.Reference));
        row.TextContent.ShouldContain(due.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        row.TextContent.ShouldNotContain("Overdue");
        rows.Single(r => r.TextContent.Contains(late.Reference)).TextContent.ShouldContain("Overdue");
        shown.Get("#subject").TextContent.ShouldContain(child.Child.Reference);
    }

    [Fact]
    public async Task GarbageInput_GetsGovUkErrors_AndLogsNothing()
    {
        var family = await factory.CreateUserAsync(Roles.Family);
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);
        var page = await admin.GetPageAsync(NewUrl);
        var before = await factory.Data.WithDbAsync(db => db.SubjectAccessRequests.CountAsync());

        var nothing = await admin.SubmitAsync(page, LogForm, new() { ["ReceivedOn-day"] = "", ["ReceivedOn-month"] = "", ["ReceivedOn-year"] = "" });
        var unknown = await admin.SubmitAsync(page, LogForm, new()
        {
            ["Subject"] = "child", ["ChildReference"] = "C-NOPE-NOPE", ["RequestedBy"] = "Sam", ["IdentityCheck"] = "Passport",
            ["ReceivedOn-day"] = "31", ["ReceivedOn-month"] = "2", ["ReceivedOn-year"] = "2026",
        });
        var badEmail = await admin.SubmitAsync(page, LogForm, new()
        {
            ["Subject"] = "family", ["Email"] = "not an email", ["RequestedBy"] = new string('x', 301), ["IdentityCheck"] = "Passport",
            ["ReceivedOn-day"] = "abc", ["ReceivedOn-month"] = "1", ["ReceivedOn-year"] = "2026",
        });
        var future = await admin.SubmitAsync(page, LogForm, Received(factory.Data.Today.AddDays(3), new()
        {
            ["Subject"] = "family", ["Email"] = family.Email, ["RequestedBy"] = "Sam", ["IdentityCheck"] = "Passport",
        }));
        var strange = await admin.SubmitAsync(page, LogForm, Received(factory.Data.Today, new()
        {
            ["Subject"] = "everyone", ["RequestedBy"] = "Sam", ["IdentityCheck"] = "Passport",
        }));

        nothing.Html.Title!.ShouldStartWith("Error: ");
        nothing.ErrorSummary().ShouldBe(["Choose whether the request is about a child or a family member", "Enter who made the request",
            "Enter how you checked the identity of the person who asked", "Enter the date the request was received"]);
        unknown.ErrorSummary().ShouldBe(["No child has this reference: check it, for example C-7KQ2-M9XD", "The date the request was received must be a real date"]);
        unknown.Get("#ChildReference-error").TextContent.ShouldContain("No child has this reference");
        badEmail.ErrorSummary().ShouldBe(["Enter an email address in the correct format, like name@example.com", "Who made the request must be 300 characters or fewer",
            "The date the request was received must be a real date"]);
        future.ErrorSummary().ShouldBe(["The date the request was received must be today or in the past"]);
        strange.ErrorSummary().ShouldBe(["Choose whether the request is about a child or a family member"]);
        nothing.Html.QuerySelector(".govuk-error-summary a[href='#Subject-child']").ShouldNotBeNull();
        foreach (var p in new[] { nothing, unknown, badEmail, future, strange }) p.Status.ShouldBe(HttpStatusCode.OK);
        (await factory.Data.WithDbAsync(db => db.SubjectAccessRequests.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task OnlyAnAdministrator_MayOpenThePages_AFamilyAndOfficersAreRefused()
    {
        var (_, id, _) = await LoggedAboutAChildAsync();
        var urls = new[] { ListUrl, NewUrl, RequestUrl(id), RequestUrl(id) + "?handler=download" };

        foreach (var role in new[] { Roles.Family, Roles.PersonalisationOfficer, Roles.TeamManager, Roles.ReviewingOfficer, Roles.FinanceOfficer })
        {
            var (browser, _) = await factory.SignedInAsAsync(role);
            foreach (var url in urls)
            {
                var page = await browser.GetPageAsync(url);
                page.RedirectPath.ShouldNotBeNull($"{role} {url}");
                page.RedirectPath.ShouldStartWith("/access-denied", customMessage: $"{role} {url}");
            }
        }

        var anonymous = factory.NewBrowser();
        foreach (var url in urls) (await anonymous.GetPageAsync(url)).RedirectPath!.ShouldStartWith("/account/sign-in");
        var (officer, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var posted = await officer.PostRawAsync(await officer.GetPageAsync("/staff"), RequestUrl(id) + "?handler=Release", new() { ["SeenVersion"] = "1" });
        posted.RedirectPath!.ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.SubjectAccessRequests.SingleAsync(s => s.Id == id))).Status.ShouldBe(SubjectAccessStatus.Open);
    }

    [Fact]
    public async Task ReleaseIsRefusedUntilEveryItemIsDecided_ThenTheAnswerDownloads_AndEachViewAndDownloadIsAudited()
    {
        var (admin, id, child) = await LoggedAboutAChildAsync();
        var page = await admin.GetPageAsync(RequestUrl(id));
        page.Html.QuerySelectorAll("input[name^=key-]").Length.ShouldBeGreaterThan(5);

        var refused = await admin.SubmitAsync(page, ReleaseForm, []);
        refused.ErrorSummary().Single().ShouldStartWith("Choose whether to include, redact or withhold every listed item before release:");

        var noReason = await admin.SubmitAsync(page, ChoicesForm, Choose(page, hint => hint.Contains(child.SiblingDetails) ? ("Withhold", null) : null));
        noReason.ErrorSummary().Single().ShouldMatch(@"Enter the reason for withholding item \d+");
        noReason.Html.QuerySelector(".govuk-error-summary a[href^='#reason-']").ShouldNotBeNull();

        var saved = await admin.SubmitAsync(page, ChoicesForm, Choose(page, hint => hint.Contains(child.SiblingDetails) ? ("Redact", "Names a sibling") : null));
        saved.RedirectPath.ShouldNotBeNull(string.Join("; ", saved.ErrorSummary()));
        var reviewed = await admin.FollowAsync(saved);
        reviewed.Find("#undecided").ShouldBeNull();
        var released = await admin.FollowAsync(await admin.SubmitAsync(reviewed, ReleaseForm, []));
        released.Get("#status").TextContent.ShouldStartWith("Released on");

        var download = await admin.GetAsync(released.Get("#download").GetAttribute("href")!);

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
        await using var zipStream = await download.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        zip.GetEntry(SubjectArchive.IndexPath).ShouldNotBeNull();
        zip.GetEntry(SubjectArchive.ManifestPath).ShouldNotBeNull();
        var audit = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(SubjectAccessRequest) && a.EntityId == id.ToString()).ToListAsync());
        audit.ShouldAllBe(a => a.ChildId == child.Child.Id);
        audit.Select(a => a.Action).Distinct().Order().ShouldBe(["create", "download", "release", "update", "view"]);
        audit.Count(a => a.Action == "view").ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task TwoAdministratorsReviewingAtOnce_TheSecondIsToldAndNothingOfTheirsIsSaved()
    {
        var (first, id, child) = await LoggedAboutAChildAsync();
        var (second, _) = await factory.SignedInAsAsync(Roles.Admin);
        var firstPage = await first.GetPageAsync(RequestUrl(id));
        var secondPage = await second.GetPageAsync(RequestUrl(id));

        (await first.SubmitAsync(firstPage, ChoicesForm, Choose(firstPage))).RedirectPath.ShouldNotBeNull();
        var late = await second.SubmitAsync(secondPage, ChoicesForm, Choose(secondPage, _ => ("Withhold", "About someone else")));
        var lateRelease = await second.SubmitAsync(secondPage, ReleaseForm, []);

        late.ErrorSummary().Single().ShouldStartWith("Another administrator saved choices for this request while you were working on it.");
        lateRelease.ErrorSummary().Single().ShouldStartWith("Another administrator changed this request while you were working on it");
        var choices = await factory.Data.WithDbAsync(db => db.SubjectAccessChoices.Where(c => c.RequestId == id).ToListAsync());
        choices.ShouldAllBe(c => c.Choice == ReleaseChoice.Include);
        choices.Count.ShouldBe(firstPage.Html.QuerySelectorAll("input[name^=key-]").Length);
    }

    [Fact]
    public async Task AnUnknownRequest_Is404_AndADownloadBeforeReleaseGoesBackToTheReview()
    {
        var (admin, id, _) = await LoggedAboutAChildAsync();

        (await admin.GetPageAsync(RequestUrl(Guid.NewGuid()))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetPageAsync(RequestUrl(id) + "?handler=download")).RedirectPath.ShouldBe(RequestUrl(id));
    }
}
