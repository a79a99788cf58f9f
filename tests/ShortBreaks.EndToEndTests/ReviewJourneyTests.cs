using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A six-monthly review from the reviewing officer's worklist to the outcome letter: booked with a mistake on the way,
/// the family's views sent from their phone, recorded, decided, and the letter read in the family's account; in
/// Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class ReviewJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task ASixMonthlyReview_FromTheWorklistToTheOutcomeLetter(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.ReviewingOfficer, "Rita Reviewer");
        var parent = await server.CreateUserAsync(Roles.Family, "Parent Review");
        var lastName = TestData.NewName();
        var childId = await Families.LinkChildAsync(server, parent.Email, lastName, Tier.TargetedShortBreaks);
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var reviewId = await DueReviewAsync(server, childId, officer.Id, today.AddDays(10));

        // The officer finds it on the worklist and books it, forgetting the time at first.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, server.BaseUrl + "/staff");
        await browser.FollowAsync(staff, staff.Locator("#reviews-link"));
        (await staff.Locator("#reviews").InnerTextAsync()).ShouldContain("RAS package review");
        await browser.FollowAsync(staff, staff.Locator("#reviews").GetByRole(AriaRole.Link, new() { Name = $"Maya {lastName}" }));
        var on = today.AddDays(7);
        await staff.Locator("[name='Date-day']").FillAsync(on.Day.ToString());
        await staff.Locator("[name='Date-month']").FillAsync(on.Month.ToString());
        await staff.Locator("[name='Date-year']").FillAsync(on.Year.ToString());
        await staff.GetByLabel("In person").CheckAsync();
        await staff.Locator("[name='Place']").FillAsync("The family home");
        await staff.Locator("[name='Invited']").FillAsync("Mum, the personal assistant and Maya's teacher");
        await browser.ClickAsync(staff, staff.Locator("#book"));
        (await staff.TitleAsync()).ShouldStartWith("Error: ");
        await staff.Locator("[name='Time']").FillAsync("10:30am");
        await browser.ClickAsync(staff, staff.Locator("#book"));
        (await staff.Locator("#done").InnerTextAsync()).ShouldContain("The review is booked");

        // The family sends Maya's views and their own from their phone.
        var family = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(family, server.BaseUrl, parent.Email, parent.Password);
        await browser.GoAsync(family, server.BaseUrl + "/messages");
        (await family.Locator("#tasks").InnerTextAsync()).ShouldContain("views");
        await browser.GoAsync(family, server.BaseUrl + "/account");
        await browser.FollowAsync(family, family.Locator("#reviews a").First);
        await family.Locator("[name='ChildViews']").FillAsync("I love swimming on Saturdays. The bus is too loud.");
        await family.Locator("[name='FamilyViews']").FillAsync("Weekends work well; school holidays are hard.");
        await browser.ClickAsync(family, family.Locator("#send-views"));
        (await family.Locator("#sent").InnerTextAsync()).ShouldContain("your views are with the reviewing officer");

        // The officer holds and records it, then decides to carry on as it is.
        await browser.GoAsync(staff, server.BaseUrl + $"/staff/reviews/{reviewId}");
        (await staff.Locator("main").InnerTextAsync()).ShouldContain("I love swimming on Saturdays.");
        await staff.Locator("[name='HeldOn-day']").FillAsync(today.Day.ToString());
        await staff.Locator("[name='HeldOn-month']").FillAsync(today.Month.ToString());
        await staff.Locator("[name='HeldOn-year']").FillAsync(today.Year.ToString());
        await staff.Locator("[name='Attended']").FillAsync("Mum, Maya and the personal assistant");
        await staff.Locator("[name='ChildVoice']").FillAsync("Maya showed us her swimming badges.");
        var outcomes = await staff.Locator("[name^='Evidence[']").CountAsync();
        for (var i = 0; i < outcomes; i++)
        {
            await staff.Locator($"[name='Progress[{i}]'][value='Achieved']").CheckAsync();
            await staff.Locator($"[name='Evidence[{i}]']").FillAsync("Swam 20 of 24 weeks");
        }

        await staff.Locator("[name='WhatIsWorking']").FillAsync("Saturday swimming with the PA.");
        await staff.Locator("[name='WhatIsNotWorking']").FillAsync("The bus to the pool.");
        await staff.Locator("[name='BudgetAlreadyBuys']").FillAsync("Four PA hours a week.");
        await browser.ClickAsync(staff, staff.Locator("#record"));
        (await staff.Locator("#state").InnerTextAsync()).ShouldBe("Held, outcome to decide");
        await staff.Locator("[name='Decision'][value='ContinueAsIs']").CheckAsync();
        await staff.Locator("[name='Reasons']").FillAsync("The plan is working; swimming goes on.");
        await browser.ClickAsync(staff, staff.Locator("#decide"));
        (await staff.Locator("#decision").InnerTextAsync()).ShouldBe("Continue as it is");

        // The family reads the record and outcome as a letter.
        await browser.GoAsync(family, server.BaseUrl + $"/account/reviews/{reviewId}");
        await browser.FollowAsync(family, family.Locator("#letter"));
        var letter = await family.Locator("main").InnerTextAsync();
        letter.ShouldContain("Maya showed us her swimming badges.");
        letter.ShouldContain("The plan is working; swimming goes on.");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId);
        (review.State, review.Decision).ShouldBe((ReviewState.Completed, ReviewDecision.ContinueAsIs));
    }

    /// <summary>A six-monthly (RAS package) review falling due, held by the officer, as the daily scan makes it.</summary>
    private static async Task<Guid> DueReviewAsync(LiveServer server, Guid childId, string officerId, DateOnly dueOn)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var review = new Review
        {
            ChildId = childId, Kind = ReviewKind.RasPackage, DueOn = dueOn, State = ReviewState.Due, CreatedAt = DateTime.UtcNow,
            OfficerId = officerId, OfficerName = "Rita Reviewer",
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }
}
