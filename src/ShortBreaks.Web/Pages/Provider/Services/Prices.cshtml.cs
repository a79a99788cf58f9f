using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Services;

/// <summary>
/// A service's prices: the history (each from its day, to the day before the next) and a new price from a date, today or
/// later (UK day). A price once set is never changed; a package already agreed keeps the price it was agreed at.
/// </summary>
public sealed class PricesModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Prices";

    protected override bool AdministratorsOnly => false;

    [BindProperty(SupportsGet = true)] public Guid ServiceId { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? HoursEach { get; set; }
    [BindProperty(Name = "EffectiveFrom")] public DateBoxes EffectiveFrom { get; set; } = new();

    public Service Service { get; private set; } = null!;

    public DateInput EffectiveFromInput => new("EffectiveFrom", "From when?", EffectiveFrom.Day, EffectiveFrom.Month, EffectiveFrom.Year)
    {
        Hint = $"Today or later. For example, {Today.AddMonths(1):d M yyyy}",
        ErrorParts = EffectiveFrom.ErrorParts,
    };

    public IActionResult OnGet()
    {
        if (Record.Services.FirstOrDefault(s => s.Id == ServiceId) is not { } service) return NotFound();
        Service = service;
        Unit = ServicePrices.InForce(service.Prices, Today)?.Unit.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (Record.Services.FirstOrDefault(s => s.Id == ServiceId) is null) return NotFound();
        var errors = new List<FieldError>();
        var (from, dateError) = EffectiveFrom.Read("EffectiveFrom", "The date the price starts");
        var unit = Enum.TryParse<PriceUnit>(Unit, out var u) && Enum.IsDefined(u) ? u : (PriceUnit?)null;
        decimal? amount = Money.TryParse(Amount, out var a) ? a : null;
        decimal? hours = decimal.TryParse(HoursEach, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) ? h : null;
        var result = await Framework.AddPriceAsync(Member.OrganisationId, ServiceId, new PriceDetails(unit, amount, hours, from, null), HttpContext.RequestAborted);
        if (result.Succeeded && dateError is null) return Redirect(Links.ProviderServices(saved: "price"));
        errors.AddRange(result.Errors);
        if (!string.IsNullOrWhiteSpace(Amount) && amount is null) errors = [.. errors.Where(e => e.Field != "Amount"), new FieldError("Amount", "Enter the price in pounds and pence, like 15.50")];
        if (dateError is not null) errors = [.. errors.Where(e => e.Field != "EffectiveFrom"), dateError];
        await ShowAgainAsync(CommandResult.Fail(EffectiveFrom.KeyRuleErrors(errors, "EffectiveFrom")));
        Service = Record.Services.First(s => s.Id == ServiceId);
        return Page();
    }
}
