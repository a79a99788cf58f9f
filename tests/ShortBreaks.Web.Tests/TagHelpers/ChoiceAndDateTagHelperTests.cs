using ShortBreaks.Web.TagHelpers;
using static ShortBreaks.Web.Tests.TagHelpers.TagHelperRendering;

namespace ShortBreaks.Web.Tests.TagHelpers;

/// <summary>Radios, checkboxes and the date input render GOV.UK Frontend 6.6.0's fixtures.</summary>
public class ChoiceAndDateTagHelperTests
{
    private const string EmailConditional = "<label class=\"govuk-label\" for=\"context-email\">{0}</label>\n<input class=\"govuk-input govuk-!-width-one-third\" name=\"context-email\" type=\"text\" id=\"context-email\">\n";
    private const string PhoneConditional = "<label class=\"govuk-label\" for=\"contact-phone\">Phone number</label>\n<input class=\"govuk-input govuk-!-width-one-third\" name=\"contact-phone\" type=\"text\" id=\"contact-phone\">\n";
    private const string TextConditional = "<label class=\"govuk-label\" for=\"contact-text-message\">Mobile phone number</label>\n<input class=\"govuk-input govuk-!-width-one-third\" name=\"contact-text-message\" type=\"text\" id=\"contact-text-message\">\n";

    private static Tag Radio(string value, string label, params object[] children) =>
        T("govuk-radios-item", new ChoiceItemTagHelper { Value = value }, [label, .. children]);

    private static Tag Legend(string text) => T("govuk-radios-fieldset-legend", new FieldLegendTagHelper(), text);

    [Fact]
    public Task Radios_render_the_default_fixture() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "example-default" },
            T("govuk-radios-fieldset", new FieldFieldsetTagHelper(), Legend("Have you changed your name?"), Radio("yes", "Yes"), Radio("no", "No"))),
        "radios", "default");

    [Fact]
    public Task Radios_with_an_error_from_ModelState_and_no_fieldset_render_the_fixture() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "example-error-message", ViewContext = ViewWith(("example-error-message", null, "Please select an option")) },
            Radio("yes", "Yes"), Radio("no", "No")),
        "radios", "with error message");

    [Fact]
    public Task Radios_with_the_legend_as_page_heading_and_a_hint_render_the_fixture() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "housing-act" },
            T("govuk-radios-fieldset", new FieldFieldsetTagHelper(),
                T("govuk-radios-fieldset-legend", new FieldLegendTagHelper { IsPageHeading = true }, [("class", "govuk-fieldset__legend--l")], "Which part of the Housing Act was your licence issued under?"),
                T("govuk-radios-hint", new HintTagHelper(), "Select one of the options below."),
                Radio("part-2", "<span class=\"govuk-heading-s govuk-!-margin-bottom-1\">Part 2 of the Housing Act 2004</span> For properties that are 3 or more stories high and occupied by 5 or more people"),
                Radio("part-3", "<span class=\"govuk-heading-s govuk-!-margin-bottom-1\">Part 3 of the Housing Act 2004</span> For properties that are within a geographical area defined by a local council"))),
        "radios", "with legend as page heading");

    [Fact]
    public Task Radios_with_a_divider_render_the_fixture() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "example", IdPrefix = "example-divider" },
            T("govuk-radios-fieldset", new FieldFieldsetTagHelper(), Legend("How do you want to sign in?"),
                Radio("government-gateway", "Use Government Gateway"), Radio("govuk-verify", "Use GOV.UK Verify"),
                T("govuk-radios-divider", new ChoiceDividerTagHelper(), "or"),
                Radio("create-account", "Create an account"))),
        "radios", "with a divider");

    [Fact]
    public Task Radios_with_hints_on_items_render_the_fixture() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "gov" },
            T("govuk-radios-fieldset", new FieldFieldsetTagHelper(),
                T("govuk-radios-fieldset-legend", new FieldLegendTagHelper { IsPageHeading = true }, [("class", "govuk-fieldset__legend--l")], "How do you want to sign in?"),
                T("govuk-radios-item", new ChoiceItemTagHelper { Value = "gateway", Id = "gateway" }, "Sign in with Government Gateway",
                    T("govuk-radios-item-hint", new ChoiceItemHintTagHelper(), "You’ll have a user ID if you’ve registered for Self Assessment or filed a tax return online before.")),
                T("govuk-radios-item", new ChoiceItemTagHelper { Value = "verify", Id = "verify" }, "Sign in with GOV.UK Verify",
                    T("govuk-radios-item-hint", new ChoiceItemHintTagHelper(), "You’ll have an account if you’ve already proved your identity with either Barclays, CitizenSafe, Digidentity, Experian, Post Office, Royal Mail or SecureIdentity.")))),
        "radios", "with hints on items");

    [Fact]
    public Task Radios_with_conditional_items_render_the_fixture() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "how-contacted" },
            T("govuk-radios-fieldset", new FieldFieldsetTagHelper(), Legend("How do you want to be contacted?"),
                Radio("email", "Email", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper(), string.Format(EmailConditional, "Email address"))),
                Radio("phone", "Phone", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper(), PhoneConditional)),
                Radio("text", "Text message", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper(), TextConditional)))),
        "radios", "with conditional items");

    [Fact]
    public Task Radios_check_the_item_of_the_posted_value_and_show_its_conditional_content() => ShouldRenderFixture(
        T("govuk-radios", new RadiosTagHelper { Name = "how-contacted-checked", ViewContext = ViewWith(("how-contacted-checked", "email", null)) },
            T("govuk-radios-fieldset", new FieldFieldsetTagHelper(), Legend("How do you want to be contacted?"),
                Radio("email", "Email", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper(), string.Format(EmailConditional, "Email"))),
                Radio("phone", "Phone", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper(), PhoneConditional)),
                Radio("text", "Text message", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper(), TextConditional)))),
        "radios", "with conditional item checked");

    [Fact]
    public async Task Radios_conditional_content_that_is_always_shown_is_not_revealed_by_its_item()
    {
        var html = await Render(T("govuk-radios", new RadiosTagHelper { Name = "AttendsSchool" },
            Radio("true", "Yes", T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper { AlwaysShown = true }, "<p>School</p>")),
            Radio("false", "No")));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group">
              <div class="govuk-radios" data-module="govuk-radios">
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="AttendsSchool" name="AttendsSchool" type="radio" value="true">
                  <label class="govuk-label govuk-radios__label" for="AttendsSchool">Yes</label>
                </div>
                <div class="govuk-radios__conditional" id="conditional-AttendsSchool"><p>School</p></div>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="AttendsSchool-2" name="AttendsSchool" type="radio" value="false">
                  <label class="govuk-label govuk-radios__label" for="AttendsSchool-2">No</label>
                </div>
              </div>
            </div>
            """);
    }

    [Fact]
    public async Task Radios_with_ids_of_their_own_put_the_list_id_on_the_radios_so_the_error_summary_lands_there()
    {
        var html = await Render(T("govuk-radios", new RadiosTagHelper { Name = "Move", ListId = "Move", ViewContext = ViewWith(("Move", null, "Choose a move")) },
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "StepUp", Id = "Move-StepUp" }, "Step up"),
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "StepDown", Id = "Move-StepDown" }, "Step down")));

        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
                <p id="Move-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Choose a move</p>
                <div class="govuk-radios" data-module="govuk-radios" id="Move">
                    <div class="govuk-radios__item"><input class="govuk-radios__input" id="Move-StepUp" name="Move" type="radio" value="StepUp"><label class="govuk-label govuk-radios__label" for="Move-StepUp">Step up</label></div>
                    <div class="govuk-radios__item"><input class="govuk-radios__input" id="Move-StepDown" name="Move" type="radio" value="StepDown"><label class="govuk-label govuk-radios__label" for="Move-StepDown">Step down</label></div>
                </div>
            </div>
            """);
    }

    private static Tag Checkbox(string value, string label, params object[] children) =>
        T("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = value }, [label, .. children]);

    [Fact]
    public Task Checkboxes_render_the_default_fixture() => ShouldRenderFixture(
        T("govuk-checkboxes", new CheckboxesTagHelper { Name = "nationality" },
            T("govuk-checkboxes-fieldset", new FieldFieldsetTagHelper(), T("govuk-checkboxes-fieldset-legend", new FieldLegendTagHelper(), "What is your nationality?"),
                Checkbox("british", "British"), Checkbox("irish", "Irish"), Checkbox("other", "Citizen of another country"))),
        "checkboxes", "default");

    [Fact]
    public Task Checkboxes_with_an_error_and_item_hints_render_the_fixture()
    {
        const string hint = "Nullam id dolor id nibh ultricies vehicula ut id elit.";
        Tag Item(string value, string label) => Checkbox(value, label, T("govuk-checkboxes-item-hint", new ChoiceItemHintTagHelper(), hint));
        return ShouldRenderFixture(
            T("govuk-checkboxes", new CheckboxesTagHelper { Name = "waste" },
                T("govuk-checkboxes-error-message", new FieldErrorMessageTagHelper(), "Please select an option"),
                T("govuk-checkboxes-fieldset", new FieldFieldsetTagHelper(), T("govuk-checkboxes-fieldset-legend", new FieldLegendTagHelper(), "Which types of waste do you transport regularly?"),
                    Item("animal", "Waste from animal carcasses"), Item("mines", "Waste from mines or quarries"), Item("farm", "Farm or agricultural waste"))),
            "checkboxes", "with error message");
    }

    [Fact]
    public Task Checkboxes_with_a_divider_and_an_exclusive_None_render_the_fixture() => ShouldRenderFixture(
        T("govuk-checkboxes", new CheckboxesTagHelper { Name = "with-divider-and-none" },
            T("govuk-checkboxes-fieldset", new FieldFieldsetTagHelper(), T("govuk-checkboxes-fieldset-legend", new FieldLegendTagHelper(), "Which types of waste do you transport regularly?"),
                Checkbox("animal", "Waste from animal carcasses"), Checkbox("mines", "Waste from mines or quarries"), Checkbox("farm", "Farm or agricultural waste"),
                T("govuk-checkboxes-divider", new ChoiceDividerTagHelper(), "or"),
                T("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = "none", Behavior = "exclusive" }, "None of these"))),
        "checkboxes", "with divider and None");

    [Fact]
    public Task Checkboxes_whose_items_have_their_own_names_and_ids_render_the_fixture() => ShouldRenderFixture(
        T("govuk-checkboxes", new CheckboxesTagHelper { Name = "with-hints-on-items" },
            T("govuk-checkboxes-fieldset", new FieldFieldsetTagHelper(), T("govuk-checkboxes-fieldset-legend", new FieldLegendTagHelper(), "How do you want to sign in?"),
                T("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = "gov-gateway", Name = "gateway", Id = "government-gateway" }, "Sign in with Government Gateway",
                    T("govuk-checkboxes-item-hint", new ChoiceItemHintTagHelper(), "You&#39;ll have a user ID if you&#39;ve registered for Self Assessment or filed a tax return online before.")),
                T("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = "gov-verify", Name = "verify", Id = "govuk-verify" }, "Sign in with GOV.UK Verify",
                    T("govuk-checkboxes-item-hint", new ChoiceItemHintTagHelper(), "You&#39;ll have an account if you&#39;ve already proved your identity with either Barclays, CitizenSafe, Digidentity, Experian, Post Office, Royal Mail or SecureIdentity.")))),
        "checkboxes", "with hints on items");

    private static Tag DateFieldset(string legend) =>
        T("govuk-date-input-fieldset", new FieldFieldsetTagHelper(), T("govuk-date-input-fieldset-legend", new FieldLegendTagHelper(), legend));

    [Fact]
    public Task Date_input_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-date-input", new DateInputTagHelper { Id = "dob" }, DateFieldset("What is your date of birth?"),
            T("govuk-date-input-hint", new HintTagHelper(), "For example, 31 3 1980")),
        "date-input", "default");

    [Fact]
    public Task Date_input_with_values_and_a_name_prefix_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-date-input", new DateInputTagHelper { Id = "with-values-name-prefix", NamePrefix = "dob", Day = "31", Month = "3", Year = "1980" },
            DateFieldset("What is your date of birth?"), T("govuk-date-input-hint", new HintTagHelper(), "For example, 31 3 1980")),
        "date-input", "with values and name prefix");

    [Fact]
    public Task Date_input_with_an_error_on_the_day_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-date-input", new DateInputTagHelper { Id = "dob-day-error" }, DateFieldset("What is your date of birth?"),
            T("govuk-date-input-hint", new HintTagHelper(), "For example, 31 3 1980"),
            T("govuk-date-input-error-message", new DateInputErrorMessageTagHelper { ErrorItems = "day" }, "Error message goes here")),
        "date-input", "with error on day input");

    [Fact]
    public async Task Date_input_boxes_given_as_tags_keep_their_own_names_and_values_and_ids_from_the_date_inputs_id()
    {
        var html = await Render(T("govuk-date-input", new DateInputTagHelper { Id = "start" },
            T("govuk-date-input-fieldset", new FieldFieldsetTagHelper(), T("govuk-date-input-fieldset-legend", new FieldLegendTagHelper(), "When does the plan start?")),
            T("govuk-date-input-error-message", new DateInputErrorMessageTagHelper(), "Enter the day the plan starts"),
            T("govuk-date-input-day", new DateInputBoxTagHelper { Name = "Form.StartDay", Value = "1" }),
            T("govuk-date-input-month", new DateInputBoxTagHelper { Name = "Form.StartMonth", Value = "4" }),
            T("govuk-date-input-year", new DateInputBoxTagHelper { Name = "Form.StartYear" })));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
              <fieldset class="govuk-fieldset" role="group" aria-describedby="start-error">
                <legend class="govuk-fieldset__legend">When does the plan start?</legend>
                <p id="start-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter the day the plan starts</p>
                <div class="govuk-date-input" id="start">
                  <div class="govuk-date-input__item"><div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="start-day">Day</label>
                    <input class="govuk-input govuk-date-input__input govuk-input--error govuk-input--width-2" id="start-day" name="Form.StartDay" type="text" inputmode="numeric" value="1">
                  </div></div>
                  <div class="govuk-date-input__item"><div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="start-month">Month</label>
                    <input class="govuk-input govuk-date-input__input govuk-input--error govuk-input--width-2" id="start-month" name="Form.StartMonth" type="text" inputmode="numeric" value="4">
                  </div></div>
                  <div class="govuk-date-input__item"><div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="start-year">Year</label>
                    <input class="govuk-input govuk-date-input__input govuk-input--error govuk-input--width-4" id="start-year" name="Form.StartYear" type="text" inputmode="numeric">
                  </div></div>
                </div>
              </fieldset>
            </div>
            """);
    }

    [Fact]
    public async Task Date_input_keeps_our_names_and_reads_its_error_from_the_first_box_it_concerns()
    {
        var view = ViewWith(("DateOfBirth-day", "31", null), ("DateOfBirth-month", "", "Date of birth must include a month and year"), ("DateOfBirth-year", "", null));
        var html = await Render(T("govuk-date-input", new DateInputTagHelper { Name = "DateOfBirth", ErrorItems = "month,year", Autocomplete = "off", ViewContext = view },
            T("govuk-date-input-fieldset", new FieldFieldsetTagHelper(),
                T("govuk-date-input-fieldset-legend", new FieldLegendTagHelper { IsPageHeading = true, Caption = "About your child" }, [("class", "govuk-fieldset__legend--l")], "Date of birth"))));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
              <fieldset class="govuk-fieldset" role="group" aria-describedby="DateOfBirth-error">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><span class="govuk-caption-l">About your child</span><h1 class="govuk-fieldset__heading">Date of birth</h1></legend>
                <p id="DateOfBirth-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Date of birth must include a month and year</p>
                <div class="govuk-date-input" id="DateOfBirth">
                  <div class="govuk-date-input__item"><div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="DateOfBirth-day">Day</label>
                    <input class="govuk-input govuk-date-input__input govuk-input--width-2" id="DateOfBirth-day" name="DateOfBirth-day" type="text" inputmode="numeric" value="31" autocomplete="off">
                  </div></div>
                  <div class="govuk-date-input__item"><div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="DateOfBirth-month">Month</label>
                    <input class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error" id="DateOfBirth-month" name="DateOfBirth-month" type="text" inputmode="numeric" value="" autocomplete="off">
                  </div></div>
                  <div class="govuk-date-input__item"><div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="DateOfBirth-year">Year</label>
                    <input class="govuk-input govuk-date-input__input govuk-input--width-4 govuk-input--error" id="DateOfBirth-year" name="DateOfBirth-year" type="text" inputmode="numeric" value="" autocomplete="off">
                  </div></div>
                </div>
              </fieldset>
            </div>
            """);
    }

    [Fact]
    public async Task Radios_take_a_list_id_an_item_hint_id_and_a_conditional_shown_always()
    {
        var html = await Render(T("govuk-radios", new RadiosTagHelper { Name = "Outcome", ListId = "Outcome-list" },
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "Universal" }, "Universal services",
                T("govuk-radios-item-hint", new ChoiceItemHintTagHelper(), [("id", "Outcome-hint")], "Points to the Local Offer.")),
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "Safeguarding", Id = "Outcome-safeguarding" }, "Safeguarding concern",
                T("govuk-radios-item-conditional", new ChoiceItemConditionalTagHelper { AlwaysShown = true }, "Goes to the hub at once."))));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group">
              <div class="govuk-radios" data-module="govuk-radios" id="Outcome-list">
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="Outcome" name="Outcome" type="radio" value="Universal" aria-describedby="Outcome-hint">
                  <label class="govuk-label govuk-radios__label" for="Outcome">Universal services</label>
                  <div id="Outcome-hint" class="govuk-hint govuk-radios__hint">Points to the Local Offer.</div>
                </div>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="Outcome-safeguarding" name="Outcome" type="radio" value="Safeguarding">
                  <label class="govuk-label govuk-radios__label" for="Outcome-safeguarding">Safeguarding concern</label>
                </div>
                <div class="govuk-radios__conditional" id="conditional-Outcome-safeguarding">Goes to the hub at once.</div>
              </div>
            </div>
            """);
    }
}
