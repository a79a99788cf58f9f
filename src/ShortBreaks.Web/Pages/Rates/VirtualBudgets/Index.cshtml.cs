namespace ShortBreaks.Web.Pages.Rates.VirtualBudgets;

/// <summary>Virtual budget runs, newest first, with their status, and the service budget for each year.</summary>
public sealed class IndexModel(VirtualBudgetService service, IAuthorizationService authorization) : GovukPageModel
{
    public override string Title => "Virtual budgets";

    public IReadOnlyList<VirtualBudgetRun> Runs { get; private set; } = [];
    public IReadOnlyList<ServiceBudget> ServiceBudgets { get; private set; } = [];
    public bool CanSetServiceBudget { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await service.ListAsync(50, ct);
        ServiceBudgets = await service.ServiceBudgetsAsync(ct);
        CanSetServiceBudget = (await authorization.AuthorizeAsync(User, VirtualBudgetPolicies.ServiceBudget)).Succeeded;
    }

    public static string StatusTag(VirtualBudgetRunStatus status) => status switch
    {
        VirtualBudgetRunStatus.Queued => "govuk-tag--grey",
        VirtualBudgetRunStatus.Running => "govuk-tag--blue",
        VirtualBudgetRunStatus.Completed => "govuk-tag--green",
        _ => "govuk-tag--red",
    };

    public static string StatusName(VirtualBudgetRunStatus status) => status switch
    {
        VirtualBudgetRunStatus.Queued => "Waiting to run",
        VirtualBudgetRunStatus.Running => "Running",
        VirtualBudgetRunStatus.Completed => "Complete",
        _ => "Failed",
    };
}
