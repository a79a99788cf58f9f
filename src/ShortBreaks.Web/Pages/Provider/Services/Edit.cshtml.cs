using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Services;

/// <summary>
/// A service: what it is, the needs and ages it caters for, where (an address, or the area it serves) and when, and for
/// a new service its first price. A change is saved with the version seen, so a second administrator is told.
/// </summary>
public sealed class EditModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => ServiceId is null ? "Add a service" : "Change a service";

    [BindProperty(SupportsGet = true)] public Guid? ServiceId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public List<string> Needs { get; set; } = [];
    [BindProperty] public string? MinimumAgeYears { get; set; }
    [BindProperty] public string? MaximumAgeYears { get; set; }
    [BindProperty] public string? AreaServed { get; set; }
    [BindProperty] public string? AddressLine { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public List<string> Days { get; set; } = [];
    [BindProperty] public string? OpensAt { get; set; }
    [BindProperty] public string? ClosesAt { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? HoursEach { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public IEnumerable<TaxonomyTermSetting> NeedTerms => Settings.Taxonomy.Terms.Where(t => t.ParentId == "needs");

    public IActionResult OnGet()
    {
        if (!CanChange) return Forbid();
        if (ServiceId is not { } id) return Page();
        var s = Record.Services.FirstOrDefault(x => x.Id == id);
        if (s is null) return NotFound();
        (Name, Description, Kind, Needs) = (s.Name, s.Description, s.Kind, [.. s.Needs.Split(',', StringSplitOptions.RemoveEmptyEntries)]);
        (MinimumAgeYears, MaximumAgeYears, AreaServed) = (s.MinimumAgeYears?.ToString(CultureInfo.InvariantCulture), s.MaximumAgeYears?.ToString(CultureInfo.InvariantCulture), s.AreaServed);
        if (s.Locations.FirstOrDefault()?.Location is { } place) (AddressLine, Town, Postcode) = (place.AddressLine, place.Town, place.Postcode);
        if (s.Schedules.FirstOrDefault() is { } when)
        {
            Days = [.. when.Days.Split(',', StringSplitOptions.RemoveEmptyEntries)];
            (OpensAt, ClosesAt) = (when.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture), when.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        SeenVersion = s.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!CanChange) return Forbid();
        if (ServiceId is { } existing && Record.Services.All(s => s.Id != existing)) return NotFound();
        var errors = new List<FieldError>();
        int? Age(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 25) return years;
            errors.Add(new(field, field == nameof(MinimumAgeYears) ? "Enter the youngest age as a whole number of years from 0 to 25" : "Enter the oldest age as a whole number of years from 0 to 25"));
            return null;
        }

        TimeOnly? Time(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
            errors.Add(new(field, "Enter a time on the 24-hour clock, like 09:30 or 17:00"));
            return null;
        }

        var details = new ServiceDetails(Name, Description, Kind, Needs, Age(nameof(MinimumAgeYears), MinimumAgeYears), Age(nameof(MaximumAgeYears), MaximumAgeYears),
            AreaServed, AddressLine, Town, Postcode, Days, Time(nameof(OpensAt), OpensAt), Time(nameof(ClosesAt), ClosesAt));
        PriceDetails? price = null;
        if (ServiceId is null)
        {
            var unit = Enum.TryParse<PriceUnit>(Unit, out var u) && Enum.IsDefined(u) ? u : (PriceUnit?)null;
            decimal? amount = Money.TryParse(Amount, out var a) ? a : null;
            decimal? hours = decimal.TryParse(HoursEach, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) ? h : null;
            if (!string.IsNullOrWhiteSpace(Amount) && amount is null) errors.Add(new("Amount", "Enter the price in pounds and pence, like 15.50"));
            if (unit == PriceUnit.Session && !string.IsNullOrWhiteSpace(HoursEach) && hours is null) errors.Add(new("HoursEach", "Enter the hours a session lasts, like 2.5"));
            price = new PriceDetails(unit, amount, hours, Today, null);
        }

        if (ServiceId is not null && SeenVersion is null) errors.Add(new("", FormVersion.Missing));
        var (_, result) = errors.Count > 0
            ? (null, CommandResult.Fail(errors))
            : await Framework.SaveServiceAsync(Member.OrganisationId, ServiceId, SeenVersion, details, price, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            // The page's own reading errors first, then the service's rules for the fields it could read.
            var rules = FrameworkService.ValidateService(details, Settings).Where(e => errors.All(x => x.Field != e.Field));
            result = CommandResult.Fail([.. errors, .. rules]);
        }

        if (result.Succeeded) return Redirect(Links.ProviderServices(saved: "service"));
        await ShowAgainAsync(result);
        if (result.Conflict) SeenVersion = Record.Services.FirstOrDefault(s => s.Id == ServiceId)?.Version;
        return Page();
    }
}
