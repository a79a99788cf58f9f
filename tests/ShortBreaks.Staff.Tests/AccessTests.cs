using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

/// <summary>A real request, child, letter and evidence file, made once, so every staff address can be tried with real ids.</summary>
public sealed class StaffAddresses : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    public IReadOnlyList<string> Urls { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (request, child) = await Factory.Data.MatchedRequestAsync();
        var letterId = await Factory.Data.WithDbAsync(async db =>
        {
            var letter = new Core.Letters.Letter { ChildId = child.Id, RequestId = request.Id, Title = "A letter", BodyHtml = "<p>Hello</p>", CreatedAt = DateTime.UtcNow, VisibleToFamily = true };
            db.Letters.Add(letter);
            await db.SaveChangesAsync();
            return letter.Id;
        });
        var rasId = await Factory.Data.WithDbAsync(async db =>
        {
            var assessment = new Core.Ras.RasAssessment { ChildId = child.Id, AgeYears = 9, PhaseId = "primary", CreatedAt = DateTime.UtcNow, CreatedByUserId = "test" };
            db.RasAssessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment.Id;
        });
        var docId = await Factory.Data.WithDbAsync(db => db.EvidenceDocuments.Where(d => d.RequestId == request.Id).Select(d => d.Id).SingleAsync());
        Urls =
        [
            "/staff",
            "/staff/triage",
            "/staff/triage?channel=Online&page=2",
            "/staff/duty/new",
            $"/staff/requests/{request.Id}",
            $"/staff/requests/{request.Id}/evidence/{docId}",
            $"/staff/children/{child.Id}",
            $"/staff/children/{child.Id}/merge",
            $"/staff/children/{child.Id}/closure",
            $"/staff/children/{child.Id}/arrangements",
            $"/staff/children/{child.Id}/family/link",
            $"/staff/requests/{request.Id}/record",
            "/staff/search?q=smith",
            $"/staff/letters/{letterId}",
            $"/staff/children/{child.Id}/ras/start",
            $"/staff/children/{child.Id}/ras/{rasId}",
            $"/staff/children/{child.Id}/ras/{rasId}/answers/personal-care",
            $"/staff/children/{child.Id}/ras/{rasId}/answers/support",
            $"/staff/children/{child.Id}/ras/{rasId}/check",
        ];
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public class AccessTests(StaffAddresses addresses) : IClassFixture<StaffAddresses>
{
    private WebAppFactory Factory => addresses.Factory;

    [Fact]
    public async Task EveryStaffPage_SendsSomeoneNotSignedInToSignIn()
    {
        var browser = Factory.NewBrowser();
        foreach (var url in addresses.Urls)
        {
            var response = await browser.GetAsync(url);

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.PathAndQuery().ShouldStartWith("/account/sign-in?ReturnUrl=", customMessage: url);
        }
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.CommissioningOfficer)]
    public async Task EveryStaffPage_IsRefusedToAccountsThatAreNotCaseStaff(string role)
    {
        var (browser, _) = await Factory.SignedInAsAsync(role);
        foreach (var url in addresses.Urls)
        {
            var page = await browser.GetPageAsync(url);

            page.RedirectPath.ShouldNotBeNull(url);
            page.RedirectPath.ShouldStartWith("/access-denied", customMessage: url);
            var denied = await browser.FollowAsync(page);
            denied.Status.ShouldBe(HttpStatusCode.Forbidden, url);
            denied.Get("h1").TextContent.ShouldBe("You cannot see this page");
        }
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.Admin)]
    public async Task EveryStaffPage_OpensForDecidersAndAdministrators(string role)
    {
        var (browser, _) = await Factory.SignedInAsAsync(role);
        foreach (var url in addresses.Urls)
        {
            var response = await browser.GetAsync(url);

            // An administrator is case staff but not a decider, so is refused the decider-only pages.
            var deciderOnly = url.EndsWith("/merge") || url.EndsWith("/closure") || url.EndsWith("/arrangements") || url.EndsWith("/family/link") || url.EndsWith("/record") || url == "/staff/duty/new";
            if (role == Roles.Admin && deciderOnly) response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            else response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task PostsFromAccountsThatAreNotCaseStaff_AreRefused()
    {
        var (officer, _) = await Factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var requestUrl = addresses.Urls.Single(u => u.StartsWith("/staff/requests/") && !u.Contains("/evidence/") && !u.EndsWith("/record"));
        var officerPage = await officer.GetPageAsync(requestUrl);
        var version = officerPage.Get($"{StaffSteps.DecideForm} input[name=Version]").GetAttribute("value")!;
        var (family, _) = await Factory.SignedInAsAsync(Roles.Family);
        var familyPage = await family.GetPageAsync("/account/sign-in");

        var posted = await family.PostRawAsync(familyPage, requestUrl + "?handler=Decide",
            new() { ["Outcome"] = "Universal", ["Reasons"] = "Not allowed.", ["Version"] = version });

        posted.RedirectPath!.ShouldStartWith("/access-denied");
        (await Factory.Data.WithDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
