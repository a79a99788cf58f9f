using ShortBreaks.Web.TagHelpers;
using static ShortBreaks.Web.Tests.TagHelpers.TagHelperRendering;

namespace ShortBreaks.Web.Tests.TagHelpers;

/// <summary>The form fields render GOV.UK Frontend 6.6.0's markup (its own fixtures) and take their errors from ModelState.</summary>
public class FormFieldTagHelperTests
{
    [Fact]
    public Task Input_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-input", new InputTagHelper { Name = "test-name" }, T("govuk-input-label", new LabelTagHelper(), "National Insurance number")),
        "input", "default");

    [Fact]
    public Task Input_with_an_error_and_a_hint_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-input", new InputTagHelper { Name = "with-error-hint", Id = "with-error-hint" },
            T("govuk-input-label", new LabelTagHelper(), "National insurance number"),
            T("govuk-input-hint", new HintTagHelper(), "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’."),
            T("govuk-input-error-message", new FieldErrorMessageTagHelper(), "Enter a National Insurance number in the correct format")),
        "input", "with error and hint");

    [Fact]
    public Task Input_with_a_prefix_and_a_suffix_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-input", new InputTagHelper { Name = "cost", Id = "input-with-prefix-suffix" },
            T("govuk-input-label", new LabelTagHelper(), "Cost per item, in pounds"),
            T("govuk-input-prefix", new InputPrefixTagHelper(), "£"),
            T("govuk-input-suffix", new InputSuffixTagHelper(), "per item")),
        "input", "with prefix and suffix");

    [Fact]
    public Task Input_with_autocomplete_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-input", new InputTagHelper { Name = "postcode", Id = "input-with-autocomplete-attribute", Autocomplete = "postal-code" },
            T("govuk-input-label", new LabelTagHelper(), "Postcode")),
        "input", "with autocomplete attribute");

    [Fact]
    public async Task Input_takes_its_error_and_posted_value_from_ModelState()
    {
        var html = await Render(T("govuk-input", new InputTagHelper { Name = "Amount", ViewContext = ViewWith(("Amount", "12x", "Enter an amount in pounds")) },
            T("govuk-input-label", new LabelTagHelper(), "Amount")));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
              <label class="govuk-label" for="Amount">Amount</label>
              <p id="Amount-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter an amount in pounds</p>
              <input class="govuk-input govuk-input--error" id="Amount" name="Amount" type="text" value="12x" aria-describedby="Amount-error">
            </div>
            """);
    }

    [Fact]
    public async Task Password_input_does_not_write_back_what_was_posted()
    {
        var html = await Render(T("govuk-input", new InputTagHelper { Name = "Password", Type = "password", ViewContext = ViewWith(("Password", "correct horse", "Enter your password")) },
            T("govuk-input-label", new LabelTagHelper(), "Password")));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
              <label class="govuk-label" for="Password">Password</label>
              <p id="Password-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter your password</p>
              <input class="govuk-input govuk-input--error" id="Password" name="Password" type="password" aria-describedby="Password-error">
            </div>
            """);
    }

    [Fact]
    public async Task Input_keeps_our_ids_inputmode_spellcheck_width_and_page_heading_label()
    {
        var html = await Render(T("govuk-input", new InputTagHelper
        {
            Name = "Input.Name", Value = "Ann", Spellcheck = false, InputMode = "numeric", Autocomplete = "off",
            InputAttributes = { ["class"] = "govuk-input--width-10" },
        },
            T("govuk-input-label", new LabelTagHelper { IsPageHeading = true }, [("class", "govuk-label--l")], "Name"),
            T("govuk-input-hint", new HintTagHelper(), "As on the birth certificate"),
            T("govuk-input-error-message", new FieldErrorMessageTagHelper(), "  ")));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group">
              <h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="Input.Name">Name</label></h1>
              <div id="Input.Name-hint" class="govuk-hint">As on the birth certificate</div>
              <input class="govuk-input govuk-input--width-10" id="Input.Name" name="Input.Name" type="text" value="Ann" autocomplete="off" inputmode="numeric" spellcheck="false" aria-describedby="Input.Name-hint">
            </div>
            """);
    }

    [Fact]
    public Task Textarea_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-textarea", new TextareaTagHelper { Name = "more-detail" }, T("govuk-textarea-label", new LabelTagHelper(), "Can you provide more detail?")),
        "textarea", "default");

    [Fact]
    public Task Textarea_with_an_error_from_ModelState_renders_the_error_fixture() => ShouldRenderFixture(
        T("govuk-textarea", new TextareaTagHelper { Name = "no-ni-reason", ViewContext = ViewWith(("no-ni-reason", null, "You must provide an explanation")) },
            T("govuk-textarea-label", new LabelTagHelper(), "Why can’t you provide a National Insurance number?")),
        "textarea", "with error message");

    [Fact]
    public Task Character_count_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-character-count", new CharacterCountTagHelper { Name = "more-detail", MaxLength = 10 },
            T("govuk-character-count-label", new LabelTagHelper(), "Can you provide more detail?")),
        "character-count", "default");

    [Fact]
    public Task Character_count_with_a_hint_and_an_error_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-character-count", new CharacterCountTagHelper { Name = "with-error", MaxLength = 10 },
            T("govuk-character-count-label", new LabelTagHelper(), "Can you provide more detail?"),
            T("govuk-character-count-hint", new HintTagHelper(), "Don&#39;t include personal or financial information, eg your National Insurance number or credit card details."),
            T("govuk-character-count-error-message", new FieldErrorMessageTagHelper(), "Please provide more detail")),
        "character-count", "with hint and error");

    [Fact]
    public Task Character_count_of_words_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-character-count", new CharacterCountTagHelper { Name = "maxwords", MaxWords = 10 },
            T("govuk-character-count-label", new LabelTagHelper(), "Full address")),
        "character-count", "with maxwords");

    [Fact]
    public Task Select_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-select", new SelectTagHelper { Name = "select-1", Value = "2" },
            T("govuk-select-label", new LabelTagHelper(), "Label text goes here"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "1" }, "GOV.UK frontend option 1"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "2" }, "GOV.UK frontend option 2"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "3", Disabled = true }, "GOV.UK frontend option 3")),
        "select", "default");

    [Fact]
    public Task Select_with_a_hint_and_an_error_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-select", new SelectTagHelper { Name = "select-2", ViewContext = ViewWith(("select-2", null, "Error message goes here")) },
            T("govuk-select-label", new LabelTagHelper(), "Label text goes here"),
            T("govuk-select-hint", new HintTagHelper(), "Hint text goes here"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "1" }, "GOV.UK frontend option 1"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "2" }, "GOV.UK frontend option 2"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "3" }, "GOV.UK frontend option 3")),
        "select", "with hint text and error message");

    [Fact]
    public async Task File_upload_with_a_hint_and_an_error_from_ModelState_renders_GOV_UK_markup_without_a_value()
    {
        var html = await Render(T("govuk-file-upload", new FileUploadTagHelper { Name = "Upload", Accept = ".pdf", ViewContext = ViewWith(("Upload", "scan.pdf", "Select a file")) },
            T("govuk-file-upload-label", new LabelTagHelper(), "Upload a file"),
            T("govuk-file-upload-hint", new HintTagHelper(), "A PDF")));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
              <label class="govuk-label" for="Upload">Upload a file</label>
              <div id="Upload-hint" class="govuk-hint">A PDF</div>
              <p id="Upload-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Select a file</p>
              <input class="govuk-file-upload govuk-file-upload--error" id="Upload" name="Upload" type="file" accept=".pdf" aria-describedby="Upload-hint Upload-error">
            </div>
            """);
    }

    [Fact]
    public Task Fieldset_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-fieldset", new FieldsetTagHelper(), T("govuk-fieldset-legend", new FieldsetLegendTagHelper(), "What is your address?")),
        "fieldset", "default");

    [Fact]
    public Task Fieldset_with_its_legend_as_the_page_heading_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-fieldset", new FieldsetTagHelper(),
            T("govuk-fieldset-legend", new FieldsetLegendTagHelper { IsPageHeading = true }, [("class", "govuk-fieldset__legend--l")], "What is your address?")),
        "fieldset", "as page heading l");

    [Fact]
    public async Task Fieldset_in_a_form_group_with_an_error_inside_marks_the_group() =>
        (await Render(T("govuk-fieldset", new FieldsetTagHelper { InFormGroup = true, FormGroupHasError = true },
            T("govuk-fieldset-legend", new FieldsetLegendTagHelper(), [("class", "govuk-fieldset__legend--s")], "Question 1"))))
        .ShouldBeSameHtmlAs("""
            <div class="govuk-form-group govuk-form-group--error">
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Question 1</legend>
              </fieldset>
            </div>
            """);

    [Fact]
    public async Task Fieldset_in_a_form_group_is_wrapped_in_one() =>
        (await Render(T("govuk-fieldset", new FieldsetTagHelper { InFormGroup = true },
            T("govuk-fieldset-legend", new FieldsetLegendTagHelper { IsPageHeading = true, Caption = "About the child" }, [("class", "govuk-fieldset__legend--l")], "What is the child's name?"))))
        .ShouldBeSameHtmlAs("""
            <div class="govuk-form-group">
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                  <span class="govuk-caption-l">About the child</span>
                  <h1 class="govuk-fieldset__heading">What is the child's name?</h1>
                </legend>
              </fieldset>
            </div>
            """);

    [Fact]
    public async Task Textarea_label_goes_in_a_heading_of_the_level_given()
    {
        var html = await Render(T("govuk-textarea", new TextareaTagHelper { Name = "Reasons", Rows = 8 },
            T("govuk-textarea-label", new LabelTagHelper { HeadingLevel = 3 }, [("class", "govuk-label--m")], "Reasons for the decision")));
        html.ShouldBeSameHtmlAs("""
            <div class="govuk-form-group">
              <h3 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="Reasons">Reasons for the decision</label></h3>
              <textarea class="govuk-textarea" id="Reasons" name="Reasons" rows="8"></textarea>
            </div>
            """);
    }
}
