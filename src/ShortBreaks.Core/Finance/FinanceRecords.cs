using ShortBreaks.Core.Children;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Core.Finance;

/// <summary>Where a provider's invoice stands.</summary>
public enum ProviderInvoiceState
{
    /// <summary>Made from delivered sessions, or sent by the provider, and waiting for finance to check and approve it.</summary>
    Submitted,

    /// <summary>Approved by finance: a payment run pays it.</summary>
    Approved,

    /// <summary>Refused by finance, with the reason; the provider can send a corrected one.</summary>
    Rejected,

    /// <summary>In a payment run that is not yet paid.</summary>
    InRun,

    /// <summary>Paid by a payment run.</summary>
    Paid,
}

/// <summary>
/// A provider's invoice for a month: the hours, nights and sessions delivered on its packages at the agreed prices,
/// made by the service from delivered sessions or sent by the provider and checked against them. Approved by finance
/// and paid once by a payment run.
/// </summary>
public sealed class ProviderInvoice : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }

    /// <summary>The service's reference for it ("INV-" and a number), used in payment files.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The provider's own invoice number, when the provider sent it.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>The first day of the month it is for.</summary>
    public DateOnly Month { get; set; }

    public ProviderInvoiceState State { get; set; } = ProviderInvoiceState.Submitted;

    /// <summary>The sum of its lines, in pounds.</summary>
    public decimal Total { get; set; }

    public DateTime SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string SubmittedByName { get; set; } = "";

    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public string? RejectedReason { get; set; }

    /// <summary>The payment run it is in or was paid by.</summary>
    public Guid? PaymentRunId { get; set; }
    public DateTime? PaidAt { get; set; }

    public long Version { get; set; }

    public List<ProviderInvoiceLine> Lines { get; set; } = [];
}

/// <summary>One package line's delivery in an invoice's month: units at the line's agreed price.</summary>
public sealed class ProviderInvoiceLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InvoiceId { get; set; }
    public Guid PackageId { get; set; }
    public Guid PackageLineId { get; set; }
    public Guid ChildId { get; set; }
    public PriceUnit Unit { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }

    /// <summary>Quantity times price, rounded to the penny (halves away from zero).</summary>
    public decimal Amount { get; set; }
}

/// <summary>Where a payment run stands.</summary>
public enum PaymentRunState
{
    /// <summary>Prepared by a finance officer: the payments and invoices due by its date, waiting for a second officer.</summary>
    Prepared,

    /// <summary>Approved by a second finance officer; being paid (a run that stopped part way is finished from here).</summary>
    Approved,

    /// <summary>Every item paid and the payment file ready to export.</summary>
    Paid,

    /// <summary>Cancelled before it was approved: its items are free for another run.</summary>
    Cancelled,
}

/// <summary>
/// A payment run for a day: every direct payment instalment and approved provider invoice due by then, prepared by one
/// finance officer and approved by another, then paid and exported as the payment file finance imports. Each item is a
/// <see cref="PaymentRunItem"/>; one thing is paid once and only once across every run.
/// </summary>
public sealed class PaymentRun : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The service's reference for it ("RUN-" and a number).</summary>
    public string Reference { get; set; } = "";

    /// <summary>The day its payments are made.</summary>
    public DateOnly PayOn { get; set; }

    public PaymentRunState State { get; set; } = PaymentRunState.Prepared;
    public int ItemCount { get; set; }
    public decimal Total { get; set; }

    public DateTime PreparedAt { get; set; }
    public string PreparedByUserId { get; set; } = "";
    public string PreparedByName { get; set; } = "";

    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedByUserId { get; set; }
    public string? ApprovedByName { get; set; }

    public DateTime? PaidAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelledByName { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One payment in a run: a direct payment instalment or a provider invoice, with who is paid, the amount and the budget
/// head it is accounted to. <see cref="SourceId"/> is unique across every run, so nothing can be in two runs (a
/// cancelled run's items are removed, which frees them).
/// </summary>
public sealed class PaymentRunItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PaymentRunId { get; set; }
    public SpendingKind Kind { get; set; }

    /// <summary>The <see cref="DirectPaymentInstalment"/> or <see cref="ProviderInvoice"/> paid.</summary>
    public Guid SourceId { get; set; }

    /// <summary>The child (for a direct payment) or the provider (for an invoice).</summary>
    public Guid? ChildId { get; set; }
    public Guid? OrganisationId { get; set; }

    /// <summary>The reference of the direct payment or invoice (never a name).</summary>
    public string RecordReference { get; set; } = "";

    /// <summary>Each item's own reference in the payment file, unique for every payment ever made.</summary>
    public string PaymentReference { get; set; } = "";

    public string PayeeName { get; set; } = "";

    /// <summary>The account paid into, as it was when the run was prepared.</summary>
    public Guid? AccountId { get; set; }

    public decimal Amount { get; set; }

    /// <summary>The budget head's cost centre code.</summary>
    public string BudgetHead { get; set; } = "";

    public DateTime? PaidAt { get; set; }
}
