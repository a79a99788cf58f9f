using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>A provider's own system: its children and its delivery returns, with the same access rule as its pages.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProviderApiTests(WebAppFactory factory)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static JsonObject Session(ProviderWorld w, DateOnly day, decimal hours = 2) => new()
    {
        ["lineId"] = w.LineId, ["date"] = Day(day), ["quantity"] = hours, ["staff"] = "JW",
    };

    [Fact]
    public async Task The_children_list_and_a_child_give_only_the_organisations_own_and_the_view_is_audited()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var list = await (await w.Browser.Http.GetAsync("/api/provider/children?search=brook")).ReadObjectAsync();
        var child = await w.Browser.Http.GetAsync($"/api/provider/children/{w.Child.Id}");

        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([w.Child.Id]);
        list["total"]!.GetValue<int>().ShouldBe(1);
        child.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await child.ReadObjectAsync();
        body["packages"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe([w.PackageId]);
        body.ContainsKey("reference").ShouldBeFalse();
        body.ContainsKey("requests").ShouldBeFalse();
        (await factory.ViewsOfChildAsync(w.Child.Id)).ShouldContain(a => a.UserId == w.User.Id);
    }

    [Fact]
    public async Task Another_organisations_child_or_package_and_guessed_ids_are_404_problems_and_nothing_is_written()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var lonely = await factory.Data.CreateChildAsync();

        foreach (var url in new[] { $"/api/provider/children/{w.OtherChildId}", $"/api/provider/children/{lonely.Id}", $"/api/provider/children/{Guid.NewGuid()}",
                     $"/api/provider/returns/{w.OtherPackageId}/{MonthKey(w.LastMonth)}", $"/api/provider/returns/{w.PackageId}/13-2026" })
        {
            await (await w.Browser.Http.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await w.Browser.Http.PostAsync($"/api/provider/returns/{w.OtherPackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(2)))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await w.Browser.Http.PostAsync($"/api/provider/returns/{w.OtherPackageId}/{MonthKey(w.LastMonth)}/submit", Json(new JsonObject())))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.DeliveredSessions.CountAsync(s => s.PackageId == w.OtherPackageId))).ShouldBe(0);
        (await factory.ViewsOfChildAsync(w.OtherChildId)).ShouldNotContain(a => a.UserId == w.User.Id);
    }

    [Fact]
    public async Task Sessions_are_returned_and_the_month_submitted_and_delivery_past_the_agreed_amount_is_a_field_problem()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var added = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(2), 8)));
        var cancelled = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions",
            Json(new JsonObject { ["date"] = Day(w.LastMonth.AddDays(5)), ["cancellation"] = "NoShow" }));
        var over = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(6), 3)));
        var submitted = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth)}/submit", null);

        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        added.Headers.Location!.ToString().ShouldBe($"/api/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth)}");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Created, await cancelled.Content.ReadAsStringAsync());
        var problem = await over.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["quantity"]![0].Text().ShouldEndWith("so 2 hours can be returned");
        var body = await submitted.ReadObjectAsync();
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["status"].Text().ShouldBe("Submitted");
        body["sessions"]!.AsArray().Select(s => s!["cancellation"].Text()).ShouldBe([null, "NoShow"]);
        body["lines"]![0]!["delivered"]!.GetValue<decimal>().ShouldBe(8);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_a_correction_without_a_reason_is_a_field_problem()
    {
        var w = await factory.ProviderWorkerWithPackageAsync();
        var first = await (await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(2))))).ReadObjectAsync();
        var seen = first["version"]!.GetValue<long>();
        await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(3)).With("version", seen)));

        var stale = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(4)).With("version", seen)));
        await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth)}/submit", Json(new JsonObject()));
        var noReason = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(4))));
        var withReason = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", Json(Session(w, w.LastMonth.AddDays(4)).With("reason", "Missed off")));

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
        withReason.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await withReason.ReadObjectAsync())["corrections"]![0]!["reason"].Text().ShouldBe("Missed off");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"date\":\"yesterday\"}")]
    [InlineData("{\"quantity\":\"lots\"}")]
    [InlineData("{\"cancellation\":\"Bored\"}")]
    [InlineData("{\"lineId\":\"abc\"}")]
    [InlineData("{\"quantity\":1e400}")]
    [InlineData("{\"version\":\"x\"}")]
    [InlineData("{}")]
    public async Task Garbage_bodies_are_answered_with_problem_details_never_a_500(string body)
    {
        var w = await factory.ProviderWorkerWithPackageAsync();

        var response = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/sessions", RawJson(body));
        var submit = await w.Browser.Http.PostAsync($"/api/provider/returns/{w.PackageId}/{MonthKey(w.LastMonth)}/submit", RawJson(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((int)submit.StatusCode).ShouldBeLessThan(500);
        (await factory.Data.WithDbAsync(db => db.DeliveredSessions.CountAsync(s => s.PackageId == w.PackageId))).ShouldBe(0);
    }

    [Fact]
    public async Task Only_provider_accounts_acting_for_an_organisation_use_the_provider_api()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var unattached = await factory.SignInAsNewUserAsync(Roles.Provider);

        await (await family.Http.GetAsync("/api/provider/children")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await unattached.Http.GetAsync("/api/provider/children")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))["title"].Text().ShouldBe("No organisation");
        (await factory.Anonymous().GetAsync("/api/provider/children")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

internal static class JsonObjectWith
{
    public static JsonObject With(this JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }
}
