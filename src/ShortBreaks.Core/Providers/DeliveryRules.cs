using System.Globalization;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Providers;

/// <summary>One session as a provider returns it: delivered (how much, by whom) or cancelled (why).</summary>
/// <param name="LineId">The package line it was delivered against.</param>
/// <param name="Quantity">Units delivered, in the line's unit (hours, nights or sessions); none for a cancellation.</param>
/// <param name="Staff">Who delivered it: names or initials.</param>
public sealed record SessionInput(Guid? LineId, DateOnly? Date, decimal? Quantity, string? Staff, CancellationReason? Cancellation, string? CancellationNote);

/// <summary>
/// What a delivery return may hold, and when it is due (pure). A session is on a day inside the package's dates and not
/// after today; at most one session a line a day (one entry holds all the hours of a day); what is delivered never goes
/// past the line's agreed total for the package. A month's return is due on the scheme's day of the month after it
/// (<see cref="ProviderSettings.ReturnDueDayOfMonth"/>), counted in UK days, and late after it.
/// </summary>
public static class DeliveryRules
{
    public const int StaffMaxLength = 200;
    public const int NoteMaxLength = 500;
    public const int ReasonMaxLength = 500;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly LastDayOf(DateOnly month) => MonthOf(month).AddMonths(1).AddDays(-1);

    /// <summary>The day a month's return is due: the scheme's day of the following month.</summary>
    public static DateOnly DueOn(DateOnly month, ProviderSettings settings)
    {
        var next = MonthOf(month).AddMonths(1);
        return new DateOnly(next.Year, next.Month, settings.ReturnDueDayOfMonth);
    }

    /// <summary>A return submitted on UK day <paramref name="submittedOn"/> is late when that is after its due day.</summary>
    public static bool IsLate(DateOnly dueOn, DateOnly submittedOn) => submittedOn > dueOn;

    /// <summary>A return not yet submitted is overdue once its due day has passed.</summary>
    public static bool IsOverdue(DeliveryReturnStatus status, DateOnly dueOn, DateOnly today) => status != DeliveryReturnStatus.Submitted && today > dueOn;

    /// <summary>Whether <paramref name="month"/> is one the package runs in.</summary>
    public static bool InPackage(Package package, DateOnly month) =>
        MonthOf(month) >= MonthOf(package.StartsOn) && MonthOf(month) <= MonthOf(package.EndsOn);

    /// <summary>Null when the month's return may be submitted on <paramref name="today"/>: from the month's last day on.</summary>
    public static string? SubmitRefusal(DateOnly month, DateOnly today)
    {
        var last = LastDayOf(month);
        return today >= last ? null : $"The return for {MonthName(month)} can be submitted from its last day, {Day(last)}.";
    }

    /// <summary>The most of a unit one day can hold.</summary>
    public static decimal MostInADay(PriceUnit unit) => unit switch
    {
        PriceUnit.Hour => 24m,
        PriceUnit.Night => 1m,
        _ => 4m,
    };

    /// <summary>
    /// Problems with a session to be returned against <paramref name="line"/> of <paramref name="package"/>, given the
    /// line's sessions already returned (every month's) and <paramref name="today"/> (a UK day). Field names are the
    /// input's property names.
    /// </summary>
    public static List<FieldError> Check(Package package, PackageLine? line, SessionInput input, IReadOnlyCollection<DeliveredSession> lineSessions, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (line is null)
        {
            errors.Add(new(nameof(SessionInput.LineId), "Select what was delivered, from the package's lines"));
        }

        if (input.Date is not { } date)
        {
            errors.Add(new(nameof(SessionInput.Date), "Enter the date of the session"));
        }
        else if (date > today)
        {
            errors.Add(new(nameof(SessionInput.Date), "The date of the session must be today or in the past"));
        }
        else if (date < package.StartsOn || date > package.EndsOn)
        {
            errors.Add(new(nameof(SessionInput.Date), $"The date of the session must be within the package, which runs from {Day(package.StartsOn)} to {Day(package.EndsOn)}"));
        }

        var staff = input.Staff?.Trim();
        if (staff is { Length: > StaffMaxLength })
        {
            errors.Add(new(nameof(SessionInput.Staff), $"Staff must be {StaffMaxLength} characters or fewer"));
        }

        if (input.CancellationNote?.Trim() is { Length: > NoteMaxLength })
        {
            errors.Add(new(nameof(SessionInput.CancellationNote), $"The note must be {NoteMaxLength} characters or fewer"));
        }

        if (input.Cancellation is { } reason && !Enum.IsDefined(reason))
        {
            errors.Add(new(nameof(SessionInput.Cancellation), "Select what happened"));
        }

        if (input.Cancellation is null && line is not null)
        {
            var unit = UnitName(line.Unit, 2);
            if (input.Quantity is not { } quantity)
            {
                errors.Add(new(nameof(SessionInput.Quantity), $"Enter the {unit} delivered"));
            }
            else if (quantity <= 0)
            {
                errors.Add(new(nameof(SessionInput.Quantity), $"The {unit} delivered must be more than 0"));
            }
            else if (quantity != Math.Round(quantity, 2))
            {
                errors.Add(new(nameof(SessionInput.Quantity), $"The {unit} delivered must have no more than 2 decimal places"));
            }
            else if (quantity > MostInADay(line.Unit))
            {
                errors.Add(new(nameof(SessionInput.Quantity), $"The {unit} delivered in a day must be {Amount(MostInADay(line.Unit))} or fewer"));
            }
            else
            {
                var delivered = lineSessions.Where(s => s.Cancellation is null).Sum(s => s.Quantity);
                if (delivered + quantity > line.TotalUnits)
                {
                    var left = Math.Max(0, line.TotalUnits - delivered);
                    errors.Add(new(nameof(SessionInput.Quantity),
                        $"This is more than was agreed: {line.ServiceName} is {Amount(line.TotalUnits)} {UnitName(line.Unit, line.TotalUnits)} for the package, " +
                        $"{Amount(delivered)} are already returned, so {Amount(left)} {UnitName(line.Unit, left)} can be returned"));
                }
            }

            if (string.IsNullOrEmpty(staff))
            {
                errors.Add(new(nameof(SessionInput.Staff), "Enter who delivered the session, by name or initials"));
            }
        }
        else if (input.Cancellation is not null && input.Quantity is > 0)
        {
            errors.Add(new(nameof(SessionInput.Quantity), "A cancelled session delivers nothing: leave the amount empty"));
        }

        if (line is not null && input.Date is { } day && lineSessions.FirstOrDefault(s => s.Date == day) is { } same)
        {
            errors.Add(new(nameof(SessionInput.Date),
                $"A session on {Day(day)} is already returned for {line.ServiceName} ({Describe(same)}). Remove it and return the day once, with all its {UnitName(line.Unit, 2)}"));
        }

        return errors;
    }

    /// <summary>A correction to a submitted return needs a reason; an open return does not.</summary>
    public static FieldError? CorrectionReasonProblem(DeliveryReturnStatus status, string? reason)
    {
        if (status != DeliveryReturnStatus.Submitted) return null;
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return new("Reason", "This return is already submitted: enter why it is being corrected");
        return trimmed.Length > ReasonMaxLength ? new("Reason", $"The reason must be {ReasonMaxLength} characters or fewer") : null;
    }

    public static string Describe(DeliveredSession session) =>
        session.Cancellation is { } reason ? CancellationName(reason).ToLowerInvariant() : $"{Amount(session.Quantity)} {UnitName(session.Unit, session.Quantity)}";

    public static string CancellationName(CancellationReason reason) => reason switch
    {
        CancellationReason.FamilyCancelled => "Family cancelled",
        CancellationReason.ProviderCancelled => "Provider cancelled",
        CancellationReason.ChildUnwell => "Child unwell",
        _ => "No show",
    };

    public static string UnitName(PriceUnit unit, decimal quantity) => (unit, quantity == 1) switch
    {
        (PriceUnit.Hour, true) => "hour",
        (PriceUnit.Hour, false) => "hours",
        (PriceUnit.Night, true) => "night",
        (PriceUnit.Night, false) => "nights",
        (_, true) => "session",
        _ => "sessions",
    };

    public static string Amount(decimal quantity) => quantity.ToString("0.##", CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A month from its key ("2026-11"), or null for anything else.</summary>
    public static DateOnly? ParseMonth(string? key) =>
        key is { Length: 7 } && DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
