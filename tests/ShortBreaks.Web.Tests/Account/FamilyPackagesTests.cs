using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>A family builds their child's Flexible Short Breaks from their account, and sees only their own child's packages.</summary>
public class FamilyPackagesTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private async Task<Child> LinkedChildAsync(string familyUserId, Tier tier = Tier.FlexibleShortBreaks)
    {
        var child = await app.Data.CreateChildAsync(tier: tier);
        await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return child;
    }

    private Task<Service> ServiceAsync() => app.Data.WithDbAsync(async db =>
    {
        var (_, service) = TestData.AddApprovedOrganisation(db, "Family Care " + Guid.NewGuid().ToString("N")[..8], Today);
        await db.SaveChangesAsync();
        return service;
    });

    [Fact]
    public async Task AFamily_TakesADirectPaymentAndAService_AndSeesWhatIsLeft()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var child = await LinkedChildAsync(user.Id);
        var service = await ServiceAsync();

        var account = await family.GetPageAsync("/account");
        account.Get("#packages a").GetAttribute("href").ShouldBe($"/account/packages/{child.Id}");
        var page = await family.GetPageAsync($"/account/packages/{child.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("#no-packages").ShouldNotBeNull();
        var paid = await family.FollowAsync(await family.SubmitAsync(page, "#build-form", new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "20" }));
        paid.Get("#done").ShouldNotBeNull();
        var hoursLeft = decimal.Parse(Page.Normalise(paid.Get("#hours-left").TextContent).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var allowance = await app.Data.WithDbAsync(db => db.Packages.AsNoTracking().SingleAsync(p => p.ChildId == child.Id));
        allowance.DirectPaymentAmount.ShouldBe(187.50m);
        var withService = await family.FollowAsync(await family.SubmitAsync(paid, "#build-form", new()
        {
            ["Route"] = "Provider", ["ServiceId"] = service.Id.ToString(), ["Quantity"] = "3", ["Frequency"] = "Total",
        }));
        Page.Normalise(withService.Get("#hours-left").TextContent).ShouldStartWith((hoursLeft - 3).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        var moves = await app.Data.WithDbAsync(db => db.PackageStateChanges.AsNoTracking().Where(c => c.ChildId == child.Id && c.From == PackageState.Draft).ToListAsync());
        moves.Count.ShouldBe(2);
        moves.ShouldAllBe(m => m.By == PackageActor.Family && m.ByUserId == user.Id);
        var tooMany = await family.SubmitAsync(withService, "#build-form", new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "500" });
        tooMany.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("This package uses 500 hours, more than the");
        tooMany.Get("#DirectPaymentHours").GetAttribute("value").ShouldBe("500");
    }

    [Fact]
    public async Task AStrangerFamily_GetsNotFound_ForAnotherFamilysChild_AndCannotBuildForIt()
    {
        var (owner, ownerUser) = await app.SignedInAsAsync(Roles.Family);
        var child = await LinkedChildAsync(ownerUser.Id);
        await owner.FollowAsync(await owner.SubmitAsync(await owner.GetPageAsync($"/account/packages/{child.Id}"), "#build-form", new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "10" }));
        var (stranger, strangerUser) = await app.SignedInAsAsync(Roles.Family);
        var own = await LinkedChildAsync(strangerUser.Id);

        (await stranger.GetAsync($"/account/packages/{child.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/account/packages/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ownPage = await stranger.GetPageAsync($"/account/packages/{own.Id}");
        ownPage.Find("#packages").ShouldBeNull("their own child has no packages; the other child's never show");
        var forced = await stranger.PostRawAsync(ownPage, $"/account/packages/{child.Id}", new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "10" });
        forced.Status.ShouldBe(HttpStatusCode.NotFound);
        (await app.Data.WithDbAsync(db => db.Packages.CountAsync(p => p.ChildId == child.Id))).ShouldBe(1);
        (await stranger.GetAsync($"/staff/children/{child.Id}/packages")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AChildNotOnFlexibleShortBreaks_HasNoFormToBuildFrom()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var child = await LinkedChildAsync(user.Id, Tier.Universal);

        var page = await family.GetPageAsync($"/account/packages/{child.Id}");

        page.Get("#not-fsb").ShouldNotBeNull();
        page.Find("#build-form").ShouldBeNull();
        var forced = await family.PostRawAsync(page, $"/account/packages/{child.Id}", new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "10", ["StartsOn-day"] = Today.Day.ToString(), ["StartsOn-month"] = Today.Month.ToString(), ["StartsOn-year"] = Today.Year.ToString() });
        forced.Status.ShouldBe(HttpStatusCode.OK);
        (await app.Data.WithDbAsync(db => db.Packages.CountAsync(p => p.ChildId == child.Id))).ShouldBe(0);
    }
}
