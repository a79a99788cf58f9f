using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

/// <summary>Pages that show a child's details, beyond the record itself, audit the view.</summary>
public class ViewAuditTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private Task<List<string?>> ViewsOfChildAsync(Guid childId, string userId) =>
        factory.Data.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "view" && a.EntityType == "Child" && a.ChildId == childId && a.UserId == userId)
            .Select(a => a.Details).ToListAsync());

    [Fact]
    public async Task OpeningTheTierMovePage_IsAuditedAsAViewOfTheChild()
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Core.Children.Tier.FlexibleShortBreaks);
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        (await browser.GetPageAsync($"/staff/children/{child.Id}/move")).Status.ShouldBe(HttpStatusCode.OK);

        (await ViewsOfChildAsync(child.Id, officer.Id)).ShouldBe(["tier move page"]);
    }

    [Fact]
    public async Task OpeningTheMergePage_IsAuditedAndComparingAuditsBothRecords()
    {
        var surviving = await factory.Data.ChildAsync();
        var duplicate = await factory.Data.ChildAsync();
        var (browser, manager) = await factory.SignedInAsAsync(Roles.TeamManager);

        (await browser.GetPageAsync($"/staff/children/{surviving.Id}/merge")).Status.ShouldBe(HttpStatusCode.OK);
        (await ViewsOfChildAsync(surviving.Id, manager.Id)).ShouldBe(["merge page"]);

        (await browser.GetPageAsync($"/staff/children/{surviving.Id}/merge?DuplicateReference={duplicate.Reference}")).Status.ShouldBe(HttpStatusCode.OK);
        (await ViewsOfChildAsync(surviving.Id, manager.Id)).ShouldBe(["merge page", "merge comparison"], ignoreOrder: true);
        (await ViewsOfChildAsync(duplicate.Id, manager.Id)).ShouldBe(["merge comparison"]);
    }

    [Fact]
    public async Task PossibleMatchesShownOnARequest_AreAuditedAsViewsOfThoseChildren()
    {
        var known = await factory.Data.ChildAsync();
        var request = await factory.Data.SubmittedRequestAsync(r =>
        {
            r.ChildFirstName = known.FirstName;
            r.ChildLastName = known.LastName;
            r.ChildDateOfBirth = known.DateOfBirth;
        });
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        (await browser.RequestPageAsync(request.Id)).Status.ShouldBe(HttpStatusCode.OK);

        (await ViewsOfChildAsync(known.Id, officer.Id)).ShouldBe([$"Possible match for request {request.Reference}"]);
    }
}
