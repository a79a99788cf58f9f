using System.Net;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class SearchTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static List<string> ChildReferences(Page page) =>
        page.Html.QuerySelectorAll("#child-results tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

    private static List<string> RequestReferences(Page page) =>
        page.Html.QuerySelectorAll("#request-results tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task SearchByName_FindsChildrenAndUnmatchedRequests()
    {
        var lastName = TestData.NewName();
        var child = await factory.Data.ChildAsync(c => c.LastName = lastName);
        var request = await factory.Data.SubmittedRequestAsync(r => r.ChildLastName = lastName);
        var (browser, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + Uri.EscapeDataString(lastName.ToLowerInvariant()));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#how-read").TextContent.ShouldStartWith($"Showing children whose name starts with ‘{lastName.ToLowerInvariant()}’");
        ChildReferences(page).ShouldBe([child.Reference]);
        page.Get("#child-results a").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}");
        RequestReferences(page).ShouldBe([request.Reference]);
        page.Get("#request-results a").GetAttribute("href").ShouldBe($"/staff/requests/{request.Id}");
    }

    [Fact]
    public async Task SearchByReference_FindsTheChildHoweverItIsTyped()
    {
        var child = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + Uri.EscapeDataString(child.Reference.Replace("-", "").ToLowerInvariant()));

        page.Get("#how-read").TextContent.ShouldBe($"Showing the child or request with reference {child.Reference}.");
        ChildReferences(page).ShouldBe([child.Reference]);
    }

    [Fact]
    public async Task SearchByRequestReference_FindsTheRequest()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + request.Reference);

        RequestReferences(page).ShouldBe([request.Reference]);
    }

    [Fact]
    public async Task SearchByDateOfBirth_SaysWhichDateItRead()
    {
        var dob = new DateOnly(2014, 3, 3).AddDays(Random.Shared.Next(0, 2000));
        var child = await factory.Data.ChildAsync(c => c.DateOfBirth = dob);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync($"/staff/search?q={dob.Day}/{dob.Month}/{dob.Year}");

        page.Get("#how-read").TextContent.ShouldStartWith($"Showing children with date of birth {dob:d MMMM yyyy}");
        ChildReferences(page).ShouldContain(child.Reference);
    }

    [Fact]
    public async Task SearchByPostcode_FindsTheChildByFullPostcodeOrItsFirstHalf()
    {
        var child = await factory.Data.ChildAsync(c => c.Postcode = "DC7 3QX");
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var full = await browser.GetPageAsync("/staff/search?q=dc73qx");
        var outward = await browser.GetPageAsync("/staff/search?q=DC7");

        full.Get("#how-read").TextContent.ShouldStartWith("Showing children with postcode DC7 3QX");
        ChildReferences(full).ShouldContain(child.Reference);
        outward.Get("#how-read").TextContent.ShouldStartWith("Showing children with a postcode starting DC7");
        ChildReferences(outward).ShouldContain(child.Reference);
    }

    [Fact]
    public async Task AMergedChild_IsMarked()
    {
        var lastName = TestData.NewName();
        var surviving = await factory.Data.ChildAsync(c => c.LastName = lastName);
        await factory.Data.ChildAsync(c => { c.LastName = lastName; c.MergedIntoChildId = surviving.Id; });
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + lastName);

        page.Html.QuerySelectorAll("#child-results tbody tr").Count(tr => tr.TextContent.Contains("Merged into another record")).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnEmptySearch_AsksForSomethingToSearchFor(string q)
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + Uri.EscapeDataString(q));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#search-empty").TextContent.ShouldContain("Enter a child's name");
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; drop table Children; --")]
    [InlineData("99/99/9999")]
    [InlineData("_")]
    public async Task AJunkSearch_FindsNothingWithoutFailing(string q)
    {
        await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + Uri.EscapeDataString(q));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("#no-results").ShouldNotBeNull();
        page.Html.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert"));
    }

    [Fact]
    public async Task AVeryLongSearch_IsCutShortNotRefused()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/search?q=" + new string('x', 5000));

        page.Status.ShouldBe(HttpStatusCode.OK);
    }
}
