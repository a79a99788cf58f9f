using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class FamilyLinkPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string LinkForm = "main form[method=post]";

    private static string LinkUrl(Guid childId) => $"/staff/children/{childId}/family/link";

    private Task<List<ChildFamilyMember>> LinksAsync(Guid childId) =>
        factory.Data.WithDbAsync(db => db.ChildFamilyMembers.Where(m => m.ChildId == childId).ToListAsync());

    private async Task LinkDirectlyAsync(Guid childId, TestUser family) =>
        await factory.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = childId, UserId = family.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task LinkingWithoutTheIdentityAndParentalResponsibilityChecks_IsRefusedWithEachError()
    {
        var child = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync(LinkUrl(child.Id));

        var result = await browser.SubmitAsync(page, LinkForm, new() { ["AccountEmail"] = " ", ["Relationship"] = "", ["IdentityCheck"] = "", ["ParentalResponsibilityCheck"] = "  " });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Html.Title!.ShouldStartWith("Error: ");
        result.ErrorSummary().ShouldBe(
        [
            "Enter the email address of the family's account",
            "Enter the person's relationship to the child",
            "Enter how you confirmed the person's identity",
            "Enter how you confirmed the person has parental responsibility for the child",
        ]);
        result.Get("#IdentityCheck-error").TextContent.ShouldContain("Enter how you confirmed the person's identity");
        result.Get("#ParentalResponsibilityCheck-error").TextContent.ShouldContain("parental responsibility");
        (await LinksAsync(child.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEmailThatIsNotAFamilyAccount_IsRefusedAndTheChecksTypedAreKept()
    {
        var child = await factory.Data.ChildAsync();
        var staffAccount = await factory.CreateUserAsync(Roles.ReviewingOfficer);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync(LinkUrl(child.Id));

        foreach (var email in new[] { "nobody-" + Guid.NewGuid().ToString("N") + "@example.org", staffAccount.Email })
        {
            var result = await browser.SubmitAsync(page, LinkForm, new()
            {
                ["AccountEmail"] = email, ["Relationship"] = "Father", ["IdentityCheck"] = "Saw a passport.", ["ParentalResponsibilityCheck"] = "Saw the birth certificate.",
            });

            result.ErrorSummary().ShouldBe(["No family account uses this email address: check it with the family, or ask them to make an account first"]);
            result.Get("#IdentityCheck").TextContent.ShouldBe("Saw a passport.");
        }

        (await LinksAsync(child.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Linking_RecordsTheChecksPutsItOnTheTimelineAuditsItAndEmailsTheFamilyAlreadyLinked()
    {
        var child = await factory.Data.ChildAsync();
        var existing = await factory.CreateUserAsync(Roles.Family, "Existing Parent");
        await LinkDirectlyAsync(child.Id, existing);
        var newcomer = await factory.CreateUserAsync(Roles.Family, "New Parent");
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Olu Officer");
        var page = await browser.GetPageAsync(LinkUrl(child.Id));
        page.Get("#linked").TextContent.ShouldContain("Existing Parent");

        var result = await browser.SubmitAsync(page, LinkForm, new()
        {
            ["AccountEmail"] = newcomer.Email.ToUpperInvariant(), ["Relationship"] = "Father",
            ["IdentityCheck"] = "Saw his passport at the office.", ["ParentalResponsibilityCheck"] = "Named on the birth certificate, which I saw.",
        });

        result.Status.ShouldBe(HttpStatusCode.Redirect);
        result.RedirectPath.ShouldBe($"/staff/children/{child.Id}");
        var link = (await LinksAsync(child.Id)).Single(m => m.UserId == newcomer.Id);
        link.Relationship.ShouldBe("Father");
        link.IdentityCheck.ShouldBe("Saw his passport at the office.");
        link.ParentalResponsibilityCheck.ShouldBe("Named on the birth certificate, which I saw.");
        link.LinkedByUserId.ShouldBe(officer.Id);
        link.LinkedByName.ShouldBe("Olu Officer");
        (await factory.Data.WithDbAsync(db => db.TimelineEvents.AnyAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.FamilyLinked && e.Summary == "Family account linked: New Parent (Father)")))
            .ShouldBeTrue();
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "create" && a.EntityType == nameof(ChildFamilyMember) && a.ChildId == child.Id && a.UserId == officer.Id)))
            .ShouldBeTrue();

        var toExisting = factory.Emails().Where(e => e.Contains(existing.Email)).ShouldHaveSingleItem();
        toExisting.ShouldContain("New Parent (Father)");
        toExisting.ShouldContain(child.Reference);
        factory.Emails().ShouldNotContain(e => e.Contains(newcomer.Email));
    }

    [Fact]
    public async Task AnAccountAlreadyLinked_IsNotLinkedTwice()
    {
        var child = await factory.Data.ChildAsync();
        var family = await factory.CreateUserAsync(Roles.Family);
        await LinkDirectlyAsync(child.Id, family);
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var page = await browser.GetPageAsync(LinkUrl(child.Id));

        var result = await browser.SubmitAsync(page, LinkForm, new()
        {
            ["AccountEmail"] = family.Email, ["Relationship"] = "Mother", ["IdentityCheck"] = "Known to me.", ["ParentalResponsibilityCheck"] = "Birth certificate.",
        });

        result.ErrorSummary().ShouldBe([$"This account is already linked to {child.FirstName}'s record"]);
        (await LinksAsync(child.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task OpenedFromARequestTheAccountThatSentIt_IsFilledInAndTheOfficerReturnsToTheRequest()
    {
        var family = await factory.CreateUserAsync(Roles.Family);
        var (request, child) = await factory.Data.MatchedRequestAsync(r => r.FamilyUserId = family.Id);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync($"{LinkUrl(child.Id)}?requestId={request.Id}");
        page.Get("#AccountEmail").GetAttribute("value").ShouldBe(family.Email);
        page.Get("#Relationship").GetAttribute("value").ShouldBe("Mother");
        var result = await browser.SubmitAsync(page, LinkForm, new() { ["IdentityCheck"] = "Video call with photo ID.", ["ParentalResponsibilityCheck"] = "Birth certificate seen on the call." });

        result.RedirectPath.ShouldBe($"/staff/requests/{request.Id}?done=linked");
        var after = await browser.FollowAsync(result);
        after.Get(".govuk-notification-banner--success").TextContent.ShouldContain("Family account linked to the child");
        after.Find("#requester-not-linked").ShouldBeNull();
        (await LinksAsync(child.Id)).ShouldHaveSingleItem().UserId.ShouldBe(family.Id);
    }

    [Theory]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task OnlyPersonalisationOfficersAndTeamManagers_MayLinkAnAccount(string role)
    {
        var child = await factory.Data.ChildAsync();
        var family = await factory.CreateUserAsync(Roles.Family);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var officerPage = await officer.GetPageAsync(LinkUrl(child.Id));
        var (browser, _) = await factory.SignedInAsAsync(role);

        var opened = await browser.GetPageAsync(LinkUrl(child.Id));
        var ownPage = await browser.GetPageAsync("/account/sign-in");
        var posted = await browser.PostRawAsync(ownPage, LinkUrl(child.Id), new()
        {
            ["AccountEmail"] = family.Email, ["Relationship"] = "Mother", ["IdentityCheck"] = "None.", ["ParentalResponsibilityCheck"] = "None.",
        });

        opened.RedirectPath!.ShouldStartWith("/access-denied");
        posted.RedirectPath!.ShouldStartWith("/access-denied");
        officerPage.Status.ShouldBe(HttpStatusCode.OK);
        (await LinksAsync(child.Id)).ShouldBeEmpty();
    }
}
