using System.Net;
using System.Text.Json.Nodes;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DecisionTests(WebAppFactory factory)
{
    [Fact]
    public async Task Decide_ApprovingFlexibleShortBreaks_Returns200AndPutsTheChildOnFlexibleShortBreaks()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Amira Hughes");
        var request = await family.CreateRequestAsync();
        await factory.AddEvidenceAsync(request.Id());
        var version = await officer.ConfirmNewChildAsync(request.Id());

        var response = await officer.DecideAsync(request.Id(), "FlexibleShortBreaksApproved", version);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var made = await response.ReadObjectAsync();
        made["decision"]!["outcome"].Text().ShouldBe("FlexibleShortBreaksApproved");
        made["decision"]!["allowanceHoursPerYear"]!.GetValue<int>().ShouldBe(80);
        made["decision"]!["decidedByName"].Text().ShouldBe("Amira Hughes");
        made["status"].Text().ShouldBe("Decided");
        made["childTier"].Text().ShouldBe("FlexibleShortBreaks");

        var child = await officer.Http.GetAsync($"/api/children/{made["childId"].Text()}");
        child.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await child.ReadObjectAsync())["tier"].Text().ShouldBe("FlexibleShortBreaks");

        var seenByFamily = await family.GetRequestAsync(request.Id());
        seenByFamily["status"].Text().ShouldBe("Decided");
        seenByFamily["decision"]!["outcome"].Text().ShouldBe("FlexibleShortBreaksApproved");
        seenByFamily["decision"]!["decidedByName"].ShouldBeNull();
        seenByFamily["decision"]!["criteria"].ShouldBeNull();
    }

    [Theory]
    [InlineData("FlexibleShortBreaksApproved")]
    [InlineData("Universal")]
    [InlineData("ReferToSocialCare")]
    [InlineData("Safeguarding")]
    public async Task GetRequest_AfterAnyDecision_ShowsStaffEachCriterionAsItWasChecked(string outcome)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();
        var approving = outcome == "FlexibleShortBreaksApproved";
        if (approving) await factory.AddEvidenceAsync(request.Id());
        var version = await officer.ConfirmNewChildAsync(request.Id());
        (await officer.DecideAsync(request.Id(), outcome, version)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Evidence arriving after the decision must not change what the decision records.
        await factory.Data.WithDbAsync(async db =>
        {
            db.EvidenceDocuments.Add(new EvidenceDocument
            {
                RequestId = request.Id(), KindId = "professional-letter", FileName = "late.pdf", ContentType = "application/pdf",
                Content = "%PDF-1.4 synthetic test file"u8.ToArray(), SizeBytes = 28, UploadedAt = DateTime.UtcNow, UploadedByUserId = "test",
            });
            return await db.SaveChangesAsync();
        });

        var read = await officer.GetRequestAsync(request.Id());

        var criteria = read["decision"]!["criteria"]!.AsArray()
            .Select(c => (c!["id"].Text(), c["criterion"].Text(), c["outcome"].Text(), c["explanation"].Text())).ToList();
        criteria.ShouldBe(
        [
            ("age", "Aged 5 to 17", "Met", "Aged 9."),
            ("needs", "At least one need that meets the threshold", "Met",
                "Needs a lot more care and supervision than other children of the same age; Needs care or supervision during the night."),
            approving
                ? ("evidence", "Evidence of the child's disability", "Met", "A Disability Living Allowance or Personal Independence Payment award letter.")
                : ("evidence", "Evidence of the child's disability", "Unknown",
                    "The family says the child has an EHC plan, but no copy is with the request: check it with the SEND team."),
        ]);
    }

    [Fact]
    public async Task Decide_SignpostingToUniversalServices_PutsANewChildOnUniversal()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.TeamManager);
        var request = await officer.CreateRequestAsync();
        var version = await officer.ConfirmNewChildAsync(request.Id());

        var response = await officer.DecideAsync(request.Id(), "Universal", version, "No need meets the threshold; the Local Offer has suitable clubs.");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadObjectAsync())["childTier"].Text().ShouldBe("Universal");
    }

    [Theory]
    [InlineData("\"TargetedShortBreaks\"")]
    [InlineData("\"targetedShortBreaks\"")]
    [InlineData("\"SomethingElse\"")]
    [InlineData("3")]
    [InlineData("\"1\"")]
    public async Task Decide_WithAnOutcomeThatIsNotADecision_Returns400ExplainingHowTargetedShortBreaksIsReached(string outcome)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();
        var version = await officer.ConfirmNewChildAsync(request.Id());

        var response = await officer.Http.PostAsync($"/api/requests/{request.Id()}/decision",
            RawJson($$"""{ "outcome": {{outcome}}, "reasons": "Needs are high", "version": {{version}} }"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem["detail"].Text()!;
        detail.ShouldContain("Targeted Short Breaks is reached only by stepping up from Flexible Short Breaks or stepping down from social care");
        detail.ShouldContain("never from a new request");
        (await factory.DecisionCountAsync(request.Id())).ShouldBe(0);
    }

    [Fact]
    public async Task Decide_WithoutReasonsOrOutcomeOrVersion_Returns400KeyedByField()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();

        var missing = await officer.Http.PostAsync($"/api/requests/{request.Id()}/decision", RawJson("{}"));
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["outcome", "version"], ignoreOrder: true);

        var version = await officer.ConfirmNewChildAsync(request.Id());
        var noReasons = await officer.DecideAsync(request.Id(), "Universal", version, reasons: " ");
        var problem = await noReasons.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["reasons"]![0].Text().ShouldBe("Enter the reasons for the decision");
    }

    [Fact]
    public async Task Decide_BeforeTheChildIsConfirmed_Returns400KeyedByChildId()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();

        var response = await officer.DecideAsync(request.Id(), "Universal", request["version"]!.GetValue<long>());

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["childId"]);
    }

    [Fact]
    public async Task Decide_ApprovingWithoutEvidence_Returns400SayingWhichCriterionIsNotMet()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();
        var version = await officer.ConfirmNewChildAsync(request.Id());

        var response = await officer.DecideAsync(request.Id(), "FlexibleShortBreaksApproved", version);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["outcome"]![0].Text()!.ShouldContain("evidence of the child's disability");
    }

    [Fact]
    public async Task Decide_TwiceAtOnceWithTheSameVersion_OneSucceedsAndTheOtherIsAConflict()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var first = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var second = await factory.SignInAsNewUserAsync(Roles.TeamManager);
        var request = await family.CreateRequestAsync();
        await factory.AddEvidenceAsync(request.Id());
        var version = await first.ConfirmNewChildAsync(request.Id());

        var responses = await Task.WhenAll(
            first.DecideAsync(request.Id(), "FlexibleShortBreaksApproved", version),
            second.DecideAsync(request.Id(), "Universal", version, "Signposted instead."));

        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var conflict = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = await conflict.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["title"].Text().ShouldBe("Someone else changed this request");
        (await factory.DecisionCountAsync(request.Id())).ShouldBe(1);
    }

    [Fact]
    public async Task Decide_WithAStaleVersion_Returns409AndSavesNothing()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();
        var staleVersion = request["version"]!.GetValue<long>();
        await officer.ConfirmNewChildAsync(request.Id());

        var response = await officer.DecideAsync(request.Id(), "Universal", staleVersion);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["detail"].Text()!.ShouldStartWith("Someone else changed this request");
        (await factory.DecisionCountAsync(request.Id())).ShouldBe(0);
    }

    [Fact]
    public async Task Decide_ARequestAlreadyDecided_Returns409()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();
        var version = await officer.ConfirmNewChildAsync(request.Id());
        (await officer.DecideAsync(request.Id(), "Universal", version)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await officer.DecideAsync(request.Id(), "ReferToSocialCare", version + 1);

        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"].Text().ShouldBe("A decision has already been made on this request.");
    }

    [Fact]
    public async Task Decide_AsReviewingOfficer_Returns403()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var reviewer = await factory.SignInAsNewUserAsync(Roles.ReviewingOfficer);
        var request = await officer.CreateRequestAsync();
        var version = await officer.ConfirmNewChildAsync(request.Id());

        var response = await reviewer.DecideAsync(request.Id(), "Universal", version);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.DecisionCountAsync(request.Id())).ShouldBe(0);
    }

    [Fact]
    public async Task Matches_FindTheExistingRecord_AndConfirmingItLinksTheRequestToIt()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var answers = ValidAnswers();
        var earlier = await officer.CreateRequestAsync(answers);
        await officer.ConfirmNewChildAsync(earlier.Id());
        var childId = (await officer.GetRequestAsync(earlier.Id()))["childId"]!.GetValue<Guid>();
        var again = await officer.CreateRequestAsync(answers.DeepClone().AsObject());

        var matches = await officer.Http.GetAsync($"/api/requests/{again.Id()}/matches");

        matches.StatusCode.ShouldBe(HttpStatusCode.OK);
        var found = await matches.ReadArrayAsync();
        found.Select(m => m!["id"]!.GetValue<Guid>()).ShouldBe([childId]);
        (await factory.ViewsOfChildAsync(childId)).ShouldContain(v => v.Details!.Contains(again["reference"].Text()!));

        var confirm = await officer.Http.PostAsync($"/api/requests/{again.Id()}/child",
            Json(new JsonObject { ["childId"] = childId, ["version"] = again["version"]!.GetValue<long>() }));
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        var confirmed = await confirm.ReadObjectAsync();
        confirmed["childId"]!.GetValue<Guid>().ShouldBe(childId);
        confirmed["childConfirmed"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task ConfirmChild_WithoutVersion_Returns400_AndWithAStaleVersion_Returns409()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();

        var noVersion = await officer.Http.PostAsync($"/api/requests/{request.Id()}/child", RawJson("""{ "childId": null }"""));
        (await noVersion.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["version"]);

        var stale = await officer.Http.PostAsync($"/api/requests/{request.Id()}/child",
            Json(new JsonObject { ["childId"] = null, ["version"] = request["version"]!.GetValue<long>() - 1 }));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Eligibility_IsAuditedAsAViewOfTheRequest()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();
        var before = (await factory.ViewsOfRequestAsync(request.Id())).Count;

        (await officer.Http.GetAsync($"/api/requests/{request.Id()}/eligibility")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var views = await factory.ViewsOfRequestAsync(request.Id());
        views.Count.ShouldBe(before + 1);
        views.ShouldContain(v => v.UserId == officer.User.Id && v.Details == "eligibility check");
    }

    [Fact]
    public async Task Eligibility_ForStaff_ListsEachCriterionWithItsOutcome()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.ReviewingOfficer);
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var request = await family.CreateRequestAsync();

        var response = await officer.Http.GetAsync($"/api/requests/{request.Id()}/eligibility");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.ReadObjectAsync();
        result["allMet"]!.GetValue<bool>().ShouldBeFalse();
        var criteria = result["criteria"]!.AsArray().ToDictionary(c => c!["id"].Text()!, c => c!["outcome"].Text());
        criteria.ShouldBe(new Dictionary<string, string?> { ["age"] = "Met", ["needs"] = "Met", ["evidence"] = "Unknown" }, ignoreOrder: true);
    }
}
