using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Core.DirectPayments;

/// <summary>A Flexible Short Breaks package's direct payment kept in step with the package when it ends early or is replaced.</summary>
public static class PackageDirectPayments
{
    /// <summary>
    /// When a package taken as a direct payment now ends on <paramref name="lastDay"/> (ended with notice, or replaced by a
    /// changed package from the day after): its direct payment pays for no day after it.
    /// <list type="bullet">
    /// <item>An agreed one: the regular payments still scheduled are worked out again from today at the same amount a year
    /// to the new last day (a last payment for the days left, none after), and one-off sums due after the last day are
    /// cancelled. Instalments already in a payment run or paid are kept; anything paid above what the days are worth is
    /// left for recoupment and said on the timeline.</item>
    /// <item>One waiting for agreement: drafted again to the new last day (its version moves, so a family reading the old
    /// draft is asked to read it again); once the last day has passed it can no longer be agreed.</item>
    /// </list>
    /// Nothing is done when the package had no direct payment, or it already ends by that day. In the current unit of
    /// work: the package's move saves it.
    /// </summary>
    public static async Task EndAsync(ShortBreaksDbContext db, SchemeCatalog schemes, Package package, DateOnly lastDay, string why, CancellationToken ct)
    {
        if (package.Route != PackageRoute.DirectPayment) return;
        var payment = await db.DirectPayments.FirstOrDefaultAsync(d => d.PackageId == package.Id && d.State != DirectPaymentState.Ended, ct);
        if (payment is null || payment.EndsOn is { } ends && ends <= lastDay) return;
        var today = UkCalendar.DateOf(db.UtcNow);
        db.Entry(payment).State = EntityState.Modified;

        if (payment.State == DirectPaymentState.AwaitingAgreement)
        {
            var (settings, yearStartMonth) = DirectPaymentInstalments.SettingsOf(schemes, payment, today);
            var last = lastDay < payment.StartsOn ? payment.StartsOn : lastDay;
            var before = payment.EndsOn ?? package.EndsOn;
            payment.EndsOn = last;
            var amount = DirectPaymentSchedule.Build(settings, yearStartMonth, payment.AnnualAmount, payment.StartsOn, last).Payments.Sum(p => p.Amount);
            var wholeDays = before.DayNumber - payment.StartsOn.DayNumber + 1;
            var hours = Math.Round((package.DirectPaymentHours ?? 0) * (last.DayNumber - payment.StartsOn.DayNumber + 1) / Math.Max(1, wholeDays), 1, MidpointRounding.AwayFromZero);
            var scheme = schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(today);
            var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == payment.ChildId, ct);
            payment.BodyHtml = DirectPaymentAgreementDocument.Compose(scheme, child, payment,
                DirectPaymentAgreementDocument.ForPackage(hours, amount, payment.StartsOn, last)).BodyHtml;
            db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment,
                $"Direct payment {payment.Reference} drafted again to end on {LetterHtml.Day(last)}, as the package {why}",
                $"{Money.FormatPence(amount)} in all: the family is asked to read and agree the new draft.");
            return;
        }

        var cancelled = 0m;
        var oneOffs = await db.DirectPaymentInstalments
            .Where(i => i.DirectPaymentId == payment.Id && i.Kind == ScheduledPaymentKind.OneOff && i.State == InstalmentState.Scheduled)
            .ToListAsync(ct);
        foreach (var row in oneOffs.Where(r => r.DueOn > lastDay))
        {
            row.State = InstalmentState.Cancelled;
            cancelled += row.Amount;
        }

        var effective = today <= lastDay ? today : lastDay.AddDays(1);
        var overpaid = await DirectPaymentInstalments.ChangeAsync(db, schemes, payment, effective, payment.AnnualAmount, lastDay, today, ct);
        var detail = new List<string> { "No payment is made for any day after it." };
        if (cancelled > 0) detail.Add($"One-off sums of {Money.FormatPence(cancelled)} due after it are cancelled.");
        if (overpaid > 0) detail.Add($"{Money.FormatPence(overpaid.Value)} paid above what the days are worth is left for recoupment.");
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment,
            $"Direct payment {payment.Reference} ends on {LetterHtml.Day(payment.EndsOn ?? lastDay)}, as the package {why}", string.Join(" ", detail));
    }
}
