using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Ras.VirtualBudgets;

namespace ShortBreaks.Core.Demo;

/// <summary>
/// The demo county's money, made through the real direct payment and finance services on the day each would have been
/// done, over the twelve months to today (<see cref="MoneyFrom"/>): each Flexible Short Breaks package taken as a direct
/// payment is set up by the child's officer, agreed by the family (in their account, or recorded by the officer), and paid
/// into a bank or prepaid card account entered by the officer and confirmed by a finance officer calling the family back;
/// each month's delivered sessions are invoiced and approved; a payment run each month is prepared by one finance officer,
/// approved by the other, exported and paid; card providers' statements are imported every quarter; families send their
/// monitoring returns; a few families spend little and hold a surplus; a couple of accounts are audited and one surplus is
/// recovered with its letter. Deterministic: a random stream of its own from the seed.
/// </summary>
internal sealed partial class DemoSupply
{
    /// <summary>One direct payment in this many is spent slowly, so its account holds a surplus.</summary>
    public const int OneSurplusIn = 4;

    /// <summary>One direct payment in this many is paid into a prepaid card account; the others into a bank account.</summary>
    public const int OnePrepaidCardIn = 3;

    /// <summary>How many accounts a year old are audited.</summary>
    public const int Audits = 2;

    /// <summary>The order of the steps that keep their own transaction: preparing and paying a payment run.</summary>
    private const int OwnTransaction = 41;

    private const string FinanceEmail = "finance@" + DemoCounty.EmailDomain;
    private const string SecondFinanceEmail = "finance2@" + DemoCounty.EmailDomain;

    /// <summary>The card provider's statement columns, as a finance officer maps them on the first import.</summary>
    private static readonly StatementColumns CardColumns = new("Date", "Description", "Money in", "Money out", "Balance", "dd/MM/yyyy");

    // A direct payment being made: filled in when it is set up, then followed by its account and its spending.
    private sealed class DemoDirectPayment
    {
        public required Guid ChildId { get; init; }
        public required Guid PackageId { get; init; }
        public required DateOnly StartsOn { get; init; }
        public required int Index { get; init; }
        public required (string Id, string Name) Officer { get; init; }
        public Guid? Id { get; set; }
        public string Reference { get; set; } = "";
        public string? RecipientUserId { get; set; }
        public string RecipientName { get; set; } = "";
        public string RecipientRelationship { get; set; } = "";
        public decimal AnnualAmount { get; set; }
        public bool Card => Index % OnePrepaidCardIn == 2;
        public bool Surplus => Index % OneSurplusIn == 1;

        /// <summary>What the family has spent so far, and up to when the card provider's statements run.</summary>
        public decimal Spent { get; set; }
        public decimal CardBalance { get; set; }
        public DateOnly? StatementsTo { get; set; }
    }

    // A payment run being made: filled in when it is prepared, so the steps after it act on it.
    private sealed class MadeRun
    {
        public Guid? Id { get; set; }
    }

    /// <summary>
    /// The first month of the year of money: the direct payments of packages starting from it are set up, and its months
    /// invoiced and paid. Twelve months, not the whole of the packages' two allowance years, so the demo stays quick to load.
    /// </summary>
    private DateOnly MoneyFrom => DeliveryRules.MonthOf(_options.Today).AddMonths(-12);

    /// <summary>What the money load made.</summary>
    public sealed record MoneyMade(int DirectPayments, int PaymentRuns, int Invoices);

    /// <summary>
    /// Adds the year of money, after the packages and their returns are in. Not in one transaction: a payment run keeps
    /// its own transactions (it takes each payment once and only once), so each service's step commits as it would.
    /// </summary>
    public async Task<MoneyMade> AddMoneyAsync(CancellationToken ct)
    {
        var random = new DemoRandom(unchecked(_options.Seed * 31 + 11));
        var today = _options.Today;
        var plans = new PlanService(_db, _schemes);
        var directPayments = new DirectPaymentService(_db, _schemes, plans);
        var accounts = new DirectPaymentAccounts(_db, _schemes);
        var runs = new PaymentRunService(_db, _schemes);
        var invoices = new ProviderInvoiceService(_db);
        var monitoring = new MonitoringService(_db, _schemes);
        var statements = new StatementImportService(_db, monitoring);
        var returns = new MonitoringReturnService(_db, monitoring);
        var audits = new AccountAuditService(_db, monitoring);
        var recoupments = new RecoupmentService(_db, monitoring, _schemes);
        var finance = await UserAsync(FinanceEmail, ct);
        var secondFinance = await UserAsync(SecondFinanceEmail, ct);
        var settings = _options.Scheme.DirectPaymentRules;
        var events = new List<DemoEvent>();
        var made = new List<DemoDirectPayment>();

        // Every package taken as a direct payment, in the order they start.
        var packages = await (from p in _db.Packages.AsNoTracking()
                              where p.Route == PackageRoute.DirectPayment && p.State == PackageState.Accepted && p.DirectPaymentAmount > 0
                              join c in _db.Children.AsNoTracking() on p.ChildId equals c.Id
                              orderby p.StartsOn, c.Reference
                              select new { p.Id, p.ChildId, p.StartsOn, p.EndsOn, p.CreatedAt, c.KeyWorkerId }).ToListAsync(ct);
        var officerIds = packages.Select(p => p.KeyWorkerId).Where(k => k != null).Distinct().ToList();
        var officers = await _db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var demoOfficer = await UserAsync("officer@" + DemoCounty.EmailDomain, ct);
        foreach (var (package, index) in packages.Select((p, i) => (p, i)))
        {
            var setUpOn = UkCalendar.DateOf(package.CreatedAt).AddDays(1);
            // Agreed and confirmed before the first day, within the year of money.
            if (package.StartsOn < MoneyFrom || setUpOn.AddDays(2) >= package.StartsOn || setUpOn.AddDays(2) >= today) continue;
            var officer = package.KeyWorkerId is { } k && officers.TryGetValue(k, out var name) ? (k, name) : demoOfficer;
            var dp = new DemoDirectPayment { ChildId = package.ChildId, PackageId = package.Id, StartsOn = package.StartsOn, Index = index, Officer = officer };
            made.Add(dp);
            AddDirectPayment(events, dp, setUpOn, random, directPayments, accounts, finance, ct);
            AddSpending(events, dp, package.EndsOn, random, returns, statements, settings, finance, ct);
        }

        AddInvoices(events, invoices, finance, secondFinance, ct);
        AddPaymentRuns(events, runs, finance, secondFinance, ct);
        AddAuditsAndRecoupment(events, made, audits, recoupments, finance, ct);

        // The steps between two payment run steps commit together, as the rest of the load does; preparing and paying a
        // run keep their own transactions, so each commits on its own.
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Order))
            {
                if (e.Order == OwnTransaction && transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
                else if (e.Order != OwnTransaction && transaction is null)
                {
                    transaction = await _db.Database.BeginTransactionAsync(ct);
                }

                _clock.Now = e.At;
                await e.Act();
                _db.ChangeTracker.Clear();
            }

            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }

        await AddBudgetsAsync(finance, ct);
        return new MoneyMade(made.Count(d => d.Id is not null), await _db.PaymentRuns.CountAsync(ct), await _db.ProviderInvoices.CountAsync(ct));
    }

    /// <summary>
    /// This financial year's service budget and each head's budget, set by finance from the year's forecast outturn so
    /// budget monitoring has something to measure against: the service budget a tenth above the outturn (to the £1,000),
    /// and each head with spending a twentieth above its own (to the £100), except commissioned services, set a little
    /// below theirs so the demo shows a head over budget.
    /// </summary>
    private async Task AddBudgetsAsync((string Id, string Name) finance, CancellationToken ct)
    {
        As(finance.Id, finance.Name);
        var monitoring = new BudgetMonitoringService(_db, _schemes);
        var year = FinancialYears.Of(_options.Today);
        var report = await monitoring.ReportAsync(year, ct);
        if (report.Total.Outturn <= 0) return;
        if (!await _db.ServiceBudgets.AnyAsync(b => b.FinancialYear == year, ct))
        {
            _db.ServiceBudgets.Add(new ServiceBudget
            {
                FinancialYear = year, Amount = Math.Ceiling(report.Total.Outturn * 1.1m / 1000m) * 1000m,
                SetByUserId = finance.Id, SetByName = finance.Name, SetAt = _db.UtcNow,
            });
            await _db.SaveChangesAsync(ct);
        }

        var commissioned = _options.Scheme.DirectPaymentRules.HeadFor(SpendingKind.CommissionedServiceInvoice).Code;
        var inputs = report.ByHead.Where(h => h.Figures.Outturn > 0 && h.Budget is null).Select(h => new HeadBudgetInput(h.Head.Code,
            (h.Head.Code == commissioned ? Math.Floor(h.Figures.Outturn * 0.97m / 100m) * 100m : Math.Ceiling(h.Figures.Outturn * 1.05m / 100m) * 100m)
                .ToString("0.00", CultureInfo.InvariantCulture), null)).ToList();
        if (inputs.Count > 0) Check(await monitoring.SetHeadBudgetsAsync(year, inputs, ct), "set the budgets of the heads");
        _db.ChangeTracker.Clear();
    }

    // Set up by the officer, agreed the next day, and the account entered then and confirmed by finance the day after.
    private void AddDirectPayment(List<DemoEvent> events, DemoDirectPayment dp, DateOnly setUpOn, DemoRandom random,
        DirectPaymentService directPayments, DirectPaymentAccounts accounts, (string Id, string Name) finance, CancellationToken ct)
    {
        var sortCode = $"{random.Between(10, 99)}{random.Between(0, 9999):0000}";
        var accountNumber = $"{random.Between(10_000_000, 99_999_999)}";
        var cardReference = $"PPC{random.Between(1_000_000, 9_999_999)}";
        var onBehalfMethod = random.Chance(0.5) ? Plans.AgreementMethod.InPerson : Plans.AgreementMethod.ByPhone;

        events.Add(new(Utc(setUpOn, 10, random.Next(59)), 10, async () =>
        {
            As(dp.Officer.Id, dp.Officer.Name);
            var member = await _db.ChildFamilyMembers.AsNoTracking().Where(m => m.ChildId == dp.ChildId).OrderBy(m => m.AddedAt).FirstOrDefaultAsync(ct);
            var contact = member is null
                ? await _db.Set<ChildEmergencyContact>().AsNoTracking().Where(c => c.ChildId == dp.ChildId).OrderBy(c => c.Position).FirstOrDefaultAsync(ct)
                : null;
            var input = member is not null
                ? new DirectPaymentSetUp($"package:{dp.PackageId}", member.UserId, null, null)
                : new DirectPaymentSetUp($"package:{dp.PackageId}", null, contact?.Name ?? Person().Name, contact?.Relationship ?? "Parent");
            var (payment, result) = await directPayments.SetUpAsync(dp.ChildId, input, ct);
            Check(result, "set up a direct payment");
            (dp.Id, dp.Reference, dp.RecipientUserId, dp.RecipientName, dp.RecipientRelationship, dp.AnnualAmount) =
                (payment!.Id, payment.Reference, payment.RecipientUserId, payment.RecipientName, payment.RecipientRelationship, payment.AnnualAmount);
        }));

        var agreedOn = setUpOn.AddDays(1);
        events.Add(new(Utc(agreedOn, 15, random.Next(59)), 10, async () =>
        {
            if (dp.Id is not { } id) return;
            var version = await _db.DirectPayments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync(ct);
            if (dp.RecipientUserId is { } family)
            {
                As(family, dp.RecipientName);
                Check(await directPayments.AgreeAsync(id, version, ct), "agree a direct payment");
            }
            else
            {
                As(dp.Officer.Id, dp.Officer.Name);
                Check(await directPayments.AgreeOnBehalfAsync(id, new DirectPaymentAgreementOnBehalf(dp.RecipientName, dp.RecipientRelationship, onBehalfMethod, agreedOn), version, ct),
                    "record a family's agreement");
            }
        }));

        events.Add(new(Utc(agreedOn, 16, random.Next(59)), 11, async () =>
        {
            if (dp.Id is not { } id) return;
            As(dp.Officer.Id, dp.Officer.Name);
            var version = await _db.DirectPayments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync(ct);
            var input = dp.Card
                ? new AccountInput(DirectPaymentAccountKind.PrepaidCard, dp.RecipientName, null, null, cardReference)
                : new AccountInput(DirectPaymentAccountKind.BankAccount, dp.RecipientName, sortCode, accountNumber, null);
            Check(await accounts.AddAsync(id, input, version, ct), "enter a direct payment account");
        }));

        events.Add(new(Utc(agreedOn.AddDays(1), 11, random.Next(59)), 10, async () =>
        {
            if (dp.Id is not { } id) return;
            As(finance.Id, finance.Name);
            var account = await _db.DirectPaymentAccounts.AsNoTracking().SingleAsync(a => a.DirectPaymentId == id && a.ConfirmedAt == null && a.ReplacedAt == null, ct);
            Check(await accounts.ConfirmAsync(account.Id, AccountConfirmation.CallBackToNumberOnFile,
                $"Called {FictionalLandline()}, the number on file; {dp.RecipientName} confirmed the details.", account.Version, ct), "confirm a direct payment account");
        }));
    }

    // The family's spending: monitoring returns for a bank account, the card provider's statements each quarter for a card.
    private void AddSpending(List<DemoEvent> events, DemoDirectPayment dp, DateOnly endsOn, DemoRandom random,
        MonitoringReturnService returns, StatementImportService statements, DirectPaymentSettings settings, (string Id, string Name) finance, CancellationToken ct)
    {
        var today = _options.Today;
        var share = dp.Surplus ? 0.35m : 0.85m + random.Between(0, 10) / 100m;
        if (dp.Card)
        {
            for (var on = dp.StartsOn.AddMonths(3).AddDays(5); on < today && on <= endsOn.AddMonths(3); on = on.AddMonths(3))
            {
                var importOn = on;
                events.Add(new(Utc(importOn, 10, random.Next(59)), 20, async () =>
                {
                    if (dp.Id is not { } id) return;
                    var (text, lines) = await CardStatementAsync(dp, importOn.AddDays(-1), share, ct);
                    if (lines == 0) return;
                    As(finance.Id, finance.Name);
                    var mapped = await _db.Set<StatementColumnMapping>().AsNoTracking().AnyAsync(m => m.Source == DirectPaymentAccountKind.PrepaidCard, ct);
                    var outcome = await statements.ImportAsync(id, $"card-statement-{dp.Reference}-{importOn:yyyy-MM-dd}.csv", text, mapped ? null : CardColumns, null, ct);
                    Check(outcome.Result, "import a card statement");
                    dp.StatementsTo = importOn.AddDays(-1);
                }));
            }

            return;
        }

        var months = settings.MonitoringReturnMonths;
        for (var on = dp.StartsOn.AddMonths(months).AddDays(random.Between(3, 20)); on < today; on = on.AddMonths(months))
        {
            events.Add(new(Utc(on, 19, random.Next(59)), 20, async () =>
            {
                if (dp.Id is not { } id || await returns.NextAsync(id, ct) is not { } next || next.To >= _db.Today) return;
                var paidInPeriod = await PaidAsync(id, next.From, next.To, ct);
                var spent = decimal.Round(paidInPeriod * share, 2, MidpointRounding.AwayFromZero);
                dp.Spent += spent;
                var held = await PaidAsync(id, DateOnly.MinValue, next.To, ct) - dp.Spent;
                if (dp.RecipientUserId is { } family) As(family, dp.RecipientName);
                else As(dp.Officer.Id, dp.Officer.Name);
                var evidence = Encoding.UTF8.GetBytes($"Synthetic demo evidence for {dp.Reference}: not a real document.");
                var (_, result) = await returns.SubmitAsync(id, new ReturnForm(spent.ToString("0.00", CultureInfo.InvariantCulture), held.ToString("0.00", CultureInfo.InvariantCulture),
                    "Personal assistant hours most weeks, and a day trip."),
                    [new ReturnEvidenceFile("timesheets", "timesheets.txt", "text/plain", evidence), new ReturnEvidenceFile("statements", "bank-statement.txt", "text/plain", evidence)], ct);
                Check(result, "send a monitoring return");
            }));
        }
    }

    // What the direct payment's paid instalments came to, paid between two days.
    private async Task<decimal> PaidAsync(Guid directPaymentId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = from == DateOnly.MinValue ? DateTime.MinValue : from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Summed here rather than in SQL: SQLite cannot sum decimals.
        var amounts = await _db.DirectPaymentInstalments.AsNoTracking()
            .Where(i => i.DirectPaymentId == directPaymentId && i.State == InstalmentState.Paid && i.PaidAt >= start && i.PaidAt < end)
            .Select(i => i.Amount).ToListAsync(ct);
        return amounts.Sum();
    }

    // The card provider's statement from the last one to a day: each payment in, the personal assistant's wages every
    // fortnight and now and then a trip, spending about the share of what came in; the balance after each line.
    private async Task<(string Text, int Lines)> CardStatementAsync(DemoDirectPayment dp, DateOnly to, decimal share, CancellationToken ct)
    {
        var from = dp.StatementsTo?.AddDays(1) ?? dp.StartsOn.AddDays(-7);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var paid = await _db.DirectPaymentInstalments.AsNoTracking()
            .Where(i => i.DirectPaymentId == dp.Id && i.State == InstalmentState.Paid && i.PaidAt >= start && i.PaidAt < end)
            .Select(i => new { i.PaidAt, i.Amount }).ToListAsync(ct);
        var lines = new List<(DateOnly Date, string Description, decimal In, decimal Out)>();
        lines.AddRange(paid.Select(p => (UkCalendar.DateOf(p.PaidAt!.Value), $"Short breaks direct payment {dp.Reference}", p.Amount, 0m)));
        var fortnightly = decimal.Round(dp.AnnualAmount / 26m * share, 2, MidpointRounding.AwayFromZero);
        for (var day = from.AddDays(6); day <= to; day = day.AddDays(14)) lines.Add((day, "Personal assistant wages", 0m, fortnightly));
        var sorted = lines.OrderBy(l => l.Date).ThenByDescending(l => l.In).ToList();
        if (sorted.Count == 0) return ("", 0);
        var text = new StringBuilder("Date,Description,Money in,Money out,Balance\n");
        var count = 0;
        foreach (var (date, description, moneyIn, moneyOut) in sorted)
        {
            var spend = Math.Min(moneyOut, dp.CardBalance + moneyIn); // a prepaid card cannot go overdrawn
            if (moneyIn == 0 && spend <= 0) continue;
            dp.CardBalance += moneyIn - spend;
            dp.Spent += spend;
            count++;
            text.Append(CultureInfo.InvariantCulture, $"{date:dd/MM/yyyy},{description},{(moneyIn > 0 ? moneyIn.ToString("0.00", CultureInfo.InvariantCulture) : "")},")
                .Append(CultureInfo.InvariantCulture, $"{(spend > 0 ? spend.ToString("0.00", CultureInfo.InvariantCulture) : "")},{dp.CardBalance.ToString("0.00", CultureInfo.InvariantCulture)}\n");
        }

        return (text.ToString(), count);
    }

    // Each month once it has ended: its delivered sessions invoiced by finance on the 10th, and approved by the second officer the next day.
    private void AddInvoices(List<DemoEvent> events, ProviderInvoiceService invoices, (string Id, string Name) finance, (string Id, string Name) second, CancellationToken ct)
    {
        var today = _options.Today;
        for (var month = MoneyFrom; month.AddMonths(1).AddDays(10) < today; month = month.AddMonths(1))
        {
            var invoiced = month;
            var makeOn = month.AddMonths(1).AddDays(9);
            events.Add(new(Utc(makeOn, 11), 30, async () =>
            {
                As(finance.Id, finance.Name);
                Check((await invoices.MakeMonthAsync(invoiced, ct)).Result, "make a month's invoices");
            }));
            events.Add(new(Utc(makeOn.AddDays(1), 10), 30, async () =>
            {
                As(second.Id, second.Name);
                var submitted = await _db.ProviderInvoices.AsNoTracking().Where(i => i.Month == invoiced && i.State == ProviderInvoiceState.Submitted)
                    .OrderBy(i => i.Reference).Select(i => new { i.Id, i.Version }).ToListAsync(ct);
                foreach (var invoice in submitted) Check(await invoices.DecideAsync(invoice.Id, true, null, invoice.Version, ct), "approve an invoice");
            }));
        }
    }

    /// <summary>
    /// A payment run each month on its first working day: prepared three days before by one finance officer, approved the
    /// next day by the other, its payment file exported the day before and paid on the day. The next run, when it is being
    /// prepared today, waits for its approval.
    /// </summary>
    private void AddPaymentRuns(List<DemoEvent> events, PaymentRunService runs, (string Id, string Name) finance, (string Id, string Name) second, CancellationToken ct)
    {
        var today = _options.Today;
        for (var month = MoneyFrom; month <= today; month = month.AddMonths(1))
        {
            var payOn = month;
            while (payOn.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || _options.WorkingDays?.IsWorkingDay(payOn) == false) payOn = payOn.AddDays(1);
            var preparedOn = payOn.AddDays(-3);
            if (preparedOn > today) break;
            var past = payOn < today;
            var runOn = payOn;
            var run = new MadeRun();
            events.Add(new(Utc(past ? preparedOn : today, 10), OwnTransaction, async () =>
            {
                As(finance.Id, finance.Name);
                var (made, result) = await runs.PrepareAsync(runOn, ct);
                if (made is null) return; // nothing due
                Check(result, "prepare a payment run");
                run.Id = made.Id;
            }));
            if (!past) break;
            events.Add(new(Utc(payOn.AddDays(-2), 14), 40, async () =>
            {
                if (run.Id is not { } id) return;
                As(second.Id, second.Name);
                Check(await runs.ApproveAsync(id, await _db.PaymentRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct), ct), "approve a payment run");
            }));
            events.Add(new(Utc(payOn.AddDays(-1), 9, 30), 40, async () =>
            {
                if (run.Id is not { } id) return;
                As(finance.Id, finance.Name);
                if (await runs.PaymentFileAsync(id, ct) is null) throw new InvalidOperationException("The demo county could not export a payment file.");
            }));
            events.Add(new(Utc(payOn, 8), OwnTransaction, async () =>
            {
                if (run.Id is not { } id) return;
                As(finance.Id, finance.Name);
                Check((await runs.PayAsync(id, ct: ct)).Result, "pay a payment run");
            }));
        }
    }

    // The oldest accounts are audited in the last month; one holding a surplus is found so, and its surplus recovered.
    private void AddAuditsAndRecoupment(List<DemoEvent> events, List<DemoDirectPayment> made, AccountAuditService audits, RecoupmentService recoupments,
        (string Id, string Name) finance, CancellationToken ct)
    {
        var today = _options.Today;
        var yearOld = made.Where(d => d.StartsOn <= today.AddMonths(-6)).OrderBy(d => d.StartsOn).ToList();
        var audited = yearOld.Where(d => !d.Surplus).Take(Audits - 1).Concat(yearOld.Where(d => d.Surplus).Take(1)).ToList();
        var recovering = made.Where(d => d.Surplus && d.StartsOn <= today.AddMonths(-7)).OrderByDescending(d => d.StartsOn).FirstOrDefault();
        if (recovering is not null && !audited.Contains(recovering)) audited = [.. audited.Take(Audits - 1), recovering];
        foreach (var (dp, i) in audited.Select((d, i) => (d, i)))
        {
            var on = today.AddDays(-20 + i * 4);
            events.Add(new(Utc(on, 11), 50, async () =>
            {
                if (dp.Id is not { } id) return;
                var proposal = await recoupments.ProposeAsync(id, ct);
                var balance = proposal?.Monitored.Assessment.Balance ?? 0m;
                var surplus = proposal is { Amount: > 0 };
                As(finance.Id, finance.Name);
                var (_, result) = await audits.RecordAsync(id, new AuditForm(dp.StartsOn, on.AddDays(-1), ["receipts", "timesheets", "statements"],
                    balance.ToString("0.00", CultureInfo.InvariantCulture), surplus ? nameof(AccountAuditOutcome.SurplusToRecover) : nameof(AccountAuditOutcome.Satisfactory),
                    surplus
                        ? "Receipts and timesheets match the payments out. The account holds more than the contingency the family may keep: the surplus is recovered."
                        : "Receipts and timesheets match the payments out, and the balance is within the contingency."), ct);
                Check(result, "record an audit");
                if (dp != recovering || !surplus) return;
                Check((await recoupments.RecoverAsync(id,
                    "The account has held more than the direct payment needs for several months. We keep enough for the contingency the agreement allows, and take the rest from the payments still to come.",
                    proposal!.Amount, ct)).Result, "recover a surplus");
            }));
        }
    }
}
