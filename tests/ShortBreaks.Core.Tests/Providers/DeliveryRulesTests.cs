using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.Providers;

public sealed class DeliveryRulesTests
{
    private static readonly ProviderSettings Settings = ProviderSettings.Defaults;
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static (Package Package, PackageLine Line) Package(decimal total = 10)
    {
        var line = new PackageLine { ServiceName = "Sitting service", Unit = PriceUnit.Hour, TotalUnits = total, HoursEach = 1 };
        var package = new Package { StartsOn = new DateOnly(2026, 9, 1), EndsOn = new DateOnly(2027, 3, 31), State = PackageState.Accepted, Lines = [line] };
        return (package, line);
    }

    private static DeliveredSession Delivered(DateOnly date, decimal quantity) => new() { Date = date, Quantity = quantity, Unit = PriceUnit.Hour };

    [Theory]
    [InlineData(PackageState.Sent, 0, true)]
    [InlineData(PackageState.Sent, 1, false)]
    [InlineData(PackageState.Accepted, 0, true)]
    [InlineData(PackageState.Accepted, 92, true)]
    [InlineData(PackageState.Accepted, 93, false)]
    [InlineData(PackageState.Ended, 92, true)]
    [InlineData(PackageState.Ended, 93, false)]
    [InlineData(PackageState.Draft, -30, false)]
    [InlineData(PackageState.Declined, -30, false)]
    [InlineData(PackageState.Changed, -30, false)]
    public void A_provider_sees_a_child_through_a_package_sent_to_it_until_it_ends_or_agreed_until_returns_close(PackageState state, int daysAfterEnd, bool sees)
    {
        var endsOn = new DateOnly(2027, 3, 31);
        var today = endsOn.AddDays(daysAfterEnd);

        ProviderChildAccess.Sees(state, endsOn, today, Settings).ShouldBe(sees);
    }

    [Fact]
    public void The_query_form_of_the_rule_agrees_with_the_rule_for_every_state_and_day_and_never_admits_another_organisation()
    {
        var mine = Guid.NewGuid();
        var endsOn = new DateOnly(2027, 3, 31);
        foreach (var state in Enum.GetValues<PackageState>())
        {
            foreach (var days in new[] { -200, -1, 0, 1, 91, 92, 93, 400 })
            {
                var today = endsOn.AddDays(days);
                var visible = ProviderChildAccess.Visible(mine, today, Settings).Compile();
                var package = new Package { OrganisationId = mine, Route = PackageRoute.Provider, State = state, EndsOn = endsOn };

                visible(package).ShouldBe(ProviderChildAccess.Sees(state, endsOn, today, Settings), $"{state}, {days} days after the end");
                visible(new Package { OrganisationId = Guid.NewGuid(), Route = PackageRoute.Provider, State = state, EndsOn = endsOn }).ShouldBeFalse();
            }
        }
    }

    [Fact]
    public void Only_an_agreed_or_ended_package_takes_returns()
    {
        var endsOn = new DateOnly(2027, 3, 31);

        ProviderChildAccess.TakesReturns(PackageState.Sent, endsOn, Today, Settings).ShouldBeFalse();
        ProviderChildAccess.TakesReturns(PackageState.Accepted, endsOn, Today, Settings).ShouldBeTrue();
        ProviderChildAccess.TakesReturns(PackageState.Ended, endsOn, endsOn.AddDays(92), Settings).ShouldBeTrue();
    }

    [Fact]
    public void A_months_return_is_due_on_the_schemes_day_of_the_next_month_and_late_the_day_after()
    {
        var due = DeliveryRules.DueOn(new DateOnly(2026, 12, 1), Settings with { ReturnDueDayOfMonth = 7 });

        due.ShouldBe(new DateOnly(2027, 1, 7));
        DeliveryRules.IsLate(due, new DateOnly(2027, 1, 7)).ShouldBeFalse();
        DeliveryRules.IsLate(due, new DateOnly(2027, 1, 8)).ShouldBeTrue();
        DeliveryRules.IsOverdue(DeliveryReturnStatus.Open, due, new DateOnly(2027, 1, 8)).ShouldBeTrue();
        DeliveryRules.IsOverdue(DeliveryReturnStatus.Submitted, due, new DateOnly(2027, 1, 8)).ShouldBeFalse();
    }

    [Fact]
    public void Delivery_past_the_agreed_total_is_refused_with_what_is_left()
    {
        var (package, line) = Package(total: 10);
        var returned = new[] { Delivered(new DateOnly(2026, 10, 1), 6), Delivered(new DateOnly(2026, 10, 2), 3) };

        var errors = DeliveryRules.Check(package, line, new SessionInput(line.Id, new DateOnly(2026, 11, 2), 2, "AB", null, null), returned, Today);

        errors.ShouldHaveSingleItem().Field.ShouldBe("Quantity");
        errors[0].Message.ShouldBe("This is more than was agreed: Sitting service is 10 hours for the package, 9 are already returned, so 1 hour can be returned");
        DeliveryRules.Check(package, line, new SessionInput(line.Id, new DateOnly(2026, 11, 2), 1, "AB", null, null), returned, Today).ShouldBeEmpty();
    }

    [Fact]
    public void Cancelled_sessions_do_not_count_towards_the_agreed_total()
    {
        var (package, line) = Package(total: 4);
        var returned = new[] { new DeliveredSession { Date = new DateOnly(2026, 10, 1), Cancellation = CancellationReason.NoShow } };

        DeliveryRules.Check(package, line, new SessionInput(line.Id, new DateOnly(2026, 11, 2), 4, "AB", null, null), returned, Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-08-31", "The date of the session must be within the package, which runs from 1 September 2026 to 31 March 2027")]
    [InlineData("2026-11-24", "The date of the session must be today or in the past")]
    [InlineData("2026-10-01", "A session on 1 October 2026 is already returned for Sitting service (2 hours). Remove it and return the day once, with all its hours")]
    public void A_session_outside_the_package_in_the_future_or_on_a_day_already_returned_is_refused(string date, string message)
    {
        var (package, line) = Package();
        var returned = new[] { Delivered(new DateOnly(2026, 10, 1), 2) };

        var errors = DeliveryRules.Check(package, line, new SessionInput(line.Id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), 1, "AB", null, null), returned, Today);

        errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Date", message));
    }

    [Fact]
    public void A_delivered_session_needs_an_amount_and_staff_and_a_cancelled_one_no_amount()
    {
        var (package, line) = Package();
        var day = new DateOnly(2026, 11, 2);

        DeliveryRules.Check(package, line, new SessionInput(line.Id, day, null, " ", null, null), [], Today).Select(e => e.Field).ShouldBe(["Quantity", "Staff"]);
        DeliveryRules.Check(package, line, new SessionInput(line.Id, day, 2.555m, "AB", null, null), [], Today).ShouldHaveSingleItem().Message
            .ShouldBe("The hours delivered must have no more than 2 decimal places");
        DeliveryRules.Check(package, line, new SessionInput(line.Id, day, 25, "AB", null, null), [], Today).ShouldHaveSingleItem().Message
            .ShouldBe("The hours delivered in a day must be 24 or fewer");
        DeliveryRules.Check(package, line, new SessionInput(line.Id, day, 2, null, CancellationReason.FamilyCancelled, null), [], Today).ShouldHaveSingleItem().Message
            .ShouldBe("A cancelled session delivers nothing: leave the amount empty");
        DeliveryRules.Check(package, line, new SessionInput(line.Id, day, null, null, CancellationReason.ChildUnwell, "A cold"), [], Today).ShouldBeEmpty();
        DeliveryRules.Check(package, null, new SessionInput(null, day, 1, "AB", null, null), [], Today).ShouldHaveSingleItem().Field.ShouldBe("LineId");
    }

    [Fact]
    public void A_month_is_submitted_from_its_last_day_and_a_submitted_return_is_corrected_only_with_a_reason()
    {
        DeliveryRules.SubmitRefusal(new DateOnly(2026, 11, 1), Today).ShouldBe("The return for November 2026 can be submitted from its last day, 30 November 2026.");
        DeliveryRules.SubmitRefusal(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)).ShouldBeNull();
        DeliveryRules.CorrectionReasonProblem(DeliveryReturnStatus.Open, null).ShouldBeNull();
        DeliveryRules.CorrectionReasonProblem(DeliveryReturnStatus.Submitted, "  ")!.Field.ShouldBe("Reason");
        DeliveryRules.CorrectionReasonProblem(DeliveryReturnStatus.Submitted, new string('x', 501))!.Message.ShouldBe("The reason must be 500 characters or fewer");
        DeliveryRules.CorrectionReasonProblem(DeliveryReturnStatus.Submitted, "Wrong day").ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("november", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_month_in_an_address_is_read_only_as_year_and_month(string? key, bool read) =>
        (DeliveryRules.ParseMonth(key) is not null).ShouldBe(read);
}
