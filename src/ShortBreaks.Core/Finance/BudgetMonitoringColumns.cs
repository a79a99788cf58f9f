using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Core.Finance;

/// <summary>
/// Whole-pence copies of the amounts budget monitoring sums, kept by the database itself as stored generated columns (so
/// every write, however it is made, keeps them right), with indexes that hold everything its sums read: a payment run
/// item's amount by run, budget head and whether it is paid; an instalment's by state, due day and kind. A year of a
/// million payments is then summed from an index in whole numbers, without reading the rows or parsing a decimal
/// (text on SQLite). They are shadow properties: nothing in the code reads or writes them but
/// <see cref="BudgetMonitoringSql"/>.
/// </summary>
public static class BudgetMonitoringColumns
{
    public const string AmountPence = "AmountPence";

    /// <summary>Adds the columns and their indexes to the model, in the SQL of the database the context is for.</summary>
    public static void Configure(ModelBuilder builder, bool postgres)
    {
        var item = builder.Entity<PaymentRunItem>();
        item.Property<long>(AmountPence).HasComputedColumnSql(Pence(nameof(PaymentRunItem.Amount), postgres), stored: true);
        item.HasIndex(nameof(PaymentRunItem.PaymentRunId), nameof(PaymentRunItem.BudgetHead), nameof(PaymentRunItem.PaidAt), AmountPence)
            .HasDatabaseName("IX_PaymentRunItems_BudgetMonitoring");

        var instalment = builder.Entity<DirectPaymentInstalment>();
        instalment.Property<long>(AmountPence).HasComputedColumnSql(Pence(nameof(DirectPaymentInstalment.Amount), postgres), stored: true);
        instalment.HasIndex(nameof(DirectPaymentInstalment.State), nameof(DirectPaymentInstalment.DueOn), nameof(DirectPaymentInstalment.Kind), AmountPence)
            .HasDatabaseName("IX_DirectPaymentInstalments_BudgetMonitoring");
    }

    /// <summary>
    /// A decimal column (stored to the penny) as whole pence. SQLite keeps a decimal as text: read as a real and rounded,
    /// which is exact for amounts to the penny far beyond any this service holds.
    /// </summary>
    private static string Pence(string column, bool postgres) =>
        postgres ? $"CAST(round(\"{column}\" * 100) AS bigint)" : $"CAST(round(CAST(\"{column}\" AS REAL) * 100) AS INTEGER)";
}
