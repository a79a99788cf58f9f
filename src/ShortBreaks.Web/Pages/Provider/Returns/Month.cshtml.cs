using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Returns;

/// <summary>
/// One month's delivery return on one of the organisation's packages: the sessions returned so far, a form to return
/// another (delivered, or cancelled and why), and submitting the month. After submission it is corrected only with a
/// reason. Another organisation's package, or a month the package does not run in, answers 404.
/// </summary>
[ChildAccess(ChildRecordKind.Package, "packageId")]
public sealed class MonthModel(DeliveryReturnService returns) : ProviderPageModel
{
    /// <summary>The value of the "what happened" answer for a session that took place.</summary>
    public const string Delivered = "Delivered";

    /// <summary>The version a form carries when nothing had been returned for the month when the page was shown.</summary>
    public const string NoReturnYet = "none";

    [BindProperty(SupportsGet = true)] public Guid PackageId { get; set; }
    [BindProperty(SupportsGet = true, Name = "month")] public string? MonthKey { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    [BindProperty] public Guid? LineId { get; set; }
    [BindProperty(Name = "Date")] public DateBoxes Date { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Quantity { get; set; }
    [BindProperty] public string? Staff { get; set; }
    [BindProperty] public string? CancellationNote { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The return's version when the page was shown: <see cref="NoReturnYet"/> when there was none.</summary>
    [BindProperty] public string? SeenVersion { get; set; }

    public override string Title => View is null ? "Delivery return" : $"Return for {DeliveryRules.MonthName(View.Month)}";

    public ReturnMonthView View { get; private set; } = null!;

    public DateOnly Today => returns.Today;

    public bool Submitted => View.Return?.Status == DeliveryReturnStatus.Submitted;

    public string? DateError => ErrorFor(DateInput.Key("Date", DateInput.DayPart)) ?? ErrorFor(DateInput.Key("Date", DateInput.MonthPart)) ?? ErrorFor(DateInput.Key("Date", DateInput.YearPart));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Return?.Version.ToString(CultureInfo.InvariantCulture) ?? NoReturnYet;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        ClearBindingErrors();
        if (DeliveryRules.ParseMonth(MonthKey) is not { } month) return NotFound();
        var errors = new List<FieldError>();
        var (date, dateError) = Date.Read("Date", "The date of the session");
        if (dateError is not null) errors.Add(dateError);
        else if (date is { } day && DeliveryRules.MonthOf(day) != month)
            errors.Add(new FieldError("Date", $"The date of the session must be in {DeliveryRules.MonthName(month)}: return other months on their own return"));

        CancellationReason? cancellation = null;
        if (Outcome != Delivered)
        {
            if (Enum.TryParse<CancellationReason>(Outcome, out var reason) && Enum.IsDefined(reason) && !int.TryParse(Outcome, out _)) cancellation = reason;
            else errors.Add(new FieldError(nameof(Outcome), "Select what happened"));
        }

        decimal? quantity = null;
        if (!string.IsNullOrWhiteSpace(Quantity))
        {
            if (decimal.TryParse(Quantity.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q < 1000) quantity = q;
            else errors.Add(new FieldError(nameof(Quantity), "Enter the amount delivered as a number, like 2.5"));
        }

        if (!TryReadVersion(out var seen)) return await MissingVersionAsync();
        if (errors.Count == 0)
        {
            var input = new SessionInput(LineId, date, quantity, Staff, cancellation, CancellationNote);
            var result = await returns.AddSessionAsync(Member.OrganisationId, PackageId, input, seen, Reason, versionGiven: true, HttpContext.RequestAborted);
            if (result.NotFound) return NotFound();
            if (result.Result.Succeeded) return Redirect(Links.ProviderReturn(PackageId, month, saved: "added"));
            errors.AddRange(result.Result.Errors.Select(e => e.Field == nameof(SessionInput.Cancellation) ? e with { Field = nameof(Outcome) } : e));
            if (result.Result.Conflict) return await ConflictAsync(errors);
        }

        AddErrors(Date.KeyRuleErrors(Order(errors), "Date"));
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        ClearBindingErrors();
        if (DeliveryRules.ParseMonth(MonthKey) is not { } month) return NotFound();
        if (!TryReadVersion(out var seen)) return await MissingVersionAsync();
        var result = await returns.SubmitAsync(Member.OrganisationId, PackageId, month, seen, versionGiven: true, HttpContext.RequestAborted);
        if (result.NotFound) return NotFound();
        if (result.Result.Succeeded) return Redirect(Links.ProviderReturn(PackageId, month, saved: "submitted"));
        if (result.Result.Conflict) return await ConflictAsync([.. result.Result.Errors]);
        AddErrors(result.Result.Errors);
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    /// <summary>Errors in the order the form asks its questions, so the summary reads down the page.</summary>
    private static List<FieldError> Order(List<FieldError> errors)
    {
        string[] order = ["", nameof(LineId), "Date", "Date-day", "Date-month", "Date-year", nameof(Outcome), nameof(Quantity), nameof(Staff), nameof(CancellationNote), nameof(Reason)];
        return errors.OrderBy(e => Array.IndexOf(order, e.Field) is var i and >= 0 ? i : order.Length).ToList();
    }

    private bool TryReadVersion(out long? seen)
    {
        seen = null;
        if (SeenVersion is null) return false;
        if (SeenVersion == NoReturnYet) return true;
        if (!long.TryParse(SeenVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
        seen = v;
        return true;
    }

    private async Task<IActionResult> MissingVersionAsync()
    {
        AddErrors([new FieldError("", FormVersion.Missing)]);
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Return?.Version.ToString(CultureInfo.InvariantCulture) ?? NoReturnYet;
        return Page();
    }

    /// <summary>Someone else changed the return: the page shows it as it is now, keeping what was typed, and the new version.</summary>
    private async Task<IActionResult> ConflictAsync(List<FieldError> errors)
    {
        AddErrors(errors.Where(e => e.Field.Length == 0));
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Return?.Version.ToString(CultureInfo.InvariantCulture) ?? NoReturnYet;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (DeliveryRules.ParseMonth(MonthKey) is not { } month) return false;
        var view = await returns.MonthAsync(Member.OrganisationId, PackageId, month, HttpContext.RequestAborted);
        if (view is null) return false;
        View = view;
        return true;
    }

    public string UnitsLabel(LineDelivery line) => DeliveryRules.UnitName(line.Unit, 2);

    public string LineName(Guid lineId) => View.Lines.FirstOrDefault(l => l.LineId == lineId)?.ServiceName ?? "";
}
