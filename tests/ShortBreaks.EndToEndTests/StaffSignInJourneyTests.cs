using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A new member of staff signs in for the first time, sets up an authenticator app from the QR code's key,
/// keeps the recovery codes, and signs in again with a code: in Chromium, with axe-core checking every page.
/// </summary>
public sealed class StaffSignInJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task NewOfficer_SetsUpAnAuthenticator_ThenSignsInWithACode(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Nia Newstarter");
        using (var scope = server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(officer.Email);
            (await users.SetTwoFactorEnabledAsync(user!, false)).Succeeded.ShouldBeTrue();
            await users.RemoveAuthenticationTokenAsync(user!, "[AspNetUserStore]", "AuthenticatorKey");
        }

        var page = await browser.NewPageAsync();
        await browser.GoAsync(page, server.BaseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(officer.Email);
        await page.GetByLabel("Password").FillAsync(officer.Password);
        await browser.ClickAsync(page, "Sign in");
        await page.WaitForURLAsync(new Regex("/account/authenticator"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Set up an authenticator app");

        // An error first, then the code an app with the page's key shows.
        await browser.ClickAsync(page, "Set up the app");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        await page.GetByLabel("Code from the app").FillAsync(Authenticator.CurrentCode(key));
        await browser.ClickAsync(page, "Set up the app");
        (await page.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);
        await browser.FollowAsync(page, "I have saved my recovery codes: continue");
        await page.WaitForURLAsync(new Regex("/staff$"));

        await browser.ClickAsync(page, "Sign out");
        await browser.GoAsync(page, server.BaseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(officer.Email);
        await page.GetByLabel("Password").FillAsync(officer.Password);
        await browser.ClickAsync(page, "Sign in");
        await page.WaitForURLAsync(new Regex("/account/two-factor"));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Authenticator.CurrentCode(key));
        await browser.ClickAsync(page, "Continue");
        await page.WaitForURLAsync(new Regex("/staff$"));

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
