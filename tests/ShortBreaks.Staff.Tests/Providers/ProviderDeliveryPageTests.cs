using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

/// <summary>A provider's children and delivery returns, over HTTP as a browser sends them.</summary>
public class ProviderDeliveryPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string ReturnUrl(ProviderWorld w) => $"/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth)}";

    private static Dictionary<string, string?> Session(DateOnly day, string outcome = "Delivered", string? hours = "2", string? staff = "JW", string? note = null, string? dayBox = null) => new()
    {
        ["Date-day"] = dayBox ?? day.Day.ToString(CultureInfo.InvariantCulture),
        ["Date-month"] = day.Month.ToString(CultureInfo.InvariantCulture),
        ["Date-year"] = day.Year.ToString(CultureInfo.InvariantCulture),
        ["Outcome"] = outcome,
        ["Quantity"] = hours,
        ["Staff"] = staff,
        ["CancellationNote"] = note,
    };

    [Fact]
    public async Task The_children_list_shows_only_children_with_a_package_from_the_organisation_and_searches_by_name()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var page = await w.Browser.GetPageAsync("/provider/children");
        var searched = await w.Browser.GetPageAsync($"/provider/children?search={w.Child.LastName.ToUpperInvariant()}");
        var missed = await w.Browser.GetPageAsync("/provider/children?search=Carter&page=zz");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#children").TextContent.ShouldContain(w.Child.FullName);
        page.Text.ShouldNotContain("Carter");
        searched.Get("#children").TextContent.ShouldContain(w.Child.FullName);
        missed.Get("#no-children").TextContent.ShouldBe("No child's name matches your search.");
        (await w.Browser.GetPageAsync("/provider")).Get("#provider-tasks").TextContent.ShouldContain("Delivery returns");
    }

    [Fact]
    public async Task A_child_shows_what_the_provider_needs_and_only_its_own_package_and_the_view_is_audited()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var page = await w.Browser.GetPageAsync($"/provider/children/{w.Child.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe(w.Child.FullName);
        page.Get("#age").TextContent.ShouldStartWith("10 (born");
        page.Get("#needs").TextContent.ShouldContain("Learning, understanding or concentrating");
        page.Text.ShouldContain(w.ServiceName);
        page.Text.ShouldNotContain(w.OtherServiceName);
        page.Text.ShouldNotContain(w.Child.Reference);
        page.Text.ShouldNotContain(w.Child.Postcode);
        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.ChildId == w.Child.Id && a.UserId == w.User.Id && a.Action == "view").ToListAsync());
        views.ShouldHaveSingleItem().Details.ShouldBe($"provider: {w.OrganisationId}");
    }

    [Fact]
    public async Task Another_organisations_child_a_guessed_id_and_another_organisations_package_answer_404_as_if_missing()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var lonely = await factory.Data.CreateChildAsync();

        foreach (var url in new[]
                 {
                     $"/provider/children/{w.OtherChildId}", $"/provider/children/{lonely.Id}", $"/provider/children/{Guid.NewGuid()}",
                     $"/provider/returns/{w.OtherPackageId}/{MonthKey(w.LastMonth)}", $"/provider/returns/{Guid.NewGuid()}/{MonthKey(w.LastMonth)}",
                     $"/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth.AddYears(-3))}", $"/provider/returns/{w.PackageId}/not-a-month",
                     $"/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth)}/sessions/{Guid.NewGuid()}/remove",
                 })
        {
            (await w.Browser.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var posted = await w.Browser.PostAsync($"/provider/returns/{w.OtherPackageId}/{MonthKey(w.LastMonth)}?handler=Add",
            ("SeenVersion", "none"), ("Outcome", "Delivered"), ("Quantity", "1"), ("Staff", "JW"), ("Date-day", "3"),
            ("Date-month", w.LastMonth.Month.ToString(CultureInfo.InvariantCulture)), ("Date-year", w.LastMonth.Year.ToString(CultureInfo.InvariantCulture)));
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.DeliveredSessions.CountAsync(s => s.PackageId == w.OtherPackageId))).ShouldBe(0);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ChildId == w.OtherChildId && a.UserId == w.User.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_worker_returns_a_months_hours_and_a_cancellation_and_submits_the_month()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var page = await w.Browser.GetPageAsync(ReturnUrl(w));

        var added = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(page, "form[action*=Add]", Session(w.LastMonth.AddDays(2), hours: "2.5")));
        var cancelled = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(added, "form[action*=Add]",
            Session(w.LastMonth.AddDays(9), outcome: "ChildUnwell", hours: "", staff: "", note: "A cold")));
        var submitted = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(cancelled, "form[action*=Submit]", []));

        added.Get("#saved").TextContent.ShouldBe("The session was returned");
        var sessions = Page.Normalise(submitted.Get("#sessions").TextContent);
        sessions.ShouldContain("2.5 hours");
        sessions.ShouldContain("Child unwell A cold");
        submitted.Get("#saved").TextContent.ShouldBe("The return was submitted");
        Page.Normalise(submitted.Get("#return-status").TextContent).ShouldStartWith("Submitted");
        Page.Normalise(submitted.Get("#lines").TextContent).ShouldContain("10 hours 2.5 hours 7.5 hours");
        var stored = await factory.Data.WithDbAsync(db => db.DeliveryReturns.Include(r => r.Sessions).SingleAsync(r => r.PackageId == w.PackageId));
        stored.Status.ShouldBe(DeliveryReturnStatus.Submitted);
        stored.SubmittedByName.ShouldBe(w.User.Name);
        stored.Sessions.Single(s => s.Cancellation is null).Hours.ShouldBe(2.5m);
    }

    [Fact]
    public async Task Delivery_past_the_agreed_amount_and_bad_answers_are_refused_with_govuk_errors_keeping_what_was_typed()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var page = await w.Browser.GetPageAsync(ReturnUrl(w));

        var over = await w.Browser.SubmitAsync(page, "form[action*=Add]", Session(w.LastMonth.AddDays(2), hours: "11"));
        var junk = await w.Browser.SubmitAsync(page, "form[action*=Add]", Session(w.LastMonth.AddDays(2), outcome: "Maybe", hours: "lots", staff: new string('x', 201), dayBox: "32"));
        var otherMonth = await w.Browser.SubmitAsync(page, "form[action*=Add]", Session(w.LastMonth.AddMonths(-1).AddDays(3)));

        over.Status.ShouldBe(HttpStatusCode.OK);
        over.Html.Title!.ShouldStartWith("Error: ");
        over.ErrorSummary().ShouldBe([$"This is more than was agreed: {w.ServiceName} is 10 hours for the package, 0 are already returned, so 10 hours can be returned"]);
        over.Get("input[name=Quantity]").GetAttribute("value").ShouldBe("11");
        junk.ErrorSummary().ShouldBe([
            "The date of the session must be a real date", "Select what happened", "Enter the amount delivered as a number, like 2.5",
        ]);
        junk.Get("input[name=Quantity]").GetAttribute("value").ShouldBe("lots");
        otherMonth.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("The date of the session must be in ");
        (await factory.Data.WithDbAsync(db => db.DeliveredSessions.CountAsync(s => s.PackageId == w.PackageId))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_day_twice_is_refused_and_a_submitted_return_is_corrected_only_with_a_reason_shown_afterwards()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var page = await w.Browser.GetPageAsync(ReturnUrl(w));
        var day = w.LastMonth.AddDays(4);
        var added = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(page, "form[action*=Add]", Session(day)));
        var twice = await w.Browser.SubmitAsync(added, "form[action*=Add]", Session(day));
        var submitted = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(added, "form[action*=Submit]", []));

        var remove = await w.Browser.GetPageAsync(submitted.Get("#sessions a").GetAttribute("href")!);
        var withoutReason = await w.Browser.SubmitAsync(remove, "main form", []);
        var removed = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(remove, "main form", new() { ["Reason"] = "Returned for the wrong day" }));

        twice.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith($"A session on {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} is already returned");
        withoutReason.ErrorSummary().ShouldBe(["This return is already submitted: enter why it is being corrected"]);
        removed.Get("#saved").TextContent.ShouldBe("The session was removed");
        removed.Get("#corrections").TextContent.ShouldContain("Returned for the wrong day");
        removed.Find("#sessions").ShouldBeNull();
    }

    [Fact]
    public async Task Two_workers_on_one_return_the_second_is_told_and_nothing_of_theirs_is_saved_over_the_first()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var second = await factory.SignInAsNewUserAsync(Roles.Provider);
        await factory.Data.WithDbAsync(async db =>
        {
            TestData.AddOrganisationUser(db, w.OrganisationId, second.User.Id);
            await db.SaveChangesAsync();
        });
        var first = await w.Browser.FollowAsync(await w.Browser.SubmitAsync(await w.Browser.GetPageAsync(ReturnUrl(w)), "form[action*=Add]", Session(w.LastMonth.AddDays(1))));
        var a = await w.Browser.GetPageAsync(ReturnUrl(w));
        var b = await second.GetPageAsync(ReturnUrl(w));

        (await w.Browser.SubmitAsync(a, "form[action*=Add]", Session(w.LastMonth.AddDays(2)))).Status.ShouldBe(HttpStatusCode.Redirect);
        var refused = await second.SubmitAsync(b, "form[action*=Add]", Session(w.LastMonth.AddDays(3)));

        first.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this return");
        Page.Normalise(refused.Get("#sessions").TextContent).ShouldContain(w.LastMonth.AddDays(2).ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        (await factory.Data.WithDbAsync(db => db.DeliveredSessions.CountAsync(s => s.PackageId == w.PackageId))).ShouldBe(2);
    }

    [Fact]
    public async Task Junk_in_every_field_and_address_never_gives_a_500()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var page = await w.Browser.GetPageAsync(ReturnUrl(w));
        string[] junk = ["abc", "-1", "99999999999999999999999", "<script>alert(1)</script>", "\u0000", "１２", new string('9', 5000), "NaN", "💥", ""];
        string[] fields = ["LineId", "Date-day", "Date-month", "Date-year", "Outcome", "Quantity", "Staff", "CancellationNote", "Reason", "SeenVersion"];

        foreach (var value in junk)
        {
            var add = await w.Browser.SubmitAsync(page, "form[action*=Add]", fields.ToDictionary(f => f, _ => (string?)value));
            ((int)add.Status).ShouldBeLessThan(500, $"Add with '{value}'");
            add.Find(".govuk-error-summary").ShouldNotBeNull(value);
            var submit = await w.Browser.SubmitAsync(page, "form[action*=Submit]", new() { ["SeenVersion"] = value });
            ((int)submit.Status).ShouldBeLessThan(500, $"Submit with '{value}'");
            // A null character never reaches the host in an address (the client refuses to send it).
            if (value.Contains('\u0000', StringComparison.Ordinal)) continue;
            foreach (var url in new[] { $"/provider/children?search={Uri.EscapeDataString(value)}&page={Uri.EscapeDataString(value)}", $"/provider/returns?page={Uri.EscapeDataString(value)}",
                         $"/provider/returns/{w.PackageId}/{Uri.EscapeDataString(value)}" })
            {
                ((int)(await w.Browser.GetAsync(url)).StatusCode).ShouldBeLessThan(500, url);
            }
        }

        (await factory.Data.WithDbAsync(db => db.DeliveredSessions.CountAsync(s => s.PackageId == w.PackageId))).ShouldBe(0);
    }

    [Fact]
    public async Task The_returns_list_shows_each_month_of_the_package_and_where_it_stands()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var page = await w.Browser.GetPageAsync("/provider/returns");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var card = Page.Normalise(page.Get($"#package-{w.PackageId}").TextContent);
        card.ShouldContain(w.Child.FullName);
        card.ShouldContain(w.LastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
        page.Find($"#package-{w.OtherPackageId}").ShouldBeNull();
    }

    [Fact]
    public async Task The_childs_officer_sees_delivered_against_agreed_for_every_providers_package()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        await w.Browser.SubmitAsync(await w.Browser.GetPageAsync(ReturnUrl(w)), "form[action*=Add]", Session(w.LastMonth.AddDays(2), hours: "3"));
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var record = await officer.GetPageAsync($"/staff/children/{w.Child.Id}");

        var table = Page.Normalise(record.Get("#deliveries").TextContent);
        table.ShouldContain($"{w.OrganisationName}: {w.ServiceName}");
        table.ShouldContain("10 hours 3 hours");
        table.ShouldContain(w.OtherServiceName);
    }
}
