using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class RequestPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task RequestPage_ShowsEverythingTheFamilySaid()
    {
        var family = await factory.CreateUserAsync(Roles.Family, "Pat Parent");
        var request = await factory.Data.SubmittedRequestAsync(r =>
        {
            r.FamilyUserId = family.Id;
            r.ChildDateOfBirth = new DateOnly(2016, 3, 3);
            r.NeedIds = "night-care,carer-strain";
            r.DisabilityCodes = "AUT,CON";
            r.PreferredContact = ContactMethod.Phone;
        });
        var (browser, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        var page = await browser.RequestPageAsync(request.Id);

        page.Status.ShouldBe(HttpStatusCode.OK);
        var text = Page.Normalise(page.Text);
        text.ShouldContain($"Request {request.Reference}");
        text.ShouldContain(request.ChildName);
        text.ShouldContain("3 March 2016");
        text.ShouldContain("12 Example Street Flat 2 Demoton " + request.Postcode);
        text.ShouldContain("Yes: Demoton Primary School");
        text.ShouldContain($"Yes, next review {request.EhcPlanReviewDate:d MMMM yyyy}");
        text.ShouldContain("Needs care or supervision during the night");
        text.ShouldContain("The family needs a break from caring to keep going (does not count towards the threshold)");
        text.ShouldContain("AUT: Autism or Asperger syndrome");
        text.ShouldContain("CON: Consciousness");
        text.ShouldContain("She needs help with everything and wakes three times a night.");
        text.ShouldContain("We have not had a break for a year.");
        text.ShouldContain(request.ContactName!);
        text.ShouldContain("Mother");
        text.ShouldContain(request.ContactEmail!);
        text.ShouldContain("07700 900982");
        page.Get("#answers-contact").TextContent.ShouldContain("Telephone");
        text.ShouldContain("Two older brothers, aged 12 and 14.");
        text.ShouldContain("A Disability Living Allowance or Personal Independence Payment award letter");
        page.Get("#consent").TextContent.ShouldStartWith("Yes, on ");
        page.Get("#channel").TextContent.ShouldContain("Sent online from the account of Pat Parent");
        page.Get("#status").TextContent.ShouldContain("Awaiting decision");
        page.Get("#waiting").TextContent.ShouldContain("Waited 0 of 10 working days");
        page.Get("#evidence a").GetAttribute("href").ShouldStartWith($"/staff/requests/{request.Id}/evidence/");
    }

    [Fact]
    public async Task APhoneRequest_SaysWhoTookIt()
    {
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer, "Dana Duty");
        var request = await factory.Data.SubmittedRequestAsync(r => { r.Channel = RequestChannel.DutyPoint; r.CreatedByUserId = officer.Id; });
        var browser = await factory.SignInAsync(officer);

        var page = await browser.RequestPageAsync(request.Id);

        page.Get("#channel").TextContent.ShouldBe("Phone. Taken by phone by Dana Duty");
    }

    [Fact]
    public async Task ViewingARequest_IsAudited()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        await browser.RequestPageAsync(request.Id);

        var views = await factory.Data.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "view" && a.EntityType == "ShortBreakRequest" && a.EntityId == request.Id.ToString()).ToListAsync());
        views.Count.ShouldBe(1);
        views[0].UserId.ShouldBe(user.Id);
    }

    [Fact]
    public async Task Evidence_DownloadsAsAnAttachmentAndIsAudited()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, user) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.RequestPageAsync(request.Id);
        var link = page.Get("#evidence a").GetAttribute("href")!;

        var response = await browser.GetAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("disability-benefit.pdf", "the name the builder gave the disability benefit letter");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("%PDF-1.4");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "view" && a.EntityType == "EvidenceDocument" && a.UserId == user.Id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("invoice\u202Egnp.exe", "%PDF-1.4 synthetic", "application/pdf", "invoicegnp.pdf")]
    [InlineData("\u2066photo\u2069\u200F.pdf", "\u0089PNG\r\n\u001A\n....", "image/png", "photo.png")]
    [InlineData("notes\u0085\u0007.docx", "Plain words from the family.", "text/plain", "notes.txt")]
    [InlineData("page.html", "<html><script>alert(1)</script>\u0000", "application/octet-stream", "page.bin")]
    public async Task Evidence_DownloadsUnderItsNameWithoutControlOrDirectionCharacters_WithTheExtensionOfItsRealType(
        string storedName, string content, string contentType, string downloadName)
    {
        var request = await factory.Data.SubmittedRequestAsync(withEvidence: false);
        var docId = await factory.Data.WithDbAsync(async db =>
        {
            var document = new EvidenceDocument
            {
                RequestId = request.Id,
                KindId = "disability-benefit",
                FileName = storedName,
                ContentType = "text/html",
                Content = System.Text.Encoding.Latin1.GetBytes(content),
                SizeBytes = content.Length,
                UploadedAt = DateTime.UtcNow,
                UploadedByUserId = "family",
            };
            db.EvidenceDocuments.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var response = await browser.GetAsync($"/staff/requests/{request.Id}/evidence/{docId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(downloadName);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task EvidenceOfAnotherRequest_IsNotFound()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var other = await factory.Data.SubmittedRequestAsync();
        var docId = await factory.Data.WithDbAsync(db => db.EvidenceDocuments.Where(d => d.RequestId == other.Id).Select(d => d.Id).FirstAsync());
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var response = await browser.GetAsync($"/staff/requests/{request.Id}/evidence/{docId}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnknownRequest_IsNotFound()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var response = await browser.GetAsync($"/staff/requests/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Eligibility_ShowsEachCriterionWithTheSchemeVersion()
    {
        var request = await factory.Data.SubmittedRequestAsync(r => { r.HasEhcPlan = false; r.NeedIds = "carer-strain"; }, withEvidence: false);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.RequestPageAsync(request.Id);

        page.Get("#eligibility-scheme").TextContent.ShouldBe(TestData.SchemeVersion);
        var rows = page.Html.QuerySelectorAll("#criteria .govuk-summary-list__row").Select(r => Page.Normalise(r.TextContent)).ToList();
        rows.ShouldContain(r => r.StartsWith("Aged 5 to 17 Met"));
        rows.ShouldContain(r => r.StartsWith("At least one need that meets the threshold Not met None of the needs given meets the threshold."));
        rows.ShouldContain(r => r.StartsWith("Evidence of the child's disability Not met No accepted evidence is with the request."));
    }

    [Fact]
    public async Task AnEhcPlanWithoutACopy_IsShownAsCheckNeeded()
    {
        var request = await factory.Data.SubmittedRequestAsync(withEvidence: false);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await browser.RequestPageAsync(request.Id);

        page.Html.QuerySelectorAll("#criteria .govuk-summary-list__row").Select(r => Page.Normalise(r.TextContent))
            .ShouldContain(r => r.StartsWith("Evidence of the child's disability Check needed"));
    }

    [Fact]
    public async Task ConfirmingANewChild_MakesARecordLinksTheFamilyAndStartsTheTimeline()
    {
        var family = await factory.CreateUserAsync(Roles.Family);
        var request = await factory.Data.SubmittedRequestAsync(r => r.FamilyUserId = family.Id);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.RequestPageAsync(request.Id);

        var result = await browser.SubmitAsync(page, StaffSteps.ConfirmChildForm, new() { ["ChildId"] = "new" });
        var after = await browser.FollowAsync(result);

        after.Get(".govuk-notification-banner--success").TextContent.ShouldContain("Request matched to the child's record");
        var saved = await factory.Data.WithDbAsync(db => db.Requests.Include(r => r.Child).ThenInclude(c => c!.FamilyMembers).SingleAsync(r => r.Id == request.Id));
        saved.ChildConfirmed.ShouldBeTrue();
        var child = saved.Child!;
        child.FullName.ShouldBe(request.ChildName);
        child.Postcode.ShouldBe(request.Postcode);
        child.DisabilityCodes.ShouldBe("COMM,AUT");
        child.FamilyMembers.Select(m => m.UserId).ShouldBe([family.Id]);
        var kinds = await factory.Data.WithDbAsync(db => db.TimelineEvents.Where(e => e.ChildId == child.Id).Select(e => e.Kind).ToListAsync());
        kinds.ShouldBe([TimelineKinds.RecordCreated, TimelineKinds.RequestSubmitted, TimelineKinds.RequestMatched], ignoreOrder: true);
        after.Get("#child-link").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}");
        after.Find(StaffSteps.ConfirmChildForm).ShouldBeNull();
    }

    [Fact]
    public async Task ChoosingAPossibleMatch_SaysWhichChildTheRequestIsAboutWithoutLinkingTheAccountOrChangingTheRecord()
    {
        var family = await factory.CreateUserAsync(Roles.Family);
        var request = await factory.Data.SubmittedRequestAsync(r => r.FamilyUserId = family.Id);
        var known = await factory.Data.ChildAsync(c =>
        {
            c.FirstName = request.ChildFirstName!;
            c.LastName = request.ChildLastName!;
            c.DateOfBirth = request.ChildDateOfBirth!.Value;
            c.Tier = Tier.Universal;
            c.School = "Record Academy";
            c.NeedsInFamilyWords = "As the record had it.";
        });
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var page = await browser.RequestPageAsync(request.Id);

        var option = Page.Normalise(page.Get($"{StaffSteps.ConfirmChildForm} input[value='{known.Id}']").ParentElement!.TextContent);
        option.ShouldContain(known.Reference);
        option.ShouldContain(known.Postcode);
        option.ShouldContain("Universal services");
        option.ShouldContain(known.DateOfBirth.ToString("d MMMM yyyy"));
        var result = await browser.SubmitAsync(page, StaffSteps.ConfirmChildForm, new() { ["ChildId"] = known.Id.ToString() });

        result.Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.Data.WithDbAsync(db => db.Requests.SingleAsync(r => r.Id == request.Id));
        saved.ChildId.ShouldBe(known.Id);
        saved.ChildConfirmed.ShouldBeTrue();
        var timeline = await factory.Data.WithDbAsync(db => db.TimelineEvents.Where(e => e.ChildId == known.Id).Select(e => e.Summary).ToListAsync());
        timeline.ShouldContain("Request matched to this record");
        (await factory.Data.WithDbAsync(db => db.Children.CountAsync(c => c.NameKey == known.NameKey))).ShouldBe(1);

        // The requester is not given the record, and the record keeps what it said.
        (await factory.Data.WithDbAsync(db => db.ChildFamilyMembers.CountAsync(m => m.ChildId == known.Id))).ShouldBe(0);
        var record = await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == known.Id));
        record.AddressLine1.ShouldBe(known.AddressLine1);
        record.Postcode.ShouldBe(known.Postcode);
        record.School.ShouldBe("Record Academy");
        record.NeedsInFamilyWords.ShouldBe("As the record had it.");
        record.DisabilityCodes.ShouldBe(known.DisabilityCodes);
        record.Version.ShouldBe(known.Version);

        var after = await browser.FollowAsync(result);
        after.Get("#requester-not-linked").TextContent.ShouldContain("cannot see the record, plan or letters");
        after.Get("#link-family").GetAttribute("href").ShouldBe($"/staff/children/{known.Id}/family/link?requestId={request.Id}");
        after.Get("#update-record").GetAttribute("href").ShouldBe($"/staff/requests/{request.Id}/record");
    }

    [Fact]
    public async Task ConfirmingWithoutChoosing_ShowsAnError()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.RequestPageAsync(request.Id);

        var result = await browser.SubmitAsync(page, StaffSteps.ConfirmChildForm, new() { ["ChildId"] = null });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Html.Title!.ShouldStartWith("Error: ");
        result.ErrorSummary().ShouldBe(["Select the child's record this request is for, or that this is a new child"]);
        result.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#ChildId");
        result.Find("#ChildId").ShouldNotBeNull();
        (await factory.Data.WithDbAsync(db => db.Requests.SingleAsync(r => r.Id == request.Id))).ChildConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task AReviewingOfficer_SeesTheRequestReadOnlyAndCannotMatchIt()
    {
        var request = await factory.Data.SubmittedRequestAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var officerPage = await officer.RequestPageAsync(request.Id);
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        var page = await reviewer.RequestPageAsync(request.Id);
        var posted = await reviewer.PostRawAsync(page, $"/staff/requests/{request.Id}?handler=ConfirmChild",
            new() { ["ChildId"] = "new", ["Version"] = officerPage.Get($"{StaffSteps.ConfirmChildForm} input[name=Version]").GetAttribute("value")! });

        page.Find(StaffSteps.ConfirmChildForm).ShouldBeNull();
        page.Find(StaffSteps.DecideForm).ShouldBeNull();
        page.Get("#read-only").TextContent.ShouldContain("No decision has been made yet");
        posted.Status.ShouldBe(HttpStatusCode.Redirect);
        posted.RedirectPath!.ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.Requests.SingleAsync(r => r.Id == request.Id))).ChildConfirmed.ShouldBeFalse();
    }
}
