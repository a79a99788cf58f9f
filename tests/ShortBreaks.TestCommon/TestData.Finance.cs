using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// A child's direct payment in <paramref name="state"/> with a bank account (confirmed unless
    /// <paramref name="confirmed"/> is false) and one scheduled instalment of each amount, due on the days given. Made
    /// as rows, as the direct payment pages would leave them. Saved by the caller.
    /// </summary>
    public static (DirectPayment Payment, DirectPaymentAccount Account, List<DirectPaymentInstalment> Instalments) AddPayableDirectPayment(
        ShortBreaksDbContext db, Guid childId, IEnumerable<(DateOnly DueOn, decimal Amount)> instalments,
        DirectPaymentState state = DirectPaymentState.Active, bool confirmed = true, string sortCode = "309430", string accountNumber = "00733445",
        ScheduledPaymentKind kind = ScheduledPaymentKind.Regular)
    {
        var payment = new DirectPayment
        {
            ChildId = childId, Reference = "DP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), State = state, RecipientName = "Pat Parent " + childId.ToString()[..4],
            AnnualAmount = 2600m, StartsOn = new DateOnly(2026, 4, 1), SchemeVersion = SchemeVersion, CreatedAt = db.UtcNow, CreatedByName = "Sam Officer",
        };
        var account = new DirectPaymentAccount
        {
            DirectPaymentId = payment.Id, ChildId = childId, Kind = DirectPaymentAccountKind.BankAccount, AccountName = payment.RecipientName,
            SortCode = sortCode, AccountNumber = accountNumber, CreatedAt = db.UtcNow, CreatedByName = "Sam Officer", ConfirmedAt = confirmed ? db.UtcNow : null,
        };
        var rows = instalments.Select(i => new DirectPaymentInstalment
        {
            DirectPaymentId = payment.Id, ChildId = childId, Kind = kind, DueOn = i.DueOn, Amount = i.Amount,
            Reason = kind == ScheduledPaymentKind.OneOff ? "Start-up sum" : null,
        }).ToList();
        db.DirectPayments.Add(payment);
        db.DirectPaymentAccounts.Add(account);
        db.DirectPaymentInstalments.AddRange(rows);
        return (payment, account, rows);
    }

    /// <summary>
    /// Sessions delivered on a package line (a return for each month they fall in, opened as needed), each of
    /// <paramref name="quantity"/> units. Saved by the caller.
    /// </summary>
    public static void AddDeliveredSessions(ShortBreaksDbContext db, Package package, IEnumerable<DateOnly> days, decimal quantity, CancellationReason? cancelled = null)
    {
        var line = package.Lines[0];
        foreach (var day in days)
        {
            var month = new DateOnly(day.Year, day.Month, 1);
            var delivery = db.DeliveryReturns.Local.FirstOrDefault(r => r.PackageId == package.Id && r.Month == month)
                           ?? db.DeliveryReturns.FirstOrDefault(r => r.PackageId == package.Id && r.Month == month);
            if (delivery is null)
            {
                delivery = new DeliveryReturn { PackageId = package.Id, ChildId = package.ChildId, OrganisationId = package.OrganisationId!.Value, Month = month, DueOn = month.AddMonths(1).AddDays(9) };
                db.DeliveryReturns.Add(delivery);
            }

            db.DeliveredSessions.Add(new DeliveredSession
            {
                ReturnId = delivery.Id, PackageId = package.Id, PackageLineId = line.Id, ChildId = package.ChildId, Date = day, Unit = line.Unit,
                Quantity = cancelled is null ? quantity : 0, Hours = cancelled is null ? quantity * line.HoursEach : 0, Staff = "JW", Cancellation = cancelled,
                RecordedAt = db.UtcNow, RecordedByName = "Jo Worker",
            });
        }
    }

    /// <summary>An approved invoice of one line for <paramref name="package"/>'s line, ready for a payment run. Saved by the caller.</summary>
    public static ProviderInvoice AddApprovedInvoice(ShortBreaksDbContext db, Package package, DateOnly month, decimal quantity, int number)
    {
        var line = package.Lines[0];
        var invoice = new ProviderInvoice
        {
            OrganisationId = package.OrganisationId!.Value, Reference = InvoiceRules.Reference(month, number), Month = month, State = ProviderInvoiceState.Approved,
            SubmittedAt = db.UtcNow, SubmittedByName = "System", DecidedAt = db.UtcNow, DecidedByName = "Fran Finance",
        };
        invoice.Lines.Add(new ProviderInvoiceLine
        {
            InvoiceId = invoice.Id, PackageId = package.Id, PackageLineId = line.Id, ChildId = package.ChildId, Unit = line.Unit,
            Quantity = quantity, UnitPrice = line.UnitPrice, Amount = InvoiceRules.Amount(quantity, line.UnitPrice),
        });
        invoice.Total = invoice.Lines.Sum(l => l.Amount);
        db.ProviderInvoices.Add(invoice);
        return invoice;
    }
}
