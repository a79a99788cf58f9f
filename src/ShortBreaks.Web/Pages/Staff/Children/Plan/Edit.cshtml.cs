namespace ShortBreaks.Web.Pages.Staff.Children.Plan;

/// <summary>
/// Writes a child's plan: starts it (for a step up, a step down from social care, or a child on Targeted Short
/// Breaks) or saves a change as a new version. What was typed is never lost: on a problem, or when someone else
/// saved first, the page comes back with it.
/// </summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class EditModel(ShortBreaksDbContext db, PlanService plans) : GovukPageModel
{
    public static readonly IReadOnlyList<(SupportType Value, string Text)> Types =
    [
        (SupportType.PersonalAssistantHours, "Hours of a personal assistant"),
        (SupportType.DayCareHours, "Hours of day care"),
        (SupportType.NightAtHome, "A night at home"),
        (SupportType.ResidentialNight, "A night in a residential unit"),
        (SupportType.CollegeNight, "A night at college"),
        (SupportType.Activity, "An activity or club session"),
        (SupportType.Trip, "A trip"),
    ];

    public static readonly IReadOnlyList<(SupportFrequency Value, string Text)> Frequencies =
        [(SupportFrequency.PerWeek, "a week"), (SupportFrequency.PerMonth, "a month"), (SupportFrequency.PerYear, "a year"), (SupportFrequency.Once, "once")];

    public static readonly IReadOnlyList<(PaymentRoute Value, string Text)> Routes =
        [(PaymentRoute.DirectPayment, "Direct payment"), (PaymentRoute.CommissionedFromProvider, "From a provider"), (PaymentRoute.ManagedByCouncil, "Managed by the council")];

    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty] public PlanForm Form { get; set; } = new();
    [BindProperty] public int? BasedOn { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? RasAssessmentId { get; set; }
    [BindProperty] public string? ChangeSummary { get; set; }
    [BindProperty] public string? Action { get; set; }

    public override string Title => BasedOn is null ? "Start a support plan" : "Change the plan";

    public string ChildName { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public IReadOnlyList<(PlanPurpose Value, string Text)> Purposes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Text)> Assessments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is not { } child) return NotFound();
        if (await plans.OpenPlanAsync(ChildId, HttpContext.RequestAborted) is { } plan)
        {
            var latest = await plans.VersionAsync(plan.Id, plan.LatestNumber, HttpContext.RequestAborted);
            Form = PlanForm.From(PlanContent.Of(latest!));
            BasedOn = plan.LatestNumber;
            SeenVersion = plan.Version;
        }
        else
        {
            var today = plans.Today;
            Form = PlanForm.From(new PlanContent { PeriodStart = today, PeriodEnd = today.AddYears(1).AddDays(-1) });
            Form.Outcomes.Add(new PlanForm.OutcomeRow { Term = nameof(OutcomeTerm.Short) });
            Form.Lines.Add(new PlanForm.LineRow { Frequency = nameof(SupportFrequency.PerWeek), Route = nameof(PaymentRoute.DirectPayment) });
            Purpose = Purposes.Count == 1 ? Purposes[0].Value.ToString() : null;
            RasAssessmentId = Assessments.FirstOrDefault().Id is var id && id != Guid.Empty ? id.ToString() : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync() is null) return NotFound();
        var errors = new List<FieldError>();
        if (Form.ApplyRowAction(Action, errors))
        {
            AddErrors(errors);
            return Page();
        }

        var (content, formErrors) = Form.Read();
        if (content is null)
        {
            AddErrors(formErrors);
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        CommandResult result;
        if (BasedOn is null)
        {
            if (!Enum.TryParse<PlanPurpose>(Purpose, out var purpose) || !Purposes.Any(p => p.Value == purpose))
            {
                ModelState.AddModelError(nameof(Purpose), "Choose what the plan is for");
                return Page();
            }

            (_, result) = await plans.StartAsync(ChildId, purpose, Guid.TryParse(RasAssessmentId, out var assessment) ? assessment : null, content, ct);
        }
        else
        {
            if (SeenVersion is not { } seen)
            {
                ModelState.AddModelError("", FormVersion.Missing);
                return Page();
            }

            (_, result) = await plans.ChangeAsync(await PlanIdAsync(), BasedOn.Value, content, ChangeSummary, seen, ct);
        }

        if (result.Succeeded) return Redirect(Links.StaffPlan(ChildId, saved: true));
        AddErrors(result.Errors.Select(e => e.Field switch
        {
            "PeriodStart" => e with { Field = "start-day" },
            "PeriodEnd" => e with { Field = "end-day" },
            "Lines" => e with { Field = "Lines" },
            _ => e,
        }));
        return Page();
    }

    private async Task<Guid> PlanIdAsync() =>
        (await plans.OpenPlanAsync(ChildId, HttpContext.RequestAborted))?.Id ?? Guid.Empty;

    private async Task<Child?> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ChildId, ct);
        if (child is null) return null;
        ChildName = child.FullName;
        ChildReference = child.Reference;
        Purposes = child.Tier switch
        {
            Tier.FlexibleShortBreaks => [(PlanPurpose.StepUp, "A step up to Targeted Short Breaks: the child moves when the plan is approved")],
            Tier.SocialCare => [(PlanPurpose.StepDownFromSocialCare, "A step down from social care: enter the social worker's package as it is")],
            Tier.TargetedShortBreaks => [(PlanPurpose.Targeted, "A plan for a child on Targeted Short Breaks")],
            _ => [],
        };
        Assessments = (await db.RasAssessments.AsNoTracking()
                .Where(a => a.ChildId == ChildId && a.Status == RasAssessmentStatus.Completed)
                .OrderByDescending(a => a.CompletedAt).ToListAsync(ct))
            .Select(a => (a.Id, $"{((a.OverrideAmount ?? a.IndicativeAmount) is { } amount ? Core.Money.Format(amount) : "")} a year, completed {UkCalendar.Day(a.CompletedAt)} (RAS {a.RasVersion})"))
            .ToList();
        db.RecordView("SupportPlan", ChildId.ToString(), ChildId, "Plan editor");
        await db.SaveChangesAsync(ct);
        return child;
    }
}
