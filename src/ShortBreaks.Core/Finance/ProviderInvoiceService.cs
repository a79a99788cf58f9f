using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.Finance;

/// <summary>An invoice in a list: its provider's name with it.</summary>
public sealed record InvoiceRow(
    Guid Id, string Reference, string? ProviderReference, Guid OrganisationId, string OrganisationName, DateOnly Month, ProviderInvoiceState State,
    decimal Total, DateTime SubmittedAt, string SubmittedByName, DateTime? PaidAt);

public sealed record InvoiceList(IReadOnlyList<InvoiceRow> Rows, int Total, int Page, int PageSize);

/// <summary>A line of an invoice as shown: the service and the child it was delivered to.</summary>
public sealed record InvoiceLineView(ProviderInvoiceLine Line, string ServiceName, Guid ChildId, string ChildName);

public sealed record InvoiceView(ProviderInvoice Invoice, string OrganisationName, IReadOnlyList<InvoiceLineView> Lines, string? PaymentRunReference);

/// <summary>
/// Provider invoices: each month's delivered sessions at the agreed prices made into one invoice per provider, or a
/// provider's own invoice checked against them; finance approves or rejects each, and a payment run pays the approved.
/// <para>
/// Making a month is idempotent: it invoices only what was delivered and is not yet on an invoice that stands (submitted,
/// approved, in a run or paid), so running it again makes nothing twice. Sessions returned after their month was
/// invoiced are not lost: making the month again puts them on a supplementary invoice of their own (a new reference). A
/// rejected invoice frees what it claimed, so the month made again (after the provider corrects its returns) invoices it
/// afresh. Two people making the same month at once are kept apart by the invoice references, which number each month's
/// invoices in turn and are unique: the second is refused and makes nothing.
/// </para>
/// </summary>
public sealed class ProviderInvoiceService(ShortBreaksDbContext db)
{
    public const int PageSize = 25;

    public static readonly string Conflict =
        "Someone else changed this invoice while you were working on it. Nothing you entered has been saved over their change: check the invoice as it is now and try again.";

    private static readonly string SameMoment =
        "Invoices for this month were being made by someone else at the same moment. Nothing was made twice: check the invoices and try again.";

    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    /// <summary>
    /// What was delivered in <paramref name="month"/> on provider packages (sessions not cancelled) and not yet invoiced,
    /// by package line, for every provider or one.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceableLine>> InvoiceableAsync(DateOnly month, Guid? organisationId, CancellationToken ct = default)
    {
        month = DeliveryRules.MonthOf(month);
        var end = month.AddMonths(1);
        // Summed here rather than in SQL: SQLite cannot sum decimals.
        var sessions = await (from s in db.DeliveredSessions
                              where s.Date >= month && s.Date < end && s.Cancellation == null
                              join p in db.Packages on s.PackageId equals p.Id
                              where p.Route == PackageRoute.Provider && p.OrganisationId != null && (organisationId == null || p.OrganisationId == organisationId)
                              select new { OrganisationId = p.OrganisationId!.Value, s.PackageId, s.PackageLineId, s.ChildId, s.Quantity }).ToListAsync(ct);
        var lineIds = sessions.Select(s => s.PackageLineId).Distinct().ToList();
        var lines = await db.PackageLines.AsNoTracking().Where(l => lineIds.Contains(l.Id))
            .Select(l => new { l.Id, l.ServiceName, l.Unit, l.UnitPrice }).ToDictionaryAsync(l => l.Id, ct);
        var invoiced = (await (from l in db.ProviderInvoiceLines
                               join i in db.ProviderInvoices on l.InvoiceId equals i.Id
                               where i.Month == month && i.State != ProviderInvoiceState.Rejected && lineIds.Contains(l.PackageLineId)
                               select new { l.PackageLineId, l.Quantity }).ToListAsync(ct))
            .GroupBy(l => l.PackageLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));

        return sessions.GroupBy(s => s.PackageLineId).Select(g =>
        {
            var first = g.First();
            var line = lines[g.Key];
            return new InvoiceableLine(first.OrganisationId, first.PackageId, g.Key, first.ChildId, line.ServiceName, line.Unit, line.UnitPrice,
                g.Sum(s => s.Quantity), invoiced.GetValueOrDefault(g.Key));
        }).Where(l => l.Delivered > 0).ToList();
    }

    /// <summary>
    /// Makes the month's invoices: one per provider for everything delivered in the month and not yet invoiced. Answers how
    /// many were made (none when the month is already invoiced whole).
    /// </summary>
    public async Task<(int Made, CommandResult Result)> MakeMonthAsync(DateOnly month, CancellationToken ct = default)
    {
        month = DeliveryRules.MonthOf(month);
        if (InvoiceRules.MonthRefusal(month, Today) is { } refusal) return (0, CommandResult.Fail("Month", refusal));

        var toInvoice = InvoiceRules.ToInvoice(await InvoiceableAsync(month, null, ct));
        if (toInvoice.Count == 0) return (0, CommandResult.Ok);
        var number = await db.ProviderInvoices.CountAsync(i => i.Month == month, ct);
        var made = new List<ProviderInvoice>();
        foreach (var (organisationId, lines) in toInvoice)
        {
            var invoice = NewInvoice(organisationId, month, ++number, lines);
            db.ProviderInvoices.Add(invoice);
            made.Add(invoice);
        }

        var result = await db.SaveOrConflictAsync(CommandResult.Conflicted(SameMoment), _ => Task.FromResult(ForgetMade(made)), ct);
        return (result.Succeeded ? made.Count : 0, result);
    }

    /// <summary>
    /// A provider's own invoice for a month, checked line by line against what it delivered and has not yet invoiced and
    /// against the agreed prices; refused with every line's reason, or kept for finance to approve.
    /// </summary>
    public async Task<(ProviderInvoice? Made, CommandResult Result)> SubmitAsync(
        Guid organisationId, DateOnly month, string? providerReference, IReadOnlyList<SubmittedInvoiceLine> lines, CancellationToken ct = default)
    {
        month = DeliveryRules.MonthOf(month);
        if (InvoiceRules.MonthRefusal(month, Today) is { } refusal) return (null, CommandResult.Fail("Month", refusal));
        var invoiceable = (await InvoiceableAsync(month, organisationId, ct)).ToDictionary(l => l.PackageLineId);
        var errors = InvoiceRules.CheckSubmitted(month, providerReference, lines, invoiceable);
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var invoiceLines = lines.Where(l => l.Quantity is not null).Select(l =>
        {
            var found = invoiceable[l.PackageLineId!.Value];
            return new ProviderInvoiceLine
            {
                PackageId = found.PackageId, PackageLineId = found.PackageLineId, ChildId = found.ChildId, Unit = found.Unit,
                Quantity = l.Quantity!.Value, UnitPrice = found.UnitPrice, Amount = l.Amount!.Value,
            };
        }).ToList();
        var number = await db.ProviderInvoices.CountAsync(i => i.Month == month, ct);
        var invoice = NewInvoice(organisationId, month, number + 1, invoiceLines);
        invoice.ProviderReference = providerReference!.Trim();
        db.ProviderInvoices.Add(invoice);
        var result = await db.SaveOrConflictAsync(CommandResult.Conflicted(SameMoment), _ => Task.FromResult(ForgetMade([invoice])), ct);
        return (result.Succeeded ? invoice : null, result);
    }

    /// <summary>Finance approves a submitted invoice (a payment run then pays it) or rejects it with the reason.</summary>
    public async Task<CommandResult> DecideAsync(Guid invoiceId, bool approve, string? reason, long seenVersion, CancellationToken ct = default)
    {
        var invoice = await db.ProviderInvoices.FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null) return CommandResult.Fail("", "There is no such invoice.");
        if (invoice.Version != seenVersion) return CommandResult.Conflicted(Conflict);
        if (invoice.State != ProviderInvoiceState.Submitted) return CommandResult.Fail("", "This invoice has already been decided.");
        reason = reason?.Trim();
        if (!approve && string.IsNullOrEmpty(reason)) return CommandResult.Fail("Reason", "Enter why the invoice is rejected");
        if (reason is { Length: > 1000 }) return CommandResult.Fail("Reason", "The reason must be 1000 characters or fewer");

        db.ExpectVersion(invoice, seenVersion);
        invoice.State = approve ? ProviderInvoiceState.Approved : ProviderInvoiceState.Rejected;
        invoice.RejectedReason = approve ? null : reason;
        invoice.DecidedAt = db.UtcNow;
        invoice.DecidedByUserId = db.Actor.UserId;
        invoice.DecidedByName = db.Actor.Name;
        return await db.SaveOrConflictAsync(CommandResult.Conflicted(Conflict), ct);
    }

    /// <summary>Invoices newest month first, for every provider (finance) or one (the provider's own).</summary>
    public async Task<InvoiceList> ListAsync(Guid? organisationId, ProviderInvoiceState? state, int page, CancellationToken ct = default)
    {
        var query = db.ProviderInvoices.AsNoTracking().Where(i => (organisationId == null || i.OrganisationId == organisationId) && (state == null || i.State == state));
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderByDescending(i => i.Month).ThenBy(i => i.Reference).Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new InvoiceRow(
                i.Id, i.Reference, i.ProviderReference, i.OrganisationId, o.Name, i.Month, i.State, i.Total, i.SubmittedAt, i.SubmittedByName, i.PaidAt))
            .ToListAsync(ct);
        rows = rows.OrderByDescending(r => r.Month).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        return new InvoiceList(rows, total, page, PageSize);
    }

    /// <summary>
    /// One invoice with its lines, when it exists and (for a provider) is the organisation's own; null otherwise. Its lines
    /// name children, so the view is audited for each child on it.
    /// </summary>
    public async Task<InvoiceView?> InvoiceAsync(Guid invoiceId, Guid? organisationId, CancellationToken ct = default)
    {
        var invoice = await db.ProviderInvoices.AsNoTracking().Include(i => i.Lines)
            .FirstOrDefaultAsync(i => i.Id == invoiceId && (organisationId == null || i.OrganisationId == organisationId), ct);
        if (invoice is null) return null;
        var name = await db.Organisations.Where(o => o.Id == invoice.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var lineIds = invoice.Lines.Select(l => l.PackageLineId).ToList();
        var services = await db.PackageLines.Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.ServiceName, ct);
        var childIds = invoice.Lines.Select(l => l.ChildId).Distinct().ToList();
        var children = await db.Children.Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        var run = invoice.PaymentRunId is { } runId ? await db.PaymentRuns.Where(r => r.Id == runId).Select(r => r.Reference).FirstOrDefaultAsync(ct) : null;

        foreach (var childId in childIds) db.RecordView(nameof(ProviderInvoice), invoice.Id.ToString(), childId, $"invoice {invoice.Reference}");
        await db.SaveChangesAsync(ct);

        var lines = invoice.Lines.OrderBy(l => children.GetValueOrDefault(l.ChildId)).ThenBy(l => services.GetValueOrDefault(l.PackageLineId))
            .Select(l => new InvoiceLineView(l, services.GetValueOrDefault(l.PackageLineId, ""), l.ChildId, children.GetValueOrDefault(l.ChildId, ""))).ToList();
        return new InvoiceView(invoice, name, lines, run);
    }

    private ProviderInvoice NewInvoice(Guid organisationId, DateOnly month, int number, IReadOnlyList<ProviderInvoiceLine> lines)
    {
        var invoice = new ProviderInvoice
        {
            OrganisationId = organisationId, Reference = InvoiceRules.Reference(month, number), Month = month,
            SubmittedAt = db.UtcNow, SubmittedByUserId = db.Actor.UserId, SubmittedByName = db.Actor.Name,
        };
        foreach (var line in lines)
        {
            line.InvoiceId = invoice.Id;
            invoice.Lines.Add(line);
        }

        invoice.Total = invoice.Lines.Sum(l => l.Amount);
        return invoice;
    }

    /// <summary>Invoices refused by a reference someone else took at the same moment: forgotten, and the person told.</summary>
    private CommandResult? ForgetMade(IReadOnlyList<ProviderInvoice> made)
    {
        if (made.Count == 0 || db.Entry(made[0]).State != EntityState.Added) return null;
        foreach (var invoice in made)
        {
            foreach (var line in invoice.Lines) db.Entry(line).State = EntityState.Detached;
            db.Entry(invoice).State = EntityState.Detached;
        }

        return CommandResult.Conflicted(SameMoment);
    }
}
