using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A parent applies on a phone, an officer decides on a laptop, and the parent reads the letter: in Debian's
/// Chromium against the real server, with axe-core checking every page visited for WCAG 2.2 A and AA.
/// </summary>
public sealed class ApplicationToDecisionJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Parent_Applies_Officer_Approves_Parent_ReadsLetter(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");

        // The parent, on a phone.
        var parent = await browser.NewPageAsync(phone: true);
        await browser.GoAsync(parent, server.BaseUrl + "/apply");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await browser.CheckAccessibilityAsync(parent);
        await parent.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await browser.CheckAccessibilityAsync(parent);
        await parent.GetByLabel("Your full name").FillAsync("Jess Journey");
        var parentEmail = $"jess-{Guid.NewGuid():N}@example.org";
        await parent.GetByLabel("Email address").FillAsync(parentEmail);
        await parent.GetByLabel("Create a password").FillAsync("a long family password");
        await parent.GetByLabel("Type the password again").FillAsync("a long family password");
        await browser.ClickAsync(parent, "Create account");
        await parent.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }).WaitForAsync();

        // The link in the email confirms the address, then the parent signs in and carries on.
        await browser.GoAsync(parent, server.BaseUrl + TestMail.LatestLink(server.MailFolder, parentEmail, "/account/confirm-email"));
        await parent.GetByRole(AriaRole.Heading, new() { Name = "Your email address is confirmed" }).WaitForAsync();
        await browser.FollowAsync(parent, "Continue");
        await parent.GetByLabel("Email address").FillAsync(parentEmail);
        await parent.GetByLabel("Password").FillAsync("a long family password");
        await browser.ClickAsync(parent, "Sign in");
        if (!parent.Url.Contains("/child-name"))
        {
            await browser.ClickAsync(parent, "Start now");
        }

        await parent.WaitForURLAsync(new Regex("/child-name$"));
        await browser.CheckAccessibilityAsync(parent);

        // An error first: the summary appears and the page is still accessible.
        await browser.ContinueAsync(parent);
        (await parent.TitleAsync()).ShouldStartWith("Error: ");
        await parent.GetByLabel("First name").FillAsync("Maya");
        await parent.GetByLabel("Last name").FillAsync("Journey");
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("Day").FillAsync("3");
        await parent.GetByLabel("Month").FillAsync("3");
        await parent.GetByLabel("Year").FillAsync("2016");
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("Address line 1").FillAsync("12 Example Road");
        await parent.GetByLabel("Town or city").FillAsync("Exampleton");
        await parent.GetByLabel("Postcode").FillAsync("DC1 2AB");
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("Yes").CheckAsync();
        await parent.GetByLabel("Name of the school or college").FillAsync("Example Primary School");
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("No").CheckAsync();
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("Needs a lot more care and supervision than other children of the same age").CheckAsync();
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("Learning, understanding or concentrating").CheckAsync();
        await browser.ContinueAsync(parent);

        await parent.Locator("#NeedsInOwnWords").FillAsync("Maya needs one-to-one support to join in anything, and wakes most nights.");
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("Full name").FillAsync("Jess Journey");
        await parent.GetByLabel("Relationship to the child").FillAsync("Mother");
        await parent.Locator("#ContactEmail").FillAsync("jess.journey@example.org");
        await parent.Locator("input[name=PreferredContact][value=Email]").CheckAsync();
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("How many brothers and sisters does the child have?").FillAsync("1");
        await browser.ContinueAsync(parent);

        await parent.GetByLabel("What is the file?").SelectOptionAsync(new SelectOptionValue { Value = "disability-benefit" });
        await parent.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload
        {
            Name = "award-letter.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n% synthetic award letter\n%%EOF\n"u8.ToArray(),
        });
        await browser.ClickAsync(parent, "Upload file");
        await parent.GetByText("award-letter.pdf").First.WaitForAsync();
        await parent.GetByLabel("I have added my evidence").CheckAsync();
        await browser.ContinueAsync(parent);

        await parent.Locator("#ConsentToShare").CheckAsync();
        await browser.ContinueAsync(parent);

        await parent.WaitForURLAsync(new Regex("/check-answers$"));
        await browser.ClickAsync(parent, "Send request");
        await parent.WaitForURLAsync(new Regex("/confirmation$"));
        var reference = Regex.Match(await parent.Locator(".govuk-panel").InnerTextAsync(), @"R-[A-Z0-9]{4}-[A-Z0-9]{4}").Value;
        reference.ShouldNotBeNullOrEmpty();

        // The officer, on a laptop: triage queue, the request, matching, eligibility, decision.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, server.BaseUrl + "/staff/triage");
        await staff.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await browser.CheckAccessibilityAsync(staff);
        await staff.GetByLabel("This is a new child: make a record from the request").CheckAsync();
        await browser.ClickAsync(staff, "Confirm the child's record");
        await staff.GetByLabel("Flexible Short Breaks approved").CheckAsync();
        await staff.GetByLabel("Reasons for the decision").FillAsync("Maya needs much more care than other children her age, and her award letter confirms her disability.");
        await browser.ClickAsync(staff, "Record the decision");
        await staff.GetByText("Flexible Short Breaks approved").First.WaitForAsync();

        await browser.GoAsync(staff, server.BaseUrl + "/staff/search?q=" + Uri.EscapeDataString("Maya Journey"));
        await staff.Locator("a[href^='/staff/children/']").First.ClickAsync();
        await browser.CheckAccessibilityAsync(staff);
        (await staff.Locator("main").InnerTextAsync()).ShouldContain("Flexible Short Breaks");

        // The parent reads the decision letter in their account.
        await browser.GoAsync(parent, server.BaseUrl + "/account");
        await parent.Locator("a[href^='/account/letters/']").First.ClickAsync();
        await browser.CheckAccessibilityAsync(parent);
        var letter = await parent.Locator(".app-letter").InnerTextAsync();
        letter.ShouldContain("80 hours");
        letter.ShouldContain("£750");
        letter.ShouldContain("award letter confirms her disability");
        Directory.GetFiles(server.MailFolder, "*.eml").Length.ShouldBeGreaterThanOrEqualTo(2);

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
