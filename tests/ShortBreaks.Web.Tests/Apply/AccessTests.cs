using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>Need to know: a request's pages are for the family who owns it, or the officer taking it by phone.</summary>
public class AccessTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string[] PageSlugs = [.. RequestSteps.All, "check-answers", "confirmation"];

    public static TheoryData<string> Pages => new(PageSlugs);

    public static TheoryData<string> Refused => new(Roles.Family, Roles.Provider, Roles.ReviewingOfficer, Roles.PersonalisationOfficer, Roles.FinanceOfficer);

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task EveryPage_OfAnotherFamilysDraft_IsNotFound(string role)
    {
        var draft = await OwnedDraftAsync();
        var (other, _) = await app.SignedInAsAsync(role);

        foreach (var page in PageSlugs)
        {
            using var get = await other.GetAsync($"/apply/{draft.Id}/{page}");
            get.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"GET {page} as {role}");
            using var post = await other.PostAsync($"/apply/{draft.Id}/{page}", Answers.Continue(("ChildFirstName", "Taken"), ("ChildLastName", "Over"), ("ConsentToShare", "true")));
            post.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"POST {page} as {role}");
        }

        var unchanged = (await app.FindRequestAsync(draft.Id))!;
        unchanged.ChildFirstName.ShouldBe("Alex");
        unchanged.Status.ShouldBe(RequestStatus.Draft);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Evidence_OfAnotherFamilysDraft_CannotBeUploadedRemovedOrDownloaded(string role)
    {
        var (ownerBrowser, owner) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(owner.Id);
        (await EvidenceTests.UploadAsync(ownerBrowser, draft, TestFiles.Pdf(), "private.pdf", "ehc-plan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).Single();
        var (other, _) = await app.SignedInAsAsync(role);

        using var download = await other.GetAsync($"/apply/{draft.Id}/evidence/{file.Id}");
        using var upload = await EvidenceTests.UploadAsync(other, draft, TestFiles.Pdf(), "planted.pdf", "ehc-plan");
        using var remove = await other.PostAsync($"/apply/{draft.Id}/evidence?handler=remove", ("DocumentId", file.Id.ToString()));

        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        upload.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(draft.Id))).ShouldHaveSingleItem().FileName.ShouldBe("private.pdf");
    }

    [Fact]
    public async Task EvidenceDownload_OfAnotherRequestsFile_IsNotFound()
    {
        var (browser, owner) = await app.SignedInAsAsync();
        var mine = await app.StartDraftAsync(owner.Id);
        var (strangerBrowser, stranger) = await app.SignedInAsAsync();
        var theirs = await app.StartDraftAsync(stranger.Id);
        (await EvidenceTests.UploadAsync(strangerBrowser, theirs, TestFiles.Pdf(), "theirs.pdf", "ehc-plan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = (await app.WithServicesAsync(s => s.GetRequiredService<RequestService>().EvidenceAsync(theirs.Id))).Single();

        using var response = await browser.GetAsync($"/apply/{mine.Id}/evidence/{file.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_WhenAnonymous_RedirectsToSignIn(string page)
    {
        var draft = await OwnedDraftAsync();
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync($"/apply/{draft.Id}/{page}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task Page_OfARequestThatDoesNotExist_IsNotFound()
    {
        var (browser, _) = await app.SignedInAsAsync();

        using var response = await browser.GetAsync($"/apply/{Guid.NewGuid()}/child-name");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Account_WhenAnonymous_RedirectsToSignIn()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync("/account");

        response.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
    }

    private async Task<ShortBreakRequest> OwnedDraftAsync()
    {
        var owner = await app.CreateUserAsync(Roles.Family);
        var draft = await app.StartDraftAsync(owner.Id);
        return await app.UpdateDraftAsync(draft.Id, Answers.Complete);
    }
}
