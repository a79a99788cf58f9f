namespace ShortBreaks.Core.Finance;

/// <summary>One package line's delivery in a month that is not yet on an invoice: what an invoice may claim for it.</summary>
public sealed record InvoiceableLine(
    Guid OrganisationId, Guid PackageId, Guid PackageLineId, Guid ChildId, string ServiceName, PriceUnit Unit, decimal UnitPrice, decimal Delivered, decimal Invoiced)
{
    /// <summary>Delivered and not yet on an invoice that stands (a rejected invoice frees what it claimed).</summary>
    public decimal Left => Math.Max(0, Delivered - Invoiced);
}

/// <summary>A line of an invoice a provider sends: the package line, the units it claims and the amount it asks.</summary>
public sealed record SubmittedInvoiceLine(Guid? PackageLineId, decimal? Quantity, decimal? Amount);

/// <summary>
/// The arithmetic and checks of provider invoices (pure). Amounts are the quantity times the line's agreed price, rounded
/// to the penny with halves away from zero, line by line; an invoice's total is the sum of its rounded lines, so it always
/// equals what its lines show.
/// </summary>
public static class InvoiceRules
{
    /// <summary>Units at a price, to the penny (halves away from zero).</summary>
    public static decimal Amount(decimal quantity, decimal unitPrice) => decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);

    /// <summary>The service's reference for the <paramref name="number"/>th invoice of a month: "INV-202611-0007".</summary>
    public static string Reference(DateOnly month, int number) =>
        $"INV-{month.ToString("yyyyMM", CultureInfo.InvariantCulture)}-{number.ToString("0000", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Why invoices cannot be made for a month yet: only a month that has ended is invoiced, so each month is invoiced once
    /// whole and sessions returned later are a supplementary invoice.
    /// </summary>
    public static string? MonthRefusal(DateOnly month, DateOnly today) =>
        DeliveryRules.MonthOf(month) < DeliveryRules.MonthOf(today) ? null : $"{DeliveryRules.MonthName(month)} has not ended yet: invoices are made for a month once it has ended.";

    /// <summary>
    /// The lines of the invoices to make for a month: each line's delivery not yet invoiced, at its agreed price, grouped by
    /// provider. Lines with nothing left make nothing, so making a month again makes nothing twice.
    /// </summary>
    public static IReadOnlyList<(Guid OrganisationId, IReadOnlyList<ProviderInvoiceLine> Lines)> ToInvoice(IEnumerable<InvoiceableLine> lines) =>
        lines.Where(l => l.Left > 0)
            .GroupBy(l => l.OrganisationId)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<ProviderInvoiceLine>)g.OrderBy(l => l.PackageId).ThenBy(l => l.PackageLineId).Select(l => new ProviderInvoiceLine
            {
                PackageId = l.PackageId, PackageLineId = l.PackageLineId, ChildId = l.ChildId, Unit = l.Unit,
                Quantity = l.Left, UnitPrice = l.UnitPrice, Amount = Amount(l.Left, l.UnitPrice),
            }).ToList()))
            .ToList();

    /// <summary>
    /// A provider's own invoice checked line by line against what it delivered and has not yet invoiced, and against the
    /// agreed price: every problem with its reason, keyed by the line's fields (<c>Lines[0].Quantity</c>).
    /// </summary>
    public static IReadOnlyList<FieldError> CheckSubmitted(
        DateOnly month, string? providerReference, IReadOnlyList<SubmittedInvoiceLine> lines, IReadOnlyDictionary<Guid, InvoiceableLine> invoiceable)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(providerReference)) errors.Add(new("ProviderReference", "Enter your invoice number"));
        else if (providerReference.Trim().Length > 40) errors.Add(new("ProviderReference", "Your invoice number must be 40 characters or fewer"));

        var claimed = lines.Where(l => l.Quantity is not null || l.Amount is not null).ToList();
        if (claimed.Count == 0) errors.Add(new("Lines", "Enter what you are invoicing for at least one line"));
        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Quantity is null && line.Amount is null) continue;
            var field = $"Lines[{i}]";
            if (line.PackageLineId is not { } lineId || !invoiceable.TryGetValue(lineId, out var found))
            {
                errors.Add(new($"{field}.Quantity", $"Line {i + 1}: nothing was delivered on this line in {DeliveryRules.MonthName(month)}"));
                continue;
            }

            if (!seen.Add(lineId))
            {
                errors.Add(new($"{field}.Quantity", $"Line {i + 1}: {found.ServiceName} is already on this invoice: put it on one line"));
                continue;
            }

            var units = DeliveryRules.UnitName(found.Unit, 2);
            if (line.Quantity is not { } quantity)
            {
                errors.Add(new($"{field}.Quantity", $"Line {i + 1}: enter the {units} you are invoicing for"));
            }
            else if (quantity <= 0)
            {
                errors.Add(new($"{field}.Quantity", $"Line {i + 1}: the {units} must be more than 0"));
            }
            else if (quantity != decimal.Round(quantity, 2))
            {
                errors.Add(new($"{field}.Quantity", $"Line {i + 1}: the {units} can have at most 2 decimal places"));
            }
            else if (quantity > found.Left)
            {
                errors.Add(new($"{field}.Quantity", $"Line {i + 1}: {DeliveryRules.Amount(quantity)} {DeliveryRules.UnitName(found.Unit, quantity)} of {found.ServiceName} is more than delivered: " +
                                                   $"{DeliveryRules.Amount(found.Delivered)} delivered in {DeliveryRules.MonthName(month)}, {DeliveryRules.Amount(found.Invoiced)} already invoiced, " +
                                                   $"so {DeliveryRules.Amount(found.Left)} can be invoiced"));
            }

            if (line.Amount is not { } amount)
            {
                errors.Add(new($"{field}.Amount", $"Line {i + 1}: enter the amount"));
            }
            else if (amount <= 0)
            {
                errors.Add(new($"{field}.Amount", $"Line {i + 1}: the amount must be more than £0"));
            }
            else if (!Money.IsWholePence(amount))
            {
                errors.Add(new($"{field}.Amount", $"Line {i + 1}: the amount must be in pounds and pence, like 120.50"));
            }
            // Checked against the price only for units that can be invoiced (so the product stays in range).
            else if (line.Quantity is { } q && q > 0 && q <= found.Left && amount > Amount(q, found.UnitPrice))
            {
                errors.Add(new($"{field}.Amount", $"Line {i + 1}: {Money.FormatPence(amount)} is more than the agreed price: {DeliveryRules.Amount(q)} {DeliveryRules.UnitName(found.Unit, q)} " +
                                                 $"at {Money.FormatPence(found.UnitPrice)} is {Money.FormatPence(Amount(q, found.UnitPrice))}"));
            }
        }

        return errors;
    }

    /// <summary>The kind of a payment run item in words, as pages and the payment file write it.</summary>
    public static string KindName(DirectPayments.SpendingKind kind) => kind switch
    {
        DirectPayments.SpendingKind.DirectPayment => "Direct payment",
        DirectPayments.SpendingKind.OneOffPayment => "One-off payment",
        DirectPayments.SpendingKind.CommissionedServiceInvoice => "Provider invoice",
        _ => "Recoupment",
    };
}
