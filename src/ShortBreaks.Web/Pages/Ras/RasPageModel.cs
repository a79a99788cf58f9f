namespace ShortBreaks.Web.Pages.Ras;

public enum RasTaskStatus
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>One task on the assessment's task list: a domain of need, or the support already around the child.</summary>
public sealed record RasTask(string Section, string Name, RasTaskStatus Status, int Answered, int Questions);

/// <summary>
/// What the staff and family RAS pages share: finding the assessment and the child, deciding who may see and
/// change it, the questionnaire of the child's age phase, and the words each audience reads. The staff pages
/// and the family pages differ only in who may open them, their addresses and their wording.
/// </summary>
[ChildAccess(ChildRecordKind.RasAssessment, "assessmentId")]
public abstract class RasPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : GovukPageModel
{
    /// <summary>The section a task list links to for the support already around the child.</summary>
    public const string SupportSection = "support";

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    [BindProperty(SupportsGet = true)] public Guid AssessmentId { get; set; }

    /// <summary>The assessment's version when the page was loaded, sent back with the form.</summary>
    [BindProperty] public string? Version { get; set; }

    public RasAssessment Assessment { get; private set; } = null!;

    public Child Child { get; private set; } = null!;

    /// <summary>The RAS version the questions come from: the one in force for a draft, the one scored under once completed.</summary>
    public RasScheme Scheme { get; private set; } = null!;

    /// <summary>The child's age phase, or null when no phase covers the child's age.</summary>
    public RasPhase? Phase { get; private set; }

    public RasAnswers Answers { get; private set; } = null!;

    /// <summary>Staff or the family: where the pages live and how they end (<see cref="RasAudience"/>).</summary>
    public RasAudience Audience => RasAudience.Of(PageContext);

    /// <summary>True on the family's pages: plain family wording, no staff-only details.</summary>
    public bool ForFamily => Audience.ForFamily;

    /// <summary>The address of this assessment's task list; the other pages are below it.</summary>
    public string BaseUrl => Audience.AssessmentUrl(Assessment.ChildId, AssessmentId);

    /// <summary>Whether the person may change the answers (the assessment must also still be a draft).</summary>
    public bool MayEdit => HttpContext.ChildAccess().MayChange;

    public bool CanEdit => MayEdit && Assessment.Status == RasAssessmentStatus.Draft;

    public DateOnly Today => db.Today;

    public string ChildName => ForFamily ? Child.FirstName : Child.FullName;

    protected ShortBreaksDbContext Db => db;

    protected RasAssessmentService Assessments => assessments;

    protected long VersionSeen => long.TryParse(Version, out var v) ? v : -1;

    /// <summary>Loads the assessment (who may see it is checked before the page runs), or gives 404 when it is gone.</summary>
    protected async Task<IActionResult?> LoadAsync(bool recordView)
    {
        var ct = HttpContext.RequestAborted;
        var assessment = await assessments.FindAsync(AssessmentId, ct);
        if (assessment is null) return NotFound();
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == assessment.ChildId, ct);
        if (child is null) return NotFound();

        Assessment = assessment;
        Child = child;
        // A post keeps the version it was sent with (none, if none was): assuming the current one could overwrite unseen answers.
        if (!HttpMethods.IsPost(Request.Method)) Version = assessment.Version.ToString(CultureInfo.InvariantCulture);
        Refresh();

        if (recordView)
        {
            db.RecordView(nameof(RasAssessment), assessment.Id.ToString(), assessment.ChildId, PageName);
            await db.SaveChangesAsync(ct);
        }

        return null;
    }

    /// <summary>Reads the assessment again after someone else's change, keeping what this person entered on the page.</summary>
    protected async Task ReloadAfterConflictAsync()
    {
        await db.Entry(Assessment).ReloadAsync(HttpContext.RequestAborted);
        Version = Assessment.Version.ToString(CultureInfo.InvariantCulture);
        Refresh();
    }

    /// <summary>Which page was viewed, for the audit.</summary>
    protected string PageName => RasAudience.PageName(PageContext);

    private void Refresh()
    {
        Scheme = (Assessment.RasVersion is { } scored ? catalog.Find(scored) : null) ?? catalog.InForceOn(Today);
        Answers = RasAssessmentService.AnswersOf(Assessment);
        var age = Assessment.AgeYears ?? EligibilityCheck.AgeOn(Child.DateOfBirth, Today);
        Phase = Scheme.Phases.FirstOrDefault(p => p.Id == Assessment.PhaseId)
                ?? Scheme.Phases.FirstOrDefault(p => p.MinimumAge <= age && age <= p.MaximumAge);
    }

    public IReadOnlyList<RasDomainSupportRule> SupportRules => Phase?.SupportRules.Domains ?? [];

    /// <summary>The support already funded the phase takes off the amount (equipment, hours from another service), if any.</summary>
    public IReadOnlyList<RasFundedSupport> FundedSupport => Phase?.FundedSupport ?? [];

    public static string FundedField(string id) => "f-" + id;

    /// <summary>An item of support already funded as entered: "£250.50 a year", "40.5 hours a year", or "None".</summary>
    public string FundedText(RasFundedSupport item) =>
        !Answers.FundedSupport.TryGetValue(item.Id, out var value) ? "None"
        : item.Unit == RasFundedSupportUnit.Money ? $"{Money.Format(value)} a year"
        : $"{value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} hours a year (at {Money.Format(item.HourlyRate ?? 0)} an hour)";

    public RasDomain? Domain(string id) => Phase?.Questionnaire.Domains.FirstOrDefault(d => d.Id == id);

    public IReadOnlyList<RasTask> Tasks()
    {
        if (Phase is null) return [];
        var tasks = Phase.Questionnaire.Domains.Select(d =>
        {
            var answered = d.Questions.Count(q => Answers.Levels.ContainsKey(q.Id));
            return new RasTask(d.Id, d.Name, StatusOf(answered, d.Questions.Count), answered, d.Questions.Count);
        }).ToList();
        var supported = SupportRules.Count(r => Answers.Support.ContainsKey(r.DomainId));
        if (SupportRules.Count > 0 || FundedSupport.Count > 0)
        {
            // Support already funded is optional (most families have none), so only the support levels count towards done.
            var status = SupportRules.Count > 0 ? StatusOf(supported, SupportRules.Count)
                : Answers.FundedSupport.Count > 0 ? RasTaskStatus.Completed : RasTaskStatus.NotStarted;
            tasks.Add(new RasTask(SupportSection, ForFamily ? "Help you already get" : "Support already around the child", status, supported, SupportRules.Count));
        }

        return tasks;
    }

    public IReadOnlyList<RasTask> UnansweredDomains() =>
        Tasks().Where(t => t.Section != SupportSection && t.Status != RasTaskStatus.Completed).ToList();

    private static RasTaskStatus StatusOf(int answered, int of) =>
        answered == 0 ? RasTaskStatus.NotStarted : answered < of ? RasTaskStatus.InProgress : RasTaskStatus.Completed;

    /// <summary>The section after this one, in task list order, or null after the last.</summary>
    public string? NextSection(string section)
    {
        var tasks = Tasks();
        var i = tasks.ToList().FindIndex(t => t.Section == section);
        return i >= 0 && i + 1 < tasks.Count ? tasks[i + 1].Section : null;
    }

    public static string StatusText(RasTaskStatus status) => status switch
    {
        RasTaskStatus.Completed => "Completed",
        RasTaskStatus.InProgress => "In progress",
        _ => "Not yet started",
    };

    /// <summary>The heading of a domain's page: "How much help does Maya need with personal care?" for a family.</summary>
    public string DomainHeading(RasDomain domain) =>
        ForFamily ? $"How much help does {Child.FirstName} need with {LowerFirst(domain.Name)}?" : domain.Name;

    public string SupportHeading => ForFamily
        ? $"What help do you already get with {Child.FirstName}?"
        : "Support already around the child";

    public string SupportLegend(RasDomain domain) => ForFamily
        ? $"{domain.Name}: how much help do family, friends or other services already give?"
        : domain.Name;

    /// <summary>What an answer to a question reads as: the level, or "between" two levels for a half level.</summary>
    public static string? AnswerText(RasQuestion question, string? levelId)
    {
        if (levelId is null) return null;
        var slash = levelId.IndexOf('/');
        if (slash < 0) return question.Levels.FirstOrDefault(l => l.Id == levelId)?.Label is { } label ? UpperFirst(label) : null;
        var lower = question.Levels.FirstOrDefault(l => l.Id == levelId[..slash]);
        var upper = question.Levels.FirstOrDefault(l => l.Id == levelId[(slash + 1)..]);
        return lower is null || upper is null ? null : $"Between “{lower.Label}” and “{upper.Label}”";
    }

    public string SupportText(string? levelId) =>
        levelId is null
            ? "Not answered (counted as no support)"
            : Phase?.SupportRules.Levels.FirstOrDefault(l => l.Id == levelId)?.Label is { } label ? UpperFirst(label) : levelId;

    /// <summary>The answers a question offers, in order from least need to most, with half levels between when allowed.</summary>
    public IReadOnlyList<(string Value, string Text, bool Half)> Options(RasQuestion question)
    {
        var options = new List<(string, string, bool)>();
        for (var i = 0; i < question.Levels.Count; i++)
        {
            options.Add((question.Levels[i].Id, UpperFirst(question.Levels[i].Label), false));
            if (Phase!.Questionnaire.AllowHalfLevels && i + 1 < question.Levels.Count)
            {
                var value = question.Levels[i].Id + "/" + question.Levels[i + 1].Id;
                options.Add((value, AnswerText(question, value)!, true));
            }
        }

        return options;
    }

    /// <summary>The id of a question's first radio, which error messages link to.</summary>
    public static string QuestionField(RasQuestion question) => "q-" + question.Id;

    public static string SupportField(string domainId) => "s-" + domainId;

    public string Date(DateTime? utc) => Pages.Staff.StaffDisplay.Date(utc);

    public string When(DateTime? utc) => Pages.Staff.StaffDisplay.When(utc);

    public static string RouteText(RasRouting routing) => routing switch
    {
        RasRouting.Universal => "Universal and early help services",
        RasRouting.SocialWorkAssessment => "A social work assessment",
        _ => "",
    };

    /// <summary>The staff who may fill in, complete and override an assessment; reviewing officers may look.</summary>
    public static bool IsAssessor(System.Security.Claims.ClaimsPrincipal user) => ChildAccessHandler.IsAssessor(user);

    public static string UpperFirst(string text) => text.Length == 0 ? text : char.ToUpper(text[0], UkCulture) + text[1..];

    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], UkCulture) + text[1..];

    protected static IReadOnlyList<FieldError> ConflictErrors(bool forFamily) =>
    [
        new FieldError("", forFamily
            ? "Someone else changed these answers while you were working on them. Your answers are shown below and have not been saved: check them and save again."
            : "Someone else changed this assessment while you were working on it. Your answers are shown below and have not been saved: check them and save again."),
    ];
}
