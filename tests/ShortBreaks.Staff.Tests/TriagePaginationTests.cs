using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

/// <summary>A queue of exactly 123 requests, in a database of its own, made once for all the pagination tests.</summary>
public sealed class FullQueue : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    /// <summary>The online requests, oldest first.</summary>
    public List<ShortBreakRequest> Online { get; } = [];

    public async Task InitializeAsync()
    {
        var factory = Factory;
        // 120 online requests a minute apart, oldest first, and 3 by phone.
        var start = DateTime.UtcNow.AddDays(-3);
        for (var i = 0; i < 120; i++)
        {
            var at = start.AddMinutes(i);
            Online.Add(await factory.Data.SubmittedRequestAsync(r => r.SubmittedAt = at, withEvidence: false));
        }

        for (var i = 0; i < 3; i++)
        {
            await factory.Data.SubmittedRequestAsync(r => { r.Channel = RequestChannel.DutyPoint; r.SubmittedAt = start.AddMinutes(-i); }, withEvidence: false);
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public class TriagePaginationTests(FullQueue queue) : IClassFixture<FullQueue>
{
    private WebAppFactory Factory => queue.Factory;

    private static List<string> References(Page page) =>
        page.Html.QuerySelectorAll("#triage-queue tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Queue_Shows50RequestsAPageWithNumberedPages()
    {
        var (browser, _) = await Factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage");

        References(page).Count.ShouldBe(50);
        page.Get("#triage-queue caption").TextContent.ShouldBe("Showing 1 to 50 of 123 requests");
        page.Html.QuerySelectorAll(".govuk-pagination__item a").Select(a => a.TextContent.Trim()).ShouldBe(["1", "2", "3"]);
        page.Get(".govuk-pagination__item--current a").GetAttribute("aria-current").ShouldBe("page");
        page.Find(".govuk-pagination__prev").ShouldBeNull();
        page.Get(".govuk-pagination__next a").GetAttribute("href").ShouldBe("/staff/triage?page=2");
    }

    [Fact]
    public async Task Pages_KeepTheFiltersAndTheLastPageHasTheRest()
    {
        var (browser, _) = await Factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var first = await browser.GetPageAsync("/staff/triage?channel=Online");
        var next = first.Get(".govuk-pagination__next a").GetAttribute("href")!;
        next.ShouldBe("/staff/triage?channel=Online&page=2");
        var second = await browser.GetPageAsync(next);
        var lastHref = second.Html.QuerySelectorAll(".govuk-pagination__item a").Last().GetAttribute("href")!;
        var last = await browser.GetPageAsync(lastHref);

        References(first).ShouldBe(queue.Online.Take(50).Select(r => r.Reference));
        References(second).ShouldBe(queue.Online.Skip(50).Take(50).Select(r => r.Reference));
        lastHref.ShouldBe("/staff/triage?channel=Online&page=3");
        References(last).ShouldBe(queue.Online.Skip(100).Select(r => r.Reference));
        last.Get(".govuk-pagination__prev a").GetAttribute("href").ShouldBe("/staff/triage?channel=Online&page=2");
        last.Find(".govuk-pagination__next").ShouldBeNull();
        last.Get("#channel option[selected]").GetAttribute("value").ShouldBe("Online");
    }

    [Fact]
    public async Task APagePastTheEnd_ShowsTheLastPage()
    {
        var (browser, _) = await Factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage?page=40");

        page.Get(".govuk-pagination__item--current a").TextContent.Trim().ShouldBe("3");
        References(page).Count.ShouldBe(23);
    }
}
