namespace ShortBreaks.Core.Plans;

/// <summary>Who approves an agreed plan version, and why: the scheme's rules applied to the figures. Pure.</summary>
public static class PlanApproval
{
    public sealed record Route(PlanApprovalRoute By, PanelItemKind? PanelKind, string Reason);

    /// <param name="pendingMove">The move the plan's approval makes, if any (entry to Targeted Short Breaks).</param>
    /// <param name="annualCost">What the new version costs a year.</param>
    /// <param name="indicativeBudget">The indicative budget from the RAS, if the plan has one.</param>
    /// <param name="inForceAnnualCost">What the version in force costs a year, if there is one.</param>
    public static Route For(PlanSettings rules, TierMove? pendingMove, decimal annualCost, decimal? indicativeBudget, decimal? inForceAnnualCost)
    {
        if (pendingMove == TierMove.StepUpToTargeted && rules.PanelForEntryToTargeted)
            return new(PlanApprovalRoute.Panel, PanelItemKind.EntryToTargeted, "Entry to Targeted Short Breaks");
        if (pendingMove == TierMove.StepDownFromSocialCare && (rules.PanelForStepDownFromSocialCare ?? rules.PanelForEntryToTargeted))
            return new(PlanApprovalRoute.Panel, PanelItemKind.EntryToTargeted, "Entry to Targeted Short Breaks: step down from social care");
        if (indicativeBudget is { } budget && annualCost > budget && rules.PanelWhenAboveIndicativeBudget)
        {
            return new(PlanApprovalRoute.Panel, PanelItemKind.AboveIndicativeBudget,
                $"Costs {Money.FormatPence(annualCost - budget)} a year more than the indicative budget of {Money.FormatPence(budget)}");
        }

        if (inForceAnnualCost is { } current && annualCost > current && rules.PanelWhenBudgetRises)
        {
            return new(PlanApprovalRoute.Panel, PanelItemKind.HigherBudget,
                $"Costs {Money.FormatPence(annualCost - current)} a year more than the plan in force ({Money.FormatPence(current)})");
        }

        return rules.ManagerApprovesOtherPlans
            ? new(PlanApprovalRoute.Manager, null, "A change to the plan within the budget")
            : new(PlanApprovalRoute.None, null, "Agreed by the family and the officer; the scheme needs no further approval");
    }
}
