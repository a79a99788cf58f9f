namespace ShortBreaks.Web.Pages.Ras;

/// <summary>
/// Starting an assessment: the questionnaire comes from the age phase covering the child's age today, under the
/// RAS version in force. A child has one assessment being filled in at a time; starting again opens that one.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public class RasStartPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public Child Child { get; private set; } = null!;

    public int Age { get; private set; }

    public RasScheme Scheme { get; private set; } = null!;

    public RasPhase? Phase { get; private set; }

    /// <summary>The assessment already being filled in, if there is one.</summary>
    public RasAssessment? Draft { get; private set; }

    /// <summary>Staff or the family: where the pages live (<see cref="RasAudience"/>).</summary>
    public RasAudience Audience => RasAudience.Of(PageContext);

    public bool ForFamily => Audience.ForFamily;

    public override string Title => ForFamily ? $"Fill in the questions about {Child.FirstName}" : "Start a RAS assessment";

    /// <summary>The address of an assessment's task list.</summary>
    public string TasksUrl(Guid assessmentId) => Audience.AssessmentUrl(ChildId, assessmentId);

    public string BackUrl => Audience.StartBackUrl(ChildId);

    private bool MayStart => HttpContext.ChildAccess().MayChange;

    public int QuestionCount => Phase?.Questionnaire.Domains.Sum(d => d.Questions.Count) ?? 0;

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync() is { } missing) return missing;
        if (!MayStart) return Forbid();
        db.RecordView(nameof(Child), ChildId.ToString(), ChildId, "Start a RAS assessment");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync() is { } missing) return missing;
        if (!MayStart) return Forbid();
        if (Draft is not null) return Redirect(TasksUrl(Draft.Id));
        if (Phase is null) return Page();
        var assessment = await assessments.StartAsync(ChildId, Age, Phase.Id, HttpContext.RequestAborted);
        return Redirect(TasksUrl(assessment.Id));
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ChildId && c.MergedIntoChildId == null, ct);
        if (child is null) return NotFound();
        Child = child;
        var today = db.Today;
        Age = EligibilityCheck.AgeOn(child.DateOfBirth, today);
        Scheme = catalog.InForceOn(today);
        Phase = Scheme.Phases.FirstOrDefault(p => p.MinimumAge <= Age && Age <= p.MaximumAge);
        Draft = await assessments.DraftForChildAsync(ChildId, ct);
        return null;
    }
}
