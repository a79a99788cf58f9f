using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>Referrals to social care through the API: listed, read and recorded as passed on by team managers, as on the pages.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReferralsApiTests(WebAppFactory factory)
{
    private async Task<(Child Child, Guid ReferralId)> ReferredAsync(string reasons)
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Tier.TargetedShortBreaks);
        var id = await factory.Data.WithDbAsync(async db =>
        {
            var referral = await new SocialCareReferrals(db, new Messenger(db)).ReferAsync(child.Id, null, reasons);
            await db.SaveChangesAsync();
            return referral.Id;
        });
        return (child, id);
    }

    private static IEnumerable<Guid> Ids(JsonNode? list) => list!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());

    [Fact]
    public async Task A_manager_lists_reads_and_records_a_referral_as_passed_on_and_the_second_manager_is_told()
    {
        var (manager, me) = await factory.SignedInAsAsync(Roles.TeamManager, "Priya Manager");
        var (other, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (child, id) = await ReferredAsync("Needs now call for a social work assessment.");

        var list = await (await manager.Http.GetAsync("/api/referrals")).ReadObjectAsync();
        Ids(list["waiting"]).ShouldContain(id);
        Ids(list["passedOn"]).ShouldNotContain(id);

        var read = await manager.Http.GetAsync($"/api/referrals/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        var body = await read.ReadObjectAsync();
        (body["childReference"].Text(), body["reasons"].Text(), body["requestId"]).ShouldBe((child.Reference, "Needs now call for a social work assessment.", null));
        body["passedOnAt"].ShouldBeNull();

        // Blank, too long and not JSON: a problem keyed by the field, and nothing recorded.
        var blank = await (await manager.Http.PostAsync($"/api/referrals/{id}/passed-on", Json(new JsonObject { ["how"] = "  " })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        blank.ErrorKeys().ShouldBe(["how"]);
        blank["errors"]!["how"]![0].Text().ShouldBe("Enter how the referral was passed on to social care");
        var tooLong = await (await manager.Http.PostAsync($"/api/referrals/{id}/passed-on", Json(new JsonObject { ["how"] = new string('x', Referral.PassedOnHowMaxLength + 1) })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        tooLong["errors"]!["how"]![0].Text().ShouldBe($"How it was passed on must be {Referral.PassedOnHowMaxLength} characters or fewer");
        (await manager.Http.PostAsync($"/api/referrals/{id}/passed-on", new StringContent("how=phone"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await factory.Data.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id))).PassedOnAt.ShouldBeNull();

        var passed = await manager.Http.PostAsync($"/api/referrals/{id}/passed-on", Json(new JsonObject { ["how"] = "Secure email to the front door; reference SC-4471." }));
        passed.StatusCode.ShouldBe(HttpStatusCode.OK, await passed.Content.ReadAsStringAsync());
        var after = await passed.ReadObjectAsync();
        (after["passedOnBy"].Text(), after["passedOnHow"].Text()).ShouldBe(("Priya Manager", "Secure email to the front door; reference SC-4471."));
        after["passedOnAt"].ShouldNotBeNull();

        // The second manager is told, and nothing is written over the first.
        var second = await other.Http.PostAsync($"/api/referrals/{id}/passed-on", Json(new JsonObject { ["how"] = "Phoned the duty social worker." }));
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var saved = await factory.Data.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));
        (saved.PassedOnByUserId, saved.PassedOnHow).ShouldBe((me.Id, "Secure email to the front door; reference SC-4471."));
        (await factory.Data.WithDbAsync(db => db.PersonMessages.CountAsync(m => m.TaskKey == SocialCareReferrals.TaskKey(id) && m.CompletedAt == null))).ShouldBe(0);

        var listed = await (await other.Http.GetAsync("/api/referrals")).ReadObjectAsync();
        Ids(listed["waiting"]).ShouldNotContain(id);
        Ids(listed["passedOn"]).ShouldContain(id);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ChildId == child.Id && a.Action == "view" && a.EntityType == nameof(Referral))))
            .ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Officers_are_refused_and_an_unknown_referral_is_not_found()
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (_, id) = await ReferredAsync("Needs a social work assessment.");

        await (await officer.Http.GetAsync("/api/referrals")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.Http.GetAsync($"/api/referrals/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.Http.PostAsync($"/api/referrals/{id}/passed-on", Json(new JsonObject { ["how"] = "Phoned." }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Http.GetAsync($"/api/referrals/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.Http.PostAsync($"/api/referrals/{Guid.NewGuid()}/passed-on", Json(new JsonObject { ["how"] = "Phoned." }))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
