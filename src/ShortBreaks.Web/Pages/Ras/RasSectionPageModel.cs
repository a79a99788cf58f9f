namespace ShortBreaks.Web.Pages.Ras;

/// <summary>
/// One task of the assessment: a domain's questions as radios, or the support already around the child. Answers
/// are saved as a draft; "Save and continue" asks for every question on the page, "Save and come back later"
/// keeps whatever has been answered.
/// </summary>
public class RasSectionPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog)
    : RasPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public string Section { get; set; } = "";

    /// <summary>The answer chosen per field ("q-" + question id, or "s-" + domain id), as on the page.</summary>
    public Dictionary<string, string> Chosen { get; } = new(StringComparer.Ordinal);

    public RasDomain? CurrentDomain { get; private set; }

    public bool IsSupport => Section == SupportSection;

    public override string Title => IsSupport ? SupportHeading : CurrentDomain is { } d ? DomainHeading(d) : "Question";

    /// <summary>The domains the support question is asked for: those whose points support lowers.</summary>
    public IReadOnlyList<RasDomain> SupportDomains =>
        SupportRules.Select(r => Domain(r.DomainId)).OfType<RasDomain>().ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: true) is { } missing) return missing;
        if (FindSection() is { } notFound) return notFound;
        if (!CanEdit) return Redirect(Assessment.Status == RasAssessmentStatus.Completed ? BaseUrl + "/result" : BaseUrl);

        if (IsSupport)
        {
            foreach (var (domainId, level) in Answers.Support) Chosen[SupportField(domainId)] = level;
            foreach (var (id, value) in Answers.FundedSupport) Chosen[FundedField(id)] = value.ToString("0.##", CultureInfo.InvariantCulture);
        }
        else
        {
            foreach (var q in CurrentDomain!.Questions)
            {
                if (Answers.Levels.TryGetValue(q.Id, out var level)) Chosen[QuestionField(q)] = level;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: false) is { } missing) return missing;
        if (FindSection() is { } notFound) return notFound;
        if (!MayEdit) return Forbid();
        if (!CanEdit)
        {
            AddErrors([new FieldError("", ForFamily ? "Your officer has completed this assessment, so the answers cannot be changed now." : "This assessment is complete: start a new one to change the answers.")]);
            return Page();
        }

        var continuing = action != "later";
        var errors = new List<FieldError>();
        var levels = new Dictionary<string, string>(Answers.Levels, StringComparer.Ordinal);
        var support = new Dictionary<string, string>(Answers.Support, StringComparer.Ordinal);
        var funded = new Dictionary<string, decimal>(Answers.FundedSupport, StringComparer.Ordinal);
        if (IsSupport)
        {
            var allowed = Phase!.SupportRules.Levels.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var domain in SupportDomains)
            {
                support.Remove(domain.Id);
                var unanswered = continuing ? (ForFamily ? $"Select how much help you already get with {LowerFirst(domain.Name)}" : $"Select the support already there for {LowerFirst(domain.Name)}") : null;
                if (ReadChoice(SupportField(domain.Id), unanswered, LowerFirst(domain.Name), allowed.Contains, errors) is { } value) support[domain.Id] = value;
            }

            foreach (var item in FundedSupport)
            {
                var field = FundedField(item.Id);
                var text = Request.Form[field].ToString().Trim();
                funded.Remove(item.Id);
                Chosen[field] = text;
                if (text.Length == 0) continue;
                if (ReadFunded(item, text) is { } value)
                {
                    funded[item.Id] = value;
                }
                else
                {
                    errors.Add(new(field, item.Unit == RasFundedSupportUnit.Money
                    ? $"Enter {LowerFirst(item.Name)} as an amount in pounds a year, like 250 or 250.50, or leave it empty"
                    : $"Enter {LowerFirst(item.Name)} as a number of hours a year, like 40 or 40.5, or leave it empty"));
                }
            }
        }
        else
        {
            foreach (var question in CurrentDomain!.Questions)
            {
                levels.Remove(question.Id);
                var unanswered = continuing ? (ForFamily ? $"Select how much help {Child.FirstName} needs with {LowerFirst(question.Text)}" : $"Select how much help is needed with {LowerFirst(question.Text)}") : null;
                if (ReadChoice(QuestionField(question), unanswered, LowerFirst(question.Text), v => Options(question).Any(o => o.Value == v), errors) is { } value) levels[question.Id] = value;
            }
        }

        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        var answers = new RasAnswers { AgeYears = Assessment.AgeYears, PhaseId = Assessment.PhaseId ?? Phase!.Id, Levels = levels, Support = support, FundedSupport = funded };
        var result = await Assessments.SaveAnswersAsync(Assessment, answers, VersionSeen, HttpContext.RequestAborted);
        if (result.Conflict)
        {
            await ReloadAfterConflictAsync();
            AddErrors(ConflictErrors(ForFamily));
            return Page();
        }

        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        if (!continuing) return Redirect(BaseUrl + "?saved=true");
        return Redirect(NextSection(Section) is { } next ? $"{BaseUrl}/answers/{next}" : BaseUrl + "/" + Audience.CheckPage);
    }

    /// <summary>
    /// The answer chosen in one group of radios, kept to show again, when it is one of the answers. No answer is an
    /// error only when <paramref name="unanswered"/> is given (saving for later needs none).
    /// </summary>
    private string? ReadChoice(string field, string? unanswered, string subject, Func<string, bool> isAnswer, List<FieldError> errors)
    {
        var value = Request.Form[field].ToString();
        if (value.Length == 0)
        {
            if (unanswered is not null) errors.Add(new(field, unanswered));
            return null;
        }

        Chosen[field] = value;
        if (isAnswer(value)) return value;
        errors.Add(new(field, $"Select one of the answers for {subject}"));
        return null;
    }

    /// <summary>Pounds (as <see cref="Money.TryParse"/> reads them, to the penny) or hours a year; null when not a figure the engine takes.</summary>
    private static decimal? ReadFunded(RasFundedSupport item, string text)
    {
        decimal value;
        if (item.Unit == RasFundedSupportUnit.Money)
        {
            if (!Money.TryParse(text, out value) || !Money.IsWholePence(value)) return null;
        }
        else if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        return value is >= 0 and <= CompiledRasScheme.MaxFundedSupport ? value : null;
    }

    private IActionResult? FindSection()
    {
        if (Phase is null) return NotFound();
        if (IsSupport) return SupportRules.Count > 0 || FundedSupport.Count > 0 ? null : NotFound();
        CurrentDomain = Domain(Section);
        return CurrentDomain is null ? NotFound() : null;
    }
}
