namespace ShortBreaks.Core.DirectPayments;

/// <summary>
/// A direct payment's amounts a year as one stored text ("2026-04-01=1800.00;2026-10-01=1500.00"), in force from each
/// day, so a later change of the schedule knows what the days already paid for were worth.
/// </summary>
public static class DirectPaymentRates
{
    public static string Write(IEnumerable<ScheduleRate> rates) =>
        string.Join(";", rates.Select(r => $"{r.From:yyyy-MM-dd}={r.AnnualAmount.ToString("0.00", CultureInfo.InvariantCulture)}"));

    public static IReadOnlyList<ScheduleRate> Read(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var (day, amount) = (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]);
            return new ScheduleRate(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(amount, CultureInfo.InvariantCulture));
        }).ToList();
}

/// <summary>
/// A direct payment's schedule kept as <see cref="DirectPaymentInstalment"/> rows, made and changed only by
/// <see cref="DirectPaymentSchedule"/> with the settings of the scheme version the direct payment was made under. In the
/// current unit of work: the command that calls it saves.
/// </summary>
public static class DirectPaymentInstalments
{
    /// <summary>The schedule settings and allowance year of the scheme version a direct payment was made under.</summary>
    public static (ScheduleSettings Settings, int YearStartMonth) SettingsOf(SchemeCatalog schemes, DirectPayment payment, DateOnly today)
    {
        var scheme = schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(today);
        return (scheme.DirectPaymentRules.Schedule, scheme.ProviderRules.YearStartMonth);
    }

    /// <summary>On agreement: the whole schedule from <see cref="DirectPayment.StartsOn"/>, every instalment Scheduled.</summary>
    public static void Make(ShortBreaksDbContext db, SchemeCatalog schemes, DirectPayment payment, DateOnly today)
    {
        var (settings, yearStartMonth) = SettingsOf(schemes, payment, today);
        var schedule = DirectPaymentSchedule.Build(settings, yearStartMonth, payment.AnnualAmount, payment.StartsOn, payment.EndsOn);
        payment.RateHistory = DirectPaymentRates.Write(schedule.Rates);
        foreach (var p in schedule.Payments) db.DirectPaymentInstalments.Add(Row(payment, p));
    }

    /// <summary>
    /// A change of the amount a year (and perhaps the last day) from <paramref name="effectiveFrom"/>: instalments due
    /// before it, and every one already in a payment run or paid, are kept; the scheduled ones from it are cancelled and
    /// replaced by the changed schedule's, which settle the days already paid for at the old amount. Answers what was paid
    /// above what is now due and cannot be taken from payments still to come (for recoupment), or nothing when the change
    /// falls after the direct payment ends.
    /// </summary>
    public static async Task<decimal?> ChangeAsync(
        ShortBreaksDbContext db, SchemeCatalog schemes, DirectPayment payment, DateOnly effectiveFrom, decimal newAnnualAmount, DateOnly? newEndsOn, DateOnly today, CancellationToken ct)
    {
        var (settings, yearStartMonth) = SettingsOf(schemes, payment, today);
        var rows = await db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id && i.State != InstalmentState.Cancelled).ToListAsync(ct);
        var end = newEndsOn ?? payment.EndsOn ?? DirectPaymentSchedule.YearEndOf(payment.StartsOn, yearStartMonth);
        if (end < payment.StartsOn) end = payment.StartsOn;
        var effective = effectiveFrom < payment.StartsOn ? payment.StartsOn : effectiveFrom;
        if (effective > end.AddDays(1)) return null;

        var current = new PaymentSchedule(
            payment.StartsOn, payment.EndsOn ?? end, yearStartMonth, settings, DirectPaymentRates.Read(payment.RateHistory),
            rows.Where(r => r.Kind == ScheduledPaymentKind.OneOff).Select(r => new OneOffPayment(r.DueOn, r.Amount, r.Reason ?? "")).ToList(),
            rows.Where(r => r.Kind != ScheduledPaymentKind.OneOff)
                .Select(r => new ScheduledPayment(r.DueOn, r.Amount, r.Kind, r.YearStart ?? r.DueOn, r.CoversFrom, r.CoversTo)).ToList(),
            []);
        var fixedThrough = rows.Where(r => r.Kind != ScheduledPaymentKind.OneOff && r.State is InstalmentState.InRun or InstalmentState.Paid)
            .Select(r => (DateOnly?)r.DueOn).Max();
        var changed = DirectPaymentSchedule.Change(current, effective, newAnnualAmount, end, fixedThrough);

        bool Kept(DateOnly due) => due < effective || (fixedThrough is { } f && due <= f);
        foreach (var row in rows.Where(r => r.Kind != ScheduledPaymentKind.OneOff && !Kept(r.DueOn)))
        {
            if (row.State != InstalmentState.Scheduled) throw new InvalidOperationException("An instalment in a run or paid is always kept.");
            row.State = InstalmentState.Cancelled;
        }

        foreach (var p in changed.Payments.Where(p => p.CountsTowardsYear && !Kept(p.PaidOn))) db.DirectPaymentInstalments.Add(Row(payment, p));
        payment.RateHistory = DirectPaymentRates.Write(changed.Rates);
        payment.AnnualAmount = newAnnualAmount;
        payment.EndsOn = end;
        return changed.Overpaid;
    }

    private static DirectPaymentInstalment Row(DirectPayment payment, ScheduledPayment p) => new()
    {
        DirectPaymentId = payment.Id,
        ChildId = payment.ChildId,
        Kind = p.Kind,
        DueOn = p.PaidOn,
        Amount = p.Amount,
        CoversFrom = p.CoversFrom,
        CoversTo = p.CoversTo,
        YearStart = p.YearStart,
        Reason = p.Reason,
        State = InstalmentState.Scheduled,
    };
}
