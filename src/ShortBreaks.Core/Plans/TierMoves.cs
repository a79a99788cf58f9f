namespace ShortBreaks.Core.Plans;

/// <summary>The only ways a child's tier changes. Each is recorded with who, when and why.</summary>
public enum TierMove
{
    /// <summary>A request decided as Flexible Short Breaks.</summary>
    FlexibleShortBreaksApproved,

    /// <summary>From Flexible to Targeted Short Breaks, through a RAS assessment, a plan and approval.</summary>
    StepUpToTargeted,

    /// <summary>From specialist social care to Targeted Short Breaks, carrying the package across.</summary>
    StepDownFromSocialCare,

    /// <summary>To specialist social care, from Flexible or Targeted Short Breaks.</summary>
    StepUpToSocialCare,

    /// <summary>From Targeted back to Flexible Short Breaks.</summary>
    StepDownToFlexible,

    /// <summary>The young person moves to adult services.</summary>
    TransferToAdultServices,

    /// <summary>The service ends for the child.</summary>
    Closure,
}

/// <summary>Which moves are allowed from which tier, and where each leads. Pure: no database.</summary>
public static class TierMoves
{
    public static string Name(TierMove move) => move switch
    {
        TierMove.FlexibleShortBreaksApproved => "Flexible Short Breaks approved",
        TierMove.StepUpToTargeted => "Step up to Targeted Short Breaks",
        TierMove.StepDownFromSocialCare => "Step down from social care to Targeted Short Breaks",
        TierMove.StepUpToSocialCare => "Step up to social care",
        TierMove.StepDownToFlexible => "Step down to Flexible Short Breaks",
        TierMove.TransferToAdultServices => "Transfer to adult services",
        TierMove.Closure => "Closure",
        _ => move.ToString(),
    };

    /// <summary>
    /// Where a move from <paramref name="from"/> leads, or why it is refused. Targeted Short Breaks are entered only
    /// by a step up from Flexible Short Breaks or a step down from social care.
    /// </summary>
    public static (Tier? To, string? Refusal) Apply(Tier from, TierMove move) => (from, move) switch
    {
        (Tier.None or Tier.Universal, TierMove.FlexibleShortBreaksApproved) => (Tier.FlexibleShortBreaks, null),
        (_, TierMove.FlexibleShortBreaksApproved) => Refuse($"Flexible Short Breaks are approved from a request for a child not already receiving short breaks; this child is on {Tiers.Name(from)}."),

        (Tier.FlexibleShortBreaks, TierMove.StepUpToTargeted) => (Tier.TargetedShortBreaks, null),
        (_, TierMove.StepUpToTargeted) => Refuse($"Targeted Short Breaks are reached only by a step up from Flexible Short Breaks or a step down from social care; this child is on {Tiers.Name(from)}."),

        (Tier.SocialCare, TierMove.StepDownFromSocialCare) => (Tier.TargetedShortBreaks, null),
        (_, TierMove.StepDownFromSocialCare) => Refuse($"Only a child on specialist social care can step down from it; this child is on {Tiers.Name(from)}."),

        (Tier.FlexibleShortBreaks or Tier.TargetedShortBreaks, TierMove.StepUpToSocialCare) => (Tier.SocialCare, null),
        (_, TierMove.StepUpToSocialCare) => Refuse($"A step up to social care is from Flexible or Targeted Short Breaks; this child is on {Tiers.Name(from)}. Make a referral to social care from a request instead."),

        (Tier.TargetedShortBreaks, TierMove.StepDownToFlexible) => (Tier.FlexibleShortBreaks, null),
        (_, TierMove.StepDownToFlexible) => Refuse($"Only a child on Targeted Short Breaks can step down to Flexible Short Breaks; this child is on {Tiers.Name(from)}."),

        (Tier.FlexibleShortBreaks or Tier.TargetedShortBreaks or Tier.SocialCare, TierMove.TransferToAdultServices) => (Tier.None, null),
        (_, TierMove.TransferToAdultServices) => Refuse($"Only a child receiving short breaks or social care transfers to adult services; this child is on {Tiers.Name(from)}."),

        (not Tier.None, TierMove.Closure) => (Tier.None, null),
        (_, TierMove.Closure) => Refuse("The child is not receiving a service, so there is nothing to close."),

        _ => Refuse($"'{move}' is not a move this service knows."),
    };

    /// <summary>Every move allowed from a tier, for offering on the child's record.</summary>
    public static IReadOnlyList<TierMove> AllowedFrom(Tier from) =>
        Enum.GetValues<TierMove>().Where(m => Apply(from, m).To is not null).ToList();

    /// <summary>
    /// The day a young person's support from children's services ends (their birthday at the scheme's age limit),
    /// and whether today falls in the planning window before it.
    /// </summary>
    public static (DateOnly TransferDate, bool InPlanningWindow) AdultTransfer(DateOnly dateOfBirth, int ageLimitYears, int planningMonths, DateOnly today)
    {
        var transfer = dateOfBirth.AddYears(ageLimitYears);
        return (transfer, today >= transfer.AddMonths(-planningMonths));
    }

    private static (Tier?, string?) Refuse(string why) => (null, why);
}
