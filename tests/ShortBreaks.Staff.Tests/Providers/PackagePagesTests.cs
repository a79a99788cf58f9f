using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Providers;

/// <summary>Brokering on the pages: the officer builds, the provider answers, the officer changes or ends; who may see what.</summary>
public class PackagePagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    /// <summary>An approved organisation with one hourly service and a provider user acting for it, signed in.</summary>
    private async Task<(PageClient Browser, TestUser User, Organisation Organisation, Service Service)> ProviderAsync(decimal hourly = 16m)
    {
        var (browser, user) = await factory.SignedInAsAsync(Roles.Provider);
        var (organisation, service) = await factory.Data.WithDbAsync(async db =>
        {
            var made = TestData.AddApprovedOrganisation(db, "Care " + Guid.NewGuid().ToString("N")[..8], Today, hourly);
            db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = made.Organisation.Id, UserId = user.Id, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return made;
        });
        return (browser, user, organisation, service);
    }

    // Hours that fit the 80-hour allowance (or, for the refusal, do not) on any day of the allowance year: a
    // package runs to the year's end, so 2 hours a week is 104 hours on 1 April and 10 hours a week fits in March.
    private static Dictionary<string, string?> Hours(Service service, string quantity, string frequency = "Weekly") => new()
    {
        ["Route"] = "Provider", ["ServiceId"] = service.Id.ToString(), ["Quantity"] = quantity, ["Frequency"] = frequency,
    };

    [Fact]
    public async Task TheOfficerBuildsAPackage_TheProviderAccepts_AndEveryMoveIsOnTheTimeline()
    {
        var (provider, providerUser, organisation, service) = await ProviderAsync();
        var (officer, officerUser) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officerUser.Id);

        var record = await officer.GetPageAsync($"/staff/children/{child.Id}");
        record.Get("#packages-link").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/packages");
        var packages = await officer.GetPageAsync($"/staff/children/{child.Id}/packages");
        packages.Status.ShouldBe(HttpStatusCode.OK);
        Page.Normalise(packages.Get("#hours-left").TextContent).ShouldEndWith("hours");
        var built = await officer.FollowAsync(await officer.SubmitAsync(packages, "#build-form", Hours(service, "1")));

        built.Get("#done").TextContent.ShouldBe("The package is sent to the provider as a service agreement.");
        Page.Normalise(built.Get("#package-state").TextContent).ShouldBe("Sent to the provider");
        factory.Emails().ShouldContain(m => m.Contains(providerUser.Email) && m.Contains(child.FirstName) && m.Contains("/provider/agreements/"));
        var packageId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());

        var list = await provider.GetPageAsync("/provider/agreements");
        Page.Normalise(list.Get($"#agreement-{packageId}").TextContent).ShouldContain(child.FullName);
        var agreement = await provider.GetPageAsync($"/provider/agreements/{packageId}");
        Page.Normalise(agreement.Get("#agreement").TextContent).ShouldContain($"{child.FullName}, born");
        Page.Normalise(agreement.Get("#agreement").TextContent).ShouldContain($"{service.Name}: 1 hour a week");
        var accepted = await provider.FollowAsync(await provider.SubmitAsync(agreement, "#accept-form", []));
        accepted.Get("#done").TextContent.ShouldBe("You have accepted the service agreement.");
        var pdf = await provider.GetAsync($"/provider/agreements/{packageId}?handler=pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());

        var again = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{packageId}");
        Page.Normalise(again.Get("#package-state").TextContent).ShouldBe("Agreed");
        Page.Normalise(again.Get("#moves").TextContent).ShouldContain($"Agreed by {providerUser.Name} (provider)");
        var timeline = Page.Normalise((await officer.GetPageAsync($"/staff/children/{child.Id}")).Get("#timeline").TextContent);
        timeline.ShouldContain($"Package with {organisation.Name} ({service.Name}) sent to the provider as a service agreement");
        timeline.ShouldContain($"Package with {organisation.Name} ({service.Name}) accepted by the provider");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ChildId == child.Id && a.Action == "view" && a.UserId == providerUser.Id))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task OverTheAllowance_IsRefusedWithAGovukError_AndWhatWasTypedIsKept()
    {
        var (_, _, _, service) = await ProviderAsync(hourly: 60m);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var packages = await officer.GetPageAsync($"/staff/children/{child.Id}/packages");

        var refused = await officer.SubmitAsync(packages, "#build-form", Hours(service, "100", "Total"));

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
        refused.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("This package uses");
        refused.Get("#Quantity").GetAttribute("value").ShouldBe("100");
        var missing = await officer.SubmitAsync(packages, "#build-form", new() { ["Route"] = "Provider", ["ServiceId"] = "", ["StartsOn-day"] = "31", ["StartsOn-month"] = "2", ["StartsOn-year"] = "" });
        missing.ErrorSummary().ShouldBe(["The start date must include a year"]);
        missing.Get("#StartsOn-day").GetAttribute("value").ShouldBe("31");
        var noService = await officer.SubmitAsync(packages, "#build-form", new() { ["Route"] = "Provider", ["ServiceId"] = "" });
        noService.ErrorSummary().ShouldBe(["Choose a service from the menu"]);
        (await factory.Data.WithDbAsync(db => db.Packages.CountAsync(p => p.ChildId == child.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task TheProviderDeclines_TheKeyWorkerIsTold_AndBrokersAgain()
    {
        var (provider, _, organisation, service) = await ProviderAsync();
        var (_, _, _, other) = await ProviderAsync();
        var (officer, officerUser) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officerUser.Id);
        await officer.FollowAsync(await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/packages"), "#build-form", Hours(service, "1")));
        var packageId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());

        var agreement = await provider.GetPageAsync($"/provider/agreements/{packageId}");
        (await provider.SubmitAsync(agreement, "#decline-form", new() { ["Reason"] = "" })).ErrorSummary().ShouldBe(["Enter why you are declining the package"]);
        var afterDecline = await provider.FollowAsync(await provider.SubmitAsync(agreement, "#decline-form", new() { ["Reason"] = "No carers free on Saturdays" }));
        afterDecline.Get("#done").TextContent.ShouldBe("You have declined the service agreement. The child's officer has been told.");
        afterDecline.Find($"a[href='/provider/agreements/{packageId}']").ShouldBeNull("a declined agreement is no longer the provider's to see");
        (await provider.GetPageAsync($"/provider/agreements/{packageId}")).Status.ShouldBe(HttpStatusCode.NotFound);

        factory.Emails().ShouldContain(m => m.Contains(officerUser.Email) && m.Contains("No carers free on Saturdays") && m.Contains($"{organisation.Name} declined"));
        var record = await officer.GetPageAsync($"/staff/children/{child.Id}");
        record.Get("#packages-declined").ShouldNotBeNull();
        var packages = await officer.GetPageAsync($"/staff/children/{child.Id}/packages");
        Page.Normalise(packages.Get($"#declined-{packageId}").TextContent).ShouldContain("No carers free on Saturdays");
        var declined = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{packageId}");
        var brokered = await officer.FollowAsync(await officer.SubmitAsync(declined, "#broker-form", Hours(other, "1")));
        brokered.Get("#done").TextContent.ShouldBe("The package is sent to the provider as a service agreement.");
        (await officer.GetPageAsync($"/staff/children/{child.Id}")).Find("#packages-declined").ShouldBeNull();
    }

    [Fact]
    public async Task AnotherProvider_GetsNotFound_ForAnAgreementThatIsNotItsOwn_AndForGuessedIds()
    {
        var (_, _, _, service) = await ProviderAsync();
        var (stranger, _, _, _) = await ProviderAsync();
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var packageId = await factory.WithServicesAsync(async s =>
        {
            var (made, result) = await s.GetRequiredService<PackageService>().BuildAsync(child.Id, new PackageRequest
            {
                Route = PackageRoute.Provider, StartsOn = Today, Lines = [new PackageLineRequest(service.Id, 1, LineFrequency.Weekly)],
            }, PackageActor.Officer);
            result.Errors.ShouldBeEmpty();
            return made!.Id;
        });

        (await stranger.GetAsync($"/provider/agreements/{packageId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/provider/agreements/{packageId}?handler=pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/provider/agreements/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await stranger.GetPageAsync("/provider/agreements");
        list.Find($"#agreement-{packageId}").ShouldBeNull();
        list.Text.ShouldNotContain(child.LastName);
        var home = await stranger.GetPageAsync("/provider");
        var forced = await stranger.PostRawAsync(home, $"/provider/agreements/{packageId}?handler=Accept", new() { ["SeenVersion"] = "1" });
        forced.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.Packages.SingleAsync(p => p.Id == packageId))).State.ShouldBe(PackageState.Sent);
        (await stranger.GetAsync($"/staff/children/{child.Id}/packages")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TwoAnswersFromOneForm_TheSecondIsTold_AndNothingIsLost()
    {
        var (provider, _, _, service) = await ProviderAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        await officer.FollowAsync(await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/packages"), "#build-form", Hours(service, "1")));
        var packageId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());
        var first = await provider.GetPageAsync($"/provider/agreements/{packageId}");
        var second = await provider.GetPageAsync($"/provider/agreements/{packageId}");

        await provider.FollowAsync(await provider.SubmitAsync(first, "#accept-form", []));
        var late = await provider.SubmitAsync(second, "#decline-form", new() { ["Reason"] = "Too far away" });

        late.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this package");
        Page.Normalise(late.Get("#typed-reason").TextContent).ShouldContain("Too far away");
        (await factory.Data.WithDbAsync(db => db.Packages.SingleAsync(p => p.Id == packageId))).State.ShouldBe(PackageState.Accepted);
    }

    [Fact]
    public async Task TheOfficerChangesAndEndsAnAgreedPackage_WithTheSchemesNotice()
    {
        var (provider, _, _, service) = await ProviderAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        await officer.FollowAsync(await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/packages"), "#build-form", Hours(service, "40", "Total")));
        var packageId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());
        await provider.FollowAsync(await provider.SubmitAsync(await provider.GetPageAsync($"/provider/agreements/{packageId}"), "#accept-form", []));

        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{packageId}");
        page.Find("#end-direct-payment").ShouldBeNull("a package from a provider has no direct payment to end");
        page.Find("#change-direct-payment").ShouldBeNull();
        var changed = await officer.FollowAsync(await officer.SubmitAsync(page, "#change-form", new() { ["Quantity"] = "20", ["Reason"] = "Fewer hours in term time" }));
        changed.Get("#done").TextContent.ShouldBe("The package is changed: this new package replaces it.");
        var replacementUrl = changed.Url;
        var old = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{packageId}");
        Page.Normalise(old.Get("#package-state").TextContent).ShouldBe("Replaced");
        old.Find("#change-form").ShouldBeNull();

        var replacementId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id && p.Id != packageId).Select(p => p.Id).SingleAsync());
        await provider.FollowAsync(await provider.SubmitAsync(await provider.GetPageAsync($"/provider/agreements/{replacementId}"), "#accept-form", []));
        var agreed = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{replacementId}");
        var tooSoon = Today.AddDays(3);
        var early = await officer.SubmitAsync(agreed, "#end-form", new()
        {
            ["LastDay-day"] = tooSoon.Day.ToString(), ["LastDay-month"] = tooSoon.Month.ToString(), ["LastDay-year"] = tooSoon.Year.ToString(), ["EndReason"] = "Moving away",
        });
        early.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("The last day must be on or after");
        early.Get("#EndReason").TextContent.ShouldBe("Moving away");
        var lastDay = Today.AddDays(28);
        var ended = await officer.SubmitAsync(agreed, "#end-form", new()
        {
            ["LastDay-day"] = lastDay.Day.ToString(), ["LastDay-month"] = lastDay.Month.ToString(), ["LastDay-year"] = lastDay.Year.ToString(), ["EndReason"] = "Moving away",
        });
        if (ended.Status == HttpStatusCode.OK)
        {
            // Past the year's end the package ends anyway: the page says so rather than ending it.
            ended.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("The package ends on");
            return;
        }

        Page.Normalise((await officer.FollowAsync(ended)).Get("#package-state").TextContent).ShouldBe("Ended");
        replacementUrl.ShouldContain(replacementId.ToString());
    }

    [Fact]
    public async Task APackageTakenAsADirectPayment_TellsTheOfficerWhatEndingOrChangingItDoesToTheDirectPayment()
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        await officer.FollowAsync(await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/packages"), "#build-form",
            new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "10" }));
        var packageId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());

        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{packageId}");
        Page.Normalise(page.Get("#end-direct-payment").TextContent).ShouldBe(
            "Its direct payment pays for no day after the last day: the payments still to come are worked out again to that day, and one-off sums due after it are cancelled.");
        Page.Normalise(page.Get("#change-direct-payment").TextContent).ShouldStartWith("Its direct payment pays up to the day before the new package starts.");
    }

    [Fact]
    public async Task JunkInEveryFieldOfEveryForm_GetsGovukErrorsOrNotFound_NeverA500()
    {
        var (provider, _, _, service) = await ProviderAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var built = await officer.FollowAsync(await officer.SubmitAsync(await officer.GetPageAsync($"/staff/children/{child.Id}/packages"), "#build-form", Hours(service, "1")));
        var packageId = await factory.Data.WithDbAsync(db => db.Packages.Where(p => p.ChildId == child.Id).Select(p => p.Id).SingleAsync());
        string[] junk = ["abc", "\u0000\u0001", "-1", "99999999999999999999999999", "<script>alert(1)</script>", "１２", new string('9', 5000), "NaN", "💥", "Provider,DirectPayment", "Weekly2"];
        string[] names = ["Route", "ServiceId", "Quantity", "Frequency", "DirectPaymentHours", "StartsOn-day", "StartsOn-month", "StartsOn-year", "EndsOn-day", "EndsOn-month", "EndsOn-year", "Reason", "EndReason", "LastDay-day", "LastDay-month", "LastDay-year", "SeenVersion"];
        var agreement = await provider.GetPageAsync($"/provider/agreements/{packageId}");

        foreach (var value in junk)
        {
            var fields = names.ToDictionary(n => n, _ => value);
            foreach (var url in new[] { $"/staff/children/{child.Id}/packages", $"/staff/children/{child.Id}/packages/{packageId}?handler=Change", $"/staff/children/{child.Id}/packages/{packageId}?handler=End", $"/staff/children/{child.Id}/packages/{packageId}?handler=Broker" })
            {
                var answer = await officer.PostRawAsync(built, url, fields);
                answer.Status.ShouldBe(HttpStatusCode.OK, $"{url} with '{value[..Math.Min(20, value.Length)]}'");
                answer.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ", customMessage: url);
            }

            foreach (var handler in new[] { "Accept", "Decline", "End" })
            {
                var answer = await provider.PostRawAsync(agreement, $"/provider/agreements/{packageId}?handler={handler}", fields);
                answer.Status.ShouldBe(HttpStatusCode.OK, $"{handler} with '{value[..Math.Min(20, value.Length)]}'");
                answer.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ", customMessage: handler);
            }
        }

        (await officer.GetAsync($"/staff/children/{child.Id}/packages/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.Packages.CountAsync(p => p.ChildId == child.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task AReviewingOfficer_SeesPackagesButCannotBroker()
    {
        var (_, _, _, service) = await ProviderAsync();
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);

        var page = await reviewer.GetPageAsync($"/staff/children/{child.Id}/packages");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("#build-form").ShouldBeNull();
        var forced = await reviewer.PostRawAsync(await reviewer.GetPageAsync("/staff"), $"/staff/children/{child.Id}/packages",
            new() { ["Route"] = "Provider", ["ServiceId"] = service.Id.ToString(), ["Quantity"] = "1", ["Frequency"] = "Weekly" });
        forced.Status.ShouldBe(HttpStatusCode.Redirect);
        forced.RedirectPath.ShouldNotBeNull().ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.Packages.CountAsync(p => p.ChildId == child.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task APlansPackageToBroker_IsSentToTheOrganisationChosen_WithoutADirectPaymentChoice()
    {
        var (provider, _, organisation, service) = await ProviderAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync(tier: Tier.TargetedShortBreaks);
        var draftId = await factory.Data.WithDbAsync(async db =>
        {
            var yearStart = AllowanceYears.StartOf(Today, Core.Schemes.ProviderSettings.Defaults);
            var draft = new Package
            {
                ChildId = child.Id, Route = PackageRoute.Provider, Tier = Tier.TargetedShortBreaks, YearStart = yearStart,
                StartsOn = Today, EndsOn = AllowanceYears.EndOf(yearStart), State = PackageState.Draft, SchemeVersion = TestData.SchemeVersion, CreatedAt = DateTime.UtcNow, CreatedByName = "Plan approval",
            };
            db.Packages.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        var packages = await officer.GetPageAsync($"/staff/children/{child.Id}/packages");
        packages.Get("#not-fsb").ShouldNotBeNull();
        packages.Find("#build-form").ShouldBeNull();
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/packages/{draftId}");
        page.Get("h1").TextContent.ShouldBe("Package to broker");
        page.Find("#Route-DirectPayment").ShouldBeNull();
        var sent = await officer.FollowAsync(await officer.SubmitAsync(page, "#broker-form", new() { ["ServiceId"] = service.Id.ToString(), ["Quantity"] = "3" }));

        Page.Normalise(sent.Get("#package-state").TextContent).ShouldBe("Sent to the provider");
        (await provider.GetPageAsync("/provider/agreements")).Find($"#agreement-{draftId}").ShouldNotBeNull();
        var forcedDirect = await officer.PostRawAsync(sent, $"/staff/children/{child.Id}/packages/{draftId}?handler=Broker", new() { ["Route"] = "DirectPayment", ["DirectPaymentHours"] = "5", ["SeenVersion"] = "99" });
        forcedDirect.ErrorSummary().ShouldNotBeEmpty();
        (await factory.Data.WithDbAsync(db => db.Packages.SingleAsync(p => p.Id == draftId))).OrganisationId.ShouldBe(organisation.Id);
    }
}
