using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.DirectPayments;

/// <summary>A Targeted Short Breaks plan's direct payment kept in step with the plan's approved versions.</summary>
public static class PlanDirectPayments
{
    /// <summary>
    /// When a plan version is approved and the plan already has a direct payment: one waiting for agreement is drafted
    /// again from the new version (its version moves, so a family reading the old draft is asked to read it again); an
    /// active one's schedule changes from the version's effective date, which for a lower budget is already the day after
    /// the notice period (<see cref="NoticeDates"/>), so a reduction follows the notice in force. Instalments already in a
    /// run or paid are kept. In the current unit of work: the plan's approval saves it. A plan with no direct payment yet
    /// is left for an officer to set one up (<see cref="DirectPaymentService.SetUpAsync"/>).
    /// </summary>
    public static async Task FromApprovedPlanAsync(ShortBreaksDbContext db, SchemeCatalog schemes, PlanVersion version, PlanCost cost, CancellationToken ct)
    {
        var payment = await db.DirectPayments.FirstOrDefaultAsync(d => d.PlanId == version.PlanId && d.State != DirectPaymentState.Ended, ct);
        if (payment is null || payment.PlanVersionId == version.Id) return;
        var today = UkCalendar.DateOf(db.UtcNow);
        var annual = DirectPaymentService.DirectPaymentAnnual(cost);
        var effective = version.EffectiveFrom ?? today;
        payment.PlanVersionId = version.Id;
        db.Entry(payment).State = EntityState.Modified;

        if (payment.State == DirectPaymentState.AwaitingAgreement)
        {
            payment.AnnualAmount = annual;
            payment.StartsOn = effective > version.PeriodStart ? effective : version.PeriodStart;
            payment.EndsOn = version.PeriodEnd < payment.StartsOn ? payment.StartsOn : version.PeriodEnd;
            var scheme = schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(today);
            var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == payment.ChildId, ct);
            payment.BodyHtml = DirectPaymentAgreementDocument.Compose(scheme, child, payment, DirectPaymentAgreementDocument.ForPlan(version, cost)).BodyHtml;
            db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment, $"Direct payment {payment.Reference} drafted again from plan version {version.Number}",
                annual > 0 ? $"{Money.FormatPence(annual)} a year: the family is asked to read and agree the new draft." : "The plan has no direct payment lines now: the draft pays nothing.");
            return;
        }

        var overpaid = await DirectPaymentInstalments.ChangeAsync(db, schemes, payment, effective, annual, version.PeriodEnd, today, ct);
        if (overpaid is null) return;
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment,
            $"Direct payment {payment.Reference} changes to {Money.FormatPence(annual)} a year from {LetterHtml.Day(effective)}, following plan version {version.Number}",
            overpaid > 0 ? $"{Money.FormatPence(overpaid.Value)} paid above what is now due cannot be taken from the payments still to come and is left for recoupment." : null);
    }
}
