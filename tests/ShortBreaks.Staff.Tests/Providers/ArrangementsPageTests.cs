using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

/// <summary>A child's emergency contacts and arrangements: kept by staff on the record, seen by the child's providers.</summary>
public class ArrangementsPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Form = "#arrangements-form";

    private static string Url(Guid childId) => $"/staff/children/{childId}/arrangements";

    [Fact]
    public async Task AnOfficerRecordsContactsAndArrangements_ShownOnTheRecord_OnTheTimeline_AndAudited()
    {
        var child = await factory.Data.ChildAsync();
        var (officer, user) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var record = await officer.GetPageAsync($"/staff/children/{child.Id}");
        record.Get("#no-emergency-contacts").TextContent.ShouldContain("None recorded");

        var page = await officer.GetPageAsync(Url(child.Id));
        var empty = await officer.SubmitAsync(page, Form, new() { ["Action"] = "save" });
        empty.ErrorSummary().ShouldBe(["Enter at least one emergency contact"]);

        var wrong = await officer.SubmitAsync(empty, Form, new()
        {
            ["Contacts[0].Name"] = "Sam Brook", ["Contacts[0].Relationship"] = "", ["Contacts[0].Phone"] = "call me", ["Arrangements"] = "Inhaler before sport.", ["Action"] = "save",
        });
        wrong.ErrorSummary().ShouldBe(["Enter who the first contact is to the child, like Mother or Neighbour", "Enter a telephone number, like 01632 960 001 or 07700 900 982"]);
        wrong.Get("#contact-0-name").GetAttribute("value").ShouldBe("Sam Brook");
        wrong.Get("#Arrangements").TextContent.ShouldBe("Inhaler before sport.");

        var two = await officer.SubmitAsync(wrong, Form, new() { ["Contacts[0].Relationship"] = "Mother", ["Contacts[0].Phone"] = "07700 900 982", ["Action"] = "add" });
        two.ErrorSummary().ShouldBeEmpty();
        two.Get("#contact-0-relationship").GetAttribute("value").ShouldBe("Mother");
        two.Find("#contact-1-name").ShouldNotBeNull();
        var saved = await officer.FollowAsync(await officer.SubmitAsync(two, Form, new()
        {
            ["Contacts[1].Name"] = "Alex Brook", ["Contacts[1].Relationship"] = "Grandfather", ["Contacts[1].Phone"] = "01632 960 001", ["Action"] = "save",
        }));

        var contacts = Page.Normalise(saved.Get("#emergency-contacts").TextContent);
        contacts.ShouldContain("Sam Brook (Mother) 07700 900 982");
        contacts.ShouldContain("Alex Brook (Grandfather) 01632 960 001");
        contacts.IndexOf("Sam Brook", StringComparison.Ordinal).ShouldBeLessThan(contacts.IndexOf("Alex Brook", StringComparison.Ordinal));
        saved.Get("#care-arrangements").TextContent.ShouldContain("Inhaler before sport.");
        Page.Normalise(saved.Get("#timeline").TextContent).ShouldContain("Emergency contacts and arrangements updated");
        var audit = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.ChildId == child.Id && a.UserId == user.Id).ToListAsync());
        audit.Count(a => a.EntityType == nameof(ChildEmergencyContact) && a.Action == "create").ShouldBe(2);
        audit.ShouldContain(a => a.EntityType == nameof(Child) && a.Action == "update" && a.Details!.Contains("Arrangements"));
        audit.ShouldContain(a => a.Action == "view" && a.Details == "emergency contacts and arrangements page");

        // Removing the first leaves the second to call first.
        var again = await officer.GetPageAsync(Url(child.Id));
        var removed = await officer.SubmitAsync(again, Form, new() { ["Action"] = "remove-0" });
        removed.Get("#contact-0-name").GetAttribute("value").ShouldBe("Alex Brook");
        removed.Find("#contact-1-name").ShouldBeNull();
        await officer.FollowAsync(await officer.SubmitAsync(removed, Form, new() { ["Action"] = "save" }));
        var left = await factory.Data.WithDbAsync(db => db.ChildEmergencyContacts.Where(c => c.ChildId == child.Id).ToListAsync());
        left.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Name.ShouldBe("Alex Brook"), c => c.Position.ShouldBe(1));
    }

    [Fact]
    public async Task TwoPeopleChangingThemAtOnce_TheSecondIsTold_AndKeepsWhatTheyTyped()
    {
        var child = await factory.Data.ChildAsync();
        var (first, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var firstPage = await first.GetPageAsync(Url(child.Id));
        var secondPage = await second.GetPageAsync(Url(child.Id));
        Dictionary<string, string?> Contact(string name) => new()
        {
            ["Contacts[0].Name"] = name, ["Contacts[0].Relationship"] = "Aunt", ["Contacts[0].Phone"] = "07700 900 123", ["Arrangements"] = name + " collects on Fridays.", ["Action"] = "save",
        };

        await first.FollowAsync(await first.SubmitAsync(firstPage, Form, Contact("Jo Brook")));
        var late = await second.SubmitAsync(secondPage, Form, Contact("Kim Brook"));

        late.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this child's emergency contacts or arrangements");
        late.Get("#contact-0-name").GetAttribute("value").ShouldBe("Kim Brook");
        late.Get("#Arrangements").TextContent.ShouldBe("Kim Brook collects on Fridays.");
        (await factory.Data.WithDbAsync(db => db.ChildEmergencyContacts.Where(c => c.ChildId == child.Id).Select(c => c.Name).ToListAsync())).ShouldBe(["Jo Brook"]);
        var noVersion = await second.PostRawAsync(late, Url(child.Id), new() { ["Contacts[0].Name"] = "Kim", ["Action"] = "save", ["SeenVersion"] = "junk" });
        noVersion.ErrorSummary().ShouldBe([Web.Infrastructure.FormVersion.Missing]);
    }

    [Fact]
    public async Task JunkInEveryField_GivesGovukErrorsOrAPage_NeverA500()
    {
        var child = await factory.Data.ChildAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await officer.GetPageAsync(Url(child.Id));
        string[] junk = ["\u0000\u0001", new string('9', 5000), "<script>alert(1)</script>", "💥", "-1", "remove-99", "remove-x"];
        foreach (var value in junk)
        {
            var fields = new Dictionary<string, string>
            {
                ["Contacts[0].Name"] = value, ["Contacts[0].Relationship"] = value, ["Contacts[0].Phone"] = value, ["Contacts[7].Name"] = value,
                ["Arrangements"] = value, ["Action"] = value, ["SeenVersion"] = value,
            };
            var answer = await officer.PostRawAsync(page, Url(child.Id), fields);
            answer.Status.ShouldBe(HttpStatusCode.OK, value);
        }

        var tooMany = new Dictionary<string, string?> { ["Action"] = "save" };
        for (var i = 0; i < ChildArrangements.MostContacts + 1; i++)
        {
            tooMany[$"Contacts[{i}].Name"] = $"Person {i}";
            tooMany[$"Contacts[{i}].Relationship"] = "Friend";
            tooMany[$"Contacts[{i}].Phone"] = "01632 960 001";
        }

        (await officer.SubmitAsync(page, Form, tooMany)).ErrorSummary().ShouldBe([$"Enter up to {ChildArrangements.MostContacts} emergency contacts"]);
        (await factory.Data.WithDbAsync(db => db.ChildEmergencyContacts.CountAsync(c => c.ChildId == child.Id))).ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.Family)]
    public async Task ThePage_IsRefusedToThoseWhoDoNotDecide(string role)
    {
        var child = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(role);

        (await browser.GetAsync(Url(child.Id))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AProviderWithALivePackage_SeesTheContactsAndArrangements_AndNoOtherChildsAreReached()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == w.Child.Id);
            (await new ChildArrangements(db).SaveAsync(child.Id, [new("Sam Brook", "Mother", "07700 900 982")], "Epipen in the blue bag.", child.Version)).Errors.ShouldBeEmpty();
            var other = await db.Children.AsNoTracking().SingleAsync(c => c.Id == w.OtherChildId);
            (await new ChildArrangements(db).SaveAsync(other.Id, [new("Lee Carter", "Father", "07700 900 111")], "Collected by Lee only.", other.Version)).Errors.ShouldBeEmpty();
        });

        var page = await w.Browser.GetPageAsync($"/provider/children/{w.Child.Id}");

        Page.Normalise(page.Get("#contacts").TextContent).ShouldContain("Sam Brook (Mother) 07700 900 982");
        page.Get("#arrangements").TextContent.ShouldContain("Epipen in the blue bag.");
        (await w.Browser.GetAsync($"/provider/children/{w.OtherChildId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await w.Browser.Http.GetAsync($"/api/provider/children/{w.Child.Id}");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await api.Content.ReadAsStringAsync();
        json.ShouldContain("\"arrangements\":\"Epipen in the blue bag.\"");
        json.ShouldContain("Sam Brook");
    }
}
