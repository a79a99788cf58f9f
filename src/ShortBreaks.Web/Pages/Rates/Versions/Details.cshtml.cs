namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>A draft's label, the day it takes effect, its rounding rule and notes.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DetailsModel(RasVersionService versions) : VersionPageModel(versions)
{
    public static readonly IReadOnlyList<(RasRoundingMode Mode, string Text)> Modes =
    [
        (RasRoundingMode.AwayFromZero, "To the nearest step, halves up"),
        (RasRoundingMode.ToEven, "To the nearest step, halves to the even step"),
        (RasRoundingMode.Up, "Always up"),
        (RasRoundingMode.Down, "Always down"),
    ];

    [BindProperty] public string? NewLabel { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? RoundingMode { get; set; }
    [BindProperty] public string? RoundTo { get; set; }
    [BindProperty(Name = "EffectiveFrom")] public DateBoxes EffectiveFrom { get; set; } = new();

    public override string Title => "Label, date, rounding and notes";

    public DateInput EffectiveFromInput => new("EffectiveFrom", "When does it take effect?", EffectiveFrom.Day, EffectiveFrom.Month, EffectiveFrom.Year)
    {
        Hint = "Today or later. For example, 1 4 2027.",
        Error = NewModel.DateError(this, "EffectiveFrom"),
        ErrorParts = EffectiveFrom.ErrorParts,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop) return stop;
        NewLabel = Record.Label;
        Notes = Record.Notes;
        RoundingMode = Scheme.Rounding.Mode.ToString();
        RoundTo = Number(Scheme.Rounding.To);
        EffectiveFrom = DateBoxes.Of(Record.EffectiveFrom);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } stop) return stop;
        var (date, dateError) = EffectiveFrom.Read("EffectiveFrom", "The date it takes effect");
        if (dateError is not null)
        {
            ModelState.AddModelError(dateError.Field, dateError.Message);
        }
        else if (date is null)
        {
            ModelState.AddModelError(DateInput.Key("EffectiveFrom", DateInput.DayPart), "Enter the date the version takes effect");
            EffectiveFrom.ErrorParts = DateInput.AllParts;
        }

        if (!Enum.TryParse<RasRoundingMode>(RoundingMode, out var mode) || !Enum.IsDefined(mode))
            ModelState.AddModelError(nameof(RoundingMode), "Select how the annual amount is rounded");
        var step = ReadNumber(nameof(RoundTo), RoundTo, "the step to round to", money: true);
        if (step == 0) ModelState.AddModelError(nameof(RoundTo), "The step to round to must be more than 0");
        if (!ModelState.IsValid) return Page();

        var changed = Scheme with
        {
            Version = NewLabel?.Trim() ?? "",
            EffectiveFrom = date!.Value,
            Rounding = new RasRounding(Mode: mode, To: step!.Value),
        };
        if (await SaveAsync(changed, Notes)) return Redirect(Links.RatesVersion(changed.Version, saved: "changes"));
        foreach (var key in new[] { "Label", "EffectiveFrom" })
        {
            if (ModelState.TryGetValue(key, out var entry))
            {
                var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
                ModelState.Remove(key);
                foreach (var message in messages)
                    ModelState.AddModelError(key == "Label" ? nameof(NewLabel) : DateInput.Key("EffectiveFrom", DateInput.DayPart), message);
            }
        }

        if (NewModel.DateError(this, "EffectiveFrom") is not null && EffectiveFrom.ErrorParts.Count == 0) EffectiveFrom.ErrorParts = DateInput.AllParts;
        return Page();
    }
}
