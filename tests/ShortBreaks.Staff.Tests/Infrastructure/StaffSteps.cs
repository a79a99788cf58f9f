using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Infrastructure;

/// <summary>Things an officer does on the staff pages, written once for the tests that need them.</summary>
public static class StaffSteps
{
    public const string DecideForm = "main form[action*='handler=Decide']";
    public const string ConfirmChildForm = "main form[action*='handler=ConfirmChild']";

    public static Task<Page> RequestPageAsync(this PageClient browser, Guid requestId) =>
        browser.GetPageAsync($"/staff/requests/{requestId}");

    /// <summary>Fills in and sends the decision form on a request page the officer already has open.</summary>
    public static Task<Page> DecideAsync(this PageClient browser, Page requestPage, string? outcome, string? reasons) =>
        browser.SubmitAsync(requestPage, DecideForm, new() { ["Outcome"] = outcome, ["Reasons"] = reasons });

    public static async Task<Page> DecideAsync(this PageClient browser, Guid requestId, string? outcome, string? reasons) =>
        await browser.DecideAsync(await browser.RequestPageAsync(requestId), outcome, reasons);

    /// <summary>The start of a day that had waited exactly <paramref name="waited"/> working days by today.</summary>
    public static DateTime SubmittedWorkingDaysAgo(this WebAppFactory factory, int waited)
    {
        var workingDays = factory.Services.GetRequiredService<WorkingDays>();
        var today = factory.Data.Today;
        var day = today;
        while (workingDays.Between(day, today) < waited) day = day.AddDays(-1);
        return day.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc);
    }
}
