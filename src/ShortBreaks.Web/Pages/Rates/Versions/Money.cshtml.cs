namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>How points become money in one age phase of a draft: bands or a price per point, and routing.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MoneyModel(RasVersionService versions) : VersionPageModel(versions)
{
    /// <summary>Most bands a phase can have on this page.</summary>
    public const int MaxBands = 30;

    [BindProperty(SupportsGet = true)] public string PhaseId { get; set; } = "";
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public List<BandRow> Bands { get; set; } = [];
    [BindProperty] public string? Threshold { get; set; }
    [BindProperty] public string? PricePerPoint { get; set; }
    [BindProperty] public string? Floor { get; set; }
    [BindProperty] public string? Cap { get; set; }
    [BindProperty] public string? UniversalBelow { get; set; }
    [BindProperty] public string? SocialWorkAbove { get; set; }
    [BindProperty] public string? Action { get; set; }

    public RasPhase Phase { get; private set; } = null!;

    public override string Title => "How points become money";

    /// <summary>A band as typed; a record, so the form binds it through its constructor.</summary>
    public sealed record BandRow(string? Name = null, string? From = null, string? To = null, string? Amount = null, string? Hours = null,
        string? ProviderAmount = null, string? Routing = null);

    public static string BandField(int index, string part) => $"band-{index}-{part}";

    public static string BandProperty(string part) => part switch
    {
        "name" => nameof(BandRow.Name),
        "from" => nameof(BandRow.From),
        "to" => nameof(BandRow.To),
        "amount" => nameof(BandRow.Amount),
        "hours" => nameof(BandRow.Hours),
        _ => nameof(BandRow.ProviderAmount),
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop) return stop;
        if (!FindPhase()) return NotFound();
        var c = Phase.Conversion;
        Method = c.Method;
        Bands = (c.Bands ?? []).Select(b => new BandRow
        {
            Name = b.Name,
            From = Number(b.From),
            To = Number(b.To),
            Amount = Number(b.Amount),
            Hours = b.Hours?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ProviderAmount = Number(b.ProviderAmount),
            Routing = b.Routing is null or RasRouting.None ? "" : b.Routing.ToString(),
        }).ToList();
        (Threshold, PricePerPoint, Floor, Cap) = (Number(c.Threshold), Number(c.PricePerPoint), Number(c.Floor), Number(c.Cap));
        (UniversalBelow, SocialWorkAbove) = (Number(Phase.Routing?.UniversalBelow), Number(Phase.Routing?.SocialWorkAssessmentAbove));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } stop) return stop;
        if (!FindPhase()) return NotFound();

        if (Action == "add")
        {
            if (Bands.Count < MaxBands) Bands.Add(new BandRow { From = Bands.LastOrDefault()?.To });
            else ModelState.AddModelError("", $"A phase can have at most {MaxBands} bands");
            return Page();
        }

        if (Action?.StartsWith("remove-", StringComparison.Ordinal) == true &&
            int.TryParse(Action["remove-".Length..], out var remove) && remove >= 0 && remove < Bands.Count)
        {
            Bands.RemoveAt(remove);
            return Page();
        }

        if (Method is not ("bands" or "pricePerPoint")) ModelState.AddModelError(nameof(Method), "Select how points become money");
        var bands = Method == "bands" ? ReadBands() : null;
        decimal? threshold = null, price = null, floor = null, cap = null;
        if (Method == "pricePerPoint")
        {
            threshold = ReadNumber(nameof(Threshold), Threshold, "the threshold in points");
            price = ReadNumber(nameof(PricePerPoint), PricePerPoint, "the price per point", money: true);
            floor = ReadNumber(nameof(Floor), Floor, "the floor", money: true);
            cap = ReadNumber(nameof(Cap), Cap, "the cap", money: true);
        }

        var universal = ReadNumber(nameof(UniversalBelow), UniversalBelow, "the points below which a child goes to universal services", required: false);
        var social = ReadNumber(nameof(SocialWorkAbove), SocialWorkAbove, "the points above which a child needs a social work assessment", required: false);
        if (!ModelState.IsValid) return Page();

        var phase = Phase with
        {
            Conversion = new RasConversion(Method: Method!, Bands: bands, Threshold: threshold, PricePerPoint: price, Floor: floor, Cap: cap),
            Routing = universal is null && social is null ? null : new RasRoutingThresholds(UniversalBelow: universal, SocialWorkAssessmentAbove: social),
        };
        var changed = Scheme with { Phases = Scheme.Phases.Select(p => p.Id == PhaseId ? phase : p).ToList() };
        if (await SaveAsync(changed, Record.Notes)) return Redirect(Links.RatesVersion(Record.Label, saved: "changes"));
        return Page();
    }

    private List<RasBand> ReadBands()
    {
        var bands = new List<RasBand>();
        if (Bands.Count == 0) ModelState.AddModelError("", "Add at least one band");
        for (var i = 0; i < Bands.Count; i++)
        {
            var row = Bands[i];
            var n = i + 1;
            var name = row.Name?.Trim();
            if (string.IsNullOrEmpty(name)) ModelState.AddModelError(BandField(i, "name"), $"Enter a name for band {n}");
            var from = ReadNumber(BandField(i, "from"), row.From, $"the points band {n} starts from");
            var to = ReadNumber(BandField(i, "to"), row.To, $"the points band {n} goes to");
            var amount = ReadNumber(BandField(i, "amount"), row.Amount, $"the amount a year for band {n}", money: true);
            var provider = ReadNumber(BandField(i, "provider"), row.ProviderAmount, $"the amount through a provider for band {n}", required: false, money: true);
            int? hours = null;
            if (!string.IsNullOrWhiteSpace(row.Hours))
            {
                if (int.TryParse(row.Hours.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) && h <= 10_000) hours = h;
                else ModelState.AddModelError(BandField(i, "hours"), $"The hours for band {n} must be a whole number, like 80");
            }

            RasRouting? routing = row.Routing switch
            {
                "Universal" => RasRouting.Universal,
                "SocialWorkAssessment" => RasRouting.SocialWorkAssessment,
                _ => null,
            };
            if (name is not null && from is not null && to is not null && amount is not null)
                bands.Add(new RasBand(Name: name, From: from.Value, To: to.Value, Amount: amount.Value, Hours: hours, ProviderAmount: provider, Routing: routing));
        }

        return bands;
    }

    private bool FindPhase()
    {
        if (Scheme.Phases.FirstOrDefault(p => p.Id == PhaseId) is not { } phase) return false;
        Phase = phase;
        return true;
    }
}
