using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Api;

/// <summary>
/// The money API: a child's direct payment (agreement, schedule, masked account, balance held, audits and recoupments)
/// for the family, case staff and finance; payment runs and every provider's invoices for finance officers; a provider's
/// own invoices and the invoices it sends; and a finance officer's import of a bank or card statement. The same rules as
/// the pages: who may see a child's money is decided by <see cref="ChildAccessHandler"/> (anything else answers 404 as
/// if it did not exist), every view of a child's financial data is audited by the service that reads it, and bank
/// details are only ever answered masked, exactly as the pages mask them (<see cref="MaskedAccount"/>): the full sort
/// code, account number or card reference is in the payment file alone, which the API does not serve.
/// </summary>
public static class MoneyEndpoints
{
    /// <summary>The media type of a statement import's body: the bank's or card provider's CSV file as it is.</summary>
    public const string CsvMediaType = "text/csv";

    public static IEndpointRouteBuilder MapMoneyApi(this IEndpointRouteBuilder app)
    {
        var payments = app.MapApiGroup("/api/direct-payments", "Direct payments");

        payments.MapGet("/{directPaymentId:guid}", DirectPaymentAsync)
            .Describe("GetDirectPayment", "Read a child's direct payment",
                "The agreement (who receives it, the amount a year, dates, when and how it was agreed), the schedule of instalments " +
                "with what is paid and still due, the accounts with bank details masked as the pages show them (never the full sort " +
                "code, account number or card reference), the balance held in money and weeks of payments with anything flagged, " +
                "the next monitoring return, the audits' outcomes and any recoupments. Audited. The family sees only their own " +
                "child's; finance officers, team managers, administrators and case staff see any; anyone else is answered not found.")
            .RequireAuthorization(p => p.RequireRole([.. Roles.DirectPaymentStaff, Roles.Family]))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId");

        payments.MapPost("/{directPaymentId:guid}/statements", ImportStatementAsync)
            .Describe("ImportDirectPaymentStatement", "Import a bank or card statement for a direct payment's account",
                "The body is the statement as CSV (Content-Type: text/csv, UTF-8, at most 5 MB). All or nothing: a file with any " +
                "problem keeps nothing and the problem details list every problem by row (rows, with row, column, value and message). " +
                "The columns of each source (bank or card provider) are remembered from its first import: dateColumn, " +
                "descriptionColumn, amountInColumn, amountOutColumn (optional), balanceColumn and dateFormat in the query set them, " +
                "and are needed on the first import. mappingVersion, when given with changed columns, is the version of the " +
                "remembered columns the caller last saw (409 if someone changed them since). Lines already imported are recognised " +
                "and not kept twice. Finance officers, team managers and administrators only.")
            // The body is documented here rather than with Accepts, whose content-type matching in routing would answer 415
            // before the access check, telling someone who may not see the direct payment more than "not found".
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "The statement as the bank or card provider's CSV file.",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        [CsvMediaType] = new() { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(p => p.RequireRole(Roles.FinanceOfficer, Roles.TeamManager, Roles.Admin))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId");

        var finance = app.MapApiGroup("/api/finance", "Finance").RequireAuthorization(Policies.Finance);

        finance.MapGet("/payment-runs", RunsAsync)
            .Describe("ListPaymentRuns", "List payment runs",
                "Runs by the day they pay, newest first, 50 a page; page is the page number, from 1. Finance officers only.");

        finance.MapGet("/payment-runs/{id:guid}", RunAsync)
            .Describe("GetPaymentRun", "Read a payment run",
                "The run (state, who prepared and approved it, its total and version), its totals by kind of spending and budget " +
                "head, how many items are unpaid, and one page of its items (50 a page) with accounts masked. The direct payments " +
                "on the page are children's financial data: the view is audited for each child. Finance officers only.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        finance.MapGet("/invoices", FinanceInvoicesAsync)
            .Describe("ListInvoices", "List every provider's invoices",
                "Newest month first, 25 a page; state (Submitted, Approved, Rejected, InRun, Paid) narrows the list. Finance officers only.");

        finance.MapGet("/invoices/{id:guid}", FinanceInvoiceAsync)
            .Describe("GetInvoice", "Read a provider's invoice",
                "The invoice with its lines (the child and service of each). Its lines name children: the view is audited for each. Finance officers only.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var provider = app.MapApiGroup("/api/provider/invoices", "Provider").RequireAuthorization(Policies.Provider);

        provider.MapGet("", ProviderInvoicesAsync)
            .Describe("ListProviderInvoices", "List the organisation's invoices",
                "The caller's organisation's invoices only, newest month first, 25 a page; state narrows the list.");

        provider.MapGet("/{id:guid}", ProviderInvoiceAsync)
            .Describe("GetProviderInvoice", "Read one of the organisation's invoices",
                "With its lines. Another organisation's invoice is not found. Audited for each child on it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        provider.MapPost("", SubmitInvoiceAsync)
            .Describe("SubmitProviderInvoice", "Send an invoice for a month",
                "month is yyyy-MM, a month that has ended; providerReference is the organisation's own invoice number; lines are " +
                "the package lines delivered that month and not yet invoiced, each with packageLineId, quantity (in the line's " +
                "unit) and amount in pounds. Checked against what the organisation returned as delivered and the agreed prices: " +
                "every refused line says why, keyed by its place (lines[0].quantity). Finance then approves or rejects it.")
            .AcceptsJson<InvoiceBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<DirectPaymentDetail>, ProblemHttpResult>> DirectPaymentAsync(
        Guid directPaymentId, MonitoringService monitoring, DirectPaymentService payments, DirectPaymentAccounts accounts, CancellationToken ct)
    {
        // The view is audited by the monitoring service, as the pages' views are.
        var view = await monitoring.ViewAsync(directPaymentId, ct);
        if (view is null) return ChildrenEndpoints.ChildNotFound();
        var instalments = await payments.InstalmentsAsync(directPaymentId, ct);
        var masked = await accounts.ListAsync(directPaymentId, ct);
        return TypedResults.Ok(Detail(view, instalments, masked));
    }

    public static async Task<Results<Created<StatementImported>, ProblemHttpResult>> ImportStatementAsync(
        Guid directPaymentId, string? dateColumn, string? descriptionColumn, string? amountInColumn, string? amountOutColumn, string? balanceColumn,
        string? dateFormat, string? mappingVersion, HttpContext http, StatementImportService imports, CancellationToken ct)
    {
        if (!http.ChildAccess().MayChange) return NotFinance();
        long? versionSeen = null;
        if (!string.IsNullOrEmpty(mappingVersion))
        {
            if (!long.TryParse(mappingVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
            {
                return Invalid("mappingVersion", "Enter the version as a whole number, as the last import answered it");
            }

            versionSeen = seen;
        }

        var (text, unreadable) = await ReadCsvAsync(http);
        if (unreadable is not null) return unreadable;

        var mapping = await imports.AccountAsync(directPaymentId, ct) is { } account ? await imports.MappingAsync(account.Kind, ct) : null;
        var given = new[] { dateColumn, descriptionColumn, amountInColumn, amountOutColumn, balanceColumn, dateFormat }.Any(v => !string.IsNullOrEmpty(v));
        var columns = new StatementColumns(dateColumn, descriptionColumn, amountInColumn, amountOutColumn, balanceColumn, dateFormat);
        // The same columns as remembered change nothing, so they need no version, as on the import page.
        var unchanged = mapping is not null && Same(dateColumn, mapping.DateColumn) && Same(descriptionColumn, mapping.DescriptionColumn) &&
                        Same(amountInColumn, mapping.AmountInColumn) && Same(amountOutColumn, mapping.AmountOutColumn) &&
                        Same(balanceColumn, mapping.BalanceColumn) && dateFormat == mapping.DateFormat;
        var outcome = await imports.ImportAsync(directPaymentId, "statement.csv", text!, given && !unchanged ? columns : null, versionSeen, ct);
        if (!outcome.Result.Succeeded)
        {
            if (outcome.Result.Conflict)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Someone else changed the statement columns",
                    detail: string.Join(" ", outcome.Result.Errors.Select(e => e.Message)));
            }

            return ImportRefused(outcome);
        }

        var statement = outcome.Statement!;
        var remembered = await imports.MappingAsync(statement.Source, ct);
        return TypedResults.Created($"/api/direct-payments/{directPaymentId}",
            new StatementImported(statement.Id, statement.FirstDate, statement.LastDate, statement.LinesAdded, statement.LinesAlreadyImported,
                statement.ClosingBalance, remembered?.Version ?? 0));
    }

    public static async Task<Ok<PaymentRunsPage>> RunsAsync(string? page, PaymentRunService runs, CancellationToken ct)
    {
        var list = await runs.ListAsync(PageNumber(page), ct);
        return TypedResults.Ok(new PaymentRunsPage(list.Runs.Select(Summary).ToList(), list.Total, list.Page, list.PageSize));
    }

    public static async Task<Results<Ok<PaymentRunDetail>, ProblemHttpResult>> RunAsync(Guid id, string? page, PaymentRunService runs, CancellationToken ct)
    {
        var view = await runs.RunAsync(id, PageNumber(page), ct);
        if (view is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Payment run not found", detail: "There is no payment run with this id.");
        }

        return TypedResults.Ok(new PaymentRunDetail(Summary(view.Run),
            view.Totals.Select(t => new PaymentRunTotal(t.Kind, t.BudgetHead, t.BudgetHeadName, t.Count, t.Amount)).ToList(),
            view.Unpaid,
            view.Items.Select(r => new PaymentRunItemDetail(r.Item.Id, r.Item.Kind, r.Item.SourceId, r.Item.ChildId, r.Item.OrganisationId, r.Item.RecordReference,
                r.Item.PaymentReference, r.Item.PayeeName, r.AccountShown, r.Item.Amount, r.Item.BudgetHead, r.Item.PaidAt)).ToList(),
            view.Page, view.Pages));
    }

    public static async Task<Results<Ok<InvoicesPage>, ProblemHttpResult>> FinanceInvoicesAsync(
        string? state, string? page, ProviderInvoiceService invoices, CancellationToken ct) =>
        await InvoicesAsync(null, state, page, invoices, ct);

    public static async Task<Results<Ok<InvoiceDetail>, ProblemHttpResult>> FinanceInvoiceAsync(Guid id, ProviderInvoiceService invoices, CancellationToken ct) =>
        await InvoiceAsync(null, id, invoices, ct);

    public static async Task<Results<Ok<InvoicesPage>, ProblemHttpResult>> ProviderInvoicesAsync(
        string? state, string? page, HttpContext http, OrganisationMembers members, ProviderInvoiceService invoices, CancellationToken ct)
    {
        if (await ProviderEndpoints.OrganisationAsync(http, members, ct) is not { } organisationId) return ProviderEndpoints.NoOrganisation();
        return await InvoicesAsync(organisationId, state, page, invoices, ct);
    }

    public static async Task<Results<Ok<InvoiceDetail>, ProblemHttpResult>> ProviderInvoiceAsync(
        Guid id, HttpContext http, OrganisationMembers members, ProviderInvoiceService invoices, CancellationToken ct)
    {
        if (await ProviderEndpoints.OrganisationAsync(http, members, ct) is not { } organisationId) return ProviderEndpoints.NoOrganisation();
        return await InvoiceAsync(organisationId, id, invoices, ct);
    }

    public static async Task<Results<Created<InvoiceDetail>, ProblemHttpResult>> SubmitInvoiceAsync(
        HttpContext http, OrganisationMembers members, ProviderInvoiceService invoices, CancellationToken ct)
    {
        if (await ProviderEndpoints.OrganisationAsync(http, members, ct) is not { } organisationId) return ProviderEndpoints.NoOrganisation();
        var body = await ApiJson.ReadAsync<InvoiceBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;
        if (DeliveryRules.ParseMonth(b.Month) is not { } month) return Invalid("month", "Enter the month the invoice is for, as yyyy-MM");
        var lines = (b.Lines ?? []).Select(l => new SubmittedInvoiceLine(l?.PackageLineId, l?.Quantity, l?.Amount)).ToList();

        var (made, result) = await invoices.SubmitAsync(organisationId, month, b.ProviderReference, lines, ct);
        if (!result.Succeeded)
        {
            if (result.Conflict)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another invoice was sent at the same moment",
                    detail: string.Join(" ", result.Errors.Select(e => e.Message)));
            }

            return Refused(result, "This invoice cannot be accepted");
        }

        var view = await invoices.InvoiceAsync(made!.Id, organisationId, ct);
        return TypedResults.Created($"/api/provider/invoices/{made.Id}", Invoice(view!));
    }

    private static async Task<Results<Ok<InvoicesPage>, ProblemHttpResult>> InvoicesAsync(
        Guid? organisationId, string? state, string? page, ProviderInvoiceService invoices, CancellationToken ct)
    {
        ProviderInvoiceState? only = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<ProviderInvoiceState>(state, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
            {
                return Invalid("state", $"Enter one of: {string.Join(", ", Enum.GetNames<ProviderInvoiceState>())}");
            }

            only = parsed;
        }

        var list = await invoices.ListAsync(organisationId, only, PageNumber(page), ct);
        return TypedResults.Ok(new InvoicesPage(
            list.Rows.Select(r => new InvoiceSummary(r.Id, r.Reference, r.ProviderReference, r.OrganisationId, r.OrganisationName, MonthKey(r.Month), r.State,
                r.Total, r.SubmittedAt, r.SubmittedByName, r.PaidAt)).ToList(),
            list.Total, list.Page, list.PageSize));
    }

    private static async Task<Results<Ok<InvoiceDetail>, ProblemHttpResult>> InvoiceAsync(Guid? organisationId, Guid id, ProviderInvoiceService invoices, CancellationToken ct)
    {
        var view = await invoices.InvoiceAsync(id, organisationId, ct);
        if (view is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Invoice not found", detail: "There is no invoice with this id that you can see.");
        }

        return TypedResults.Ok(Invoice(view));
    }

    /// <summary>
    /// Reads the CSV body: refused as 415 when it is not text/csv in UTF-8, 413 over <see cref="StatementCsv.MaxBytes"/>
    /// (counted as it is read, whatever Content-Length says), and 400 when it is not UTF-8 text.
    /// </summary>
    private static async Task<(string? Text, ProblemHttpResult? Problem)> ReadCsvAsync(HttpContext http)
    {
        var request = http.Request;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ||
            !media.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase) ||
            !(Microsoft.Extensions.Primitives.StringSegment.IsNullOrEmpty(media.Charset) || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the statement as the CSV file itself, with the header Content-Type: text/csv (UTF-8)."));
        }

        var tooLarge = TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The statement is too large",
            detail: $"A statement must be {StatementCsv.MaxBytes / (1024 * 1024)} MB or smaller: import a long period in parts.");
        if (request.ContentLength > StatementCsv.MaxBytes) return (null, tooLarge);

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > StatementCsv.MaxBytes) return (null, tooLarge);
            buffer.Write(chunk, 0, read);
        }

        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Invalid("body", "Send the statement as UTF-8 text: the file has bytes that are not"));
        }
    }

    private static bool Same(string? typed, string? remembered) => string.Equals((typed ?? "").Trim(), remembered ?? "", StringComparison.Ordinal);

    /// <summary>The import's refusal: the fields at fault, and for a file with problems, every problem by row.</summary>
    private static ProblemHttpResult ImportRefused(StatementImportOutcome outcome)
    {
        var errors = outcome.Result.Errors;
        var problem = new HttpValidationProblemDetails(errors.Where(e => e.Field.Length > 0)
            .GroupBy(e => QueryName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = outcome.RowErrors.Count > 0 ? "The statement was not imported: the file has problems" : "The statement was not imported",
            Detail = string.Join(" ", errors.Where(e => e.Field.Length == 0).Select(e => e.Message)) is { Length: > 0 } general ? general : null,
        };
        if (outcome.RowErrors.Count > 0)
        {
            problem.Extensions["rows"] = outcome.RowErrors.Select(r => new StatementRowProblem(r.Row, r.Column, r.Value, r.Message)).ToList();
            problem.Extensions["rowsNotListed"] = outcome.RowErrorsNotListed;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>The service's field names for the import ("Upload", "DateColumn") as the API names them (body, dateColumn).</summary>
    private static string QueryName(string field) => field == "Upload" ? "body" : JsonNamingPolicy.CamelCase.ConvertName(field);

    private static ProblemHttpResult Refused(CommandResult result, string title)
    {
        var general = result.Errors.Where(e => e.Field.Length == 0).Select(e => e.Message).ToList();
        var fields = result.Errors.Where(e => e.Field.Length > 0).ToList();
        var detail = general.Count > 0 ? string.Join(" ", general) : null;
        if (fields.Count == 0) return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
        return TypedResults.Problem(new HttpValidationProblemDetails(
            fields.GroupBy(e => FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
            Detail = detail,
        });
    }

    /// <summary>"Lines[2].Quantity" becomes "lines[2].quantity", the path of the value in the body.</summary>
    private static string FieldName(string field) =>
        string.Join('.', field.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
        });

    private static ProblemHttpResult NotFinance() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Only finance officers, team managers and administrators import statements.");

    private static int PageNumber(string? page) =>
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    private static string MonthKey(DateOnly month) => DeliveryRules.MonthKey(month);

    private static PaymentRunSummary Summary(PaymentRun r) =>
        new(r.Id, r.Reference, r.PayOn, r.State, PaymentRunService.StateName(r.State), r.ItemCount, r.Total, r.PreparedAt, r.PreparedByName,
            r.ApprovedAt, r.ApprovedByName, r.PaidAt, r.CancelledAt, r.Version);

    private static InvoiceDetail Invoice(InvoiceView view)
    {
        var i = view.Invoice;
        return new InvoiceDetail(i.Id, i.Reference, i.ProviderReference, i.OrganisationId, view.OrganisationName, MonthKey(i.Month), i.State, i.Total,
            i.SubmittedAt, i.SubmittedByName, i.DecidedAt, i.DecidedByName, i.RejectedReason, view.PaymentRunReference, i.PaidAt, i.Version,
            view.Lines.Select(l => new InvoiceLineDetail(l.Line.Id, l.Line.PackageId, l.Line.PackageLineId, l.ChildId, l.ChildName, l.ServiceName, l.Line.Unit,
                l.Line.Quantity, l.Line.UnitPrice, l.Line.Amount)).ToList());
    }

    private static DirectPaymentDetail Detail(AccountMonitoringView view, IReadOnlyList<DirectPaymentInstalment> instalments, IReadOnlyList<MaskedAccount> accounts)
    {
        var m = view.Monitored;
        var p = m.Payment;
        var a = m.Assessment;
        var live = instalments.Where(i => i.State != InstalmentState.Cancelled).ToList();
        var paid = live.Where(i => i.State == InstalmentState.Paid).ToList();
        var due = live.Where(i => i.State != InstalmentState.Paid).ToList();
        return new DirectPaymentDetail(
            p.Id, p.ChildId, p.Reference, m.ChildName, p.State,
            new DirectPaymentAgreementSummary(p.PlanId is not null ? "Plan" : "Package", p.PlanId, p.PackageId, p.RecipientName, p.RecipientRelationship,
                p.AnnualAmount, p.StartsOn, p.EndsOn, p.AgreedAt, p.AgreedByName, p.AgreedOnBehalfMethod, p.AgreementRecordedByName, p.AgreementLetterId),
            new DirectPaymentScheduleSummary(view.Settings.Frequency, view.Settings.Timing, view.Settings.Rounding,
                paid.Count, paid.Sum(i => i.Amount), due.Count, due.Sum(i => i.Amount),
                instalments.Select(i => new DirectPaymentInstalmentDetail(i.Id, i.Kind, i.DueOn, i.Amount, i.CoversFrom, i.CoversTo, i.Reason, i.State, i.PaidAt)).ToList()),
            accounts.Select(x => new DirectPaymentAccountDetail(x.Id, x.Kind, x.AccountName, x.Details, x.CreatedAt, x.Confirmed, x.ConfirmedAt, x.ConfirmedBy,
                x.ReplacedAt, x.Version)).ToList(),
            new DirectPaymentBalance(a.Balance, a.Source, a.WeeksHeld, a.SurplusThreshold, view.Settings.SurplusThresholdWeeks, a.Contingency, a.Recoverable,
                a.Flags.Select(f => new DirectPaymentFlag(f, AccountMonitoring.FlagText(f))).ToList()),
            new DirectPaymentReturnDue(m.NextReturn.From, m.NextReturn.To, m.NextReturn.Due),
            m.AuditDue, m.LastAudited,
            view.Audits.Select(x => new DirectPaymentAuditOutcome(x.Id, x.AuditedOn, x.PeriodFrom, x.PeriodTo, x.BalanceFound, x.Outcome,
                AccountMonitoring.OutcomeText(x.Outcome))).ToList(),
            view.Recoupments.Select(r => new DirectPaymentRecoupment(r.Id, r.State, r.OnEnding, r.BalanceHeld, r.Contingency, r.Amount, r.Method,
                r.ReducedFromPayments, r.InvoiceAmount, r.Reasons, r.LetterDate, r.DisputeBy, r.LetterId)).ToList(),
            p.Version);
    }
}

/// <summary>A child's direct payment as the API answers it. Bank details appear only masked, in <see cref="Accounts"/>.</summary>
public sealed record DirectPaymentDetail(
    Guid Id, Guid ChildId, string Reference, string ChildName, DirectPaymentState State, DirectPaymentAgreementSummary Agreement,
    DirectPaymentScheduleSummary Schedule, IReadOnlyList<DirectPaymentAccountDetail> Accounts, DirectPaymentBalance Balance,
    DirectPaymentReturnDue NextReturn, DateOnly AuditDue, DateOnly? LastAudited, IReadOnlyList<DirectPaymentAuditOutcome> Audits,
    IReadOnlyList<DirectPaymentRecoupment> Recoupments, long Version);

/// <param name="Source">Plan or Package: what it pays for.</param>
/// <param name="AgreementLetterId">The agreed text, kept as a letter on the child's record (HTML and PDF); null until agreed.</param>
public sealed record DirectPaymentAgreementSummary(
    string Source, Guid? PlanId, Guid? PackageId, string RecipientName, string RecipientRelationship, decimal AnnualAmount, DateOnly StartsOn,
    DateOnly? EndsOn, DateTime? AgreedAt, string? AgreedByName, AgreementMethod? AgreedOnBehalfMethod, string? AgreementRecordedByName, Guid? AgreementLetterId);

/// <param name="Frequency">The scheme's payment frequency, timing and rounding the schedule was made with.</param>
/// <param name="PaidCount">Instalments paid, and their total in pounds; DueCount and DueTotal those still to pay (cancelled ones in neither).</param>
public sealed record DirectPaymentScheduleSummary(
    string Frequency, string Timing, string Rounding, int PaidCount, decimal PaidTotal, int DueCount, decimal DueTotal,
    IReadOnlyList<DirectPaymentInstalmentDetail> Instalments);

public sealed record DirectPaymentInstalmentDetail(
    Guid Id, ScheduledPaymentKind Kind, DateOnly DueOn, decimal Amount, DateOnly? CoversFrom, DateOnly? CoversTo, string? Reason, InstalmentState State, DateTime? PaidAt);

/// <param name="Details">Masked exactly as the pages show it: "Sort code **-**-30, account number ****3445", or "Card account ****1234".</param>
public sealed record DirectPaymentAccountDetail(
    Guid Id, DirectPaymentAccountKind Kind, string AccountName, string Details, DateTime CreatedAt, bool Confirmed, DateTime? ConfirmedAt,
    AccountConfirmation? ConfirmedBy, DateTime? ReplacedAt, long Version);

/// <param name="WeeksHeld">The balance in weeks of payments; null when nothing is paid a week.</param>
/// <param name="SurplusThreshold">The balance above which the account is flagged (the scheme's SurplusThresholdWeeks of payments).</param>
/// <param name="Recoverable">What a recoupment would recover now: the balance above the contingency.</param>
public sealed record DirectPaymentBalance(
    decimal Balance, BalanceSource Source, decimal? WeeksHeld, decimal SurplusThreshold, int SurplusThresholdWeeks, decimal Contingency, decimal Recoverable,
    IReadOnlyList<DirectPaymentFlag> Flags);

public sealed record DirectPaymentFlag(MonitoringFlag Flag, string Text);

public sealed record DirectPaymentReturnDue(DateOnly From, DateOnly To, DateOnly Due);

public sealed record DirectPaymentAuditOutcome(
    Guid Id, DateOnly AuditedOn, DateOnly PeriodFrom, DateOnly PeriodTo, decimal BalanceFound, AccountAuditOutcome Outcome, string OutcomeText);

/// <param name="LetterId">The letter giving the reasons, the amount, how to dispute it and by when.</param>
public sealed record DirectPaymentRecoupment(
    Guid Id, RecoupmentState State, bool OnEnding, decimal BalanceHeld, decimal Contingency, decimal Amount, RecoveryMethod Method,
    decimal ReducedFromPayments, decimal InvoiceAmount, string Reasons, DateOnly LetterDate, DateOnly DisputeBy, Guid? LetterId);

/// <param name="MappingVersion">The version of the remembered columns now: send it as mappingVersion with a change of columns.</param>
public sealed record StatementImported(
    Guid StatementId, DateOnly FirstDate, DateOnly LastDate, int LinesAdded, int LinesAlreadyImported, decimal ClosingBalance, long MappingVersion);

/// <summary>One problem of a statement file: its row (the header is row 1), the column, the value found and what is wrong.</summary>
public sealed record StatementRowProblem(int Row, string Column, string Value, string Message);

public sealed record PaymentRunsPage(IReadOnlyList<PaymentRunSummary> Items, int Total, int Page, int PageSize);

public sealed record PaymentRunSummary(
    Guid Id, string Reference, DateOnly PayOn, PaymentRunState State, string StateText, int ItemCount, decimal Total, DateTime PreparedAt, string PreparedByName,
    DateTime? ApprovedAt, string? ApprovedByName, DateTime? PaidAt, DateTime? CancelledAt, long Version);

/// <param name="Totals">The run added up by kind of spending and budget head; they sum to the run's total.</param>
/// <param name="Unpaid">Items not yet marked paid.</param>
public sealed record PaymentRunDetail(
    PaymentRunSummary Run, IReadOnlyList<PaymentRunTotal> Totals, int Unpaid, IReadOnlyList<PaymentRunItemDetail> Items, int Page, int Pages);

public sealed record PaymentRunTotal(SpendingKind Kind, string BudgetHead, string BudgetHeadName, int Count, decimal Amount);

/// <param name="Account">The account paid into, masked as the run's page shows it; empty for an invoice.</param>
public sealed record PaymentRunItemDetail(
    Guid Id, SpendingKind Kind, Guid SourceId, Guid? ChildId, Guid? OrganisationId, string RecordReference, string PaymentReference, string PayeeName,
    string Account, decimal Amount, string BudgetHead, DateTime? PaidAt);

public sealed record InvoicesPage(IReadOnlyList<InvoiceSummary> Items, int Total, int Page, int PageSize);

public sealed record InvoiceSummary(
    Guid Id, string Reference, string? ProviderReference, Guid OrganisationId, string OrganisationName, string Month, ProviderInvoiceState State,
    decimal Total, DateTime SubmittedAt, string SubmittedByName, DateTime? PaidAt);

public sealed record InvoiceDetail(
    Guid Id, string Reference, string? ProviderReference, Guid OrganisationId, string OrganisationName, string Month, ProviderInvoiceState State,
    decimal Total, DateTime SubmittedAt, string SubmittedByName, DateTime? DecidedAt, string? DecidedByName, string? RejectedReason,
    string? PaymentRunReference, DateTime? PaidAt, long Version, IReadOnlyList<InvoiceLineDetail> Lines);

public sealed record InvoiceLineDetail(
    Guid Id, Guid PackageId, Guid PackageLineId, Guid ChildId, string ChildName, string ServiceName, PriceUnit Unit, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>A provider's own invoice for a month: see SubmitProviderInvoice.</summary>
public sealed record InvoiceBody
{
    [System.ComponentModel.Description("The month invoiced, yyyy-MM: a month that has ended.")]
    public string? Month { get; init; }

    [System.ComponentModel.Description("The organisation's own invoice number.")]
    public string? ProviderReference { get; init; }

    [System.ComponentModel.Description("The package lines invoiced: packageLineId, quantity in the line's unit, and amount in pounds.")]
    public IReadOnlyList<InvoiceLineBody?>? Lines { get; init; }
}

public sealed record InvoiceLineBody(Guid? PackageLineId, decimal? Quantity, decimal? Amount);
