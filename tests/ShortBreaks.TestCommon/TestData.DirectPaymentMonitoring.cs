using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// Adds (not saved) an active direct payment for the child, as the agreement work would leave it: a confirmed
    /// account of <paramref name="kind"/>, and a four-weekly instalment for each of <paramref name="paid"/> paid and
    /// <paramref name="scheduled"/> still to come, from <paramref name="startsOn"/>.
    /// </summary>
    public static DirectPayment AddDirectPayment(ShortBreaksDbContext db, Guid childId, DateOnly startsOn, decimal annualAmount = 2600m,
        int paid = 3, int scheduled = 10, DirectPaymentAccountKind kind = DirectPaymentAccountKind.BankAccount, string schemeVersion = SchemeVersion)
    {
        var payment = new DirectPayment
        {
            ChildId = childId, Reference = "DP-" + Random.Shared.Next(10_000_000, 99_999_999), State = DirectPaymentState.Active, RecipientName = "Pat Parent",
            AnnualAmount = annualAmount, StartsOn = startsOn, SchemeVersion = schemeVersion, CreatedAt = db.UtcNow, CreatedByName = "Sam Officer",
        };
        db.DirectPayments.Add(payment);
        db.DirectPaymentAccounts.Add(new DirectPaymentAccount
        {
            DirectPaymentId = payment.Id, ChildId = childId, Kind = kind, AccountName = "Pat Parent",
            SortCode = kind == DirectPaymentAccountKind.BankAccount ? "309430" : null, AccountNumber = kind == DirectPaymentAccountKind.BankAccount ? "00733445" : null,
            CardAccountReference = kind == DirectPaymentAccountKind.PrepaidCard ? "CARD123456" : null,
            CreatedAt = db.UtcNow, CreatedByName = "Sam Officer", ConfirmedAt = db.UtcNow,
        });
        var each = Math.Round(annualAmount / 13, 2);
        for (var i = 0; i < paid + scheduled; i++)
        {
            var due = startsOn.AddDays(28 * i);
            db.DirectPaymentInstalments.Add(new DirectPaymentInstalment
            {
                DirectPaymentId = payment.Id, ChildId = childId, Kind = ScheduledPaymentKind.Regular, DueOn = due, Amount = each,
                CoversFrom = due, CoversTo = due.AddDays(27), YearStart = startsOn, State = i < paid ? InstalmentState.Paid : InstalmentState.Scheduled,
                PaidAt = i < paid ? due.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            });
        }

        return payment;
    }

    /// <summary>
    /// Adds (not saved) a row in every monitoring table about the child: a direct payment with a statement and a line
    /// marked outside the plan, a return with an evidence file, an audit, and a recoupment with a reduced payment.
    /// </summary>
    public static DirectPayment AddMonitoringRows(ShortBreaksDbContext db, Guid childId, string tag, DateOnly today)
    {
        var payment = AddDirectPayment(db, childId, today.AddMonths(-7));
        var now = db.UtcNow;
        var statement = new DirectPaymentStatement
        {
            DirectPaymentId = payment.Id, ChildId = childId, AccountId = Guid.NewGuid(), FileName = $"statement-{tag}.csv", FirstDate = today.AddDays(-30), LastDate = today.AddDays(-1),
            LinesAdded = 1, ClosingBalance = 410m, ImportedAt = now, ImportedByName = "Fin Officer",
        };
        db.DirectPaymentStatements.Add(statement);
        db.StatementLines.Add(new StatementLine
        {
            StatementId = statement.Id, DirectPaymentId = payment.Id, ChildId = childId, Row = 2, Date = today.AddDays(-1), Description = $"Card payment {tag}",
            AmountOut = 25m, Balance = 410m, Fingerprint = Guid.NewGuid().ToString("N"), OutsidePlan = true, OutsidePlanReason = $"Not in the plan {tag}", MarkedAt = now, MarkedByName = "Fin Officer",
        });
        var made = new MonitoringReturn
        {
            DirectPaymentId = payment.Id, ChildId = childId, PeriodFrom = payment.StartsOn, PeriodTo = payment.StartsOn.AddMonths(6).AddDays(-1), Spent = 900m, BalanceHeld = 400m,
            Notes = $"Holiday club {tag}", SubmittedAt = now, SubmittedByName = "Pat Parent",
        };
        db.MonitoringReturns.Add(made);
        db.MonitoringReturnEvidence.Add(new MonitoringReturnEvidence
        {
            ReturnId = made.Id, ChildId = childId, KindId = "receipts", FileName = $"receipt-{tag}.pdf", ContentType = "application/pdf", Size = 9,
            Content = "%PDF-1.4\n"u8.ToArray(), UploadedAt = now,
        });
        db.AccountAudits.Add(new AccountAudit
        {
            DirectPaymentId = payment.Id, ChildId = childId, AuditedOn = today, PeriodFrom = payment.StartsOn, PeriodTo = today, Checked = "receipts,statements",
            BalanceFound = 410m, Outcome = AccountAuditOutcome.SurplusToRecover, Findings = $"Receipts in order {tag}", RecordedAt = now, AuditedByName = "Fin Officer",
        });
        var recoupment = new Recoupment
        {
            DirectPaymentId = payment.Id, ChildId = childId, BalanceHeld = 410m, Contingency = 200m, Amount = 210m, Method = RecoveryMethod.ReduceFuturePayments,
            ReducedFromPayments = 200m, InvoiceAmount = 10m, Reasons = $"Surplus held {tag}", LetterDate = today, DisputeBy = today.AddDays(28), CreatedAt = now, CreatedByName = "Fin Officer",
        };
        db.Recoupments.Add(recoupment);
        var instalment = db.ChangeTracker.Entries<DirectPaymentInstalment>().Select(e => e.Entity).Where(i => i.DirectPaymentId == payment.Id && i.State == InstalmentState.Scheduled).OrderBy(i => i.DueOn).First();
        db.RecoupmentDeductions.Add(new RecoupmentDeduction
        {
            RecoupmentId = recoupment.Id, InstalmentId = instalment.Id, ChildId = childId, DueOn = instalment.DueOn, AmountBefore = instalment.Amount, AmountAfter = 0m, At = now,
        });
        instalment.Amount = 0m;
        return payment;
    }
}
