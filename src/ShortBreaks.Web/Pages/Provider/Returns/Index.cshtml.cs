using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Returns;

/// <summary>The organisation's agreed packages and where each month's return stands: not submitted, overdue, submitted or late.</summary>
public sealed class IndexModel(DeliveryReturnService returns) : ProviderPageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public string? PageNumber { get; set; }

    public override string Title => "Delivery returns";

    public PackageReturnsList List { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        List = await returns.ReturnsAsync(Member.OrganisationId, page, HttpContext.RequestAborted);
    }

    public static (string Text, string Class) Status(ReturnMonthStatus month) => month switch
    {
        { Status: DeliveryReturnStatus.Submitted, Late: true } => ("Submitted late", "govuk-tag--orange"),
        { Status: DeliveryReturnStatus.Submitted } => ("Submitted", "govuk-tag--green"),
        { Overdue: true } => ("Overdue", "govuk-tag--red"),
        { Sessions: > 0 } => ("In progress", "govuk-tag--blue"),
        _ => ("Not started", "govuk-tag--grey"),
    };
}
