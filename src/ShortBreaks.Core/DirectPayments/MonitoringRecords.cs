namespace ShortBreaks.Core.DirectPayments;

/// <summary>
/// How the card provider's or bank's statement CSV is laid out: which column holds each thing, by its header, and how
/// dates are written. One per <see cref="DirectPaymentAccountKind"/> (the council has one card provider, and bank
/// statements are mapped once for all banks), set the first time a statement of that kind is imported and remembered
/// for the next. Finance officers change it; two changing it at once are kept apart by <see cref="Version"/>.
/// </summary>
public sealed class StatementColumnMapping : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Whose statements it reads: the card provider's or the banks'.</summary>
    public DirectPaymentAccountKind Source { get; set; }

    public string DateColumn { get; set; } = "";
    public string DescriptionColumn { get; set; } = "";

    /// <summary>Money paid in. When <see cref="AmountOutColumn"/> is empty, this one column holds a signed amount (out is negative).</summary>
    public string AmountInColumn { get; set; } = "";
    public string? AmountOutColumn { get; set; }
    public string BalanceColumn { get; set; } = "";

    /// <summary>One of <see cref="StatementCsv.DateFormats"/>.</summary>
    public string DateFormat { get; set; } = "dd/MM/yyyy";

    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public string UpdatedByName { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>A statement imported for a direct payment's account: the file it came from and who imported it. Its lines are <see cref="StatementLine"/>s.</summary>
public sealed class DirectPaymentStatement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }
    public Guid AccountId { get; set; }
    public DirectPaymentAccountKind Source { get; set; }
    public string FileName { get; set; } = "";
    public DateOnly FirstDate { get; set; }
    public DateOnly LastDate { get; set; }

    /// <summary>Lines new to the direct payment, kept; and lines of the file that were already imported before, recognised and not kept again.</summary>
    public int LinesAdded { get; set; }
    public int LinesAlreadyImported { get; set; }

    /// <summary>The balance after the statement's latest line.</summary>
    public decimal ClosingBalance { get; set; }

    public DateTime ImportedAt { get; set; }
    public string? ImportedByUserId { get; set; }
    public string ImportedByName { get; set; } = "";
}

/// <summary>
/// A line of a statement: the day, the description the bank gives, money in and out and the balance after it. A line
/// an officer finds outside the plan (or among what the agreement says a direct payment may not buy) is marked with the
/// reason, and the account is flagged.
/// </summary>
public sealed class StatementLine : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StatementId { get; set; }
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }

    /// <summary>The line's row in its file, counting the header as row 1: the order of lines on one day.</summary>
    public int Row { get; set; }

    /// <summary>Its place in time within its statement, from 0 (a file listing the newest line first is read backwards).</summary>
    public int Order { get; set; }
    public DateOnly Date { get; set; }
    public string Description { get; set; } = "";
    public decimal AmountIn { get; set; }
    public decimal AmountOut { get; set; }
    public decimal Balance { get; set; }

    /// <summary>What makes the line the same line in another import of the same statement (<see cref="StatementCsv.Fingerprint"/>); unique per direct payment.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Marked by an officer as spending outside the plan: why, and the agreement's may-not-buy item it falls under, if one.</summary>
    public bool OutsidePlan { get; set; }
    public string? OutsidePlanReason { get; set; }
    public string? MayNotBuyId { get; set; }
    public DateTime? MarkedAt { get; set; }
    public string? MarkedByName { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A family's monitoring return for a period of their direct payment (the scheme's
/// <see cref="DirectPaymentSettings.MonitoringReturnMonths"/>): what they spent, what the account holds, and the evidence
/// (<see cref="MonitoringReturnEvidence"/>).
/// </summary>
public sealed class MonitoringReturn
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    /// <summary>What the family spent from the account in the period, in pounds.</summary>
    public decimal Spent { get; set; }

    /// <summary>What the family says the account held at the end of the period, in pounds.</summary>
    public decimal BalanceHeld { get; set; }

    public string? Notes { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string SubmittedByName { get; set; } = "";
}

/// <summary>A file sent with a monitoring return: a receipt, a timesheet, a statement (a kind of the agreement's records to keep).</summary>
public sealed class MonitoringReturnEvidence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReturnId { get; set; }
    public Guid ChildId { get; set; }

    /// <summary>The id of the <see cref="DirectPaymentAgreementSettings.RecordsToKeep"/> item it is.</summary>
    public string KindId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>The file's bytes; named Content so the audit trail leaves them out.</summary>
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
}

/// <summary>What an audit of a direct payment account found.</summary>
public enum AccountAuditOutcome
{
    /// <summary>The money was spent as agreed and the records kept.</summary>
    Satisfactory,

    /// <summary>Spent as agreed, but the account holds more than the contingency: recoupment follows.</summary>
    SurplusToRecover,

    /// <summary>Spending outside the plan or records missing: the family is asked to put it right.</summary>
    ActionNeeded,
}

/// <summary>
/// The annual audit of a direct payment account (the seeds: an annual financial audit of direct payments): the period
/// looked at, what the auditor checked (the agreement's records to keep, by id), the balance found, the outcome and
/// the findings. Due again <see cref="DirectPaymentSettings.AuditIntervalMonths"/> after <see cref="AuditedOn"/>.
/// </summary>
public sealed class AccountAudit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly AuditedOn { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    /// <summary>The ids of the records to keep the auditor checked, comma separated.</summary>
    public string Checked { get; set; } = "";
    public decimal BalanceFound { get; set; }
    public AccountAuditOutcome Outcome { get; set; }
    public string Findings { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string? AuditedByUserId { get; set; }
    public string AuditedByName { get; set; } = "";
}

/// <summary>Where a recoupment stands.</summary>
public enum RecoupmentState
{
    /// <summary>The letter is sent; the money is being recovered (future payments reduced, or an invoice to come).</summary>
    Recovering,

    /// <summary>Withdrawn (the family's dispute was upheld): reductions not yet paid are put back.</summary>
    Withdrawn,
}

/// <summary>
/// Money recovered from a family: the balance held above the contingency the scheme allows, or the whole unspent
/// balance when the direct payment has ended. The letter (<see cref="LetterId"/>) gives the reasons, the amount and
/// how to dispute it by <see cref="DisputeBy"/>. Recovered by reducing scheduled payments due after that day
/// (<see cref="RecoupmentDeduction"/>, from the earliest) and, for what they cannot cover or when the scheme says so,
/// by an invoice to the family (<see cref="InvoiceAmount"/>).
/// </summary>
public sealed class Recoupment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DirectPaymentId { get; set; }
    public Guid ChildId { get; set; }
    public RecoupmentState State { get; set; } = RecoupmentState.Recovering;

    /// <summary>Whether it recovers the unspent balance of a direct payment that has ended (no contingency is kept).</summary>
    public bool OnEnding { get; set; }
    public decimal BalanceHeld { get; set; }
    public decimal Contingency { get; set; }
    public decimal Amount { get; set; }
    public RecoveryMethod Method { get; set; }

    /// <summary>Recovered by reducing payments, and left to invoice; the two add up to <see cref="Amount"/>.</summary>
    public decimal ReducedFromPayments { get; set; }
    public decimal InvoiceAmount { get; set; }
    public string Reasons { get; set; } = "";
    public DateOnly LetterDate { get; set; }
    public DateOnly DisputeBy { get; set; }
    public Guid? LetterId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public string? WithdrawnReason { get; set; }
    public long Version { get; set; }
}

/// <summary>One scheduled payment reduced by a recoupment: its amount before and after, so every change is on record and can be put back.</summary>
public sealed class RecoupmentDeduction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecoupmentId { get; set; }
    public Guid InstalmentId { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal AmountBefore { get; set; }
    public decimal AmountAfter { get; set; }
    public DateTime At { get; set; }
}
