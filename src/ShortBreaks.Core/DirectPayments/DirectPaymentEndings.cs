namespace ShortBreaks.Core.DirectPayments;

/// <summary>
/// Ends the direct payments of Flexible Short Breaks packages whose last day has passed and that have nothing more to pay
/// (no instalment scheduled or in a payment run): the package ended early, was replaced, or reached the end of its year.
/// Each becomes <see cref="DirectPaymentState.Ended"/>, with a line on the child's timeline: no more payments, its account
/// monitored as ended and any unspent balance recovered (<see cref="RecoupmentService"/>). Run once a UK day across every
/// node; a direct payment already ended is not looked at again, so a second run the same day changes nothing.
/// A plan's direct payment is left to the plan (a new version carries it on into the next period).
/// </summary>
public sealed class DirectPaymentEndings(ShortBreaksDbContext db)
{
    /// <summary>How many a save carries, so a county's year end is ended in short transactions.</summary>
    private const int Batch = 500;

    /// <summary>Ends every such direct payment; answers how many.</summary>
    public async Task<int> EndFinishedAsync(CancellationToken ct = default)
    {
        var today = UkCalendar.DateOf(db.UtcNow);
        var ended = 0;
        while (true)
        {
            var due = await db.DirectPayments
                .Where(d => d.State == DirectPaymentState.Active && d.PackageId != null && d.EndsOn != null && d.EndsOn < today)
                .Where(d => !db.DirectPaymentInstalments.Any(i => i.DirectPaymentId == d.Id && (i.State == InstalmentState.Scheduled || i.State == InstalmentState.InRun)))
                .OrderBy(d => d.Id).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) return ended;
            foreach (var payment in due)
            {
                payment.State = DirectPaymentState.Ended;
                db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment, $"Direct payment {payment.Reference} ended: its last day was {Letters.LetterHtml.Day(payment.EndsOn!.Value)}",
                    "Every payment due for its days is made and no more will be. Any money left unspent in the account is to be paid back.");
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            ended += due.Count;
        }
    }
}
