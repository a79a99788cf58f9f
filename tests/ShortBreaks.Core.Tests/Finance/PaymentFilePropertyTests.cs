using System.Globalization;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.Finance;

/// <summary>
/// Properties of every payment file: over thousands of seeded random runs (any number of rows, amounts in whole pence,
/// payees that look like formulas or hold commas and quotes, each layout's columns), the file's total is the sum of its
/// rows and equals the run's total, and it has one line a payment.
/// </summary>
public sealed class PaymentFilePropertyTests
{
    private const int Cases = 2000;

    [Fact]
    public void A_files_rows_add_up_to_the_run_total_in_pounds_and_in_pence()
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            var random = new Random(seed);
            var rows = Enumerable.Range(0, random.Next(0, 40)).Select(i => Row(random, i)).ToList();
            var runTotal = rows.Sum(r => r.Amount);
            var layout = new PaymentFileLayout
            {
                Columns = [new("Ref", nameof(PaymentFileField.PaymentReference)), new("Payee", nameof(PaymentFileField.PayeeName)),
                    new("Pounds", nameof(PaymentFileField.Amount)), new("Pence", nameof(PaymentFileField.AmountPence)), new("Kind", nameof(PaymentFileField.Kind))],
                HeaderRow = random.Next(2) == 0,
            };

            var records = Read(PaymentFile.Write(rows, layout));

            var data = layout.HeaderRow ? records.Skip(1).ToList() : records;
            data.Count.ShouldBe(rows.Count, $"seed {seed}");
            data.Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)).ShouldBe(runTotal, $"seed {seed}");
            data.Sum(r => long.Parse(r[3], CultureInfo.InvariantCulture)).ShouldBe((long)(runTotal * 100), $"seed {seed}");
            data.Select(r => r[0]).ShouldBe(rows.Select(r => r.PaymentReference), $"seed {seed}");
        }
    }

    [Fact]
    public void The_default_layout_writes_the_bank_details_and_the_date_in_its_format_and_a_payee_cannot_run_as_a_formula()
    {
        var row = new PaymentFileRow("RUN-20261130-1-00001", new DateOnly(2026, 11, 30), "=HYPERLINK(\"x\")", "309430", "00733445", null,
            1234.5m, "SB-DP", SpendingKind.DirectPayment, "RUN-20261130-1", "DP-1");

        var csv = PaymentFile.Write([row], new PaymentFileLayout());

        csv.ShouldBe("Payment reference,Payment date,Payee,Sort code,Account number,Card account reference,Amount,Cost centre,Kind\n" +
                     "RUN-20261130-1-00001,30/11/2026,\"'=HYPERLINK(\"\"x\"\")\",309430,00733445,,1234.50,SB-DP,Direct payment\n");
    }

    private static PaymentFileRow Row(Random random, int index)
    {
        string[] payees = ["Pat Parent", "=SUM(A1:A9)", "Smith, Jo", "\"Quoted\" Ltd", "-minus", "@at"];
        return new PaymentFileRow($"RUN-20261130-1-{index + 1:00000}", new DateOnly(2026, 11, 30), payees[random.Next(payees.Length)], "309430", "00733445", null,
            random.Next(1, 500_000) / 100m, "SB-DP", (SpendingKind)random.Next(0, 3), "RUN-20261130-1", "DP-1");
    }

    private static List<string[]> Read(string csv)
    {
        using var reader = new StringReader(csv);
        using var parser = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read()) records.Add(parser.Record!);
        return records;
    }
}
