using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>An officer records the agreement of a family with no online account, on the staff plan pages.</summary>
public class AgreeForFamilyPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Form = "main form[method=post]";

    private static string Url(Guid childId) => $"/staff/children/{childId}/plan/agree-for-family";

    private static Dictionary<string, string?> ByPhone() => new()
    {
        ["AgreedByName"] = "Sam Patel",
        ["Relationship"] = "Mother",
        ["Method"] = "ByPhone",
        ["AgreedOn-day"] = UkCalendar.DateOf(DateTime.UtcNow).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AgreedOn-month"] = UkCalendar.DateOf(DateTime.UtcNow).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AgreedOn-year"] = UkCalendar.DateOf(DateTime.UtcNow).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Comments"] = "Happy with the hours; asked about school holidays.",
    };

    /// <summary>Posts the page's form as a browser does with a file chosen: multipart, with the antiforgery token from the page.</summary>
    private static async Task<Page> PostWithFileAsync(PageClient browser, Page page, Dictionary<string, string?> values, string fileName, byte[] file)
    {
        var content = new MultipartFormDataContent();
        foreach (var input in page.Html.QuerySelectorAll($"{Form} input[type=hidden]"))
            if (!values.ContainsKey(input.GetAttribute("name")!)) content.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        foreach (var (name, value) in values)
            if (value is not null) content.Add(new StringContent(value), name);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "SignedCopy", fileName);
        var response = await browser.PostAsync(page.Url, content);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(page.Url, response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), response);
    }

    [Fact]
    public async Task AnOfficer_RecordsAnAgreementByPhone_ItIsShownOnThePlan_AndTheOfficerCanThenAgree()
    {
        var (child, planId) = await factory.StepDownDraftAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer, "Amira Hughes");
        var plan = await officer.GetPageAsync($"/staff/children/{child.Id}/plan");
        plan.Get("#agree-for-family").GetAttribute("href").ShouldBe(Url(child.Id));

        var page = await officer.GetPageAsync(Url(child.Id));
        page.Status.ShouldBe(HttpStatusCode.OK);
        var saved = await officer.SubmitAsync(page, Form, ByPhone());
        saved.RedirectPath.ShouldBe($"/staff/children/{child.Id}/plan");

        var after = await officer.GetPageAsync($"/staff/children/{child.Id}/plan");
        after.Get("#agreed-on-behalf").TextContent.ShouldContain($"Sam Patel (Mother), by phone on {UkCalendar.DateOf(DateTime.UtcNow):d MMMM yyyy}, recorded by Amira Hughes");
        after.Get("#agreed-on-behalf").TextContent.ShouldContain("asked about school holidays");
        after.Get("#latest-version").TextContent.ShouldContain("Agreed by the family, not yet by the officer");
        after.Find("#agree-for-family").ShouldBeNull();
        (await officer.SubmitAsync(after, "main form[action*='handler=Agree']", new())).Status.ShouldBe(HttpStatusCode.Redirect);
        var version = await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId));
        version.Status.ShouldBe(PlanVersionStatus.AwaitingApproval);
        version.ApprovalRoute.ShouldBe(PlanApprovalRoute.Panel, "a step down from social care goes to the panel");

        var again = await officer.GetPageAsync(Url(child.Id));
        again.Get("#nothing-to-agree").TextContent.ShouldContain("no version");
    }

    [Fact]
    public async Task TheForm_ShowsEachProblem_InTheOrderOfTheFields()
    {
        var (child, planId) = await factory.StepDownDraftAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await officer.GetPageAsync(Url(child.Id));

        var empty = await officer.SubmitAsync(page, Form, new());
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.ErrorSummary().ShouldBe(["Enter the name of the person who agreed the plan", "Enter how they are related to the child", "Choose how they agreed the plan", "Enter the date they agreed the plan"]);
        empty.Html.Title!.ShouldStartWith("Error: ");
        empty.Get(".govuk-error-summary a[href='#AgreedOn-day']").ShouldNotBeNull();

        var badDate = await officer.SubmitAsync(page, Form, ByPhone().With("AgreedOn-day", "31").With("AgreedOn-month", "2"));
        badDate.ErrorSummary().ShouldBe(["The date they agreed the plan must be a real date"]);
        badDate.Get("#AgreedByName").GetAttribute("value").ShouldBe("Sam Patel", "what was typed is kept");

        var future = await officer.SubmitAsync(page, Form, ByPhone().With("AgreedOn-year", (UkCalendar.DateOf(DateTime.UtcNow).Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        future.ErrorSummary().ShouldBe(["The date they agreed the plan must be today or in the past"]);

        var paperWithoutCopy = await officer.SubmitAsync(page, Form, ByPhone().With("Method", "SignedPaperCopy").With("Relationship", ""));
        paperWithoutCopy.ErrorSummary().ShouldBe(["Enter how they are related to the child", "Upload the signed copy of the plan"]);

        var notAPdf = await PostWithFileAsync(officer, page, ByPhone().With("Method", "SignedPaperCopy"), "plan.pdf", "<html>not a pdf</html>"u8.ToArray());
        notAPdf.ErrorSummary().ShouldBe(["The signed copy must be a PDF, JPG or PNG"]);

        var tooLarge = await PostWithFileAsync(officer, page, ByPhone().With("Method", "SignedPaperCopy"), "plan.pdf", [.. "%PDF-"u8, .. new byte[11 * 1024 * 1024]]);
        tooLarge.ErrorSummary().ShouldBe(["The signed copy must be smaller than 10MB"]);

        (await factory.Data.WithDbAsync(db => db.FamilyAgreementsOnBehalf.AnyAsync(a => a.ChildId == child.Id))).ShouldBeFalse();
        (await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId))).FamilyAgreedAt.ShouldBeNull();
    }

    [Fact]
    public async Task ASignedPaperCopy_IsKept_AndDownloadedFromThePlan()
    {
        var (child, _) = await factory.StepDownDraftAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var page = await officer.GetPageAsync(Url(child.Id));
        byte[] pdf = [.. "%PDF-1.4\n"u8, .. "signed by Sam"u8];

        var saved = await PostWithFileAsync(officer, page, ByPhone().With("Method", "SignedPaperCopy"), "C:\\scans\\signed plan.pdf", pdf);
        saved.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(saved.Text));

        var plan = await officer.GetPageAsync($"/staff/children/{child.Id}/plan");
        var link = plan.Get("#agreed-on-behalf a");
        link.TextContent.ShouldContain("signed plan.pdf");
        using var file = await officer.GetAsync(link.GetAttribute("href")!);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await factory.Data.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ChildId == child.Id && a.EntityType == nameof(FamilyAgreementOnBehalf) && a.Action == "view")))
            .ShouldBeTrue("opening the signed copy is audited");
    }

    [Fact]
    public async Task AFormWithoutThePlansVersion_IsRefused()
    {
        var (child, planId) = await factory.StepDownDraftAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await officer.GetPageAsync(Url(child.Id));

        foreach (var seen in new string?[] { null, "not-a-number" })
        {
            var refused = await officer.SubmitAsync(page, Form, ByPhone().With("SeenVersion", seen));
            refused.Status.ShouldBe(HttpStatusCode.OK);
            refused.ErrorSummary().ShouldBe([Web.Infrastructure.FormVersion.Missing]);
        }

        (await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId))).FamilyAgreedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.ReviewingOfficer)]
    public async Task OnlyOfficersWhoAgreePlans_MayRecordAFamilysAgreement(string role)
    {
        var (child, planId) = await factory.StepDownDraftAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await officer.GetPageAsync(Url(child.Id));
        var (someone, _) = await factory.SignedInAsAsync(role);

        (await someone.GetPageAsync(Url(child.Id))).RedirectPath!.ShouldStartWith("/access-denied");
        var token = page.Get("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var posted = await someone.PostAsync(Url(child.Id), new FormUrlEncodedContent(ByPhone().Where(v => v.Value is not null)
            .Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)).Append(new("__RequestVerificationToken", token))));
        posted.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
        if (posted.StatusCode == HttpStatusCode.Redirect) posted.Headers.Location!.OriginalString.ShouldContain("access-denied");
        (await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId))).FamilyAgreedAt.ShouldBeNull();
        if (role == Roles.ReviewingOfficer)
            (await someone.GetPageAsync($"/staff/children/{child.Id}/plan")).Find("#agree-for-family").ShouldBeNull("a reviewing officer is not offered the link");
    }
}

internal static class FormValues
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> values, string name, string? value)
    {
        var copy = new Dictionary<string, string?>(values) { [name] = value };
        return copy;
    }
}
