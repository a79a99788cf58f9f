using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;

namespace ShortBreaks.EndToEndTests.Infrastructure;

/// <summary>Children known to the service and linked to a parent's account, and answering the RAS in the browser.</summary>
public static class Families
{
    /// <summary>A child of the given age on a tier, linked to the parent's account as their own.</summary>
    public static async Task<Guid> LinkChildAsync(LiveServer server, string parentEmail, string lastName, Tier tier = Tier.FlexibleShortBreaks, int ageYears = 8)
    {
        using var scope = server.Services.CreateScope();
        var parent = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(parentEmail);
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var child = new Child
        {
            Reference = References.NewChild(),
            FirstName = "Maya",
            LastName = lastName,
            DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-ageYears).AddDays(-30),
            AddressLine1 = "12 Example Road",
            Town = "Exampleton",
            Postcode = "DC1 2AB",
            Tier = tier,
            CreatedAt = DateTime.UtcNow,
        };
        child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
        child.LastNameKey = MatchKeys.LastName(child.LastName);
        child.PostcodeKey = MatchKeys.Postcode(child.Postcode);
        db.Children.Add(child);
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = parent!.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return child.Id;
    }

    /// <summary>Checks the same answer (by its place in the list) for every question on a RAS page.</summary>
    public static async Task AnswerEveryQuestionAsync(IPage page, int option)
    {
        var questions = page.Locator("main .govuk-radios");
        var count = await questions.CountAsync();
        count.ShouldBeGreaterThan(0);
        for (var i = 0; i < count; i++)
            await questions.Nth(i).Locator("input[type=radio]").Nth(option).CheckAsync();
    }
}
