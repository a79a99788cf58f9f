namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// The address of every page, download and API answer the service links or redirects to: one method each, built
/// from the page's name with ASP.NET Core's <see cref="LinkGenerator"/>, so a page that moves keeps its links and
/// a page that is renamed or removed fails here (and in <c>ShortBreaksLinksTests</c>), never as a broken link.
/// Query strings are parameters, written in the order and form the pages have always used.
/// </summary>
public sealed partial class ShortBreaksLinks(LinkGenerator links)
{
    // The page templates are lower case already; route values (a RAS version's label, a section) stay as they are.
    private static readonly LinkOptions AsWritten = new() { LowercaseUrls = false };

    // The public home of the service.
    public string Home() => Page("/Index");

    public string AccessDenied() => Page("/AccessDenied");

    /// <summary>Where a person goes after signing in when no page asked for them.</summary>
    public string HomeFor(ClaimsPrincipal user) => HomeFor(Roles.All.Where(user.IsInRole).ToList());

    public string HomeFor(IList<string> roles) =>
        roles.Any(Roles.CaseStaff.Contains) ? StaffHome()
        : roles.Contains(Roles.CommissioningOfficer) ? Commissioning()
        : roles.Contains(Roles.FinanceOfficer) ? Finance()
        : roles.Any(Roles.RatesStaff.Contains) ? Rates()
        : roles.Contains(Roles.Provider) ? ProviderHome()
        : roles.Contains(Roles.Family) ? FamilyAccount()
        : Home();

    // Accounts
    public string SignIn(string? returnUrl = null) => Page("/Account/SignIn") + Query(("returnUrl", returnUrl));

    /// <summary>Signing in to start a request: the start page has always sent its address back unescaped.</summary>
    public string SignInToApply() => Page("/Account/SignIn") + "?returnUrl=" + Apply();

    public string SignOut() => Page("/Account/SignOut");

    public string Register(string? returnUrl = null) => Page("/Account/Register") + Query(("returnUrl", returnUrl));

    public string ForgotPassword() => Page("/Account/ForgotPassword");

    public string ResetPassword(string userId, string code) =>
        Page("/Account/ResetPassword") + Query(("userId", userId), ("code", code));

    public string CheckEmail() => Page("/Account/CheckEmail");

    public string ConfirmEmail(string userId, string code, string? returnUrl = null) =>
        Page("/Account/ConfirmEmail") + Query(("userId", userId), ("code", code), ("returnUrl", returnUrl));

    public string ResendConfirmation(string? returnUrl = null) =>
        Page("/Account/ResendConfirmation") + Query(("returnUrl", returnUrl));

    public string TwoFactor(bool recovery = false, string? returnUrl = null) =>
        Page("/Account/TwoFactor") + Query(("recovery", recovery ? "true" : null), ("returnUrl", returnUrl));

    public string Authenticator(string? returnUrl = null) => Page("/Account/Authenticator") + Query(("returnUrl", returnUrl));

    // A family's account
    public string FamilyAccount(string? saved = null) => Page("/Account/Family/Index") + Query(("saved", saved));

    public string FamilyLetter(Guid letterId) => Page("/Account/Family/Letter", new { letterId });

    public string FamilyLetterPdf(Guid letterId) => Page("/Account/Family/Letter", new { letterId }) + Query(("handler", "pdf"));

    public string FamilyPlan(Guid childId, string? sent = null) => Page("/Account/Family/Plan/Index", new { childId }) + Query(("sent", sent));

    public string FamilyPlanPdf(Guid childId) => Page("/Account/Family/Plan/Index", new { childId }) + Query(("handler", "pdf"));

    public string FamilyRasStart(Guid childId) => Page("/Account/Family/Ras/Start", new { childId });

    public string FamilyRasTasks(Guid assessmentId) => Page("/Account/Family/Ras/Tasks", new { assessmentId });

    public string FamilyRasSection(Guid assessmentId, string section) => Page("/Account/Family/Ras/Section", new { assessmentId, section });

    public string FamilyRasSend(Guid assessmentId) => Page("/Account/Family/Ras/Send", new { assessmentId });

    public string FamilyRasResult(Guid assessmentId) => Page("/Account/Family/Ras/Result", new { assessmentId });

    // Applying (families, and staff on a family's behalf)
    public string Apply() => Page("/Apply/Index");

    /// <summary>The form that starts a new request.</summary>
    public string ApplyStartForm() => Page("/Apply/Index") + Query(("handler", "start"));

    public string ApplyChildName(Guid requestId, bool change = false) => Step("/Apply/ChildName", requestId, change);

    public string ApplyDateOfBirth(Guid requestId, bool change = false) => Step("/Apply/DateOfBirth", requestId, change);

    public string ApplyAddress(Guid requestId, bool change = false) => Step("/Apply/Address", requestId, change);

    public string ApplySchool(Guid requestId, bool change = false) => Step("/Apply/School", requestId, change);

    public string ApplyEhcPlan(Guid requestId, bool change = false) => Step("/Apply/EhcPlan", requestId, change);

    public string ApplyNeeds(Guid requestId, bool change = false) => Step("/Apply/Needs", requestId, change);

    public string ApplyDisability(Guid requestId, bool change = false) => Step("/Apply/Disability", requestId, change);

    public string ApplyOwnWords(Guid requestId, bool change = false) => Step("/Apply/OwnWords", requestId, change);

    public string ApplyContact(Guid requestId, bool change = false) => Step("/Apply/Contact", requestId, change);

    public string ApplySiblings(Guid requestId, bool change = false) => Step("/Apply/Siblings", requestId, change);

    public string ApplyEvidence(Guid requestId, bool change = false) => Step("/Apply/Evidence", requestId, change);

    /// <summary>A form on the evidence page (upload, remove), keeping the "change" journey.</summary>
    public string ApplyEvidenceHandler(Guid requestId, string handler, bool change = false) =>
        Page("/Apply/Evidence", new { id = requestId }) + Query(("handler", handler), ("change", change ? "true" : null));

    public string ApplyEvidenceFile(Guid requestId, Guid documentId) => Page("/Apply/EvidenceFile", new { id = requestId, documentId });

    public string ApplyConsent(Guid requestId, bool change = false) => Step("/Apply/Consent", requestId, change);

    public string ApplyCheckAnswers(Guid requestId) => Page("/Apply/CheckAnswers", new { id = requestId });

    public string ApplyConfirmation(Guid requestId) => Page("/Apply/Confirmation", new { id = requestId });

    /// <summary>A question of the request journey by its step (<see cref="RequestSteps"/>).</summary>
    public string ApplyStep(Guid requestId, string step, bool change = false) => step switch
    {
        RequestSteps.ChildName => ApplyChildName(requestId, change),
        RequestSteps.DateOfBirth => ApplyDateOfBirth(requestId, change),
        RequestSteps.Address => ApplyAddress(requestId, change),
        RequestSteps.School => ApplySchool(requestId, change),
        RequestSteps.EhcPlan => ApplyEhcPlan(requestId, change),
        RequestSteps.Needs => ApplyNeeds(requestId, change),
        RequestSteps.Disability => ApplyDisability(requestId, change),
        RequestSteps.OwnWords => ApplyOwnWords(requestId, change),
        RequestSteps.Contact => ApplyContact(requestId, change),
        RequestSteps.Siblings => ApplySiblings(requestId, change),
        RequestSteps.Evidence => ApplyEvidence(requestId, change),
        RequestSteps.Consent => ApplyConsent(requestId, change),
        "check-answers" => ApplyCheckAnswers(requestId),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step of the request journey."),
    };

    // Staff: requests
    public string StaffHome() => Page("/Staff/Index");

    /// <summary>The triage queue, with its filters; <paramref name="page"/> 1 is left out.</summary>
    public string StaffTriage(string? channel = null, string? waiting = null, bool unmatched = false, int page = 1, string? saved = null) =>
        Page("/Staff/Triage") + Query(("channel", channel), ("waiting", waiting), ("unmatched", unmatched ? "true" : null),
            ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("saved", saved));

    public string StaffSearch() => Page("/Staff/Search");

    public string StaffDutyNew() => Page("/Staff/Duty/New");

    /// <summary>The panel's agenda; with a page number (<c>p</c>) and meeting day when paging.</summary>
    public string StaffPanel(int? page = null, DateOnly? meeting = null) =>
        Page("/Staff/Panel/Index") + Query(("p", page?.ToString(CultureInfo.InvariantCulture)),
            ("meeting", meeting?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public string StaffPanelItem(Guid itemId) => Page("/Staff/Panel/Item", new { id = itemId });

    public string StaffRequest(Guid requestId, string? done = null) => Page("/Staff/Requests/Detail", new { id = requestId }) + Query(("done", done));

    public string StaffRequestEvidence(Guid requestId, Guid docId) => Page("/Staff/Requests/Evidence", new { id = requestId, docId });

    public string StaffRequestUpdateRecord(Guid requestId) => Page("/Staff/Requests/UpdateRecord", new { id = requestId });

    // Staff: children's records
    public string StaffChild(Guid childId, string? merged = null) => Page("/Staff/Children/Record", new { id = childId }) + Query(("merged", merged));

    public string StaffChildAudit(Guid childId, int? page = null) => Page("/Staff/Children/Audit", new { id = childId }) + Query(("p", page?.ToString(CultureInfo.InvariantCulture)));

    public string StaffChildLinkFamily(Guid childId, Guid? requestId = null) =>
        Page("/Staff/Children/LinkFamily", new { id = childId }) + Query(("requestId", requestId?.ToString()));

    public string StaffChildMerge(Guid childId) => Page("/Staff/Children/Merge", new { id = childId });

    public string StaffChildMove(Guid childId) => Page("/Staff/Children/Move", new { id = childId });

    public string StaffChildClosure(Guid childId) => Page("/Staff/Children/Closure", new { id = childId });

    public string StaffChildArrangements(Guid childId) => Page("/Staff/Children/Arrangements", new { id = childId });

    // Staff: retention (managers)
    public string StaffRetention() => Page("/Staff/Retention/Index");

    /// <summary>A retention review; after a confirmation, how many records were erased and how many were no longer due.</summary>
    public string StaffRetentionReview(Guid reviewId, int? erased = null, int? notDue = null) =>
        Page("/Staff/Retention/Review", new { id = reviewId }) + Query(("erased", erased?.ToString(CultureInfo.InvariantCulture)), ("notdue", notDue?.ToString(CultureInfo.InvariantCulture)));

    public string StaffRetentionKeep(Guid reviewId, Guid itemId) => Page("/Staff/Retention/Keep", new { id = reviewId, itemId });

    public string StaffAdultTransfers() => Page("/Staff/Children/AdultTransfers");

    // Staff: subject access requests (administrators)
    public string StaffSubjectAccess() => Page("/Staff/SubjectAccess/Index");

    /// <summary>Each scheduled job's last run and the outbox, for administrators.</summary>
    public string StaffScheduledWork() => Page("/Staff/ScheduledWork");

    // Everyone's own list of tasks and messages
    public string Messages(int? page = null, string? saved = null) =>
        Page("/Messages/Index") + Query(("page", PageValue(page)), ("saved", saved));

    public string StaffSubjectAccessNew() => Page("/Staff/SubjectAccess/New");

    public string StaffSubjectAccessRequest(Guid id, string? done = null) => Page("/Staff/SubjectAccess/Request", new { id }) + Query(("done", done));

    public string StaffSubjectAccessDownload(Guid id) => Page("/Staff/SubjectAccess/Request", new { id }) + Query(("handler", "download"));

    public string StaffPlan(Guid childId, bool saved = false) => Page("/Staff/Children/Plan/Index", new { childId }) + Query(("saved", saved ? "true" : null));

    public string StaffPlanPdf(Guid childId, int version) =>
        Page("/Staff/Children/Plan/Index", new { childId }) + Query(("handler", "pdf"), ("version", version.ToString(CultureInfo.InvariantCulture)));

    public string StaffPlanSignedCopy(Guid childId, int version) =>
        Page("/Staff/Children/Plan/Index", new { childId }) + Query(("handler", "signedcopy"), ("version", version.ToString(CultureInfo.InvariantCulture)));

    public string StaffPlanEdit(Guid childId) => Page("/Staff/Children/Plan/Edit", new { childId });

    public string StaffPlanAgreeForFamily(Guid childId) => Page("/Staff/Children/Plan/AgreeForFamily", new { childId });

    public string StaffPlanVersion(Guid childId, int number) => Page("/Staff/Children/Plan/Version", new { childId, number });

    public string StaffLetter(Guid letterId) => Page("/Staff/Letters/Letter", new { id = letterId });

    public string StaffLetterPdf(Guid letterId) => Page("/Staff/Letters/Letter", new { id = letterId }) + Query(("handler", "pdf"));

    // Staff: RAS assessments of a child
    public string StaffRasStart(Guid childId) => Page("/Staff/Ras/Start", new { childId });

    public string StaffRasTasks(Guid childId, Guid assessmentId) => Page("/Staff/Ras/Tasks", new { childId, assessmentId });

    public string StaffRasSection(Guid childId, Guid assessmentId, string section) =>
        Page("/Staff/Ras/Section", new { childId, assessmentId, section });

    public string StaffRasCheck(Guid childId, Guid assessmentId) => Page("/Staff/Ras/Check", new { childId, assessmentId });

    public string StaffRasResult(Guid childId, Guid assessmentId) => Page("/Staff/Ras/Result", new { childId, assessmentId });

    public string StaffRasOverride(Guid childId, Guid assessmentId) => Page("/Staff/Ras/Override", new { childId, assessmentId });

    // A RAS assessment's pages for whoever reads them (the staff and family pages share their partials): a family's
    // own addresses, or staff's under the child's record.
    public string RasTasks(bool forFamily, Guid childId, Guid assessmentId) =>
        forFamily ? FamilyRasTasks(assessmentId) : StaffRasTasks(childId, assessmentId);

    public string RasSection(bool forFamily, Guid childId, Guid assessmentId, string section) =>
        forFamily ? FamilyRasSection(assessmentId, section) : StaffRasSection(childId, assessmentId, section);

    /// <summary>The last step of the questions: staff check the answers, a family sends them to their officer.</summary>
    public string RasFinalStep(bool forFamily, Guid childId, Guid assessmentId) =>
        forFamily ? FamilyRasSend(assessmentId) : StaffRasCheck(childId, assessmentId);

    public string RasResult(bool forFamily, Guid childId, Guid assessmentId) =>
        forFamily ? FamilyRasResult(assessmentId) : StaffRasResult(childId, assessmentId);

    // The Resource Allocation System (rates staff)
    public string Rates() => Page("/Rates/Index");

    // Commissioning: the provider framework and what is bought from it
    public string Commissioning() => Page("/Commissioning/Index");

    // A provider organisation's own pages
    public string ProviderHome() => Page("/Provider/Index");

    public string ProviderChildren(string? search = null, int? page = null) =>
        Page("/Provider/Children/Index") + Query(("search", string.IsNullOrWhiteSpace(search) ? null : search), ("page", page > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null));

    public string ProviderChild(Guid childId) => Page("/Provider/Children/Child", new { childId });

    public string ProviderReturns(int? page = null) =>
        Page("/Provider/Returns/Index") + Query(("page", page > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null));

    /// <summary>A month's return on a package; <paramref name="saved"/> says what was just done (added, removed, submitted).</summary>
    public string ProviderReturn(Guid packageId, DateOnly month, string? saved = null) =>
        Page("/Provider/Returns/Month", new { packageId, month = ShortBreaks.Core.Providers.DeliveryRules.MonthKey(month) }) + Query(("saved", saved));

    public string ProviderReturnRemoveSession(Guid packageId, DateOnly month, Guid sessionId) =>
        Page("/Provider/Returns/RemoveSession", new { packageId, month = ShortBreaks.Core.Providers.DeliveryRules.MonthKey(month), sessionId });

    // Packages: brokered by the officer or the family, sent to providers as service agreements
    public string StaffPackages(Guid childId, string? done = null) => Page("/Staff/Children/Packages/Index", new { childId }) + Query(("done", done));

    public string StaffPackage(Guid childId, Guid packageId, string? done = null) =>
        Page("/Staff/Children/Packages/Package", new { childId, packageId }) + Query(("done", done));

    public string FamilyPackages(Guid childId, string? done = null) => Page("/Account/Family/Packages/Index", new { childId }) + Query(("done", done));

    // Direct payments: set up from a child's page, read by case staff and finance, agreed and managed by the family
    public string StaffDirectPayments(Guid childId, string? done = null) => Page("/Staff/Children/DirectPayments", new { childId }) + Query(("done", done));

    public string DirectPayment(Guid directPaymentId, string? done = null) => Page("/DirectPayments/Payment", new { directPaymentId }) + Query(("done", done));

    public string DirectPaymentDraftPdf(Guid directPaymentId) => Page("/DirectPayments/Payment", new { directPaymentId }) + Query(("handler", "pdf"));

    public string DirectPaymentAgreeForFamily(Guid directPaymentId) => Page("/DirectPayments/AgreeForFamily", new { directPaymentId });

    public string DirectPaymentAccount(Guid directPaymentId) => Page("/DirectPayments/Account", new { directPaymentId });

    public string DirectPaymentConfirmAccount(Guid directPaymentId, Guid accountId) => Page("/DirectPayments/ConfirmAccount", new { directPaymentId, accountId });

    public string DirectPaymentOneOff(Guid directPaymentId) => Page("/DirectPayments/OneOff", new { directPaymentId });

    public string FamilyDirectPayment(Guid directPaymentId, string? done = null) => Page("/Account/Family/DirectPayment", new { directPaymentId }) + Query(("done", done));

    public string FamilyDirectPaymentDraftPdf(Guid directPaymentId) => Page("/Account/Family/DirectPayment", new { directPaymentId }) + Query(("handler", "pdf"));

    public string FamilyDirectPaymentAccount(Guid directPaymentId) => Page("/Account/Family/DirectPaymentAccount", new { directPaymentId });

    public string FamilyRenewal(Guid childId) => Page("/Account/Family/Renewal", new { childId });

    public string StaffRenewals() => Page("/Staff/Renewals/Index");

    /// <summary>The team managers' list of referrals to social care waiting to be passed on.</summary>
    public string StaffReferrals() => Page("/Staff/Referrals/Index");

    public string StaffReferral(Guid referralId, string? done = null) => Page("/Staff/Referrals/Referral", new { referralId }) + Query(("done", done));

    /// <summary>The complaints list, with its filters (enum names) and page.</summary>
    public string StaffComplaints(string? kind = null, string? subject = null, string? stage = null, string? outcome = null, string? show = null, int? page = null) =>
        Page("/Staff/Complaints/Index") + Query(("kind", kind), ("subject", subject), ("stage", stage), ("outcome", outcome), ("show", show),
            ("p", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null));

    public string StaffComplaint(Guid complaintId, string? done = null) => Page("/Staff/Complaints/Complaint", new { complaintId }) + Query(("done", done));

    public string StaffChildComplaintNew(Guid childId) => Page("/Staff/Children/Complaints/New", new { childId });

    public string FamilyComplaints(Guid childId) => Page("/Account/Family/Complaints/Index", new { childId });

    public string FamilyComplaintNew(Guid childId) => Page("/Account/Family/Complaints/New", new { childId });

    public string FamilyComplaint(Guid childId, Guid complaintId, string? done = null) =>
        Page("/Account/Family/Complaints/Complaint", new { childId, complaintId }) + Query(("done", done));

    public string StaffRenewal(Guid renewalId, string? done = null) => Page("/Staff/Renewals/Renewal", new { renewalId }) + Query(("done", done));

    /// <summary>The reviewing officers' worklist, filtered (every value optional) and paged.</summary>
    public string StaffReviews(string? officer = null, string? kind = null, string? state = null, string? when = null, int? weeks = null, int? pageNumber = null) =>
        Page("/Staff/Reviews/Index") + Query(("officer", officer), ("kind", kind), ("state", state), ("when", when), ("weeks", weeks?.ToString(CultureInfo.InvariantCulture)),
            ("p", pageNumber?.ToString(CultureInfo.InvariantCulture)));

    public string StaffReview(Guid reviewId, string? done = null) => Page("/Staff/Reviews/Review", new { reviewId }) + Query(("done", done));

    public string FamilyReview(Guid reviewId, bool sent = false) => Page("/Account/Family/Review", new { reviewId }) + Query(("sent", sent ? "true" : null));

    public string ProviderAgreements(string? done = null) => Page("/Provider/Agreements/Index") + Query(("done", done));

    public string ProviderAgreement(Guid packageId, string? done = null) => Page("/Provider/Agreements/Agreement", new { packageId }) + Query(("done", done));

    public string ProviderAgreementPdf(Guid packageId) => Page("/Provider/Agreements/Agreement", new { packageId }) + Query(("handler", "pdf"));
    // The Local Offer directory (public) and its import (commissioning)
    public string LocalOffer(string? q = null, string? need = null, string? kind = null, string? age = null, string? day = null,
        string? postcode = null, string? within = null, int page = 1) =>
        Page("/LocalOffer/Index") + Query(("q", q), ("need", need), ("kind", kind), ("age", age), ("day", day), ("postcode", postcode), ("within", within),
            ("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    public string LocalOfferService(Guid id) => Page("/LocalOffer/Service", new { id });

    public string DirectoryImport() => Page("/Commissioning/Directory/Import");

    public string RatesVersions() => Page("/Rates/Versions/Index");

    public string RatesVersionNew(string? from = null) => Page("/Rates/Versions/New") + Query(("from", from));

    /// <summary>A RAS version; <paramref name="saved"/> says what was just saved (created, changes, published).</summary>
    public string RatesVersion(string label, string? saved = null) => Page("/Rates/Versions/Version", new { label }) + Query(("saved", saved));

    public string RatesVersionJson(string label) => Page("/Rates/Versions/Version", new { label }) + Query(("handler", "json"));

    public string RatesVersionDetails(string label) => Page("/Rates/Versions/Details", new { label });

    public string RatesVersionDelete(string label) => Page("/Rates/Versions/Delete", new { label });

    public string RatesVersionMoney(string label, string phaseId) => Page("/Rates/Versions/Money", new { label, phaseId });

    public string RatesVersionPoints(string label, string phaseId, string domainId) => Page("/Rates/Versions/Points", new { label, phaseId, domainId });

    public string RatesVersionPublish(string label) => Page("/Rates/Versions/Publish", new { label });

    public string RatesVersionUpload(string label) => Page("/Rates/Versions/Upload", new { label });

    public string RatesCalibrations() => Page("/Rates/Calibration/Index");

    /// <summary>The new calibration page, or one of its handlers (ProblemsCsv, Problems).</summary>
    public string RatesCalibrationNew(string? handler = null) => Page("/Rates/Calibration/New") + Query(("handler", handler));

    public string RatesCalibrationTemplate(string version, string format) =>
        Page("/Rates/Calibration/New") + Query(("handler", "Template"), ("version", version), ("format", format));

    public string RatesCalibration(Guid runId, bool saved = false) =>
        Page("/Rates/Calibration/Report", new { id = runId }) + Query(("saved", saved ? "true" : null));

    public string RatesCalibrationSaveDraft(Guid runId) => Page("/Rates/Calibration/Report", new { id = runId }) + Query(("handler", "SaveDraft"));

    public string RatesVirtualBudgets() => Page("/Rates/VirtualBudgets/Index");

    public string RatesVirtualBudgetStart() => Page("/Rates/VirtualBudgets/Start");

    public string RatesVirtualBudgetRun(Guid runId, int? page = null) =>
        Page("/Rates/VirtualBudgets/Run", new { id = runId }) + Query(("p", page?.ToString(CultureInfo.InvariantCulture)));

    public string RatesVirtualBudgetRunCsv(Guid runId) => Page("/Rates/VirtualBudgets/Run", new { id = runId }) + Query(("handler", "csv"));

    public string RatesServiceBudget(int? year = null) =>
        Page("/Rates/VirtualBudgets/ServiceBudget") + Query(("year", year?.ToString(CultureInfo.InvariantCulture)));

    // The API
    public string ApiRequest(Guid requestId) => Endpoint("GetRequest", new { id = requestId });

    /// <summary>Finance: every direct payment account with its balance and flags.</summary>
    public string FinanceDirectPayments(bool flaggedOnly = false) => Page("/Finance/DirectPayments/Index") + Query(("flagged", flaggedOnly ? "true" : null));

    /// <summary>Finance: the annual audit worklist.</summary>
    public string FinanceAudits(bool all = false) => Page("/Finance/DirectPayments/Audits") + Query(("all", all ? "true" : null));

    /// <summary>Finance: a direct payment account's monitoring page.</summary>
    public string FinanceDirectPayment(Guid directPaymentId, string? done = null) =>
        Page("/Finance/DirectPayments/Account", new { directPaymentId }) + Query(("done", done));

    /// <summary>Finance: an evidence file of a family's return, as a download.</summary>
    public string FinanceReturnEvidence(Guid directPaymentId, Guid evidenceId) =>
        Page("/Finance/DirectPayments/Account", new { directPaymentId }) + Query(("handler", "evidence"), ("evidenceId", evidenceId.ToString()));

    public string FinanceStatementImport(Guid directPaymentId) => Page("/Finance/DirectPayments/Import", new { directPaymentId });

    public string FinanceStatementLine(Guid directPaymentId, Guid lineId) => Page("/Finance/DirectPayments/Line", new { directPaymentId, lineId });

    public string FinanceAudit(Guid directPaymentId) => Page("/Finance/DirectPayments/Audit", new { directPaymentId });

    public string FinanceRecover(Guid directPaymentId) => Page("/Finance/DirectPayments/Recover", new { directPaymentId });

    /// <summary>Finance: a recoupment letter as it was sent (finance officers do not open the child's letters page).</summary>
    public string FinanceRecoupmentLetter(Guid directPaymentId, Guid letterId) => Page("/Finance/DirectPayments/Letter", new { directPaymentId, letterId });

    public string FinanceRecoupmentLetterPdf(Guid directPaymentId, Guid letterId) =>
        Page("/Finance/DirectPayments/Letter", new { directPaymentId, letterId }) + Query(("handler", "pdf"));

    /// <summary>The family's own direct payment: balance, statements, returns, audits and recoupment letters.</summary>
    public string FamilyDirectPaymentMoney(Guid directPaymentId, string? done = null) =>
        Page("/Account/Family/DirectPayments/Monitoring", new { directPaymentId }) + Query(("done", done));

    public string FamilyMonitoringReturn(Guid directPaymentId) => Page("/Account/Family/DirectPayments/Return", new { directPaymentId });

    private string Step(string page, Guid requestId, bool change) =>
        Page(page, new { id = requestId }) + Query(("change", change ? "true" : null));

    private string Page(string page, object? values = null)
    {
        // Text in a path (a version's label, a phase, a section) is escaped as the pages always have, with
        // Uri.EscapeDataString ("(" becomes "%28"; the router leaves it): it is routed as a placeholder and put in after.
        var routeValues = new RouteValueDictionary(values);
        var texts = routeValues.Where(v => v.Value is string).ToList();
        foreach (var text in texts) routeValues[text.Key] = Placeholder(text.Key);
        var path = links.GetPathByPage(page, handler: null, routeValues, options: AsWritten)
                   ?? throw new InvalidOperationException($"No page {page} takes the values {values}: was it moved or renamed?");
        foreach (var text in texts) path = path.Replace(Placeholder(text.Key), Uri.EscapeDataString((string)text.Value!), StringComparison.Ordinal);
        return path;
    }

    private static string Placeholder(string name) => "__" + name + "__";

    private string Endpoint(string name, object values) =>
        links.GetPathByName(name, values, options: AsWritten)
        ?? throw new InvalidOperationException($"No endpoint named {name} takes the values {values}.");

    /// <summary>The query string of the values given, in order, leaving out nulls; empty when all are null.</summary>
    private static string Query(params (string Name, string? Value)[] values)
    {
        var parts = values.Where(v => v.Value is not null).Select(v => v.Name + "=" + Uri.EscapeDataString(v.Value!)).ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
