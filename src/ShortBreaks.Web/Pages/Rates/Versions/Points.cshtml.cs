namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>One domain of a draft: each question's wording and points, and how support already present lowers them.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PointsModel(RasVersionService versions) : VersionPageModel(versions)
{
    public const int QuestionTextMaxLength = 300;

    [BindProperty(SupportsGet = true)] public string PhaseId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string DomainId { get; set; } = "";
    [BindProperty] public List<QuestionRow> Questions { get; set; } = [];
    [BindProperty] public string? SupportMethod { get; set; }
    [BindProperty] public List<string?> Support { get; set; } = [];

    public RasPhase Phase { get; private set; } = null!;
    public RasDomain Domain { get; private set; } = null!;

    public override string Title => Domain is null ? "Questions and points" : $"{Domain.Name}: questions and points";

    public sealed class QuestionRow
    {
        public string? Text { get; set; }
        public List<string?> Points { get; set; } = [];
    }

    public static string QuestionField(int question, string part) => $"question-{question}-{part}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop) return stop;
        if (!Find()) return NotFound();
        Questions = Domain.Questions.Select(q => new QuestionRow { Text = q.Text, Points = q.Levels.Select(l => (string?)Number(l.Points)).ToList() }).ToList();
        var rule = Phase.SupportRules.Domains.FirstOrDefault(r => r.DomainId == DomainId);
        SupportMethod = rule is null ? "none" : rule.PointsOff is not null ? "points" : "percent";
        var values = rule?.PointsOff ?? rule?.PercentOff;
        Support = Phase.SupportRules.Levels.Select(l => values is not null && values.TryGetValue(l.Id, out var v) ? Number(v) : (string?)"0").ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } stop) return stop;
        if (!Find()) return NotFound();
        while (Questions.Count < Domain.Questions.Count) Questions.Add(new QuestionRow());

        var questions = new List<RasQuestion>();
        for (var q = 0; q < Domain.Questions.Count; q++)
        {
            var original = Domain.Questions[q];
            var row = Questions[q];
            var text = row.Text?.Trim();
            if (string.IsNullOrEmpty(text)) ModelState.AddModelError(QuestionField(q, "text"), $"Enter the wording of question {q + 1}");
            else if (text.Length > QuestionTextMaxLength) ModelState.AddModelError(QuestionField(q, "text"), $"Question {q + 1} must be {QuestionTextMaxLength} characters or fewer");
            var levels = new List<RasLevel>();
            for (var l = 0; l < original.Levels.Count; l++)
            {
                var points = ReadNumber(QuestionField(q, "level-" + l), l < row.Points.Count ? row.Points[l] : null,
                    $"the points for question {q + 1} answered '{original.Levels[l].Label}'");
                if (points is not null) levels.Add(original.Levels[l] with { Points = points.Value });
            }

            questions.Add(original with { Text = text ?? "", Levels = levels });
        }

        var rule = ReadSupportRule();
        if (!ModelState.IsValid) return Page();

        var domain = Domain with { Questions = questions };
        var rules = Phase.SupportRules.Domains.Where(r => r.DomainId != DomainId).ToList();
        if (rule is not null) rules.Add(rule);
        var phase = Phase with
        {
            Questionnaire = Phase.Questionnaire with { Domains = Phase.Questionnaire.Domains.Select(d => d.Id == DomainId ? domain : d).ToList() },
            SupportRules = Phase.SupportRules with { Domains = rules.OrderBy(r => Phase.Questionnaire.Domains.ToList().FindIndex(d => d.Id == r.DomainId)).ToList() },
        };
        var changed = Scheme with { Phases = Scheme.Phases.Select(p => p.Id == PhaseId ? phase : p).ToList() };
        if (await SaveAsync(changed, Record.Notes)) return Redirect(Links.RatesVersion(Record.Label, saved: "changes"));
        return Page();
    }

    private RasDomainSupportRule? ReadSupportRule()
    {
        if (SupportMethod is not ("none" or "points" or "percent"))
        {
            ModelState.AddModelError(nameof(SupportMethod), "Select how support already present lowers the points");
            return null;
        }

        if (SupportMethod == "none") return null;
        var values = new Dictionary<string, decimal>();
        var levels = Phase.SupportRules.Levels;
        for (var s = 0; s < levels.Count; s++)
        {
            var value = ReadNumber("support-" + s, s < Support.Count ? Support[s] : null, $"the {(SupportMethod == "percent" ? "percentage" : "points")} off for '{levels[s].Label}'");
            if (value is not null) values[levels[s].Id] = value.Value;
        }

        return SupportMethod == "points"
            ? new RasDomainSupportRule(DomainId: DomainId, PointsOff: values)
            : new RasDomainSupportRule(DomainId: DomainId, PercentOff: values);
    }

    private bool Find()
    {
        Phase = Scheme.Phases.FirstOrDefault(p => p.Id == PhaseId)!;
        Domain = Phase?.Questionnaire.Domains.FirstOrDefault(d => d.Id == DomainId)!;
        return Phase is not null && Domain is not null;
    }
}
