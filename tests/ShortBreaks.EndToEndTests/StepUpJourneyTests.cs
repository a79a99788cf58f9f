using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A step up from Flexible to Targeted Short Breaks: the officer completes the RAS and writes the plan, the parent
/// agrees it on a phone, the panel approves it, and the parent sees the approved plan. axe-core checks every page
/// visited for WCAG 2.2 A and AA.
/// </summary>
public sealed class StepUpJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Officer_Ras_Plan_Family_Agrees_Panel_Approves_Family_Sees_The_Plan(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var manager = await server.CreateUserAsync(Roles.TeamManager, "Grace Manager");
        var parentLogin = await server.CreateUserAsync(Roles.Family, "Jess Stepup");
        var childId = await Families.LinkChildAsync(server, parentLogin.Email, "Stepup", ageYears: 9);

        // The officer completes the RAS with the family.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, $"{server.BaseUrl}/staff/children/{childId}");
        await browser.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Start a RAS assessment" }));
        await browser.ClickAsync(staff, "Start the assessment");
        await browser.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Personal care" }).First);
        for (var domain = 0; domain < 10; domain++)
        {
            await Families.AnswerEveryQuestionAsync(staff, option: 3);
            await browser.ClickAsync(staff, "Save and continue");
        }

        await browser.ClickAsync(staff, "Save and come back later");
        await browser.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Check answers and work out the indicative budget" }));
        await browser.ClickAsync(staff, "Complete and work out the indicative budget");
        await staff.WaitForURLAsync(new Regex("/result$"));

        // The plan, written from the RAS, and agreed by the officer.
        await browser.GoAsync(staff, $"{server.BaseUrl}/staff/children/{childId}/plan");
        await browser.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Start a support plan" }));
        await staff.Locator("#WhatMattersToMe").FillAsync("Swimming with my friends, and my dog Biscuit.");
        await staff.GetByLabel("What does the child want to achieve?").FillAsync("Swim a width on my own");
        await staff.GetByLabel("How will we know it has been achieved?").FillAsync("The swimming teacher signs it off");
        await staff.GetByLabel("Support", new() { Exact = true }).FillAsync("Personal assistant");
        await staff.GetByLabel("Kind").SelectOptionAsync("PersonalAssistantHours");
        await staff.GetByLabel("How many").FillAsync("3");
        await staff.GetByLabel("Cost of one (£)").FillAsync("12.50");
        await browser.ClickAsync(staff, "Start the plan");
        (await staff.Locator("#annual-total").InnerTextAsync()).Trim().ShouldBe("£1,950.00");
        await browser.ClickAsync(staff, "Agree version 1 as the officer");

        // The parent, on a phone, reads and agrees the plan.
        var parent = await browser.NewPageAsync(phone: true);
        await browser.SignInAsync(parent, server.BaseUrl, parentLogin.Email, parentLogin.Password);
        await browser.GoAsync(parent, server.BaseUrl + "/account");
        await browser.FollowAsync(parent, parent.GetByRole(AriaRole.Link, new() { Name = "Maya's support plan" }));
        await browser.ClickAsync(parent, "I agree this plan");
        (await parent.Locator("#plan-status").InnerTextAsync()).ShouldBe("You and your officer have agreed this plan. It is waiting for the panel.");

        // The panel approves the step up.
        var panel = await browser.NewPageAsync();
        await browser.SignInAsync(panel, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(panel, server.BaseUrl + "/staff/panel");
        await browser.FollowAsync(panel, panel.GetByRole(AriaRole.Link, new() { Name = "Maya Stepup" }));
        await browser.ClickAsync(panel, "Record the decision");
        (await panel.TitleAsync()).ShouldStartWith("Error: ");
        await panel.GetByLabel("Approved", new() { Exact = true }).CheckAsync();
        await panel.GetByLabel("The panel's reasons").FillAsync("Maya's needs are well evidenced and the plan is within the indicative budget.");
        await browser.ClickAsync(panel, "Record the decision");
        (await panel.Locator("#status").InnerTextAsync()).ShouldStartWith("Approved on");
        await browser.GoAsync(panel, $"{server.BaseUrl}/staff/children/{childId}");
        (await panel.Locator("main").InnerTextAsync()).ShouldContain("Step up to Targeted Short Breaks: Flexible Short Breaks to Targeted Short Breaks");

        // The parent sees the approved plan, and its letter.
        await browser.GoAsync(parent, $"{server.BaseUrl}/account/plans/{childId}");
        (await parent.Locator("#plan-status").InnerTextAsync()).ShouldStartWith("This is the plan in force");
        await browser.GoAsync(parent, server.BaseUrl + "/account");
        await browser.FollowAsync(parent, parent.GetByRole(AriaRole.Link, new() { Name = "Maya's support plan" }).Last);

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
