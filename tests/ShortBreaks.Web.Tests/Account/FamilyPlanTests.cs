using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>The family's own copy of their child's plan: read, agree, download, ask for a change, ask for a lower budget to be looked at again.</summary>
public class FamilyPlanTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static PlanContent Content(decimal hours)
    {
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        return new PlanContent
        {
            WhatMattersToMe = "Swimming, and my dog Biscuit.",
            PeriodStart = today,
            PeriodEnd = today.AddYears(1).AddDays(-1),
            Outcomes = [new OutcomeInput("Swim a width on my own", OutcomeTerm.Medium, null, "The teacher signs it off")],
            Lines = [new SupportLine { Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = hours, Frequency = SupportFrequency.PerWeek, UnitCost = 12m, Route = PaymentRoute.DirectPayment }],
        };
    }

    /// <summary>Agrees a version as both sides and approves it by its route (the panel for a step down, a manager for a change).</summary>
    private static async Task AgreeAndApproveAsync(IServiceProvider s, Guid planId, int number)
    {
        var db = s.GetRequiredService<ShortBreaksDbContext>();
        var plans = s.GetRequiredService<PlanApprovalService>();
        async Task<long> Seen() => await db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        var v = await db.PlanVersions.AsNoTracking().SingleAsync(x => x.PlanId == planId && x.Number == number);
        if (v.FamilyAgreedAt is null) (await plans.AgreeAsync(v.Id, true, await Seen())).Errors.ShouldBeEmpty();
        (await plans.AgreeAsync(v.Id, false, await Seen())).Errors.ShouldBeEmpty();
        v = await db.PlanVersions.AsNoTracking().SingleAsync(x => x.Id == v.Id);
        if (v.ApprovalRoute == PlanApprovalRoute.Panel)
        {
            var panel = s.GetRequiredService<PanelService>();
            var item = (await panel.AgendaAsync()).Items.Single(i => i.PlanVersionId == v.Id);
            (await panel.DecideAsync(item.Id, PanelOutcome.Approved, "Agreed.", item.Version)).Errors.ShouldBeEmpty();
        }
        else
        {
            (await plans.ManagerDecideAsync(v.Id, true, "Agreed.", await Seen())).Errors.ShouldBeEmpty();
        }
    }

    /// <summary>A child with a plan whose budget falls from four hours a week to two, under notice.</summary>
    private Task<bool> LowerBudgetUnderNoticeAsync(Guid planId) =>
        app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            await AgreeAndApproveAsync(s, planId, 1);
            var seen = await db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
            (await s.GetRequiredService<PlanService>().ChangeAsync(planId, 1, Content(2), "Two hours: Maya goes to an after-school club now.", seen)).Result.Errors.ShouldBeEmpty();
            await AgreeAndApproveAsync(s, planId, 2);
            return true;
        }, "officer-1");

    /// <summary>A child of the family on social care with a plan carried over, version 1 a draft.</summary>
    private Task<(Child Child, Guid PlanId)> ChildWithPlanAsync(string familyUserId, decimal hours = 4) =>
        app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            var child = new Child
            {
                Reference = References.NewChild(), FirstName = "Maya", LastName = "Plan" + Guid.NewGuid().ToString("N")[..6],
                DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-9), AddressLine1 = "3 Sample Road", Town = "Demoton", Postcode = "DE1 1AA",
                CreatedAt = DateTime.UtcNow, Tier = Tier.SocialCare,
            };
            child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
            child.LastNameKey = MatchKeys.LastName(child.LastName);
            child.PostcodeKey = MatchKeys.Postcode(child.Postcode);
            db.Children.Add(child);
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var (plan, result) = await s.GetRequiredService<PlanService>().StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(hours));
            result.Errors.ShouldBeEmpty();
            return (child, plan!.Id);
        }, "officer-1");

    [Fact]
    public async Task TheFamily_ReadsAndAgreesThePlan_FromTheirAccount()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var (child, planId) = await ChildWithPlanAsync(user.Id);

        var account = await browser.GetDocumentAsync("/account");
        account.QuerySelector($"#plans a[href='/account/plans/{child.Id}']").ShouldNotBeNull();
        var page = await browser.GetDocumentAsync($"/account/plans/{child.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Maya's support plan");
        page.GetElementById("plan-status")!.TextContent.ShouldBe("This plan is waiting for you to agree it.");
        page.GetElementById("annual-total")!.TextContent.Trim().ShouldBe("£2,496.00");

        var seen = page.QuerySelector("form[action*='handler=Agree'] input[name=SeenVersion]")!.GetAttribute("value")!;
        var location = await browser.PostForRedirectAsync($"/account/plans/{child.Id}?handler=Agree", ("SeenVersion", seen), ("Number", "1"));
        location.ShouldBe($"/account/plans/{child.Id}?sent=agreed");
        (await browser.GetDocumentAsync(location)).GetElementById("plan-status")!.TextContent.ShouldStartWith("You agreed this plan on");
        var version = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId));
        version.FamilyAgreedByName.ShouldNotBeNull();
        version.OfficerAgreedAt.ShouldBeNull();
    }

    [Fact]
    public async Task TheFamily_DownloadsThePlan_AndAsksForAChange()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var (child, _) = await ChildWithPlanAsync(user.Id);

        using var pdf = await browser.GetAsync($"/account/plans/{child.Id}?handler=pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        System.Text.Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync()).ShouldContain("/Title(Maya's support plan)");

        var empty = await browser.PostForPageAsync($"/account/plans/{child.Id}?handler=Ask", ("What", ""));
        empty.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Tell us what you would like to change or review");
        (await browser.PostForRedirectAsync($"/account/plans/{child.Id}?handler=Ask", ("What", "Maya has started a new school and needs help after school.")))
            .ShouldBe($"/account/plans/{child.Id}?sent=asked");
        var asked = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().TimelineEvents.AsNoTracking()
            .SingleAsync(t => t.ChildId == child.Id && t.Kind == TimelineKinds.PlanChangeAsked));
        asked.Detail.ShouldBe("Maya has started a new school and needs help after school.");
    }

    [Fact]
    public async Task AnotherFamily_AndProviders_GetNothing()
    {
        var owner = await app.CreateUserAsync(Roles.Family);
        var (child, _) = await ChildWithPlanAsync(owner.Id);
        var (stranger, _) = await app.SignedInAsAsync();
        (await stranger.GetAsync($"/account/plans/{child.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/account/plans/{child.Id}?handler=pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (provider, _) = await app.SignedInAsAsync(Roles.Provider);
        using var refused = await provider.GetAsync($"/account/plans/{child.Id}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("access-denied");
    }

    [Fact]
    public async Task ALowerBudget_ShowsItsNotice_AndTheFamilyAsksForItToBeLookedAtAgain()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var (child, planId) = await ChildWithPlanAsync(user.Id);
        await LowerBudgetUnderNoticeAsync(planId);

        var page = await browser.GetDocumentAsync($"/account/plans/{child.Id}");
        page.GetElementById("notice")!.TextContent.ShouldContain("from £2,496.00 to £1,248.00 a year");
        var form = page.QuerySelector("form[action*='handler=Reconsider']")!;
        var fields = new[] { ("NoticeId", form.QuerySelector("input[name=NoticeId]")!.GetAttribute("value")!), ("NoticeVersion", form.QuerySelector("input[name=NoticeVersion]")!.GetAttribute("value")!) };
        var empty = await browser.PostForPageAsync($"/account/plans/{child.Id}?handler=Reconsider", [.. fields, ("Why", "")]);
        empty.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Tell us why you think the decision is wrong");
        (await browser.PostForRedirectAsync($"/account/plans/{child.Id}?handler=Reconsider", [.. fields, ("Why", "The club is only in term time.")]))
            .ShouldBe($"/account/plans/{child.Id}?sent=reconsider");
        var item = await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().PanelItems.AsNoTracking().SingleAsync(p => p.ChildId == child.Id && p.Status == PanelItemStatus.Awaiting));
        item.Kind.ShouldBe(PanelItemKind.Reconsideration);
        item.Summary.ShouldContain("The club is only in term time.");
        var after = await browser.GetDocumentAsync($"/account/plans/{child.Id}");
        after.QuerySelector("form[action*='handler=Reconsider']").ShouldBeNull();
        after.GetElementById("notice")!.TextContent.ShouldContain("While we look at the decision again, support carries on as it is");
        after.GetElementById("plan-status")!.TextContent.ShouldContain("carries on until we decide");
    }

    [Fact]
    public async Task AFormWithoutThePlansVersion_IsRefused_AndNothingIsAgreedOrAsked()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var (child, planId) = await ChildWithPlanAsync(user.Id);

        var agree = await browser.PostForPageAsync($"/account/plans/{child.Id}?handler=Agree", ("Number", "1"));
        agree.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("did not say which version");
        var broken = await browser.PostForPageAsync($"/account/plans/{child.Id}?handler=Agree", ("SeenVersion", "latest"), ("Number", "1"));
        broken.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("did not say which version");
        (await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId))).FamilyAgreedAt.ShouldBeNull();

        await LowerBudgetUnderNoticeAsync(planId);
        var noticeId = (await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().BudgetNotices.AsNoTracking().SingleAsync(n => n.PlanId == planId))).Id;
        var reconsider = await browser.PostForPageAsync($"/account/plans/{child.Id}?handler=Reconsider", ("NoticeId", noticeId.ToString()), ("Why", "The club is only in term time."));
        reconsider.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("did not say which version");
        (await app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().PanelItems.AsNoTracking().AnyAsync(p => p.ChildId == child.Id && p.Kind == PanelItemKind.Reconsideration))).ShouldBeFalse();
    }

    [Fact]
    public async Task AFamilyWhoseAgreementTheOfficerRecorded_LaterMakesAnAccount_AndSeesThePlanTheyAgreed()
    {
        var owner = await app.CreateUserAsync(Roles.Family);
        var (child, planId) = await ChildWithPlanAsync(owner.Id);
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            // The family had no account when they agreed: only the officer's record of it links them to the plan.
            await db.ChildFamilyMembers.Where(m => m.ChildId == child.Id).ExecuteDeleteAsync();
            var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId);
            var seen = await db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
            var input = new AgreementOnBehalfInput { AgreedByName = "Sam Plan", Relationship = "Mother", Method = AgreementMethod.InPerson, AgreedOn = UkCalendar.DateOf(DateTime.UtcNow) };
            (await s.GetRequiredService<PlanApprovalService>().AgreeOnBehalfOfFamilyAsync(version.Id, input, seen)).Errors.ShouldBeEmpty();
            await AgreeAndApproveAsync(s, planId, 1);
            return true;
        }, "officer-1");

        var (browser, user) = await app.SignedInAsAsync();
        (await browser.GetAsync($"/account/plans/{child.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not theirs until the account is linked to the child");
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShortBreaksDbContext>();
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = user.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return true;
        });

        var page = await browser.GetDocumentAsync($"/account/plans/{child.Id}");
        page.GetElementById("plan-status")!.TextContent.ShouldStartWith("This is the plan in force");
        page.GetElementById("plan-status")!.TextContent.ShouldEndWith("Sam Plan (Mother) agreed this plan in person; your officer recorded it.");
        page.GetElementById("annual-total")!.TextContent.Trim().ShouldBe("£2,496.00");
        page.QuerySelector("form[action*='handler=Agree']").ShouldBeNull("the plan they agreed is not asked of them again");
    }
}
