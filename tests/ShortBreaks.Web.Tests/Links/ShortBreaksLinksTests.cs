using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Links;

/// <summary>
/// Every method of <see cref="ShortBreaksLinks"/> gives an address the app routes, so a page that moves or is renamed
/// fails here rather than leaving a broken link; and the addresses are written as the pages have always written them.
/// </summary>
public class ShortBreaksLinksTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    // Pages nobody links to: the error page is reached by the framework when something fails.
    private static readonly string[] PagesNotLinked = ["error"];

    private static readonly Guid ChildId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid OtherId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    public static TheoryData<string> LinkMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in Methods()) data.Add(Describe(method));
        return data;
    }

    [Theory]
    [MemberData(nameof(LinkMethods))]
    public void EveryLink_RoutesToAPageOrEndpointOfTheApp(string method)
    {
        var links = app.Services.GetRequiredService<ShortBreaksLinks>();
        var routes = Routes();

        foreach (var path in Call(links, Methods().Single(m => Describe(m) == method)))
        {
            path.ShouldStartWith("/");
            var pathOnly = path.Split('?', '#')[0];
            routes.Any(r => r.Matcher.TryMatch(new PathString(pathOnly), new RouteValueDictionary()))
                .ShouldBeTrue($"{method} gives {path}, which no page or endpoint answers");
        }
    }

    [Fact]
    public void EveryPage_HasALinkMethod()
    {
        var links = app.Services.GetRequiredService<ShortBreaksLinks>();
        var paths = Methods().SelectMany(m => Call(links, m)).Select(p => new PathString(p.Split('?', '#')[0])).ToList();

        var pages = Routes().Where(r => r.IsPage && !PagesNotLinked.Contains(r.Template)).ToList();

        pages.ShouldNotBeEmpty();
        foreach (var page in pages)
        {
            paths.Any(p => page.Matcher.TryMatch(p, new RouteValueDictionary()))
                .ShouldBeTrue($"No method of ShortBreaksLinks gives the page /{page.Template}");
        }
    }

    [Fact]
    public void Links_AreWrittenAsThePagesHaveAlwaysWrittenThem()
    {
        var links = app.Services.GetRequiredService<ShortBreaksLinks>();
        const string label = "2026-27 (draft) v2";
        var escaped = Uri.EscapeDataString(label);

        links.Home().ShouldBe("/");
        links.StaffChild(ChildId).ShouldBe($"/staff/children/{ChildId}");
        links.StaffChild(ChildId, merged: "C-0042").ShouldBe($"/staff/children/{ChildId}?merged=C-0042");
        links.StaffRequest(OtherId, done: "decided").ShouldBe($"/staff/requests/{OtherId}?done=decided");
        links.StaffChildLinkFamily(ChildId, OtherId).ShouldBe($"/staff/children/{ChildId}/family/link?requestId={OtherId}");
        links.StaffTriage().ShouldBe("/staff/triage");
        links.StaffTriage(channel: "DutyPoint", waiting: "Overdue", unmatched: true, page: 3)
            .ShouldBe("/staff/triage?channel=DutyPoint&waiting=Overdue&unmatched=true&page=3");
        links.StaffTriage(page: 1, saved: "R-0001").ShouldBe("/staff/triage?saved=R-0001");
        links.StaffPanel(2, new DateOnly(2026, 3, 4)).ShouldBe("/staff/panel?p=2&meeting=2026-03-04");
        links.StaffPlanPdf(ChildId, 3).ShouldBe($"/staff/children/{ChildId}/plan?handler=pdf&version=3");
        links.StaffPlanVersion(ChildId, 3).ShouldBe($"/staff/children/{ChildId}/plan/versions/3");
        links.StaffSubjectAccess().ShouldBe("/staff/subject-access");
        links.StaffScheduledWork().ShouldBe("/staff/scheduled-work");
        links.Messages().ShouldBe("/messages");
        links.Messages(page: 2, saved: "choice").ShouldBe("/messages?page=2&saved=choice");
        links.Messages(page: 1).ShouldBe("/messages");
        links.StaffSubjectAccessNew().ShouldBe("/staff/subject-access/new");
        links.StaffSubjectAccessRequest(OtherId, done: "saved").ShouldBe($"/staff/subject-access/{OtherId}?done=saved");
        links.StaffSubjectAccessDownload(OtherId).ShouldBe($"/staff/subject-access/{OtherId}?handler=download");
        links.ApplyStep(OtherId, RequestSteps.DateOfBirth, change: true).ShouldBe($"/apply/{OtherId}/date-of-birth?change=true");
        links.ApplyEvidenceHandler(OtherId, "upload", change: true).ShouldBe($"/apply/{OtherId}/evidence?handler=upload&change=true");
        links.ApplyStartForm().ShouldBe("/apply?handler=start");
        links.SignInToApply().ShouldBe("/account/sign-in?returnUrl=/apply");
        links.Authenticator("/staff").ShouldBe("/account/authenticator?returnUrl=%2Fstaff");
        links.TwoFactor(recovery: true, returnUrl: "/staff?x=1").ShouldBe("/account/two-factor?recovery=true&returnUrl=%2Fstaff%3Fx%3D1");
        links.ConfirmEmail("user 1", "abc-_", "/apply").ShouldBe("/account/confirm-email?userId=user%201&code=abc-_&returnUrl=%2Fapply");
        links.RatesVersion(label, saved: "changes").ShouldBe($"/rates/versions/{escaped}?saved=changes");
        links.RatesVersionPoints(label, "Early Years", "Mobility").ShouldBe($"/rates/versions/{escaped}/points/Early%20Years/Mobility");
        links.RatesVersionNew(from: label).ShouldBe($"/rates/versions/new?from={escaped}");
        links.RatesCalibrationTemplate(label, "answers").ShouldBe($"/rates/calibration/new?handler=Template&version={escaped}&format=answers");
        links.RatesVirtualBudgetRun(OtherId, 2).ShouldBe($"/rates/virtual-budgets/{OtherId}?p=2");
        links.StaffRasSection(ChildId, OtherId, "Communication").ShouldBe($"/staff/children/{ChildId}/ras/{OtherId}/answers/Communication");
        links.FamilyRasStart(ChildId).ShouldBe($"/account/ras/start/{ChildId}");
        links.ApiRequest(OtherId).ShouldBe($"/api/requests/{OtherId}");
        links.StaffPackage(ChildId, OtherId, done: "built").ShouldBe($"/staff/children/{ChildId}/packages/{OtherId}?done=built");
        links.FamilyPackages(ChildId).ShouldBe($"/account/packages/{ChildId}");
        // The renewal emails write these addresses themselves (RenewalEmails): they must stay the same.
        links.FamilyRenewal(ChildId).ShouldBe($"/account/renewal/{ChildId}");
        links.StaffRenewals().ShouldBe("/staff/renewals");
        links.StaffRenewal(OtherId, done: "decided").ShouldBe($"/staff/renewals/{OtherId}?done=decided");
        links.StaffComplaints(kind: "Appeal", show: "overdue", page: 2).ShouldBe("/staff/complaints?kind=Appeal&show=overdue&p=2");
        links.StaffComplaint(OtherId, done: "extended").ShouldBe($"/staff/complaints/{OtherId}?done=extended");
        links.FamilyComplaint(ChildId, OtherId).ShouldBe($"/account/children/{ChildId}/complaints/{OtherId}");
        links.ProviderAgreementPdf(OtherId).ShouldBe($"/provider/agreements/{OtherId}?handler=pdf");
    }

    private static IEnumerable<MethodInfo> Methods() =>
        typeof(ShortBreaksLinks).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(string))
            .OrderBy(Describe, StringComparer.Ordinal);

    private static string Describe(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    // Each method called with its optional parameters left out and with every one given, so each query string is made.
    private static IEnumerable<string> Call(ShortBreaksLinks links, MethodInfo method)
    {
        var parameters = method.GetParameters();
        foreach (var all in new[] { false, true })
        {
            var args = parameters.Select(p => p.IsOptional && !all ? p.DefaultValue : Sample(p)).ToArray();
            foreach (var forFamily in parameters.Any(p => p.Name == "forFamily") ? new[] { false, true } : [false])
            {
                if (forFamily) args[Array.FindIndex(parameters, p => p.Name == "forFamily")] = true;
                yield return (string)method.Invoke(links, args)!;
            }
        }
    }

    private static object? Sample(ParameterInfo p) => p.Name switch
    {
        "step" => RequestSteps.ChildName,
        "returnUrl" => "/staff",
        "childId" => ChildId,
        "forFamily" => false,
        _ => SampleOf(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType),
    };

    private static object SampleOf(Type type) =>
        type == typeof(Guid) ? OtherId
        : type == typeof(string) ? "Sample"
        : type == typeof(int) ? 2
        : type == typeof(bool) ? true
        : type == typeof(DateOnly) ? new DateOnly(2026, 3, 4)
        : type == typeof(ClaimsPrincipal) ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Family)], "Test"))
        : type == typeof(IList<string>) ? new List<string> { Roles.Family }
        : type == typeof(UnusedHoursQuery) ? new UnusedHoursQuery(2026, OtherId, "Sample", true, 2)
        : throw new InvalidOperationException($"No sample value for {type.Name}: add one here.");

    private sealed record Route(string Template, bool IsPage, TemplateMatcher Matcher);

    private List<Route> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e, Template: e.RoutePattern.RawText!.TrimStart('/')))
            .Select(x => new Route(x.Template, x.e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null,
                new TemplateMatcher(TemplateParser.Parse(x.Template), new RouteValueDictionary())))
            .ToList();

    [Fact]
    public void The_paths_core_notices_link_to_are_the_pages_own_links()
    {
        var links = app.Services.GetRequiredService<ShortBreaksLinks>();
        ShortBreaks.Core.Notifications.ServicePaths.FamilyAccount().ShouldBe(links.FamilyAccount());
        ShortBreaks.Core.Notifications.ServicePaths.FamilyLetter(OtherId).ShouldBe(links.FamilyLetter(OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.FamilyPlan(ChildId).ShouldBe(links.FamilyPlan(ChildId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffChild(ChildId).ShouldBe(links.StaffChild(ChildId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffPlan(ChildId).ShouldBe(links.StaffPlan(ChildId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffPanelItem(OtherId).ShouldBe(links.StaffPanelItem(OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffComplaint(OtherId).ShouldBe(links.StaffComplaint(OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.FamilyComplaint(ChildId, OtherId).ShouldBe(links.FamilyComplaint(ChildId, OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffReview(OtherId).ShouldBe(links.StaffReview(OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffReferral(OtherId).ShouldBe(links.StaffReferral(OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.FamilyReview(OtherId).ShouldBe(links.FamilyReview(OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffRasTasks(ChildId, OtherId).ShouldBe(links.StaffRasTasks(ChildId, OtherId));
        ShortBreaks.Core.Notifications.ServicePaths.StaffPlanEdit(ChildId).ShouldBe(links.StaffPlanEdit(ChildId));
    }
}
