namespace ShortBreaks.Web.Pages.Staff.Requests;

/// <summary>
/// One request as the family gave it, the child's record it belongs to, the eligibility check, and the
/// threshold decision. Any case staff may read it; only deciders may match the child or decide, and that is
/// checked here on the server whatever the page showed.
/// </summary>
[ChildAccess(ChildRecordKind.Request, "id")]
public class DetailModel(ShortBreaksDbContext db, RequestService requests, RequestMatching matching, ThresholdDecisionService decisions, TriageQueue triage, SchemeCatalog schemes, ChildService children) : GovukPageModel
{
    public const string NewChild = "new";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The child's record the officer picked, or <see cref="NewChild"/>.</summary>
    [BindProperty] public string? ChildId { get; set; }

    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    /// <summary>The request's version when the officer loaded the page (see <see cref="ShortBreakRequest.Version"/>).</summary>
    [BindProperty] public string? Version { get; set; }

    /// <summary>"decided", "matched", "linked" or "updated" after a successful post, for the success banner.</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public override string Title => Answers is null ? "Request" : $"Request {Answers.Reference}";

    public ShortBreakRequest Answers { get; private set; } = null!;
    public Scheme Scheme { get; private set; } = null!;
    public Scheme SchemeInForce => requests.SchemeInForce;
    public DateOnly Today => requests.Today;
    public IReadOnlyList<EvidenceSummary> Evidence { get; private set; } = [];
    public WaitingTime? Waiting { get; private set; }
    public string? TakenBy { get; private set; }
    public Child? Child { get; private set; }
    public IReadOnlyList<Child> Matches { get; private set; } = [];
    public EligibilityResult Eligibility { get; private set; } = null!;
    public IReadOnlyList<Referral> Referrals { get; private set; } = [];
    public IReadOnlyList<SentEmail> MashEmails { get; private set; } = [];

    /// <summary>Whether the account that sent the request is linked to the child it is matched to.</summary>
    public bool RequesterLinked { get; private set; }

    /// <summary>Set when the officer's decision lost to someone else's: their reasons are shown so nothing is lost.</summary>
    public bool LostDecision { get; private set; }

    public bool CanAct => User.IsDecider() && Answers.Status == RequestStatus.Submitted;

    public bool CanMatch => CanAct && !Answers.ChildConfirmed;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Version = Answers.Version.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmChildAsync()
    {
        ClearBindingErrors();
        if (!User.IsDecider()) return Forbid();
        var request = await requests.FindAsync(Id, HttpContext.RequestAborted);
        if (request is null) return NotFound();

        Guid? existing = Guid.TryParse(ChildId, out var id) ? id : null;
        if (existing is null && ChildId != NewChild)
        {
            ModelState.AddModelError(nameof(ChildId), "Select the child's record this request is for, or that this is a new child");
            return await ShowAgainAsync(conflict: false);
        }

        var result = await matching.ConfirmChildAsync(request, existing, VersionSeen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffRequest(Id, done: "matched"));

        AddErrors(result.Errors);
        return await ShowAgainAsync(result.Conflict);
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        ClearBindingErrors();
        if (!User.IsDecider()) return Forbid();
        var request = await requests.FindAsync(Id, HttpContext.RequestAborted);
        if (request is null) return NotFound();

        // Only the outcomes of a request are accepted (Targeted Short Breaks is never one), and a number or
        // unknown name is treated as no choice at all.
        var outcome = ThresholdDecisions.Parse(Outcome);
        if (outcome is null)
        {
            ModelState.AddModelError(nameof(Outcome), "Select a decision");
            if (string.IsNullOrWhiteSpace(Reasons)) ModelState.AddModelError(nameof(Reasons), "Enter the reasons for the decision");
            return await ShowAgainAsync(conflict: false);
        }

        Outcome = outcome.ToString();
        var result = await decisions.DecideAsync(request, outcome.Value, Reasons, VersionSeen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffRequest(Id, done: "decided"));

        if (!result.Conflict)
        {
            AddErrors(result.Errors);
            return await ShowAgainAsync(conflict: false);
        }

        var shown = await ShowAgainAsync(conflict: true);
        if (Answers?.Decision is { } decision)
        {
            LostDecision = true;
            ModelState.AddModelError("",
                $"{decision.DecidedByName} made a decision on this request while you were working on it, so your decision has not been saved. " +
                "Their decision is shown below, with the reasons you typed so that nothing is lost.");
        }
        else
        {
            AddErrors(result.Errors);
        }

        return shown;
    }

    private long VersionSeen => long.TryParse(Version, out var v) ? v : -1;

    /// <summary>
    /// Shows the page again after a refused post, as the request is now. Anything the failed command left in
    /// the unit of work is dropped first, so recording the view cannot save half a change.
    /// </summary>
    private async Task<IActionResult> ShowAgainAsync(bool conflict)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync()) return NotFound();

        // After a conflict the officer is shown the request as it is now, so a second try is judged against
        // this version; after any other refusal the version they first saw still stands.
        if (conflict) Version = Answers.Version.ToString();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var request = await db.Requests.AsNoTracking().Include(r => r.Decision).FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (request is null) return false;

        Answers = request;
        Scheme = requests.SchemeFor(request);
        Evidence = await requests.EvidenceAsync(Id, ct);
        if (request.Status == RequestStatus.Submitted && request.SubmittedAt is { } submitted)
        {
            Waiting = triage.Waiting(submitted, requests.Today, requests.SchemeFor(request));
        }

        var takenById = request.Channel == RequestChannel.DutyPoint ? request.CreatedByUserId : request.FamilyUserId;
        var takenBy = takenById is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == takenById).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        TakenBy = takenBy is null ? null
            : request.Channel == RequestChannel.DutyPoint ? $"Taken by phone by {takenBy.DisplayName}"
            : $"Sent online from the account of {takenBy.DisplayName} ({takenBy.Email})";

        Child = request.ChildId is { } childId ? await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct) : null;
        RequesterLinked = request.FamilyUserId is { } familyUserId && Child is not null
            && await children.IsFamilyMemberAsync(Child.Id, familyUserId, ct);
        if (request.Status == RequestStatus.Submitted && !request.ChildConfirmed)
        {
            Matches = await matching.PossibleMatchesAsync(request, ct);

            // Each possible match is shown with its date of birth, postcode and tier: a view of that child's record.
            foreach (var match in Matches)
            {
                db.RecordView(nameof(Child), match.Id.ToString(), match.Id, $"Possible match for request {request.Reference}");
            }
        }

        Eligibility = request.Decision is { } decision
            ? new EligibilityResult(decision.SchemeVersion, EligibilityJson.Deserialize(decision.CriteriaJson))
            : await decisions.CheckEligibilityAsync(request, ct);

        if (request.Decision is not null)
        {
            Referrals = await db.Referrals.AsNoTracking().Where(r => r.RequestId == Id).OrderBy(r => r.ReferredAt).ToListAsync(ct);
            var mash = DecisionScheme.Council.MashEmail;
            MashEmails = await db.SentEmails.AsNoTracking()
                .Where(e => e.ChildId == request.ChildId && e.To == mash && e.Subject.Contains(request.Reference))
                .ToListAsync(ct);
        }

        db.RecordView(nameof(ShortBreakRequest), Id.ToString(), request.ChildId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The scheme the decision was made under (or would be made under now).</summary>
    public Scheme DecisionScheme =>
        (Answers.Decision is { } d ? schemes.Find(d.SchemeVersion) : null) ?? requests.SchemeInForce;

    public string NeedLabel(string id) =>
        Scheme.Eligibility.Needs.FirstOrDefault(n => n.Id == id)?.Question ?? id;

    public bool NeedMeetsThreshold(string id) =>
        Scheme.Eligibility.Needs.FirstOrDefault(n => n.Id == id)?.MeetsThreshold == true;

    public string EvidenceLabel(string kindId) =>
        Scheme.Eligibility.Evidence.FirstOrDefault(k => k.Id == kindId)?.Label ?? kindId;

    /// <summary>The disability codes given, read leniently so one odd value cannot stop the page.</summary>
    public IReadOnlyList<CinDisabilityCode> DisabilityCodes =>
        (Answers.DisabilityCodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(StaffDisplay.ParseName<CinDisabilityCode>).OfType<CinDisabilityCode>().ToList();
}
