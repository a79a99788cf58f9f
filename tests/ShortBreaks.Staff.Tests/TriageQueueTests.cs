using System.Net;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class TriageQueueTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static string Row(Page page, string reference) =>
        Page.Normalise(page.Html.QuerySelectorAll("#triage-queue tbody tr").Single(tr => tr.TextContent.Contains(reference)).TextContent);

    private static List<string> References(Page page) =>
        page.Html.QuerySelectorAll("#triage-queue tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Queue_ListsTheOldestRequestFirstWithHowLongEachHasWaited()
    {
        var newest = await factory.Data.SubmittedRequestAsync(r => r.SubmittedAt = factory.Data.EarlierToday(TimeSpan.FromMinutes(5)));
        var dueSoon = await factory.Data.SubmittedRequestAsync(r => r.SubmittedAt = factory.SubmittedWorkingDaysAgo(9));
        var overdue = await factory.Data.SubmittedRequestAsync(r => r.SubmittedAt = factory.SubmittedWorkingDaysAgo(14));
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var order = References(page);
        order.IndexOf(overdue.Reference).ShouldBeLessThan(order.IndexOf(dueSoon.Reference));
        order.IndexOf(dueSoon.Reference).ShouldBeLessThan(order.IndexOf(newest.Reference));
        Row(page, overdue.Reference).ShouldContain("Waited 14 of 10 working days Overdue");
        Row(page, dueSoon.Reference).ShouldContain("Waited 9 of 10 working days Due soon");
        Row(page, newest.Reference).ShouldContain("Waited 0 of 10 working days Within target");
        page.Html.QuerySelectorAll("#triage-queue strong.govuk-tag--red").Select(t => t.TextContent).ShouldContain("Overdue");
        page.Html.QuerySelectorAll("#triage-queue strong.govuk-tag--yellow").Select(t => t.TextContent).ShouldContain("Due soon");
        Row(page, newest.Reference).ShouldContain(newest.ChildName);
        Row(page, newest.Reference).ShouldContain(newest.Postcode!);
        Row(page, newest.Reference).ShouldContain("Online");
    }

    [Fact]
    public async Task DraftsAndDecidedRequests_AreNotInTheQueue()
    {
        var draft = await factory.Data.SubmittedRequestAsync(r => { r.Status = RequestStatus.Draft; r.SubmittedAt = null; });
        var decided = await factory.Data.SubmittedRequestAsync(r => r.Status = RequestStatus.Decided);
        var (browser, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        var page = await browser.GetPageAsync("/staff/triage");

        page.Text.ShouldNotContain(draft.Reference);
        page.Text.ShouldNotContain(decided.Reference);
    }

    [Fact]
    public async Task Filters_NarrowTheQueueAndKeepTheirValues()
    {
        var phoneOverdueUnmatched = await factory.Data.SubmittedRequestAsync(r => { r.Channel = RequestChannel.DutyPoint; r.SubmittedAt = factory.SubmittedWorkingDaysAgo(20); });
        var onlineOverdue = await factory.Data.SubmittedRequestAsync(r => r.SubmittedAt = factory.SubmittedWorkingDaysAgo(20));
        var (phoneMatched, _) = await factory.Data.MatchedRequestAsync(r => { r.Channel = RequestChannel.DutyPoint; r.SubmittedAt = factory.SubmittedWorkingDaysAgo(20); });
        var phoneRecent = await factory.Data.SubmittedRequestAsync(r => r.Channel = RequestChannel.DutyPoint);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage");
        page = await browser.SubmitAsync(page, "main form[method=get]", new() { ["channel"] = "DutyPoint", ["waiting"] = "Overdue", ["unmatched"] = "true" });

        page.Status.ShouldBe(HttpStatusCode.OK);
        var shown = References(page);
        shown.ShouldContain(phoneOverdueUnmatched.Reference);
        shown.ShouldNotContain(onlineOverdue.Reference);
        shown.ShouldNotContain(phoneMatched.Reference);
        shown.ShouldNotContain(phoneRecent.Reference);
        page.Get("#channel option[selected]").GetAttribute("value").ShouldBe("DutyPoint");
        page.Get("#waiting option[selected]").GetAttribute("value").ShouldBe("Overdue");
        page.Get("#unmatched").HasAttribute("checked").ShouldBeTrue();
        Row(page, phoneOverdueUnmatched.Reference).ShouldContain("Phone");
    }

    [Theory]
    [InlineData("?page=abc&channel=zzz")]
    [InlineData("?page=-4&waiting=99&unmatched=perhaps")]
    [InlineData("?page=999999&channel=1")]
    [InlineData("?channel=%3Cscript%3E&waiting=&page=")]
    public async Task BadQueryValues_AreIgnored(string query)
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage" + query);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#channel option[selected]").GetAttribute("value").ShouldBe("");
        page.Get("#waiting option[selected]").GetAttribute("value").ShouldBe("");
        page.Get("#unmatched").HasAttribute("checked").ShouldBeFalse();
        if (!query.Contains("999999")) References(page).ShouldContain(request.Reference);
    }

    [Fact]
    public async Task APhoneRequestSavedForLater_IsConfirmedInABanner()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage?saved=r-7kq2-m9xd");

        Page.Normalise(page.Get(".govuk-notification-banner--success").TextContent).ShouldContain("Request R-7KQ2-M9XD saved as a draft");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("C-7KQ2-M9XD")]
    public async Task ASavedBanner_IsNotShownForSomethingThatIsNotARequestReference(string saved)
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.GetPageAsync("/staff/triage?saved=" + Uri.EscapeDataString(saved));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find(".govuk-notification-banner").ShouldBeNull();
    }
}
