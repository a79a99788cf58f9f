using System.Linq.Expressions;

namespace ShortBreaks.Core.Plans;

/// <summary>
/// Which plan version is in force on a day (pure): the newest approved version whose
/// <see cref="PlanVersion.EffectiveFrom"/> has come. A lower version under reconsideration has none until the panel
/// decides, so the one before it stays in force. The database query and the pages holding every version use this.
/// </summary>
public static class PlanInForce
{
    /// <summary>Approved and in effect by <paramref name="day"/>: for a database query (the same test as <see cref="Of"/>).</summary>
    public static Expression<Func<PlanVersion, bool>> TakenEffectBy(DateOnly day) =>
        v => v.Status == PlanVersionStatus.Approved && v.EffectiveFrom != null && v.EffectiveFrom <= day;

    /// <summary>The version in force on <paramref name="day"/> among a plan's versions, if any.</summary>
    public static PlanVersion? Of(IEnumerable<PlanVersion> versions, DateOnly day) =>
        versions.Where(v => v.Status == PlanVersionStatus.Approved && v.EffectiveFrom is { } from && from <= day).MaxBy(v => v.Number);
}
