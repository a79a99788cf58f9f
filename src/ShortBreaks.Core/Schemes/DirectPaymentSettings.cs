using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Core.Schemes;

/// <summary>
/// Direct payments and the money around them: how often and how payments are made and rounded, monitoring, surplus,
/// recoupment, the annual audit, the agreement's lists, budget heads and the payment file's layout. Optional in a scheme
/// version: without it, <see cref="Defaults"/> (the seeds' figures where they give one, common council practice
/// otherwise). Words that name a choice (<see cref="Frequency"/>, <see cref="Timing"/>, <see cref="Rounding"/>,
/// <see cref="Recovery"/>, a payment file column's field) are the names of their enums, checked by the validator, so a
/// wrong one is listed with every other problem of the file; read them as enums through the typed members.
/// </summary>
public sealed record DirectPaymentSettings
{
    public static readonly DirectPaymentSettings Defaults = new();

    /// <summary>How often regular payments are made: a <see cref="PaymentFrequency"/> name (default every four weeks).</summary>
    public string Frequency { get; init; } = nameof(PaymentFrequency.FourWeekly);

    /// <summary>Whether a payment is made on the first day of the period it covers or after its last: a <see cref="PaymentTiming"/> name.</summary>
    public string Timing { get; init; } = nameof(PaymentTiming.InAdvance);

    /// <summary>How a year's amount is split into payments in whole pence: a <see cref="PaymentRounding"/> name.</summary>
    public string Rounding { get; init; } = nameof(PaymentRounding.LastPaymentTakesRemainder);

    /// <summary>Months between a family's monitoring returns (receipts, timesheets, statements), 1 to 12.</summary>
    public int MonitoringReturnMonths { get; init; } = 6;

    /// <summary>An account holding more than this many weeks of its payments is flagged as holding a surplus, 1 to 52.</summary>
    public int SurplusThresholdWeeks { get; init; } = 8;

    /// <summary>
    /// Weeks of payments a family may keep as a contingency: recoupment recovers only what is held above it. No more than
    /// <see cref="SurplusThresholdWeeks"/>, so an account flagged always has something to recover.
    /// </summary>
    public int ContingencyWeeks { get; init; } = 4;

    /// <summary>How a recoupment is recovered: a <see cref="RecoveryMethod"/> name.</summary>
    public string Recovery { get; init; } = nameof(RecoveryMethod.ReduceFuturePayments);

    /// <summary>Days a family has, from the recoupment letter's date, to dispute it before it is recovered, 14 to 90.</summary>
    public int RecoveryDisputeDays { get; init; } = 28;

    /// <summary>Months between audits of a direct payment account, 1 to 36 (the seeds: an annual financial audit).</summary>
    public int AuditIntervalMonths { get; init; } = 12;

    /// <summary>The direct payment agreement's lists and figures.</summary>
    public DirectPaymentAgreementSettings Agreement { get; init; } = new();

    /// <summary>The form of a prepaid card account's reference, as the card provider issues it.</summary>
    public PrepaidCardSettings PrepaidCard { get; init; } = new();

    /// <summary>The budget heads (cost centre codes) the service's spending is accounted to.</summary>
    public IReadOnlyList<BudgetHead> BudgetHeads { get; init; } =
    [
        new("SB-DP", "Short breaks direct payments"),
        new("SB-COMM", "Short breaks commissioned services"),
        new("SB-ONEOFF", "Short breaks one-off payments"),
    ];

    /// <summary>The budget head (a code of <see cref="BudgetHeads"/>) each kind of spending is accounted to.</summary>
    public SpendingHeads SpendingHeads { get; init; } = new();

    /// <summary>The CSV payment file the council's finance system imports.</summary>
    public PaymentFileLayout PaymentFile { get; init; } = new();

    [JsonIgnore] public PaymentFrequency PaymentFrequency => Enum.Parse<PaymentFrequency>(Frequency);

    [JsonIgnore] public PaymentTiming PaymentTiming => Enum.Parse<PaymentTiming>(Timing);

    [JsonIgnore] public PaymentRounding PaymentRounding => Enum.Parse<PaymentRounding>(Rounding);

    [JsonIgnore] public RecoveryMethod RecoveryMethod => Enum.Parse<RecoveryMethod>(Recovery);

    /// <summary>The schedule settings the payment rules take.</summary>
    [JsonIgnore] public ScheduleSettings Schedule => new(PaymentFrequency, PaymentTiming, PaymentRounding);

    /// <summary>The budget head a kind of spending is accounted to.</summary>
    public BudgetHead HeadFor(SpendingKind kind)
    {
        var code = kind switch
        {
            SpendingKind.DirectPayment => SpendingHeads.DirectPayment,
            SpendingKind.CommissionedServiceInvoice => SpendingHeads.CommissionedServiceInvoice,
            SpendingKind.OneOffPayment => SpendingHeads.OneOffPayment,
            _ => SpendingHeads.Recoupment,
        };
        return BudgetHeads.First(h => h.Code == code);
    }
}

/// <summary>What the direct payment agreement lists, and its figures.</summary>
public sealed record DirectPaymentAgreementSettings
{
    /// <summary>
    /// What a direct payment may not be spent on. The seeds: a school place, a residential placement or a post-16
    /// institution (Rotherham 2017 §2.3).
    /// </summary>
    public IReadOnlyList<AgreementItem> MayNotBuy { get; init; } =
    [
        new("school-place", "A place at a school, or anything a school must provide"),
        new("residential-placement", "A residential placement"),
        new("post-16-institution", "A place at a college or other post-16 institution"),
    ];

    /// <summary>The records the family keeps, and sends as evidence with a monitoring return.</summary>
    public IReadOnlyList<AgreementItem> RecordsToKeep { get; init; } =
    [
        new("receipts", "Receipts and invoices for everything the direct payment buys"),
        new("timesheets", "Timesheets signed by any personal assistant you employ, and their payslips"),
        new("statements", "Statements of the bank or card account the direct payment is paid into"),
    ];

    /// <summary>Years the family keeps those records, 1 to 10.</summary>
    public int RecordsKeptYears { get; init; } = 6;

    /// <summary>Days of notice either side gives to end the agreement, 0 to 365.</summary>
    public int EndNoticeDays { get; init; } = 28;
}

/// <summary>An entry of one of the agreement's lists: a word id (kept when the wording changes) and its wording.</summary>
public sealed record AgreementItem(string Id, string Text);

/// <summary>
/// The form of a prepaid card account reference as the card provider issues it: letters and digits only (spaces and
/// hyphens people type are dropped).
/// </summary>
public sealed record PrepaidCardSettings
{
    /// <summary>The fewest characters a reference has, 6 to 30.</summary>
    public int ReferenceMinimumLength { get; init; } = 6;

    /// <summary>The most characters a reference has, from the minimum to 30.</summary>
    public int ReferenceMaximumLength { get; init; } = 20;

    /// <summary>Whether a reference may hold letters as well as digits.</summary>
    public bool ReferenceLettersAllowed { get; init; } = true;

    /// <summary>
    /// Whether a 16-digit number that checks as a Visa or Mastercard card number is refused as a reference, so that the
    /// service never holds the long number on the front of a card. Set it to false only for a card provider whose account
    /// references are 16 digits that could pass as card numbers.
    /// </summary>
    public bool RefuseCardNumbers { get; init; } = true;
}

/// <summary>A budget head: the finance system's cost centre <paramref name="Code"/> and its name.</summary>
public sealed record BudgetHead(string Code, string Name);

/// <summary>The budget head code (one of <see cref="DirectPaymentSettings.BudgetHeads"/>) each kind of spending goes to.</summary>
public sealed record SpendingHeads
{
    public string DirectPayment { get; init; } = "SB-DP";

    public string CommissionedServiceInvoice { get; init; } = "SB-COMM";

    public string OneOffPayment { get; init; } = "SB-ONEOFF";

    /// <summary>Money recovered from a family reduces spending on this head (by default the direct payments head it was paid from).</summary>
    public string Recoupment { get; init; } = "SB-DP";
}

/// <summary>
/// The payment file the council's finance system imports. Amounts are written in pounds with two decimal places
/// ("1234.50"), without a "£" or commas.
/// </summary>
public sealed record PaymentFileLayout
{
    /// <summary>The date formats a payment file may use.</summary>
    public static readonly IReadOnlyList<string> DateFormats = ["dd/MM/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "ddMMyyyy", "yyyyMMdd"];

    /// <summary>The columns in order, each a header and the <see cref="PaymentFileField"/> it holds.</summary>
    public IReadOnlyList<PaymentFileColumn> Columns { get; init; } =
    [
        new("Payment reference", nameof(PaymentFileField.PaymentReference)),
        new("Payment date", nameof(PaymentFileField.PaymentDate)),
        new("Payee", nameof(PaymentFileField.PayeeName)),
        new("Sort code", nameof(PaymentFileField.SortCode)),
        new("Account number", nameof(PaymentFileField.AccountNumber)),
        new("Card account reference", nameof(PaymentFileField.CardAccountReference)),
        new("Amount", nameof(PaymentFileField.Amount)),
        new("Cost centre", nameof(PaymentFileField.BudgetHead)),
        new("Kind", nameof(PaymentFileField.Kind)),
    ];

    /// <summary>How dates are written: one of <see cref="DateFormats"/>.</summary>
    public string DateFormat { get; init; } = "dd/MM/yyyy";

    /// <summary>Whether the file's first line holds the headers.</summary>
    public bool HeaderRow { get; init; } = true;
}

/// <summary>A column of the payment file: the header written for it and the <see cref="PaymentFileField"/> name it holds.</summary>
public sealed record PaymentFileColumn(string Header, string Field);
