using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Staff.Tests;

/// <summary>A real child with a request, an evidence file, a letter, a RAS assessment and a panel item, for every route to be tried with.</summary>
public sealed class ChildRecords : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    public Guid ChildId { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid DocumentId { get; private set; }
    public Guid LetterId { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid PanelItemId { get; private set; }
    public Guid PackageId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public DateOnly PackageMonth { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid RenewalId { get; private set; }
    public Guid DirectPaymentId { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid StatementLineId { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public Guid ReferralId { get; private set; }

    public async Task InitializeAsync()
    {
        var (request, child) = await Factory.Data.MatchedRequestAsync();
        (ChildId, RequestId) = (child.Id, request.Id);
        await Factory.Data.WithDbAsync(async db =>
        {
            var letter = new Core.Letters.Letter { ChildId = child.Id, RequestId = request.Id, Title = "A letter", BodyHtml = "<p>Hello</p>", CreatedAt = DateTime.UtcNow, VisibleToFamily = true };
            var assessment = new Core.Ras.RasAssessment { ChildId = child.Id, AgeYears = 9, PhaseId = "primary", CreatedAt = DateTime.UtcNow, CreatedByUserId = "test" };
            var item = new PanelItem { ChildId = child.Id, Kind = PanelItemKind.EntryToTargeted, Status = PanelItemStatus.Awaiting };
            db.AddRange(letter, assessment, item);
            var package = TestData.AddPackageRows(db, child.Id, "routes", UkCalendar.DateOf(DateTime.UtcNow));
            ComplaintId = TestData.AddComplaintRows(db, child.Id, "routes", UkCalendar.DateOf(DateTime.UtcNow)).Id;
            var directPayment = TestData.AddMonitoringRows(db, child.Id, "routes", UkCalendar.DateOf(DateTime.UtcNow));
            directPayment.BodyHtml = "<p>Agreement</p>";
            var account = new Core.DirectPayments.DirectPaymentAccount { DirectPaymentId = directPayment.Id, ChildId = child.Id, AccountName = "A parent", SortCode = "309430", AccountNumber = "00733445", CreatedAt = DateTime.UtcNow, CreatedByUserId = "someone", CreatedByName = "Someone" };
            db.Add(account);
            AccountId = account.Id;
            var review = new Core.Reviews.Review { ChildId = child.Id, Kind = Core.Plans.ReviewKind.Annual, DueOn = UkCalendar.DateOf(DateTime.UtcNow), State = Core.Reviews.ReviewState.Due, CreatedAt = DateTime.UtcNow };
            db.Add(review);
            ReviewId = review.Id;
            var referral = new Referral { ChildId = child.Id, Kind = ReferralKind.SocialCare, Reasons = "A referral", ReferredAt = DateTime.UtcNow, ReferredByUserId = "someone", ReferredByName = "Someone" };
            db.Add(referral);
            ReferralId = referral.Id;
            await db.SaveChangesAsync();
            DirectPaymentId = directPayment.Id;
            StatementLineId = db.StatementLines.Local.Single(l => l.DirectPaymentId == directPayment.Id).Id;
            (PackageId, OrganisationId) = (package.Id, package.OrganisationId!.Value);
            var delivery = db.DeliveryReturns.Local.Single(r => r.PackageId == package.Id);
            (PackageMonth, SessionId) = (delivery.Month, delivery.Sessions[0].Id);
            RenewalId = db.FsbRenewals.Local.Single(r => r.ChildId == child.Id).Id;
            (LetterId, AssessmentId, PanelItemId) = (letter.Id, assessment.Id, item.Id);
            DocumentId = db.EvidenceDocuments.Where(d => d.RequestId == request.Id).Select(d => d.Id).Single();
        });
    }

    /// <summary>The route with every parameter filled from the records above.</summary>
    public string Url(RouteEndpoint endpoint)
    {
        var check = endpoint.Metadata.GetMetadata<ChildAccessAttribute>();
        return Regex.Replace(RouteAccessTests.Pattern(endpoint), @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "id" when check?.Record == ChildRecordKind.Request => RequestId.ToString(),
            "id" when check?.Record == ChildRecordKind.Letter => LetterId.ToString(),
            "id" when check?.Record == ChildRecordKind.PanelItem => PanelItemId.ToString(),
            "id" or "childid" => ChildId.ToString(),
            "assessmentid" => AssessmentId.ToString(),
            "packageid" => PackageId.ToString(),
            "month" => Core.Providers.DeliveryRules.MonthKey(PackageMonth),
            "sessionid" => SessionId.ToString(),
            "renewalid" => RenewalId.ToString(),
            "reviewid" => ReviewId.ToString(),
            "directpaymentid" => DirectPaymentId.ToString(),
            "accountid" => AccountId.ToString(),
            "lineid" => StatementLineId.ToString(),
            "complaintid" => ComplaintId.ToString(),
            "referralid" => ReferralId.ToString(),
            "letterid" => LetterId.ToString(),
            "docid" or "documentid" => DocumentId.ToString(),
            "section" => "personal-care",
            "number" => "1",
            var other => throw new InvalidOperationException($"No value for {{{other}}} in {endpoint.RoutePattern.RawText}: add one here."),
        });
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Walks every route of the application: each one that shows or changes a child's data asks the access handler
/// (<see cref="ChildAccessHandler"/>) about that child, and nobody else's child can be probed through it.
/// </summary>
public class RouteAccessTests(ChildRecords records) : IClassFixture<ChildRecords>
{
    /// <summary>Routes that show nothing of any one child, so ask nothing. A new route with an id must be added here or carry the check.</summary>
    private static readonly HashSet<string> NeedNoChild =
    [
        "/", "/access-denied", "/error", "/health", "/health/live", "/health/ready", "/openapi/{documentName}.json",
        "/account/sign-in", "/account/sign-out", "/account/register", "/account/check-email", "/account/confirm-email",
        "/account/confirm-email/resend", "/account/forgot-password", "/account/reset-password", "/account/authenticator",
        "/account/two-factor", "/account",
        "/apply",
        "/api/requests/", "/api/ras/score",
        // Lists over many children, each filtered by who may see which child; an allocation names its children in the
        // body, each checked by the caseload service as the page's form is.
        "/api/reviews/", "/api/referrals/", "/api/complaints/", "/api/caseloads/", "/api/caseloads/children", "/api/caseloads/allocations",
        "/staff", "/staff/triage", "/staff/search", "/staff/duty/new", "/staff/panel", "/staff/adult-transfers",
        "/staff/retention", "/staff/retention/{id:guid}", "/staff/retention/{id:guid}/items/{itemId:guid}/keep",
        // Caseloads for managers (Policies.Manager): counts by worker, and lists of children narrowed by ChildVisibility, each
        // child listed audited as a view; staff teams for administrators (Policies.Admin). CaseloadPageTests proves who is refused.
        "/staff/caseloads", "/staff/caseloads/capacity", "/staff/caseloads/children", "/staff/teams", "/staff/teams/{userId}",
        // The renewal queue lists every child's renewal to case staff only (the Staff folder's policy); each renewal's page checks its child.
        "/staff/renewals",
        // Referrals to social care for managers (Policies.Manager), narrowed by ChildVisibility; each referral's page checks its child.
        "/staff/referrals",
        // The reviews worklist lists reviews to case staff only (the Staff folder's policy); each review's page checks its child.
        "/staff/reviews",
        // The complaints list shows case staff only the cases they may see (ComplaintAccess: handlers and managers, never a
        // worker a complaint names); each case's page checks its child and that rule. ComplaintPageTests proves who is refused.
        "/staff/complaints",
        // Administrators only (Policies.Admin): a request may be about a family member rather than a child, and the
        // administrator answering it must see the whole record; SubjectAccessPageTests proves who is refused.
        "/staff/subject-access", "/staff/subject-access/new", "/staff/subject-access/{id:guid}",
        // Scheduled jobs and the outbox's counts, for administrators only (Policies.Admin): no child named. And each
        // person's own tasks and messages, read by the signed-in account only; MessagesPageTests proves it.
        "/staff/scheduled-work", "/messages",
        "/rates", "/rates/versions", "/rates/versions/new", "/rates/versions/{label}", "/rates/versions/{label}/details",
        "/rates/versions/{label}/publish", "/rates/versions/{label}/delete", "/rates/versions/{label}/upload",
        "/rates/versions/{label}/money/{phaseId}", "/rates/versions/{label}/points/{phaseId}/{domainId}",
        "/rates/calibration", "/rates/calibration/new", "/rates/calibration/{id:guid}",
        "/rates/virtual-budgets", "/rates/virtual-budgets/start", "/rates/virtual-budgets/service-budget", "/rates/virtual-budgets/{id:guid}",
        "/commissioning", "/provider",
        // The organisation's own lists: ProviderChildAccess filters them, and ProviderDeliveryPageTests proves it.
        "/provider/children", "/provider/returns", "/api/provider/children",
        // The provider framework: an organisation's own application (each page finds the organisation the user acts
        // for, never one named in the address) and commissioning's view of it; FrameworkPageTests proves who is refused.
        "/join", "/provider/application", "/provider/application/organisation", "/provider/application/safeguarding",
        "/provider/application/registrations", "/provider/application/insurance", "/provider/application/criteria",
        "/provider/application/documents", "/provider/application/documents/{fileId:guid}", "/provider/application/check",
        "/provider/services", "/provider/services/edit/{serviceId:guid?}", "/provider/services/{serviceId:guid}/prices",
        "/provider/users", "/provider/users/add",
        "/commissioning/providers", "/commissioning/providers/{id:guid}", "/commissioning/providers/{id:guid}/documents/{fileId:guid}",
        // The unused-hours report lists many children for commissioning and case staff (folder policies), like the triage
        // queue; each child shown is audited as a view, and UnusedHoursPageTests proves who is refused.
        "/commissioning/unused-hours", "/staff/unused-hours",
        // Direct payment monitoring lists every account to finance officers and case staff (the folder's policy); each
        // account listed is audited as a view, each account's page checks its child, and MonitoringPageTests proves who is refused.
        "/finance/direct-payments", "/finance/direct-payments/audits",
        // A provider's own agreements, filtered by ProviderChildAccess; PackagePagesTests proves another provider gets 404.
        "/provider/agreements",
        // Provider invoices and payment runs, for finance officers only (Policies.Finance): they hold money, never case notes,
        // and each view of a child's payments or invoice lines is audited; a provider's own invoices are found only through
        // the organisation it acts for. FinancePageTests proves who is refused.
        "/finance", "/finance/invoices", "/finance/invoices/{id:guid}", "/finance/payment-runs", "/finance/payment-runs/{id:guid}",
        "/finance/payment-runs/{id:guid}/file", "/provider/invoices", "/provider/invoices/{id:guid}", "/provider/invoices/new",
        // The same through the API: runs and every provider's invoices for finance officers only (Policies.Finance), a
        // provider's own invoices found only through the organisation it acts for; MoneyApiTests proves who is refused.
        "/api/finance/payment-runs", "/api/finance/payment-runs/{id:guid}", "/api/finance/invoices", "/api/finance/invoices/{id:guid}",
        "/api/provider/invoices/", "/api/provider/invoices/{id:guid}",
        // Budget monitoring, for finance officers, managers and administrators (Policies.BudgetMonitoring): money by budget
        // head and month, never a child; the heads' budgets are set by finance officers and administrators only
        // (VirtualBudgetPolicies.ServiceBudget). BudgetPageTests proves who is refused.
        "/finance/budget", "/finance/budget/heads",
        // The Local Offer directory and its Open Referral UK feed: listed services only, open to anyone; and its import.
        "/local-offer", "/local-offer/services/{id:guid}", "/commissioning/directory/import",
        "/oruk/", "/oruk/services", "/oruk/services/{id}", "/oruk/service_at_locations", "/oruk/service_at_locations/{id}",
        "/oruk/taxonomies", "/oruk/taxonomies/{id}", "/oruk/taxonomy_terms", "/oruk/taxonomy_terms/{id}",
    ];

    private IReadOnlyList<RouteEndpoint> Routes()
    {
        _ = records.Factory.Server;
        return records.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null).ToList();
    }

    /// <summary>The route as written, from the root: "/staff/children/{id:guid}".</summary>
    public static string Pattern(RouteEndpoint route) => "/" + route.RoutePattern.RawText!.TrimStart('/');

    private IReadOnlyList<RouteEndpoint> Checked() => Routes().Where(e => e.Metadata.GetMetadata<ChildAccessAttribute>() is not null).ToList();

    [Fact]
    public void Every_route_either_checks_access_to_its_child_or_is_listed_as_needing_none()
    {
        var routes = Routes();
        var unmarked = routes.Where(e => e.Metadata.GetMetadata<ChildAccessAttribute>() is null).Select(Pattern).ToHashSet();

        unmarked.Except(NeedNoChild).ShouldBeEmpty("These routes neither carry [ChildAccess] (RequireChildAccess for the API) nor are listed as needing no child");
        NeedNoChild.Except(unmarked).ShouldBeEmpty("These listed routes no longer exist, or now check access: take them off the list");
        foreach (var route in routes.Where(e => e.Metadata.GetMetadata<ChildAccessAttribute>() is { } check))
        {
            var check = route.Metadata.GetMetadata<ChildAccessAttribute>()!;
            route.RoutePattern.GetParameter(check.RouteValue).ShouldNotBeNull($"{Pattern(route)} checks the id in '{check.RouteValue}', which it does not have");
        }
    }

    [Fact]
    public void Every_route_with_a_child_request_assessment_letter_or_file_id_checks_access()
    {
        var ids = new[] { "childId", "assessmentId", "letterId", "docId", "documentId", "packageId", "directPaymentId", "reviewId" };
        var carrying = Routes().Where(e => e.RoutePattern.Parameters.Any(p => ids.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                                           || Pattern(e).StartsWith("/staff/children/", StringComparison.Ordinal)
                                           || Pattern(e).StartsWith("/staff/requests/", StringComparison.Ordinal)
                                           || Pattern(e).StartsWith("/apply/{", StringComparison.Ordinal)
                                           || Pattern(e).StartsWith("/api/children/{", StringComparison.Ordinal)
                                           || Pattern(e).StartsWith("/api/requests/{", StringComparison.Ordinal));

        carrying.Where(e => e.Metadata.GetMetadata<ChildAccessAttribute>() is null).Select(Pattern).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task A_stranger_family_or_provider_gets_404_for_a_real_childs_records_on_every_route_their_role_may_open(string role)
    {
        var (browser, user) = await records.Factory.SignedInAsAsync(role);
        if (role == Roles.Provider)
        {
            // A worker of another organisation, on the framework and with packages of its own: the realistic prober.
            await records.Factory.Data.WithDbAsync(async db =>
            {
                var (organisation, _) = TestData.AddApprovedOrganisation(db, "Another provider", UkCalendar.DateOf(DateTime.UtcNow));
                TestData.AddOrganisationUser(db, organisation.Id, user.Id);
                await db.SaveChangesAsync();
            });
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, role)], "Test"));
        var opened = 0;
        foreach (var route in Checked())
        {
            var url = records.Url(route);
            var response = await SendAsync(browser.Http, route, url);

            if (await RoleMayOpenAsync(route, principal))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{Method(route)} {url}");
                opened++;
            }
            else
            {
                // Refused for the role before the record is looked at, as today: pages send to /access-denied, the API answers 403.
                var refused = response.StatusCode == HttpStatusCode.Forbidden ||
                              (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery().StartsWith("/access-denied", StringComparison.Ordinal));
                refused.ShouldBeTrue($"{Method(route)} {url} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        opened.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Every_checked_route_asks_the_handler_so_refusing_the_child_answers_404_even_to_staff()
    {
        // The same host with one more handler that refuses everything about this child and this request.
        using var refusing = records.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IAuthorizationHandler>(new RefuseHandler(records.ChildId, records.RequestId))));
        // A team manager may open every staff page (case staff, decider and manager).
        var officer = await records.Factory.CreateUserAsync(Roles.TeamManager);
        var family = await records.Factory.CreateUserAsync(Roles.Family);
        // A worker of the organisation whose package the child has: only the refusing handler stands in their way.
        var provider = await records.Factory.CreateUserAsync(Roles.Provider);
        await records.Factory.Data.WithDbAsync(async db =>
        {
            TestData.AddOrganisationUser(db, records.OrganisationId, provider.Id);
            await db.SaveChangesAsync();
        });
        var officerBrowser = await SignInAsync(refusing, officer);
        var familyBrowser = await SignInAsync(refusing, family);
        var providerBrowser = await SignInAsync(refusing, provider);

        foreach (var route in Checked())
        {
            var url = records.Url(route);
            var pattern = Pattern(route);
            // A family's own complaints through the API (reading them, asking for the next stage) are the family's; an
            // officer records one by phone on the same path.
            var familyApi = pattern.StartsWith("/api/children/", StringComparison.Ordinal) && pattern.Contains("/complaints", StringComparison.Ordinal)
                            && !(Method(route) == "POST" && pattern.EndsWith("/complaints/", StringComparison.Ordinal));
            var browser = pattern.StartsWith("/account/", StringComparison.Ordinal) || familyApi ? familyBrowser
                : pattern.StartsWith("/provider/", StringComparison.Ordinal) || pattern.StartsWith("/api/provider/", StringComparison.Ordinal) ? providerBrowser
                : officerBrowser;

            var response = await SendAsync(browser, route, url);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{Method(route)} {url}");
        }
    }

    private static string Method(RouteEndpoint route) => route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, RouteEndpoint route, string url)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method(route)), url);
        if (message.Method == HttpMethod.Post) message.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return browser.SendAsync(message);
    }

    private async Task<bool> RoleMayOpenAsync(RouteEndpoint route, ClaimsPrincipal principal)
    {
        using var scope = records.Factory.Services.CreateScope();
        var policies = scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(policies, route.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            route.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy is null || (await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, policy)).Succeeded;
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, TestUser user)
    {
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var browser = new PageClient(http);
        var page = await browser.GetPageAsync("/account/sign-in");
        var response = await browser.SubmitAsync(page, "main form[method=post]", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        if (response.RedirectPath!.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            var codePage = await browser.GetPageAsync(response.RedirectPath);
            await browser.SubmitAsync(codePage, "main form[method=post]", new() { ["Code"] = ShortBreaks.TestCommon.TestAccounts.CurrentCode() });
        }

        return http;
    }

    /// <summary>Refuses every operation on one child and one request, whoever asks.</summary>
    private sealed class RefuseHandler(Guid childId, Guid requestId) : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            var about = context.Resource switch
            {
                ChildResource child => child.ChildId == childId,
                PackageResource package => package.ChildId == childId,
                DirectPaymentResource payment => payment.ChildId == childId,
                ReviewResource review => review.ChildId == childId,
                Core.Requests.ShortBreakRequest request => request.Id == requestId,
                _ => false,
            };
            if (about) context.Fail();
            return Task.CompletedTask;
        }
    }
}
