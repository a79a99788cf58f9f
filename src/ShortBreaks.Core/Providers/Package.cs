using ShortBreaks.Core.Children;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// A child's Flexible Short Breaks allowance year as a row to take turns on: every build, brokering or change of a
/// package that commits against the allowance bumps its <see cref="Version"/> in the same save, having read it before
/// the other packages. Of two commits at once for one child and year, on any node, the second then fails with a
/// concurrency conflict (or, when both would make the row, the key), instead of both passing the check and together
/// going over the allowance.
/// </summary>
public sealed class AllowanceYear : IVersioned
{
    public Guid ChildId { get; set; }

    /// <summary>The first day of the allowance year (<see cref="AllowanceYears"/>).</summary>
    public DateOnly YearStart { get; set; }

    /// <summary>When a package was last committed against it (UTC).</summary>
    public DateTime ChangedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A child's package for a year: a service agreement with one organisation (its lines from the organisation's
/// services), or the hours the family takes as a direct payment. Committed against the child's allowance; sent to the
/// provider, who accepts or declines; changed or ended with notice. Every move is a <see cref="PackageStateChange"/>
/// and is allowed only by <see cref="PackageMoves"/>.
/// </summary>
public sealed class Package : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }

    /// <summary>Through a provider (with <see cref="OrganisationId"/>) or a direct payment (without).</summary>
    public PackageRoute Route { get; set; }

    public Guid? OrganisationId { get; set; }

    /// <summary>The tier it is funded from: Flexible Short Breaks, or a Targeted Short Breaks plan's provider line.</summary>
    public Tier Tier { get; set; }

    /// <summary>For Targeted Short Breaks: the approved plan version and line it carries out.</summary>
    public Guid? PlanVersionId { get; set; }
    public Guid? PlanSupportLineId { get; set; }

    /// <summary>The first day of the allowance year it counts against (<see cref="AllowanceYears"/>).</summary>
    public DateOnly YearStart { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public PackageState State { get; set; } = PackageState.Draft;

    /// <summary>For a direct payment: hours taken that way, and the scheme's rate for them when agreed.</summary>
    public decimal? DirectPaymentHours { get; set; }
    public decimal? DirectPaymentAmount { get; set; }

    /// <summary>The scheme version its allowance and rates came from.</summary>
    public string SchemeVersion { get; set; } = "";

    /// <summary>When a package is changed, the package that replaces it (a new agreement at its own prices); when a declined one is brokered again, the new one.</summary>
    public Guid? ReplacedByPackageId { get; set; }

    /// <summary>When notice to end was given, the last day it runs; <see cref="EndsOn"/> moves to it.</summary>
    public DateOnly? NoticeGivenOn { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    /// <summary>Its monthly returns that are submitted, kept by every save that adds, submits or removes one (<see cref="DeliveredTotals"/>).</summary>
    public int ReturnsSubmitted { get; set; }

    public long Version { get; set; }

    public List<PackageLine> Lines { get; set; } = [];
}

public enum PackageRoute
{
    Provider,
    DirectPayment,
}

/// <summary>Where a package stands. Declined, Changed and Ended are final.</summary>
public enum PackageState
{
    Draft,
    Sent,
    Accepted,
    Declined,
    Changed,
    Ended,
}

/// <summary>
/// What a package buys from one service: so many units (hours, nights or sessions) so often, at the price in force
/// when the package was made. The price is copied, so a later price change never alters an agreed package.
/// </summary>
public sealed class PackageLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PackageId { get; set; }
    public Guid ChildId { get; set; }
    public Guid ServiceId { get; set; }

    /// <summary>The service's name when agreed.</summary>
    public string ServiceName { get; set; } = "";

    public PriceUnit Unit { get; set; }

    /// <summary>Units each <see cref="Frequency"/> (for example 3 hours a week).</summary>
    public decimal Quantity { get; set; }

    public LineFrequency Frequency { get; set; }

    /// <summary>Units in the whole package, worked out when agreed from quantity, frequency and dates.</summary>
    public decimal TotalUnits { get; set; }

    /// <summary>Hours one unit counts against the child's hours (an hour 1, a session its length, a night 0).</summary>
    public decimal HoursEach { get; set; }

    /// <summary>The price snapshot: the unit cost in force on the day it was agreed, and the price row it came from.</summary>
    public decimal UnitPrice { get; set; }
    public Guid? ServicePriceId { get; set; }
    public DateOnly PriceEffectiveFrom { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// Units delivered on the line so far: the sum of its sessions that were not cancelled, kept by every save that adds,
    /// changes or removes a session (<see cref="DeliveredTotals"/>), so reports read one row a line, not every session.
    /// </summary>
    public decimal DeliveredUnits { get; set; }
}

public enum LineFrequency
{
    /// <summary>The quantity is for the whole package.</summary>
    Total,
    Weekly,
    Monthly,
}

/// <summary>One move of a package's state: from, to, who (and in what capacity), when, why. Never changed once written.</summary>
public sealed class PackageStateChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PackageId { get; set; }
    public Guid ChildId { get; set; }
    public PackageState? From { get; set; }
    public PackageState To { get; set; }
    public PackageActor By { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string? Reason { get; set; }
}
