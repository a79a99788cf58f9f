using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>Every question refuses a bad answer the GOV.UK way and keeps what was typed.</summary>
public class QuestionPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    /// <summary>For a radio or checkbox, what was "typed" is its being ticked.</summary>
    private const string Checked = "(checked)";

    public static TheoryData<string, (string, string)[], string, string, string?, string?> BadAnswers => new()
    {
        { RequestSteps.ChildName, [("ChildFirstName", ""), ("ChildLastName", "Sm1th")], "ChildFirstName", "Enter the child's first name", "ChildLastName", "Sm1th" },
        { RequestSteps.DateOfBirth, [("ChildDateOfBirth-day", "12"), ("ChildDateOfBirth-month", ""), ("ChildDateOfBirth-year", "2015")], "ChildDateOfBirth-month", "Date of birth must include a month", "ChildDateOfBirth-year", "2015" },
        { RequestSteps.DateOfBirth, [("ChildDateOfBirth-day", "99"), ("ChildDateOfBirth-month", "3"), ("ChildDateOfBirth-year", "2015")], "ChildDateOfBirth-day", "Date of birth must be a real date", "ChildDateOfBirth-day", "99" },
        { RequestSteps.DateOfBirth, [("ChildDateOfBirth-day", "30"), ("ChildDateOfBirth-month", "2"), ("ChildDateOfBirth-year", "2016")], "ChildDateOfBirth-day", "Date of birth must be a real date", "ChildDateOfBirth-month", "2" },
        { RequestSteps.DateOfBirth, [("ChildDateOfBirth-day", "1"), ("ChildDateOfBirth-month", "1"), ("ChildDateOfBirth-year", "3000")], "ChildDateOfBirth-day", "The child's date of birth must be in the past", "ChildDateOfBirth-year", "3000" },
        { RequestSteps.Address, [("AddressLine1", "1 Test Street"), ("Town", "Demotown"), ("Postcode", "NOT A POSTCODE")], "Postcode", "Enter a full UK postcode, like DC1 2AB", "Postcode", "NOT A POSTCODE" },
        { RequestSteps.School, [("AttendsSchool", "true"), ("School", "  ")], "School", "Enter the name of the school or college", "AttendsSchool", Checked },
        { RequestSteps.EhcPlan, [("HasEhcPlan", "true"), ("EhcPlanReviewDate-day", "1"), ("EhcPlanReviewDate-month", "13"), ("EhcPlanReviewDate-year", "2027")], "EhcPlanReviewDate-month", "Review date must be a real date", "EhcPlanReviewDate-month", "13" },
        { RequestSteps.Needs, [("NeedIds", "extra-care"), ("NeedIds", "none")], "NeedIds", "Select the needs that apply, or select 'None of these'", "NeedIds", Checked },
        { RequestSteps.Disability, [], "DisabilityCodes", "Select what the child's disability affects", null, null },
        { RequestSteps.Disability, [("DisabilityCodes", "MOB"), ("DisabilityCodes", "XYZ")], "DisabilityCodes", "Select from the list", "DisabilityCodes", Checked },
        { RequestSteps.OwnWords, [("NeedsInOwnWords", new string('a', 3001))], "NeedsInOwnWords", "Your description must be 3000 characters or fewer", "NeedsInOwnWords", new string('a', 3001) },
        { RequestSteps.Contact, [("ContactName", "Sam Testington"), ("ContactRelationship", "Mother"), ("ContactEmail", "not-an-email"), ("PreferredContact", "Email")], "ContactEmail", "Enter an email address in the correct format, like name@example.com", "ContactEmail", "not-an-email" },
        { RequestSteps.Siblings, [("SiblingCount", "abc"), ("SiblingDetails", "Twin sister")], "SiblingCount", "Brothers and sisters must be a number, like 2", "SiblingCount", "abc" },
        { RequestSteps.Evidence, [], "EvidenceChoice", "Select if you have added your evidence or will send it later", null, null },
        { RequestSteps.Evidence, [("EvidenceChoice", "added")], "EvidenceChoice", "Upload a file, or select that you will send it later", "EvidenceChoice", Checked },
        { RequestSteps.Consent, [], "ConsentToShare", "Confirm that you agree to us sharing information to decide on the request", null, null },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Post_WithBadAnswer_ShowsGovukErrorAndKeepsWhatWasTyped(string step, (string, string)[] fields, string errorField, string message, string? keptField, string? keptValue)
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/{step}", Answers.Continue(fields));

        page.ShouldShowError(errorField, message);
        if (keptValue == Checked) page.IsChecked(keptField!).ShouldBeTrue($"{keptField} is no longer ticked");
        else if (keptField is not null) page.ValueOf(keptField).ShouldBe(keptValue);
        page.QuerySelector("a.govuk-back-link").ShouldNotBeNull();
        page.QuerySelector("button[value=continue]")!.TextContent.ShouldBe("Save and continue");
        page.QuerySelector("button[value=later]")!.TextContent.ShouldBe("Save and come back later");
    }

    [Fact]
    public async Task Post_WithMissingDateOfBirth_ShowsError()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/date-of-birth", Answers.Continue());

        page.ShouldShowError("ChildDateOfBirth-day", "Enter the child's date of birth");
    }

    [Fact]
    public async Task Post_WithMissingMonth_HighlightsOnlyTheMonth()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/date-of-birth",
            Answers.Continue(("ChildDateOfBirth-day", "12"), ("ChildDateOfBirth-year", "2015")));

        page.GetElementById("ChildDateOfBirth-month")!.ClassList.ShouldContain("govuk-input--error");
        page.GetElementById("ChildDateOfBirth-day")!.ClassList.ShouldNotContain("govuk-input--error");
        page.ValueOf("ChildDateOfBirth-day").ShouldBe("12");
    }

    [Fact]
    public async Task Post_WithChildAged18_SaysToContactAdultSocialCare()
    {
        var (browser, draft) = await DraftAsync();
        var dob = Answers.Today.AddYears(-18);

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/date-of-birth", Answers.Continue(
            ("ChildDateOfBirth-day", dob.Day.ToString()), ("ChildDateOfBirth-month", dob.Month.ToString()), ("ChildDateOfBirth-year", dob.Year.ToString())));

        page.ShouldShowError("ChildDateOfBirth-day", "Short breaks are for children under 18: for a young person aged 18 or over, contact adult social care");
    }

    [Fact]
    public async Task Post_WithNeedsUnanswered_ShowsError()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/needs", Answers.Continue());

        page.ShouldShowError("NeedIds", "Select the needs that apply, or select 'None of these'");
    }

    [Fact]
    public async Task Post_WithPhonePreferredButNoNumber_ShowsErrorByThePhoneField()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/contact", Answers.Continue(
            ("ContactName", "Sam Testington"), ("ContactRelationship", "Father"), ("PreferredContact", "Phone")));

        page.ShouldShowError("ContactPhone", "Enter your telephone number, or choose another way to be contacted");
        page.IsChecked("PreferredContact-2").ShouldBeTrue();
        page.ValueOf("ContactName").ShouldBe("Sam Testington");
    }

    [Fact]
    public async Task Post_WithNoChoiceOfSchool_ShowsErrorOnTheRadios()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/school", Answers.Continue(("School", "Typed before choosing")));

        page.ShouldShowError("AttendsSchool", "Select yes if the child goes to school or college");
        page.ValueOf("School").ShouldBe("Typed before choosing");
    }

    [Fact]
    public async Task Get_School_ShowsTheSchoolNameUnderYesWhateverIsChosen()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/school");

        var conditional = page.GetElementById("conditional-AttendsSchool").ShouldNotBeNull();
        conditional.ClassList.ShouldContain("govuk-radios__conditional");
        conditional.QuerySelector("input#School").ShouldNotBeNull();
        conditional.ClassList.ShouldNotContain("govuk-radios__conditional--hidden");

        // Not wired as a reveal: GOV.UK Frontend would add aria-expanded to the radio, which ARIA does not allow there.
        page.GetElementById("AttendsSchool")!.HasAttribute("data-aria-controls").ShouldBeFalse();
    }

    [Fact]
    public async Task Get_EhcPlan_HasTheReviewDateInsideTheConditionalReveal()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/ehc-plan");

        page.GetElementById("conditional-HasEhcPlan")!.QuerySelector("input#EhcPlanReviewDate-day").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_Needs_ListsTheSchemesNeedsWithHintsAndAnExclusiveNone()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/needs");

        var values = page.QuerySelectorAll("input[name=NeedIds]").Select(i => i.GetAttribute("value")).ToList();
        values.ShouldBe(["extra-care", "universal-barrier", "night-care", "behaviour-risk", "complex-health", "carer-strain", "none"]);
        page.Body!.TextContent.ShouldContain("For example tube feeding, oxygen, epilepsy that needs rescue medication");
        page.QuerySelector("input[value=none]")!.GetAttribute("data-behaviour").ShouldBe("exclusive");
    }

    [Fact]
    public async Task Post_NoneOfThese_IsStoredAsAnEmptyList()
    {
        var (browser, draft) = await DraftAsync();

        await browser.PostForRedirectAsync($"/apply/{draft.Id}/needs", Answers.Continue(("NeedIds", "none")));

        (await app.FindRequestAsync(draft.Id))!.NeedIds.ShouldBe("");
        (await browser.GetDocumentAsync($"/apply/{draft.Id}/needs")).IsChecked("NeedIds-none").ShouldBeTrue();
    }

    [Fact]
    public async Task Get_Disability_UsesTheFamilyWordsForTheCensusCodes()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/disability");

        page.QuerySelectorAll("input[name=DisabilityCodes]").Length.ShouldBe(12);
        page.QuerySelector("label[for=DisabilityCodes]")!.TextContent.Trim().ShouldBe("Getting about, such as walking or using stairs");
    }

    [Fact]
    public async Task Post_Disability_StoresTheCensusCodes()
    {
        var (browser, draft) = await DraftAsync();

        await browser.PostForRedirectAsync($"/apply/{draft.Id}/disability", Answers.Continue(("DisabilityCodes", "AUT"), ("DisabilityCodes", "MOB")));

        (await app.FindRequestAsync(draft.Id))!.DisabilityCodes.ShouldBe("MOB,AUT");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("MOB,HAND")]
    [InlineData("mob")]
    public async Task Post_DisabilityThatIsNotACode_ShowsError(string value)
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.PostForPageAsync($"/apply/{draft.Id}/disability", Answers.Continue(("DisabilityCodes", value)));

        page.ShouldShowError("DisabilityCodes", "Select from the list");
    }

    [Fact]
    public async Task Get_OwnWords_HasACharacterCountWithTheRulesMaximum()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/own-words");

        var group = page.QuerySelector("[data-module=govuk-character-count]").ShouldNotBeNull();
        group.GetAttribute("data-maxlength").ShouldBe(RequestRules.TextMaxLength.ToString());
        group.QuerySelector("textarea#NeedsInOwnWords.govuk-js-character-count").ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_OwnWordsOfExactlyTheMaximumWithWindowsLineEndings_IsAccepted()
    {
        var (browser, draft) = await DraftAsync();
        var text = new string('a', 1499) + "\r\n" + new string('b', 1500);

        await browser.PostForRedirectAsync($"/apply/{draft.Id}/own-words", Answers.Continue(("NeedsInOwnWords", text)));

        (await app.FindRequestAsync(draft.Id))!.NeedsInOwnWords!.Length.ShouldBe(RequestRules.TextMaxLength);
    }

    [Fact]
    public async Task Get_Contact_OffersTheAccountsNameAndEmail()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/contact");

        page.ValueOf("ContactName").ShouldBe(user.Name);
        page.ValueOf("ContactEmail").ShouldBe(user.Email);
        page.GetElementById("ContactEmail")!.GetAttribute("autocomplete").ShouldBe("email");
    }

    [Fact]
    public async Task Get_Address_HasAutocompleteAttributes()
    {
        var (browser, draft) = await DraftAsync();

        var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/address");

        page.GetElementById("AddressLine1")!.GetAttribute("autocomplete").ShouldBe("address-line1");
        page.GetElementById("AddressLine2")!.GetAttribute("autocomplete").ShouldBe("address-line2");
        page.GetElementById("Town")!.GetAttribute("autocomplete").ShouldBe("address-level2");
        page.GetElementById("Postcode")!.GetAttribute("autocomplete").ShouldBe("postal-code");
    }

    [Fact]
    public async Task Post_Consent_RecordsWhenConsentWasGiven()
    {
        var (browser, draft) = await DraftAsync();

        await browser.PostForRedirectAsync($"/apply/{draft.Id}/consent", Answers.Continue(("ConsentToShare", "true")));

        var saved = (await app.FindRequestAsync(draft.Id))!;
        saved.ConsentToShare.ShouldBe(true);
        saved.ConsentRecordedAt.ShouldNotBeNull().ShouldBeInRange(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Get_EachQuestion_HasItsHeadingAsTheLegendOrLabel()
    {
        var (browser, draft) = await DraftAsync();

        foreach (var step in RequestSteps.All)
        {
            var page = await browser.GetDocumentAsync($"/apply/{draft.Id}/{step}");
            var h1 = page.QuerySelectorAll("h1").ShouldHaveSingleItem();
            if (step is not (RequestSteps.Evidence or RequestSteps.Consent))
            {
                (h1.ParentElement!.LocalName is "legend" || h1.QuerySelector("label") is not null).ShouldBeTrue($"{step}: the heading is not the question's legend or label");
            }

            page.QuerySelector("a.govuk-back-link").ShouldNotBeNull(step);
            page.ShouldHaveNoErrors();
        }
    }

    private async Task<(PageClient PageClient, ShortBreakRequest Draft)> DraftAsync()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);
        return (browser, draft);
    }
}
