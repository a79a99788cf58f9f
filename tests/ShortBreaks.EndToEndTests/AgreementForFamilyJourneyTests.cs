using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A step down from social care for a family with no online account: the officer writes the plan, records the
/// family's agreement given by phone, agrees it, and the panel sees how the family agreed. axe-core checks every page
/// visited, including the form with its errors.
/// </summary>
public sealed class AgreementForFamilyJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Officer_Records_The_Familys_Agreement_By_Phone_And_The_Panel_Sees_It(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var manager = await server.CreateUserAsync(Roles.TeamManager, "Grace Manager");
        var parentLogin = await server.CreateUserAsync(Roles.Family, "Jess Stepdown");
        var childId = await Families.LinkChildAsync(server, parentLogin.Email, "Stepdown", Tier.SocialCare, ageYears: 11);

        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, $"{server.BaseUrl}/staff/children/{childId}/plan");
        await browser.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Start a support plan" }));
        await staff.Locator("#WhatMattersToMe").FillAsync("Football on Saturdays.");
        await staff.GetByLabel("What does the child want to achieve?").FillAsync("Play in a team");
        await staff.GetByLabel("How will we know it has been achieved?").FillAsync("The coach picks Maya for matches");
        await staff.GetByLabel("Support", new() { Exact = true }).FillAsync("Personal assistant");
        await staff.GetByLabel("Kind").SelectOptionAsync("PersonalAssistantHours");
        await staff.GetByLabel("How many").FillAsync("4");
        await staff.GetByLabel("Cost of one (£)").FillAsync("12.00");
        await browser.ClickAsync(staff, "Start the plan");

        await browser.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "record their agreement for them" }));
        await browser.ClickAsync(staff, "Record their agreement");
        (await staff.TitleAsync()).ShouldStartWith("Error: ");
        await staff.GetByLabel("Name of the person who agreed").FillAsync("Sam Stepdown");
        await staff.GetByLabel("Their relationship to the child").FillAsync("Father");
        await staff.GetByLabel("By phone").CheckAsync();
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        await staff.GetByLabel("Day").FillAsync(today.Day.ToString());
        await staff.GetByLabel("Month").FillAsync(today.Month.ToString());
        await staff.GetByLabel("Year").FillAsync(today.Year.ToString());
        await staff.GetByLabel("Comments (optional)").FillAsync("Happy with Saturdays.");
        await browser.ClickAsync(staff, "Record their agreement");
        (await staff.Locator("#agreed-on-behalf").InnerTextAsync()).ShouldContain("Sam Stepdown (Father), by phone");
        await browser.ClickAsync(staff, "Agree version 1 as the officer");
        (await staff.Locator("#latest-version").InnerTextAsync()).ShouldContain("Waiting for the panel");

        var panel = await browser.NewPageAsync();
        await browser.SignInAsync(panel, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(panel, server.BaseUrl + "/staff/panel");
        await browser.FollowAsync(panel, panel.GetByRole(AriaRole.Link, new() { Name = "Maya Stepdown" }));
        (await panel.Locator("#agreed-on-behalf").InnerTextAsync()).ShouldContain("Sam Stepdown (Father), by phone");

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
