using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class DecisionTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private Task<ShortBreakRequest> SavedRequestAsync(Guid id) =>
        factory.Data.WithDbAsync(db => db.Requests.Include(r => r.Decision).Include(r => r.Child).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task ApprovingFlexibleShortBreaks_SetsTheTierWritesTheLetterAndEmailsTheFamily()
    {
        var (request, child) = await factory.Data.MatchedRequestAsync();
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Olu Officer");

        var result = await browser.DecideAsync(request.Id, "FlexibleShortBreaksApproved", "Needs care at night every night.\nThe family has evidence of DLA.");
        var page = await browser.FollowAsync(result);

        page.Get(".govuk-notification-banner--success").TextContent.ShouldContain("Decision recorded");
        page.Get("#decision-outcome").TextContent.ShouldBe("Flexible Short Breaks approved");
        page.Get("#decision-reasons").TextContent.ShouldContain("Needs care at night every night.");
        page.Get("#decided-by").TextContent.ShouldBe("Olu Officer");
        Page.Normalise(page.Get("#decision-made").TextContent).ShouldContain("80 hours a year: £750 a year by direct payment, or £1,200 a year through an approved provider");
        page.Find(StaffSteps.DecideForm).ShouldBeNull();

        var saved = await SavedRequestAsync(request.Id);
        saved.Status.ShouldBe(RequestStatus.Decided);
        saved.Decision!.Outcome.ShouldBe(DecisionOutcome.FlexibleShortBreaksApproved);
        saved.Decision.DecidedByUserId.ShouldBe(officer.Id);
        saved.Decision.AllowanceHoursPerYear.ShouldBe(80);
        saved.Child!.Tier.ShouldBe(Tier.FlexibleShortBreaks);
        saved.Child.KeyWorkerId.ShouldBe(officer.Id);

        var letter = await factory.Data.WithDbAsync(db => db.Letters.SingleAsync(l => l.RequestId == request.Id));
        letter.VisibleToFamily.ShouldBeTrue();
        letter.ChildId.ShouldBe(child.Id);
        page.Get("#letter-link").GetAttribute("href").ShouldBe($"/staff/letters/{letter.Id}");
        factory.Emails().ShouldContain(e => e.Contains(request.ContactEmail!) && e.Contains(request.Reference));

        var letterPage = await browser.GetPageAsync($"/staff/letters/{letter.Id}");
        letterPage.Status.ShouldBe(HttpStatusCode.OK);
        letterPage.Get("#visible-to-family").TextContent.ShouldBe("Yes, in their account");
        letterPage.Get(".app-letter strong").TextContent.ShouldBe(request.Reference);
        Page.Normalise(letterPage.Get(".app-letter").TextContent).ShouldContain("up to 80 hours of short breaks a year");
    }

    [Theory]
    [InlineData("FlexibleShortBreaksApproved")]
    [InlineData("Universal")]
    [InlineData("ReferToSocialCare")]
    [InlineData("Safeguarding")]
    public async Task ADecidedRequest_ShowsEachCriterionAsItWasChecked_ForEveryOutcome(string outcome)
    {
        // Approval needs every criterion met; the other outcomes are checked with the evidence criterion not met.
        var approving = outcome == "FlexibleShortBreaksApproved";
        var (request, _) = await factory.Data.MatchedRequestAsync(r => r.HasEhcPlan = false, withEvidence: approving);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        (await browser.DecideAsync(request.Id, outcome, "Reasons for this decision.")).Status.ShouldBe(HttpStatusCode.Redirect);

        // Evidence arriving after the decision must not change what the decision records.
        await factory.Data.WithDbAsync(async db =>
        {
            db.EvidenceDocuments.Add(new EvidenceDocument
            {
                RequestId = request.Id, KindId = "disability-benefit", FileName = "late.pdf", ContentType = "application/pdf",
                Content = "%PDF-1.4 synthetic test file"u8.ToArray(), SizeBytes = 28, UploadedAt = DateTime.UtcNow, UploadedByUserId = "test",
            });
            await db.SaveChangesAsync();
        });

        var page = await browser.RequestPageAsync(request.Id);

        var rows = page.Html.QuerySelectorAll("#criteria .govuk-summary-list__row")
            .Select(r => (Criterion: Page.Normalise(r.QuerySelector("dt")!.TextContent), Tag: Page.Normalise(r.QuerySelector(".govuk-tag")!.TextContent),
                Explanation: Page.Normalise(r.QuerySelector("p")!.TextContent)))
            .ToList();
        rows.ShouldBe(
        [
            ("Aged 5 to 17", "Met", "Aged 9."),
            ("At least one need that meets the threshold", "Met",
                "Needs a lot more care and supervision than other children of the same age; Needs care or supervision during the night."),
            ("Evidence of the child's disability", approving ? "Met" : "Not met",
                approving ? "A Disability Living Allowance or Personal Independence Payment award letter." : "No accepted evidence is with the request."),
        ]);
        var stored = await factory.Data.WithDbAsync(db => db.Decisions.SingleAsync(d => d.RequestId == request.Id));
        rows.Select(r => r.Criterion).ShouldBe(Core.Eligibility.EligibilityJson.Deserialize(stored.CriteriaJson).Select(c => c.Criterion));
        page.Get("#eligibility-scheme").TextContent.ShouldBe(stored.SchemeVersion);
    }

    [Fact]
    public async Task SignpostingToUniversalServices_SetsTheTierAndSendsTheLocalOffer()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync(r => r.NeedIds = "carer-strain");
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var result = await browser.DecideAsync(request.Id, "Universal", "The needs described can be met by clubs open to all children.");

        result.Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SavedRequestAsync(request.Id);
        saved.Decision!.Outcome.ShouldBe(DecisionOutcome.Universal);
        saved.Child!.Tier.ShouldBe(Tier.Universal);
        var letter = await factory.Data.WithDbAsync(db => db.Letters.SingleAsync(l => l.RequestId == request.Id));
        letter.VisibleToFamily.ShouldBeTrue();
        letter.BodyHtml.ShouldContain("https://www.example.org/local-offer/activities");
        factory.Emails().ShouldContain(e => e.Contains(request.ContactEmail!) && e.Contains(request.Reference));
    }

    [Fact]
    public async Task ReferringToSocialCare_RecordsAReferralAndALetter()
    {
        var (request, child) = await factory.Data.MatchedRequestAsync();
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var result = await browser.DecideAsync(request.Id, "ReferToSocialCare", "The family describes needs that call for a social work assessment.");
        var page = await browser.FollowAsync(result);

        var referral = await factory.Data.WithDbAsync(db => db.Referrals.SingleAsync(r => r.RequestId == request.Id));
        referral.Kind.ShouldBe(ReferralKind.SocialCare);
        referral.ChildId.ShouldBe(child.Id);
        referral.ReferredByUserId.ShouldBe(officer.Id);
        (await factory.Data.WithDbAsync(db => db.Letters.CountAsync(l => l.RequestId == request.Id && l.VisibleToFamily))).ShouldBe(1);
        page.Get("#social-care-referral").TextContent.ShouldContain("Referred to children's social care");
        (await SavedRequestAsync(request.Id)).Child!.Tier.ShouldBe(Tier.None);
        factory.Emails().ShouldContain(e => e.Contains(request.ContactEmail!) && e.Contains(request.Reference));
    }

    [Fact]
    public async Task ASafeguardingConcern_GoesToTheMashAndTheFamilyIsSentNothing()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.RequestPageAsync(request.Id);
        Page.Normalise(page.Get("#safeguarding-warning").TextContent).ShouldContain("goes to the Multi-Agency Safeguarding Hub at once");
        Page.Normalise(page.Get("#safeguarding-warning").TextContent).ShouldContain("The family will not be sent a letter or the reasons");

        var result = await browser.DecideAsync(page, "Safeguarding", "The caller described an injury that needs checking today.");
        var after = await browser.FollowAsync(result);

        var saved = await SavedRequestAsync(request.Id);
        saved.Status.ShouldBe(RequestStatus.RoutedToMash);
        saved.ChildConfirmed.ShouldBeTrue();
        (await factory.Data.WithDbAsync(db => db.Referrals.SingleAsync(r => r.RequestId == request.Id))).Kind.ShouldBe(ReferralKind.MultiAgencySafeguardingHub);
        (await factory.Data.WithDbAsync(db => db.Letters.CountAsync(l => l.RequestId == request.Id))).ShouldBe(0);
        saved.Decision!.LetterId.ShouldBeNull();
        factory.Emails().ShouldContain(e => e.Contains("mash@example.org") && e.Contains(request.Reference));
        factory.Emails().ShouldNotContain(e => e.Contains(request.ContactEmail!));
        var mash = Page.Normalise(after.Get("#mash-referral").TextContent);
        mash.ShouldContain("Referral to the Multi-Agency Safeguarding Hub");
        mash.ShouldContain("The referral was emailed to mash@example.org");
        mash.ShouldContain("The family has not been sent a letter or the reasons.");
        after.Find("#letter-link").ShouldBeNull();
        after.Get("#status").TextContent.ShouldBe("Sent to the MASH");
    }

    [Fact]
    public async Task FlexibleShortBreaks_IsRefusedWhenACriterionIsNotMet()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync(r => r.HasEhcPlan = false, withEvidence: false);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.DecideAsync(request.Id, "FlexibleShortBreaksApproved", "Meets the threshold.");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldBe(["Flexible Short Breaks can only be approved when every criterion is met. Not met: evidence of the child's disability"]);
        page.Get("#Outcome-error").TextContent.ShouldContain("Not met: evidence of the child's disability");
        page.Get("#Outcome-fsb").HasAttribute("checked").ShouldBeTrue();
        page.Get("#Reasons").TextContent.ShouldBe("Meets the threshold.");
        (await SavedRequestAsync(request.Id)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task MissingReasons_AreAskedForAndTheChosenDecisionIsKept()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.DecideAsync(request.Id, "ReferToSocialCare", "   ");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.Title!.ShouldStartWith("Error: ");
        page.ErrorSummary().ShouldBe(["Enter the reasons for the decision"]);
        page.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#Reasons");
        page.Get("#Reasons-error").TextContent.ShouldContain("Enter the reasons for the decision");
        page.Get("#Outcome-social-care").HasAttribute("checked").ShouldBeTrue();
        (await SavedRequestAsync(request.Id)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task AMissingDecision_IsAskedForAndTheTypedReasonsAreKept()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.DecideAsync(request.Id, null, "Reasons typed <b>carefully</b> & kept.");

        page.ErrorSummary().ShouldBe(["Select a decision"]);
        page.Get("#Reasons").TextContent.ShouldBe("Reasons typed <b>carefully</b> & kept.");
        (await SavedRequestAsync(request.Id)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task ReasonsThatAreTooLong_AreRefusedAndKept()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var reasons = new string('a', RequestRules.TextMaxLength + 1);

        var page = await browser.DecideAsync(request.Id, "Universal", reasons);

        page.ErrorSummary().ShouldBe([$"Reasons must be {RequestRules.TextMaxLength} characters or fewer"]);
        page.Get("#Reasons").TextContent.ShouldBe(reasons);
    }

    [Theory]
    [InlineData("TargetedShortBreaks")]
    [InlineData("99")]
    [InlineData("1")]
    [InlineData("")]
    public async Task AnyOtherOutcome_IsRefusedWithSelectADecision(string outcome)
    {
        var (request, child) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var page = await browser.DecideAsync(request.Id, outcome, "Reasons for a decision.");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldBe(["Select a decision"]);
        page.Get("#Reasons").TextContent.ShouldBe("Reasons for a decision.");
        var saved = await SavedRequestAsync(request.Id);
        saved.Decision.ShouldBeNull();
        saved.Status.ShouldBe(RequestStatus.Submitted);
        saved.Child!.Tier.ShouldBe(child.Tier);
    }

    [Fact]
    public async Task TargetedShortBreaks_IsNeverOffered()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.RequestPageAsync(request.Id);

        page.Html.QuerySelectorAll($"{StaffSteps.DecideForm} input[name=Outcome]").Select(i => i.GetAttribute("value"))
            .ShouldBe(["Universal", "FlexibleShortBreaksApproved", "ReferToSocialCare", "Safeguarding"]);
        page.Get(StaffSteps.DecideForm).TextContent.ShouldNotContain("Targeted");
    }

    [Fact]
    public async Task TwoOfficersDecidingTheSameRequest_KeepOnlyTheFirstDecisionAndLoseNoTyping()
    {
        var (request, child) = await factory.Data.MatchedRequestAsync();
        var (first, firstOfficer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "First Officer");
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager, "Second Manager");
        var firstPage = await first.RequestPageAsync(request.Id);
        var secondPage = await second.RequestPageAsync(request.Id);
        firstPage.Get($"{StaffSteps.DecideForm} input[name=Version]").GetAttribute("value")
            .ShouldBe(secondPage.Get($"{StaffSteps.DecideForm} input[name=Version]").GetAttribute("value"));

        var firstResult = await first.DecideAsync(firstPage, "FlexibleShortBreaksApproved", "Approved: needs care at night.");
        var secondResult = await second.DecideAsync(secondPage, "ReferToSocialCare", "My long and careful reasons\nover two lines.");

        firstResult.Status.ShouldBe(HttpStatusCode.Redirect);
        secondResult.Status.ShouldBe(HttpStatusCode.OK);
        secondResult.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("First Officer made a decision on this request while you were working on it, so your decision has not been saved.");
        secondResult.Get("#Reasons").TextContent.ShouldBe("My long and careful reasons\nover two lines.");
        secondResult.Get("#decision-outcome").TextContent.ShouldBe("Flexible Short Breaks approved");
        secondResult.Find(StaffSteps.DecideForm).ShouldBeNull();

        var decisions = await factory.Data.WithDbAsync(db => db.Decisions.Where(d => d.RequestId == request.Id).ToListAsync());
        decisions.ShouldHaveSingleItem().DecidedByUserId.ShouldBe(firstOfficer.Id);
        (await factory.Data.WithDbAsync(db => db.Referrals.CountAsync(r => r.RequestId == request.Id))).ShouldBe(0);
        (await factory.Data.WithDbAsync(db => db.Letters.CountAsync(l => l.RequestId == request.Id))).ShouldBe(1);
        (await factory.Data.WithDbAsync(db => db.TimelineEvents.CountAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.Decision))).ShouldBe(1);
    }

    [Fact]
    public async Task AChangeMadeMeanwhile_IsReportedAndTheFormComesBackWithTheTypedReasons()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (first, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (second, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var firstPage = await first.RequestPageAsync(request.Id);
        var secondPage = await second.RequestPageAsync(request.Id);

        (await first.SubmitAsync(firstPage, StaffSteps.ConfirmChildForm, new() { ["ChildId"] = "new" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await second.DecideAsync(secondPage, "Universal", "Typed before the record was matched.");

        page.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this request while you were working on it.");
        page.Get("#Reasons").TextContent.ShouldBe("Typed before the record was matched.");
        page.Get("#Outcome").HasAttribute("checked").ShouldBeTrue();
        page.Find("#child-link").ShouldNotBeNull();
        var retried = await second.DecideAsync(page, "Universal", "Typed before the record was matched.");
        retried.Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task DecidingBeforeTheChildIsMatched_IsRefused_UnlessItIsSafeguarding()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.DecideAsync(request.Id, "Universal", "Reasons.");

        page.ErrorSummary().ShouldBe(["Confirm which child's record this request is for before deciding"]);
        page.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#ChildId");
        page.Find("#ChildId").ShouldNotBeNull();
    }

    [Fact]
    public async Task AReviewingOfficer_CannotDecide()
    {
        var (request, _) = await factory.Data.MatchedRequestAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var version = (await officer.RequestPageAsync(request.Id)).Get($"{StaffSteps.DecideForm} input[name=Version]").GetAttribute("value")!;
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var page = await reviewer.RequestPageAsync(request.Id);

        var posted = await reviewer.PostRawAsync(page, $"/staff/requests/{request.Id}?handler=Decide",
            new() { ["Outcome"] = "FlexibleShortBreaksApproved", ["Reasons"] = "Trying anyway.", ["Version"] = version });

        posted.RedirectPath!.ShouldStartWith("/access-denied");
        (await reviewer.FollowAsync(posted)).Status.ShouldBe(HttpStatusCode.Forbidden);
        var saved = await SavedRequestAsync(request.Id);
        saved.Decision.ShouldBeNull();
        saved.Status.ShouldBe(RequestStatus.Submitted);
    }
}
