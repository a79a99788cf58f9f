using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Core.Finance;

/// <summary>
/// The accounts a payment run may pay a direct payment into: the current account (not replaced) and confirmed by the
/// family by a second channel. Kept in one place so payment runs ask one question, which the direct payment accounts'
/// own service can answer instead when it has it.
/// </summary>
public static class PayableAccounts
{
    public static IQueryable<DirectPaymentAccount> Current(ShortBreaksDbContext db) =>
        db.DirectPaymentAccounts.Where(a => a.ConfirmedAt != null && a.ReplacedAt == null);
}
