using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An administrator answers a subject access request about a child: logs it (with its errors first), reviews the items
/// about other people, is refused release until each has a choice, releases it and downloads the answer. axe-core checks
/// every page visited, and the answer's own index page, opened as a person would open it from the ZIP.
/// </summary>
public sealed class SubjectAccessJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Administrator_Logs_Reviews_Releases_And_Downloads_A_Subject_Access_Request(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var admin = await server.CreateUserAsync(Roles.Admin, "Alex Admin");
        var child = await server.Data.PopulatedChildAsync();

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, server.BaseUrl, admin.Email, admin.Password);
        await browser.GoAsync(page, server.BaseUrl + "/staff");
        await browser.FollowAsync(page, "Subject access requests");
        await browser.ClickAsync(page, "Log a request");
        await browser.ClickAsync(page, "Log the request");
        (await page.TitleAsync()).ShouldStartWith("Error: ");

        await page.GetByRole(AriaRole.Radio, new() { Name = "A child", Exact = true }).CheckAsync();
        await page.GetByLabel("The child's reference").FillAsync(child.Child.Reference);
        await page.GetByLabel("Who made the request?").FillAsync("Sam Patel, the child's mother");
        await page.GetByLabel("How did you check their identity?").FillAsync("Passport and a council tax bill, seen at the front desk");
        await browser.ClickAsync(page, "Log the request");
        (await page.Locator("#done").InnerTextAsync()).ShouldBe("The request was logged");

        await browser.ClickAsync(page, "Release the answer");
        (await page.TitleAsync()).ShouldStartWith("Error: ");

        var groups = page.Locator("form#choices .govuk-radios");
        var count = await groups.CountAsync();
        count.ShouldBeGreaterThan(5);
        for (var i = 0; i < count; i++)
        {
            var hint = await page.Locator($"#choice-{i}-hint").InnerTextAsync();
            if (hint.Contains(child.SiblingDetails, StringComparison.Ordinal))
            {
                await page.Locator($"#choice-{i}-Redact").CheckAsync();
                await page.Locator($"#reason-{i}").FillAsync("Names a sibling, who has rights of their own");
            }
            else
            {
                await page.Locator($"#choice-{i}-Include").CheckAsync();
            }
        }

        await browser.ClickAsync(page, "Save choices");
        (await page.Locator("#done").InnerTextAsync()).ShouldBe("Your choices were saved");
        await browser.ClickAsync(page, "Release the answer");
        (await page.Locator("#status").InnerTextAsync()).ShouldStartWith("Released on");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"sar-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        try
        {
            download.SuggestedFilename.ShouldEndWith(".zip");
            using var zip = ZipFile.OpenRead(path);
            string Read(string name)
            {
                using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
                return reader.ReadToEnd();
            }

            var index = Read(SubjectArchive.IndexPath);
            index.ShouldContain("Names a sibling, who has rights of their own");
            index.ShouldNotContain(child.SiblingDetails);

            // The answer's index and a page of it, as a person opens them offline.
            var offline = await browser.NewPageAsync();
            await offline.SetContentAsync(index);
            await browser.CheckAccessibilityAsync(offline);
            await offline.SetContentAsync(Read("records/requests.html"));
            await browser.CheckAccessibilityAsync(offline);
            (await offline.Locator("main").InnerTextAsync()).ShouldContain(Redaction.Marker);
        }
        finally
        {
            File.Delete(path);
        }

        await browser.GoAsync(page, server.BaseUrl + "/staff/subject-access");
        browser.ShouldHaveNoAccessibilityViolations();
    }
}
