using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.DirectPayments;

public sealed class StatementCsvTests
{
    private static readonly StatementColumnMapping InAndOut = new()
    {
        DateColumn = "Date", DescriptionColumn = "Details", AmountInColumn = "Paid in", AmountOutColumn = "Paid out", BalanceColumn = "Balance", DateFormat = "dd/MM/yyyy",
    };

    private static readonly StatementColumnMapping Signed = new()
    {
        DateColumn = "Transaction date", DescriptionColumn = "Merchant", AmountInColumn = "Amount", BalanceColumn = "Available balance", DateFormat = "yyyy-MM-dd",
    };

    [Fact]
    public void AStatement_WithPaidInAndOutColumns_IsReadLineByLine()
    {
        var file = StatementCsv.Read("Date,Details,Paid in,Paid out,Balance\n01/09/2026,Council payment,200.00,,200.00\n03/09/2026,\"Swim club, term\",,£45.50,154.50\n\n", InAndOut);

        file.Errors.ShouldBeEmpty();
        file.Lines.Count.ShouldBe(2);
        file.Lines[1].ShouldSatisfyAllConditions(
            l => l.Date.ShouldBe(new DateOnly(2026, 9, 3)), l => l.Description.ShouldBe("Swim club, term"),
            l => l.AmountIn.ShouldBe(0m), l => l.AmountOut.ShouldBe(45.50m), l => l.Balance.ShouldBe(154.50m), l => l.Order.ShouldBe(1));
    }

    [Fact]
    public void ASignedAmountColumn_SplitsIntoMoneyInAndOut_AndAFileNewestFirst_IsOrderedBackwards()
    {
        var file = StatementCsv.Read("Transaction date,Merchant,Amount,Available balance\n2026-09-03,Cinema,-12.00,188.00\n2026-09-01,Top up,200,200.00\n", Signed);

        file.Errors.ShouldBeEmpty();
        file.Lines[0].AmountOut.ShouldBe(12m);
        file.Lines[1].AmountIn.ShouldBe(200m);
        file.Lines.Single(l => l.Order == 1).Description.ShouldBe("Cinema");
    }

    [Fact]
    public void AFileWithProblems_GivesEveryProblemByRow_AndNoLines()
    {
        var file = StatementCsv.Read("Date,Details,Paid in,Paid out,Balance\n31/02/2026,A,1.00,,1.00\n01/09/2026,B,abc,,2.00\n01/09/2026,C,1.00,2.00,3.00\n01/09/2026,D,,,4.00\n01/09/2026,E,1.005,,5.00\n01/09/2026,F\n", InAndOut);

        file.Lines.ShouldBeEmpty();
        file.Succeeded.ShouldBeFalse();
        file.Errors.Select(e => e.Row).ShouldBe([2, 3, 4, 5, 6, 7]);
        file.Errors[0].Message.ShouldBe("Enter a date written as dd/MM/yyyy");
        file.Errors[0].Column.ShouldBe("Date");
        file.Errors[1].Message.ShouldBe("Enter an amount in pounds and pence, like 12.50");
        file.Errors[2].Message.ShouldBe("A line has money paid in or paid out, not both");
        file.Errors[3].Message.ShouldBe("Enter an amount paid in or paid out");
        file.Errors[4].Message.ShouldBe("The amount must be in pounds and pence, with no fraction of a penny");
        file.Errors[5].Message.ShouldBe("The row has 2 values but the header has 5 columns");
    }

    [Theory]
    [InlineData("", "The file is empty: it needs a header row and a row for each line of the statement")]
    [InlineData("Date,Details,Paid in,Paid out,Balance\n", "The file has a header row but no lines")]
    [InlineData("Date;Details;Paid in;Paid out;Balance\n", "The values are separated by semicolons: save the file as CSV with commas between values")]
    [InlineData("Date,Details,Paid in,Balance\n01/09/2026,A,1,1\n", "The column 'Paid out' is missing: check the column mapping for these statements")]
    [InlineData("Date,Details,Paid in,Paid out,Balance\n01/09/2026,\"A\"x\"\",1,,1\n", "The row has a quotation mark in the wrong place")]
    public void AFileThatCannotBeRead_SaysWhy(string text, string message)
    {
        StatementCsv.Read(text, InAndOut).Errors.ShouldHaveSingleItem().Message.ShouldBe(message);
    }

    [Fact]
    public void TheSameLine_HasTheSameFingerprintInEveryImport_AndIdenticalLinesInOneFileDiffer()
    {
        const string text = "Date,Details,Paid in,Paid out,Balance\n01/09/2026,Fee,,1.00,0.00\n01/09/2026,Fee,,1.00,0.00\n";

        var first = StatementCsv.Read(text, InAndOut).Lines;
        var again = StatementCsv.Read(text.Replace("Fee", " fee "), InAndOut).Lines;

        first[0].Fingerprint.ShouldNotBe(first[1].Fingerprint);
        again.Select(l => l.Fingerprint).ShouldBe(first.Select(l => l.Fingerprint));
    }

    [Fact]
    public void AMapping_IsCheckedAgainstTheFilesHeadings()
    {
        var problems = StatementCsv.MappingProblems(new StatementColumns("Date", "", "Amount", null, "Saldo", "yyyy/MM/dd"), ["Date", "Amount", "Balance"]);

        problems.Select(p => p.Field).ShouldBe(["DescriptionColumn", "BalanceColumn", "DateFormat"]);
        problems[1].Message.ShouldBe("The file has no column headed 'Saldo'");
        StatementCsv.MappingProblems(new StatementColumns("date", "Details", "Amount", "", "balance", "dd/MM/yyyy"), ["Date", "Details", "Amount", "Balance"]).ShouldBeEmpty();
    }

    [Fact]
    public void GarbageInput_NeverThrows_AndAlwaysGivesLinesOrProblems()
    {
        var random = new Random(11);
        const string alphabet = "01/9,.-£\"\n\r ;abcXYZ()\0\u202E";
        for (var i = 0; i < 2000; i++)
        {
            var text = "Date,Details,Paid in,Paid out,Balance\n" + new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var file = StatementCsv.Read(text, InAndOut);
            (file.Succeeded ^ (file.Errors.Count > 0)).ShouldBeTrue(text);
        }
    }
}

public sealed class AccountMonitoringTests
{
    private static readonly DirectPaymentSettings Settings = DirectPaymentSettings.Defaults;
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void TheBalance_IsTheLatestStatements_WhenThereIsOne_OtherwisePaymentsLessReturnsAndInvoices()
    {
        var money = new AccountMoney(Paid: 1000m, SpentInReturns: 600m, RecoveredByInvoice: 50m, LatestStatementBalance: null, 0, 2600m, Today.AddDays(10), AnyReturn: true);

        var fromReturns = AccountMonitoring.Assess(money, ended: false, Today, 52m, Settings);
        var fromStatement = AccountMonitoring.Assess(money with { LatestStatementBalance = 420m }, ended: false, Today, 52m, Settings);

        fromReturns.Balance.ShouldBe(350m);
        fromReturns.Source.ShouldBe(BalanceSource.PaymentsLessReturns);
        fromStatement.Balance.ShouldBe(420m);
        fromStatement.Source.ShouldBe(BalanceSource.Statement);
        fromStatement.WeeksHeld.ShouldBe(8.4m);
    }

    [Fact]
    public void AnAccount_IsFlagged_ForASurplus_SpendingOutsideThePlan_AndAnOverdueReturn()
    {
        // £2,600 a year is £50 a week: more than 8 weeks (£400) is a surplus; 4 weeks (£200) is kept.
        var money = new AccountMoney(0m, 0m, 0m, 400.01m, LinesOutsidePlan: 1, 2600m, Today.AddDays(-1), AnyReturn: false);

        var assessed = AccountMonitoring.Assess(money, ended: false, Today, 52m, Settings);

        assessed.Flags.ShouldBe([MonitoringFlag.Surplus, MonitoringFlag.SpendingOutsidePlan, MonitoringFlag.ReturnOverdue]);
        assessed.SurplusThreshold.ShouldBe(400m);
        assessed.Contingency.ShouldBe(200m);
        assessed.Recoverable.ShouldBe(200.01m);
        AccountMonitoring.Assess(money with { LatestStatementBalance = 400m, LinesOutsidePlan = 0, ReturnDue = Today }, false, Today, 52m, Settings).Flags.ShouldBeEmpty();
    }

    [Fact]
    public void AnEndedDirectPayment_KeepsNoContingency_AndEverythingUnspentIsRecoverable()
    {
        var money = new AccountMoney(0m, 0m, 0m, 150m, 0, 2600m, Today.AddDays(-40), AnyReturn: false);

        var assessed = AccountMonitoring.Assess(money, ended: true, Today, 52m, Settings);

        assessed.Recoverable.ShouldBe(150m);
        assessed.Flags.ShouldBeEmpty();
    }

    [Fact]
    public void Returns_FollowOnePeriodAfterAnother_OnTheSchemesInterval()
    {
        var start = new DateOnly(2026, 4, 1);

        AccountMonitoring.NextReturn(start, null, Settings).ShouldBe((start, new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1)));
        AccountMonitoring.NextReturn(start, new DateOnly(2026, 9, 30), Settings with { MonitoringReturnMonths = 3 })
            .ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData("2026-12-04", AuditStanding.Overdue)]
    [InlineData("2026-12-05", AuditStanding.Due)]
    [InlineData("2026-12-31", AuditStanding.Due)]
    [InlineData("2027-01-01", AuditStanding.NotYetDue)]
    public void AnAudit_IsOverdueOnceItsDayHasPassed_AndDueInItsMonth(string due, AuditStanding standing)
    {
        AccountMonitoring.AuditStandingOn(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Today).ShouldBe(standing);
    }

    [Fact]
    public void Reductions_TakeFromTheEarliestPayments_NeverBelowZero_AndAddUpToWhatWasTaken()
    {
        var random = new Random(7);
        for (var c = 0; c < 2000; c++)
        {
            var instalments = Enumerable.Range(0, random.Next(0, 8)).Select(i => new DirectPaymentInstalment { DueOn = new DateOnly(2027, 1, 1).AddDays(28 * i), Amount = random.Next(0, 30000) / 100m }).ToList();
            var amount = random.Next(1, 200000) / 100m;

            var (reductions, reduced) = Core.DirectPayments.RecoupmentService.Reduce(instalments, amount);

            reductions.ShouldAllBe(r => r.After >= 0 && r.After <= r.Instalment.Amount);
            reductions.Sum(r => r.Instalment.Amount - r.After).ShouldBe(reduced);
            reduced.ShouldBe(Math.Min(amount, instalments.Sum(i => i.Amount)));
            // Only the last payment touched is left above zero: the earliest are taken first.
            reductions.SkipLast(1).ShouldAllBe(r => r.After == 0);
        }
    }
}
