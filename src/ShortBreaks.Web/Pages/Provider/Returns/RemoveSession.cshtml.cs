using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Returns;

/// <summary>
/// Taking a session off a return that was returned by mistake. On a submitted return this is a correction and needs a
/// reason, which the return's page lists afterwards.
/// </summary>
[ChildAccess(ChildRecordKind.Package, "packageId")]
public sealed class RemoveSessionModel(DeliveryReturnService returns) : ProviderPageModel
{
    [BindProperty(SupportsGet = true)] public Guid PackageId { get; set; }
    [BindProperty(SupportsGet = true, Name = "month")] public string? MonthKey { get; set; }
    [BindProperty(SupportsGet = true)] public Guid SessionId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => "Remove a session";

    public ReturnMonthView View { get; private set; } = null!;

    public DeliveredSession Session { get; private set; } = null!;

    public bool Submitted => View.Return?.Status == DeliveryReturnStatus.Submitted;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Return!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            SeenVersion = View.Return!.Version;
            return Page();
        }

        var result = await returns.RemoveSessionAsync(Member.OrganisationId, PackageId, SessionId, seen, Reason, HttpContext.RequestAborted);
        if (result.NotFound) return NotFound();
        if (result.Result.Succeeded) return Redirect(Links.ProviderReturn(PackageId, View.Month, saved: "removed"));
        AddErrors(result.Result.Errors);
        if (result.Result.Conflict)
        {
            if (!await LoadAsync()) return Redirect(Links.ProviderReturn(PackageId, View.Month));
            SeenVersion = View.Return!.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (DeliveryRules.ParseMonth(MonthKey) is not { } month) return false;
        var view = await returns.MonthAsync(Member.OrganisationId, PackageId, month, HttpContext.RequestAborted);
        if (view?.Return?.Sessions.FirstOrDefault(s => s.Id == SessionId) is not { } session || !view.TakesReturns) return false;
        (View, Session) = (view, session);
        return true;
    }
}
