using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Staff.Children.Packages;

/// <summary>
/// A child's unused hours on one package with a provider: the figures so far, and the officer's decision to offer them
/// back to the family to rebook (the family is emailed) or to release them for others. Two officers deciding at once:
/// the second is told and nothing of theirs is saved over the first.
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class UnusedHoursModel(ShortBreaksDbContext db, UnusedHoursService service) : GovukPageModel
{
    /// <summary>The version the officer saw: "none" when nothing was decided yet.</summary>
    public const string NoneSeen = "none";

    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid PackageId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Seen { get; set; }

    public override string Title => $"Unused hours with {Row.OrganisationName}";

    public UnusedHoursRow Row { get; private set; } = null!;
    public bool MayChange => HttpContext.Features.Get<ChildAccessResult>()?.MayChange == true;
    public bool CanDecide => MayChange && Row.Decision?.State != UnusedHoursState.Released && (Row.Figures.ChildHoursUnused > 0 || Row.Figures.UnusedMoney > 0);
    public int ReasonMaxLength => UnusedHoursRules.ReasonMaxLength;

    public string? DoneText => Done switch
    {
        "offered" => "The unused hours are offered back to the family, and they have been emailed.",
        "released" => "The unused hours are released for others.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(view: true)) return NotFound();
        Seen = Row.Decision?.Version.ToString(CultureInfo.InvariantCulture) ?? NoneSeen;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (!MayChange) return Forbid();
        List<FieldError> errors;
        if (Seen == NoneSeen || long.TryParse(Seen, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            long? seen = Seen == NoneSeen ? null : long.Parse(Seen!, CultureInfo.InvariantCulture);
            UnusedHoursState? state = Enum.TryParse<UnusedHoursState>(State, out var s) && Enum.IsDefined(s) && !int.TryParse(State, out _) ? s : null;
            var (made, result) = await service.DecideAsync(ChildId, PackageId, state, Reason, seen, HttpContext.RequestAborted);
            if (result.Succeeded)
                return Redirect(Links.StaffPackageUnusedHours(ChildId, PackageId, made!.State == UnusedHoursState.Released ? "released" : "offered"));
            errors = [.. result.Errors];
        }
        else
        {
            errors = [new("", FormVersion.Missing)];
        }

        AddErrors(errors);
        db.ChangeTracker.Clear();
        await LoadAsync(view: false);
        return Page();
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var row = await service.PackageAsync(ChildId, PackageId, HttpContext.RequestAborted);
        if (row is null) return false;
        Row = row;
        if (view)
        {
            db.RecordView(nameof(UnusedHoursDecision), PackageId.ToString(), ChildId, "unused hours page");
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return true;
    }
}
