using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>Writing, changing, agreeing and approving a child's plan on the staff pages.</summary>
public class PlanPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Form = "main form[method=post]:not([action])";

    private static Dictionary<string, string?> FirstPlan() => new()
    {
        ["Form.WhatMattersToMe"] = "Swimming, and my dog Biscuit.",
        ["Form.Outcomes[0].What"] = "Swim a width on my own",
        ["Form.Outcomes[0].Term"] = "Medium",
        ["Form.Outcomes[0].ByWhen"] = "31/7/2027",
        ["Form.Outcomes[0].How"] = "The swimming teacher signs it off",
        ["Form.Lines[0].Description"] = "Personal assistant",
        ["Form.Lines[0].Type"] = "PersonalAssistantHours",
        ["Form.Lines[0].Quantity"] = "3",
        ["Form.Lines[0].Frequency"] = "PerWeek",
        ["Form.Lines[0].UnitCost"] = "12.50",
        ["Form.Lines[0].Route"] = "DirectPayment",
        ["Form.Lines[0].RateName"] = "weekday",
        ["Action"] = "save",
    };

    [Fact]
    public async Task AnOfficer_StartsAStepUpPlan_FromTheRas_AndAgreesIt()
    {
        var (child, assessmentId) = await factory.AssessedChildAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Amira Hughes");

        var record = await officer.GetPageAsync($"/staff/children/{child.Id}/plan");
        record.Get("#no-plan");
        var edit = await officer.GetPageAsync($"/staff/children/{child.Id}/plan/edit");
        edit.Get("#Purpose-StepUp").HasAttribute("checked").ShouldBeTrue();
        edit.Get($"#RasAssessmentId option[value='{assessmentId}']");

        var saved = await officer.SubmitAsync(edit, Form, FirstPlan());
        saved.RedirectPath.ShouldBe($"/staff/children/{child.Id}/plan?saved=true", Page.Normalise(saved.Text));
        var plan = await officer.FollowAsync(saved);
        plan.Get("#latest-version").TextContent.ShouldContain("1 of 1: Draft, not yet agreed");
        plan.Get("#annual-total").TextContent.Trim().ShouldBe("£1,950.00");
        plan.Get("#outcomes").TextContent.ShouldContain("Swim a width on my own");
        plan.Text.ShouldContain("Step up to Targeted Short Breaks");

        var agreed = await officer.SubmitAsync(plan, "main form[action*='handler=Agree']", new());
        agreed.RedirectPath.ShouldBe($"/staff/children/{child.Id}/plan");
        (await officer.GetPageAsync($"/staff/children/{child.Id}/plan")).Get("#latest-version").TextContent.ShouldContain("Agreed by the officer, not yet by the family");
    }

    [Fact]
    public async Task BadFigures_AreShownBackWithTheirErrors_AndRowsCanBeAdded()
    {
        var (child, _) = await factory.AssessedChildAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var edit = await officer.GetPageAsync($"/staff/children/{child.Id}/plan/edit");

        var fields = FirstPlan();
        fields["Form.Lines[0].Quantity"] = "lots";
        fields["Form.Outcomes[0].ByWhen"] = "next summer";
        var wrong = await officer.SubmitAsync(edit, Form, fields);
        wrong.Status.ShouldBe(HttpStatusCode.OK);
        wrong.ErrorSummary().ShouldBe(["Outcome 1: enter the date like 31/3/2027, or leave it empty", "Line 1: enter how many, like 3 or 2.5"]);
        wrong.Get("#line-0-quantity").GetAttribute("value").ShouldBe("lots");
        wrong.Get(".govuk-error-summary a[href='#line-0-quantity']");

        fields["Action"] = "add-line";
        var added = await officer.SubmitAsync(edit, Form, fields);
        added.Html.QuerySelectorAll("input[name$='.Quantity']").Length.ShouldBe(2);
        added.ErrorSummary().ShouldBeEmpty("adding a row checks nothing yet");
        (await factory.Data.WithDbAsync(db => db.SupportPlans.CountAsync(p => p.ChildId == child.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task AChange_IsANewVersion_TheOldOneStaysReadable_AndTwoOfficersChangingAtOnceAreTold()
    {
        var (child, _) = await factory.AssessedChildAsync();
        var (first, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        await first.SubmitAsync(await first.GetPageAsync($"/staff/children/{child.Id}/plan/edit"), Form, FirstPlan());

        var firstEdit = await first.GetPageAsync($"/staff/children/{child.Id}/plan/edit");
        var secondEdit = await second.GetPageAsync($"/staff/children/{child.Id}/plan/edit");
        var noSummary = await first.SubmitAsync(firstEdit, Form, new() { ["Action"] = "save" });
        noSummary.ErrorSummary().ShouldBe(["Say what you changed, so the family and the panel can see it"]);

        var changed = await first.SubmitAsync(firstEdit, Form, new() { ["Form.Lines[0].Quantity"] = "4", ["ChangeSummary"] = "Four hours: Maya's sleep is worse.", ["Action"] = "save" });
        changed.Status.ShouldBe(HttpStatusCode.Redirect);
        var clash = await second.SubmitAsync(secondEdit, Form, new() { ["Form.Lines[0].Quantity"] = "2", ["ChangeSummary"] = "Two hours.", ["Action"] = "save" });
        clash.Status.ShouldBe(HttpStatusCode.OK);
        clash.ErrorSummary().ShouldContain(e => e.Contains("Nothing you entered has been lost"));
        clash.Get("#line-0-quantity").GetAttribute("value").ShouldBe("2");
        clash.Get("#ChangeSummary").TextContent.ShouldBe("Two hours.");

        var plan = await first.GetPageAsync($"/staff/children/{child.Id}/plan");
        plan.Get("#latest-version").TextContent.ShouldContain("2 of 2");
        plan.Get("#versions").TextContent.ShouldContain("Replaced by a later version before approval");
        var old = await first.GetPageAsync($"/staff/children/{child.Id}/plan/versions/1");
        old.Get("#annual-total").TextContent.Trim().ShouldBe("£1,950.00");
        (await first.GetPageAsync($"/staff/children/{child.Id}/plan/versions/9")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AManager_ApprovesAPlanWithinBudget_AndItIsKeptAsALetter()
    {
        var (child, _) = await factory.AssessedChildAsync(Tier.TargetedShortBreaks);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/plan/edit"), Form, FirstPlan());
        var planId = await factory.Data.WithDbAsync(db => db.SupportPlans.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());
        await factory.Data.WithDbAsync(async db =>
        {
            var version = await db.PlanVersions.SingleAsync(v => v.PlanId == planId);
            version.FamilyAgreedAt = DateTime.UtcNow;
            version.FamilyAgreedByName = "Jess Carter";
            await db.SaveChangesAsync();
        });
        await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/plan"), "main form[action*='handler=Agree']", new());

        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager, "Grace Okafor");
        var page = await manager.GetPageAsync($"/staff/children/{child.Id}/plan");
        page.Get("#latest-version").TextContent.ShouldContain("Waiting for a manager");
        var missing = await manager.SubmitAsync(page, "main form[action*='handler=Decide']", new());
        missing.ErrorSummary().ShouldBe(["Choose whether to approve the plan", "Enter the reasons for the decision"]);
        var approved = await manager.SubmitAsync(page, "main form[action*='handler=Decide']", new() { ["Approve"] = "true", ["Reasons"] = "Meets the outcomes within the indicative budget." });
        approved.Status.ShouldBe(HttpStatusCode.Redirect);

        var after = await manager.GetPageAsync($"/staff/children/{child.Id}/plan");
        after.Get("#in-force").TextContent.ShouldContain("Version 1, £1,950.00 a year");
        var letter = await factory.Data.WithDbAsync(db => db.Letters.AsNoTracking().SingleAsync(l => l.ChildId == child.Id && l.Kind == "plan-decision"));
        letter.BodyHtml.ShouldContain("Swim a width on my own");
        letter.BodyHtml.ShouldContain("£1,950.00");
        letter.VisibleToFamily.ShouldBeTrue();

        using var pdf = await manager.GetAsync($"/staff/children/{child.Id}/plan?handler=pdf&version=1");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        System.Text.Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync()).ShouldContain("support plan");
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task PeopleOutsideCaseStaff_CannotSeeAPlan(string role)
    {
        var (child, _) = await factory.AssessedChildAsync();
        var (someone, _) = await factory.SignedInAsAsync(role);
        foreach (var url in new[] { $"/staff/children/{child.Id}/plan", $"/staff/children/{child.Id}/plan/edit", $"/staff/children/{child.Id}/plan/versions/1" })
            (await someone.GetPageAsync(url)).RedirectPath!.ShouldStartWith("/access-denied", customMessage: url);
    }
}
