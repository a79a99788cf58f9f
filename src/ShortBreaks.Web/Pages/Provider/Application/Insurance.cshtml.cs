using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>
/// The organisation's insurance policies, with their cover and the day they end. The scheme says which it must hold
/// and the least cover of each; a renewed policy is added and the old one removed.
/// </summary>
public sealed class InsuranceModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Insurance";

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Insurer { get; set; }
    [BindProperty] public string? PolicyNumber { get; set; }
    [BindProperty] public string? CoverAmount { get; set; }
    [BindProperty(Name = "ExpiresOn")] public DateBoxes ExpiresOn { get; set; } = new();
    [BindProperty] public Guid? InsuranceId { get; set; }

    public DateInput ExpiresOnInput => new("ExpiresOn", "When does the policy end?", ExpiresOn.Day, ExpiresOn.Month, ExpiresOn.Year)
    {
        Hint = "The last day it covers. For example, 31 3 2027",
        ErrorParts = ExpiresOn.ErrorParts,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        ClearBindingErrors();
        var (expires, dateError) = ExpiresOn.Read("ExpiresOn", "The date the policy ends");
        var kind = Enum.TryParse<InsuranceKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (InsuranceKind?)null;
        decimal? cover = Money.TryParse(CoverAmount, out var amount) ? amount : null;
        var result = await Framework.AddInsuranceAsync(Member.OrganisationId, new InsuranceDetails(kind, Insurer, PolicyNumber, cover, expires), HttpContext.RequestAborted);
        var errors = result.Errors.ToList();
        if (!string.IsNullOrWhiteSpace(CoverAmount) && cover is null)
            errors = [.. errors.Where(e => e.Field != "CoverAmount"), new FieldError("CoverAmount", "Enter the amount of cover in pounds, like 5000000")];
        if (dateError is not null) errors = [.. errors.Where(e => e.Field != "ExpiresOn"), dateError];
        if (errors.Count == 0 && result.Succeeded) return Redirect(Links.ProviderApplicationInsurance());
        return await ShowAgainAsync(CommandResult.Fail(ExpiresOn.KeyRuleErrors(errors, "ExpiresOn")));
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        ClearBindingErrors();
        if (InsuranceId is not { } id) return Redirect(Links.ProviderApplicationInsurance());
        var result = await Framework.RemoveInsuranceAsync(Member.OrganisationId, id, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect(Links.ProviderApplicationInsurance()) : await ShowAgainAsync(result);
    }
}
