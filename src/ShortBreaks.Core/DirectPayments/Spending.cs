namespace ShortBreaks.Core.DirectPayments;

/// <summary>The kinds of spending budget monitoring counts, each accounted to a budget head (<c>directPayments.spendingHeads</c>).</summary>
public enum SpendingKind
{
    /// <summary>A regular direct payment (and its adjustments).</summary>
    DirectPayment,

    /// <summary>A provider's invoice for commissioned services delivered.</summary>
    CommissionedServiceInvoice,

    /// <summary>A one-off payment to a family, with its reason.</summary>
    OneOffPayment,

    /// <summary>Money recovered from a family; it reduces the spending on its head.</summary>
    Recoupment,
}

/// <summary>How money to recover from a family is recovered.</summary>
public enum RecoveryMethod
{
    /// <summary>Deducted from the payments still to come (for a prepaid card, from the next run).</summary>
    ReduceFuturePayments,

    /// <summary>An invoice to the family.</summary>
    Invoice,
}

/// <summary>What a column of the payment file holds (<c>directPayments.paymentFile.columns</c>).</summary>
public enum PaymentFileField
{
    /// <summary>The payment's own reference, unique for every payment ever made: how finance matches the bank's report back.</summary>
    PaymentReference,

    /// <summary>The day the payment is due, in the layout's date format.</summary>
    PaymentDate,

    /// <summary>Who is paid: the family member receiving the direct payment, or the provider.</summary>
    PayeeName,

    /// <summary>The account's sort code, six digits without hyphens (empty for a prepaid card).</summary>
    SortCode,

    /// <summary>The account number, eight digits (empty for a prepaid card).</summary>
    AccountNumber,

    /// <summary>The prepaid card account's reference (empty for a bank account).</summary>
    CardAccountReference,

    /// <summary>The amount in pounds with two decimal places, "1234.50".</summary>
    Amount,

    /// <summary>The amount in whole pence, "123450".</summary>
    AmountPence,

    /// <summary>The budget head's cost centre code.</summary>
    BudgetHead,

    /// <summary>The kind of spending (<see cref="SpendingKind"/>), in words.</summary>
    Kind,

    /// <summary>The payment run's reference.</summary>
    RunReference,

    /// <summary>The service's reference for the child's direct payment or the provider's invoice (never a name).</summary>
    RecordReference,
}
