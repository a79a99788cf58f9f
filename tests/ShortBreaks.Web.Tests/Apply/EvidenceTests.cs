using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

public class EvidenceTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_ListsTheKindsOfEvidenceFromTheScheme()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/evidence");

        page.QuerySelectorAll("select#KindId option").Select(o => o.GetAttribute("value")).ShouldBe(["", "disability-benefit", "ehc-plan", "professional-letter"]);
        page.QuerySelector("form[enctype='multipart/form-data'] input[type=file]#Upload").ShouldNotBeNull();
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Upload_WithAPdf_IsListedAndStored()
    {
        var (browser, draft) = await DraftAsync();

        using var response = await UploadAsync(browser, draft, TestFiles.Pdf(3000), "award letter.pdf", "disability-benefit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/apply/{draft.Id}/evidence");
        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/evidence");
        var row = page.QuerySelector("table.govuk-table tbody tr").ShouldNotBeNull();
        row.TextContent.ShouldContain("award letter.pdf");
        row.TextContent.ShouldContain("A Disability Living Allowance or Personal Independence Payment award letter");
        row.TextContent.ShouldContain("2KB");
        row.QuerySelector("button")!.TextContent.ShouldContain("Remove");
        var stored = await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id));
        stored.ShouldHaveSingleItem().ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Upload_WithAPngNamedAsAPdf_IsStoredAsWhatItReallyIs()
    {
        var (browser, draft) = await DraftAsync();

        using var response = await UploadAsync(browser, draft, TestFiles.Png(), "scan.pdf", "ehc-plan", contentType: "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id));
        stored.ShouldHaveSingleItem().ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Upload_WithATextFileCalledPdf_IsRefused()
    {
        var (browser, draft) = await DraftAsync();

        using var response = await UploadAsync(browser, draft, TestFiles.Text(), "letter.pdf", "professional-letter", contentType: "application/pdf");

        var page = await PageOf(response);
        page.ShouldShowError("Upload", "The selected file must be a PDF, JPG or PNG");
        page.QuerySelector("select#KindId option[selected]")!.GetAttribute("value").ShouldBe("professional-letter");
        await ShouldHaveNoFilesAsync(draft);
    }

    [Fact]
    public async Task Upload_WithAnEmptyFile_IsRefused()
    {
        var (browser, draft) = await DraftAsync();

        using var response = await UploadAsync(browser, draft, [], "empty.pdf", "ehc-plan");

        (await PageOf(response)).ShouldShowError("Upload", "The selected file is empty");
        await ShouldHaveNoFilesAsync(draft);
    }

    [Fact]
    public async Task Upload_WithAFileOver10MB_IsRefusedWithAMessage()
    {
        var (browser, draft) = await DraftAsync();

        using var response = await UploadAsync(browser, draft, TestFiles.Pdf((int)ServiceSetup.MaxEvidenceBytes + 1), "big.pdf", "ehc-plan");

        (await PageOf(response)).ShouldShowError("Upload", "The selected file must be smaller than 10MB");
        await ShouldHaveNoFilesAsync(draft);
    }

    [Fact]
    public async Task Upload_WithNoFileOrKind_ShowsBothErrors()
    {
        var (browser, draft) = await DraftAsync();

        using var content = new MultipartFormDataContent { { new StringContent(""), "KindId" } };
        using var response = await browser.PostMultipartAsync($"/apply/{draft.Id}/evidence?handler=upload", content);

        var page = await PageOf(response);
        page.ShouldShowError("KindId", "Select what the file is");
        page.ShouldShowError("Upload", "Select a file");
    }

    [Fact]
    public async Task Upload_WithABodyOver30MB_ShowsAFriendlyMessageAndKeepsTheFilesAlreadyAdded()
    {
        var (browser, draft) = await DraftAsync();
        (await UploadAsync(browser, draft, TestFiles.Pdf(), "first.pdf", "ehc-plan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await UploadAsync(browser, draft, TestFiles.Pdf((int)ServiceSetup.MaxRequestBytes + 1024), "huge.pdf", "ehc-plan");

        var page = await PageOf(response);
        page.ShouldShowError("Upload", "The selected file must be smaller than 10MB");
        page.QuerySelector("table.govuk-table")!.TextContent.ShouldContain("first.pdf");
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (browser, draft) = await DraftAsync();

        using var content = FileContent(TestFiles.Pdf(), "a.pdf", "ehc-plan", "application/pdf");
        using var response = await browser.PostMultipartAsync($"/apply/{draft.Id}/evidence?handler=upload", content, withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldHaveNoFilesAsync(draft);
    }

    [Fact]
    public async Task Upload_WhenTenFilesAreThere_RefusesAnEleventh()
    {
        var (browser, draft) = await DraftAsync();
        for (var i = 0; i < EvidenceFiles.MaxFilesPerRequest; i++)
        {
            (await UploadAsync(browser, draft, TestFiles.Pdf(100), $"file{i}.pdf", "ehc-plan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await UploadAsync(browser, draft, TestFiles.Pdf(100), "eleventh.pdf", "ehc-plan");

        (await PageOf(response)).ShouldShowError("Upload", "You can add up to 10 files. Remove one to add another");
        (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).Count.ShouldBe(10);
    }

    [Fact]
    public async Task Remove_TakesTheFileAway()
    {
        var (browser, draft) = await DraftAsync();
        (await UploadAsync(browser, draft, TestFiles.Pdf(), "wrong one.pdf", "ehc-plan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).Single();

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/evidence?handler=remove", ("DocumentId", file.Id.ToString()));

        location.ShouldBe($"/apply/{draft.Id}/evidence");
        await ShouldHaveNoFilesAsync(draft);
    }

    [Fact]
    public async Task Download_GivesTheFileBackAsAnAttachmentWithItsStoredType()
    {
        var (browser, draft) = await DraftAsync();
        var bytes = TestFiles.Pdf(5000);
        (await UploadAsync(browser, draft, bytes, "plan.pdf", "ehc-plan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).Single();

        using var response = await browser.GetAsync($"/apply/{draft.Id}/evidence/{file.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("plan.pdf");
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue("evidence is never cached");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
    }

    [Fact]
    public async Task Download_OfAPngNamedAsAPdf_IsNamedAndTypedAsTheFileItReallyIs()
    {
        var (browser, draft) = await DraftAsync();
        var bytes = TestFiles.Png();
        (await UploadAsync(browser, draft, bytes, "scan\u202Egnp.pdf", "ehc-plan", contentType: "application/pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).Single();
        file.FileName.ShouldBe("scangnp.pdf", "the direction override is taken out of the stored name");

        using var response = await browser.GetAsync($"/apply/{draft.Id}/evidence/{file.Id}");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("scangnp.png");
    }

    [Fact]
    public async Task Continue_WithIHaveAddedMyEvidenceButNoFile_ShowsError()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/evidence", Answers.Continue(("EvidenceChoice", "added")));

        page.ShouldShowError("EvidenceChoice", "Upload a file, or select that you will send it later");
        page.IsChecked("EvidenceChoice").ShouldBeTrue();
    }

    [Fact]
    public async Task Continue_WithIWillSendItLater_MarksTheStepDoneAndGoesToConsent()
    {
        var (browser, draft) = await DraftAsync();

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/evidence", Answers.Continue(("EvidenceChoice", "later")));

        location.ShouldBe($"/apply/{draft.Id}/consent");
        (await app.FindRequestAsync(draft.Id))!.EvidenceStepDone.ShouldBe(true);
    }

    [Fact]
    public async Task Continue_FromCheckAnswers_GoesBackToCheckAnswers()
    {
        var (browser, draft) = await DraftAsync();

        var location = await browser.PostForRedirectAsync($"/apply/{draft.Id}/evidence?change=true", Answers.Continue(("EvidenceChoice", "later")));

        location.ShouldBe($"/apply/{draft.Id}/check-answers");
    }

    internal static async Task<HttpResponseMessage> UploadAsync(PageClient browser, ShortBreakRequest draft, byte[] bytes, string name, string kind, string contentType = "application/pdf")
    {
        using var content = FileContent(bytes, name, kind, contentType);
        return await browser.PostMultipartAsync($"/apply/{draft.Id}/evidence?handler=upload", content);
    }

    internal static MultipartFormDataContent FileContent(byte[] bytes, string name, string kind, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { new StringContent(kind), "KindId" }, { file, "Upload", name } };
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await PageClient.ParseAsync(response);
    }

    private async Task ShouldHaveNoFilesAsync(ShortBreakRequest draft) =>
        (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).ShouldBeEmpty();

    private async Task<(PageClient PageClient, ShortBreakRequest Draft)> DraftAsync()
    {
        var (browser, user) = await app.SignedInAsAsync();
        return (browser, await app.StartDraftAsync(user.Id));
    }
}
