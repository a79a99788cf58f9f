using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>A family sees a child's record only once an officer has linked their account, whoever sent a request.</summary>
public class FamilyLinkTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<ShortBreakRequest> SentRequestAsync(string? familyUserId, RequestChannel channel = RequestChannel.Online)
    {
        var draft = await app.StartDraftAsync(familyUserId, channel);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);
        return await app.WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(draft.Id))!;
            (await requests.SubmitAsync(request)).Succeeded.ShouldBeTrue();
            return request;
        });
    }

    private async Task LinkAsync(Guid childId, TestUser family)
    {
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        var linked = await app.WithServicesAsync(s => s.GetRequiredService<FamilyLinkService>().LinkAsync(childId,
            new FamilyLinkDetails(family.Email, "Father", "Saw his passport at the office.", "Named on the birth certificate, which I saw.")), officer.Id);
        linked.Succeeded.ShouldBeTrue(string.Join("; ", linked.Errors.Select(e => e.Message)));
    }

    private Task<Guid> LetterOfAsync(Guid requestId) =>
        app.WithServicesAsync(s => s.GetRequiredService<ShortBreaksDbContext>().Decisions.Where(d => d.RequestId == requestId).Select(d => d.LetterId!.Value).SingleAsync());

    [Fact]
    public async Task AStrangerWhoAsksAboutAnExistingChild_SeesNothingOfThatChildUntilAnOfficerLinksThem()
    {
        var parent = await app.CreateUserAsync(Roles.Family);
        var decided = await app.DecidedRequestAsync(parent.Id, DecisionOutcome.Universal);
        var childId = (await app.FindRequestAsync(decided.Id))!.ChildId!.Value;
        var letterId = await LetterOfAsync(decided.Id);
        var (browser, stranger) = await app.SignedInAsAsync();
        var theirs = await SentRequestAsync(stranger.Id);

        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        (await app.WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(theirs.Id))!;
            return await s.GetRequiredService<RequestMatching>().ConfirmChildAsync(request, childId, request.Version);
        }, officer.Id)).Succeeded.ShouldBeTrue();

        var home = await browser.GetDocumentAsync("/account");
        home.QuerySelector($"a[href='/account/letters/{letterId}']").ShouldBeNull();
        (await browser.GetAsync($"/account/letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/api/children/{childId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/api/requests/{decided.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await LinkAsync(childId, stranger);

        (await browser.GetAsync($"/account/letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync($"/api/children/{childId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetDocumentAsync("/account")).QuerySelector($"a[href='/account/letters/{letterId}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task AFamilyWhoAskedByPhoneAndLaterMakesAnAccount_SeesTheChildOnceLinked()
    {
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        var byPhone = await SentRequestAsync(null, RequestChannel.DutyPoint);
        var decided = await app.WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(byPhone.Id))!;
            (await s.GetRequiredService<RequestMatching>().ConfirmChildAsync(request, null, request.Version)).Succeeded.ShouldBeTrue();
            return await s.GetRequiredService<ThresholdDecisionService>().DecideAsync(request, DecisionOutcome.Universal, "The Local Offer has clubs for Alex.", request.Version);
        }, officer.Id);
        decided.Succeeded.ShouldBeTrue();
        var childId = (await app.FindRequestAsync(byPhone.Id))!.ChildId!.Value;
        var letterId = await LetterOfAsync(byPhone.Id);
        var (browser, family) = await app.SignedInAsAsync();
        (await browser.GetAsync($"/account/letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await LinkAsync(childId, family);

        (await browser.GetDocumentAsync("/account")).QuerySelector($"a[href='/account/letters/{letterId}']").ShouldNotBeNull();
        (await browser.GetAsync($"/account/letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var record = await browser.GetAsync($"/api/children/{childId}");
        record.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await record.Content.ReadAsStringAsync()).ShouldContain("Family account linked");
    }
}
