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

    /// <summary>
    /// Where it comes from: a Targeted Short Breaks plan (<see cref="PlanId"/>, one direct payment a plan, following each
    /// approved version; <see cref="PlanVersionId"/> is the version it follows now), or a Flexible Short Breaks package
    /// taken as a direct payment (one a package). Unique, so the same source never makes two.
    /// </summary>
    public Guid? PlanId { get; set; }
    public Guid? PlanVersionId { get; set; }
    public Guid? PackageId { get; set; }

    public DirectPaymentState State { get; set; } = DirectPaymentState.AwaitingAgreement;

    /// <summary>The family member receiving it on the child's behalf: their account when they have one, and their name as written in the agreement.</summary>
    public string? RecipientUserId { get; set; }
    public string RecipientName { get; set; } = "";

    /// <summary>How the recipient is related to the child ("Mother", "Foster carer"), as the agreement names them.</summary>
    public string RecipientRelationship { get; set; } = "";

    /// <summary>The amount a year in force now, in pounds; earlier amounts are kept by the instalments already made.</summary>
    public decimal AnnualAmount { get; set; }

    /// <summary>
    /// The first day paid for: the source's first day, moved on to the day of agreement when it is agreed later, so
    /// nothing is paid for days before the agreement.
    /// </summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>
    /// Every amount a year in force and the day it took effect (<see cref="DirectPaymentRates"/>), so a change of the
    /// schedule knows what the days already paid for were worth.
    /// </summary>
    public string RateHistory { get; set; } = "";

    /// <summary>
    /// The agreement's text as drafted (HTML, already encoded): what the family reads and agrees. Named so the audit leaves
    /// it out; once agreed it is kept as a letter (<see cref="AgreementLetterId"/>).
    /// </summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>When it was agreed and by whom ("Sam Patel (mother)"); nothing is paid before.</summary>
    public DateTime? AgreedAt { get; set; }
    public string? AgreedByName { get; set; }

    /// <summary>For a family with no online account: how they agreed it and the officer who recorded it; empty when they agreed in their account.</summary>
    public Plans.AgreementMethod? AgreedOnBehalfMethod { get; set; }
    public string? AgreementRecordedByName { get; set; }

    /// <summary>The agreed text, kept exactly as a letter on the child's record (HTML and PDF).</summary>
    public Guid? AgreementLetterId { get; set; }

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

    /// <summary>
    /// When it was confirmed with the family by a second channel, by someone other than who entered it; payments go to it
    /// only once confirmed, so one person alone cannot redirect the money.
    /// </summary>
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedByUserId { get; set; }
    public string? ConfirmedByName { get; set; }
    public AccountConfirmation? ConfirmedBy { get; set; }

    /// <summary>What the person confirming recorded: the number called back, what the family said.</summary>
    public string? ConfirmationNote { get; set; }

    /// <summary>When it stopped being the account paid into (a newer one replaced it, or the direct payment ended).</summary>
    public DateTime? ReplacedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>The second channel an account was confirmed by.</summary>
public enum AccountConfirmation
{
    /// <summary>An officer entered it, and the family confirmed it in their online account.</summary>
    FamilyInAccount,

    /// <summary>An officer called the family back on the number already on file (never one given with the new details) and they confirmed it.</summary>
    CallBackToNumberOnFile,
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
