using ShortBreaks.Core.Children;

namespace ShortBreaks.Core.DirectPayments;

/// <summary>Where a child's direct payment stands.</summary>
public enum DirectPaymentState
{
    /// <summary>The agreement is drafted and waits for the family to agree it; nothing is paid.</summary>
    AwaitingAgreement,

    /// <summary>Agreed: its schedule is paid by payment runs.</summary>
    Active,

    /// <summary>Ended (the package or plan line ended, or notice was given): nothing more is paid, any unspent balance is recovered.</summary>
    Ended,
}

/// <summary>
/// A child's direct payment: money paid to a family member on the child's behalf, to spend on what a plan's direct
/// payment line or a Flexible Short Breaks package taken as a direct payment says, under a signed written agreement
/// (the seeds: Rotherham 2017 §2.3). Its payments are <see cref="DirectPaymentInstalment"/>s, made by payment runs into
/// its current <see cref="DirectPaymentAccount"/>.
/// </summary>
public sealed class DirectPayment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }

    /// <summary>The service's reference for it ("DP-" and a number), used in payment files and letters instead of a name.</summary>
    public string Reference { get; set; } = "";

    /// <summary>Where it comes from: a Targeted Short Breaks plan version's direct payment line, or a Flexible Short Breaks package taken as a direct payment.</summary>
    public Guid? PlanVersionId { get; set; }
    public Guid? PackageId { get; set; }

    public DirectPaymentState State { get; set; } = DirectPaymentState.AwaitingAgreement;

    /// <summary>The family member receiving it on the child's behalf: their account when they have one, and their name as written in the agreement.</summary>
    public Guid? RecipientUserId { get; set; }
    public string RecipientName { get; set; } = "";

    /// <summary>The amount a year in force now, in pounds; earlier amounts are kept by the instalments already made.</summary>
    public decimal AnnualAmount { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>The scheme version whose direct payment settings (frequency, rounding, agreement lists) it was made under.</summary>
    public string SchemeVersion { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>How a direct payment is received.</summary>
public enum DirectPaymentAccountKind
{
    /// <summary>A bank account designated for the direct payment (sort code and account number).</summary>
    BankAccount,

    /// <summary>A prepaid card account, identified by the card provider's account reference (Nottinghamshire 2015 ¶40).</summary>
    PrepaidCard,
}

/// <summary>
/// An account a direct payment is paid into. A change of account is a new row (the old one keeps when it stopped being
/// used); a new bank account is paid only once the family has confirmed it by a second channel. Bank details are never
/// shown in full after they are entered (<see cref="BankDetails"/>).
/// </summary>
public sealed class DirectPaymentAccount : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }
    public DirectPaymentAccountKind Kind { get; set; }

    /// <summary>The name on the account.</summary>
    public string AccountName { get; set; } = "";

    /// <summary>For a bank account: six digits, and eight digits.</summary>
    public string? SortCode { get; set; }
    public string? AccountNumber { get; set; }

    /// <summary>For a prepaid card: the card provider's account reference.</summary>
    public string? CardAccountReference { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    /// <summary>When the family confirmed it by a second channel; payments go to it only once confirmed.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>When it stopped being the account paid into (a newer one replaced it, or the direct payment ended).</summary>
    public DateTime? ReplacedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>Where one payment of a direct payment stands.</summary>
public enum InstalmentState
{
    /// <summary>Due on its day; not yet in a payment run.</summary>
    Scheduled,

    /// <summary>In a payment run that is not yet paid.</summary>
    InRun,

    /// <summary>Paid by a payment run.</summary>
    Paid,

    /// <summary>No longer to be paid (the schedule changed or the direct payment ended before it was due).</summary>
    Cancelled,
}

/// <summary>
/// One payment of a direct payment's schedule, as worked out by <see cref="DirectPaymentSchedule"/> (a regular payment,
/// an adjustment or a one-off sum with its reason): due on a day, for an amount in whole pence. A payment run takes
/// those due by its date and pays each once and only once.
/// </summary>
public sealed class DirectPaymentInstalment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }
    public ScheduledPaymentKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal Amount { get; set; }

    /// <summary>For a regular payment or an adjustment: the days it covers and the allowance year they belong to.</summary>
    public DateOnly? CoversFrom { get; set; }
    public DateOnly? CoversTo { get; set; }
    public DateOnly? YearStart { get; set; }

    /// <summary>For a one-off sum: why it is paid.</summary>
    public string? Reason { get; set; }

    public InstalmentState State { get; set; } = InstalmentState.Scheduled;

    /// <summary>The payment run it is in or was paid by.</summary>
    public Guid? PaymentRunId { get; set; }

    public DateTime? PaidAt { get; set; }

    public long Version { get; set; }
}
