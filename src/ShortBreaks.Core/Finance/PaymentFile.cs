using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Core.Finance;

/// <summary>
/// One payment in a payment file: everything any layout's columns can hold. The bank details are here, and only here:
/// the file is for finance's system, never shown on a page.
/// </summary>
public sealed record PaymentFileRow(
    string PaymentReference, DateOnly PaymentDate, string PayeeName, string? SortCode, string? AccountNumber, string? CardAccountReference,
    decimal Amount, string BudgetHead, SpendingKind Kind, string RunReference, string RecordReference);

/// <summary>
/// The payment file finance imports, in the layout the scheme sets (<see cref="PaymentFileLayout"/>: the columns in order,
/// each holding a <see cref="PaymentFileField"/>, the date format and whether there is a header row). Written through
/// <see cref="SpreadsheetCsv"/> like every CSV. Amounts are whole pence, so the file's total is the sum of its rows exactly.
/// </summary>
public static class PaymentFile
{
    public static string Write(IReadOnlyList<PaymentFileRow> rows, PaymentFileLayout layout)
    {
        var fields = layout.Columns.Select(c => Enum.Parse<PaymentFileField>(c.Field)).ToList();
        return SpreadsheetCsv.Write(layout.Columns.Select(c => c.Header), csv =>
        {
            foreach (var row in rows)
            {
                foreach (var field in fields) Cell(csv, row, field, layout);
                csv.EndRow();
            }
        }, layout.HeaderRow);
    }

    private static void Cell(SpreadsheetCsv csv, PaymentFileRow row, PaymentFileField field, PaymentFileLayout layout)
    {
        switch (field)
        {
            case PaymentFileField.PaymentReference: csv.Text(row.PaymentReference); break;
            case PaymentFileField.PaymentDate: csv.Text(row.PaymentDate.ToString(layout.DateFormat, CultureInfo.InvariantCulture)); break;
            case PaymentFileField.PayeeName: csv.Text(row.PayeeName); break;
            case PaymentFileField.SortCode: csv.Text(row.SortCode); break;
            case PaymentFileField.AccountNumber: csv.Text(row.AccountNumber); break;
            case PaymentFileField.CardAccountReference: csv.Text(row.CardAccountReference); break;
            case PaymentFileField.Amount: csv.Number(row.Amount); break;
            case PaymentFileField.AmountPence: csv.Number(row.Amount * 100, "0"); break;
            case PaymentFileField.BudgetHead: csv.Text(row.BudgetHead); break;
            case PaymentFileField.Kind: csv.Text(InvoiceRules.KindName(row.Kind)); break;
            case PaymentFileField.RunReference: csv.Text(row.RunReference); break;
            case PaymentFileField.RecordReference: csv.Text(row.RecordReference); break;
        }
    }
}
