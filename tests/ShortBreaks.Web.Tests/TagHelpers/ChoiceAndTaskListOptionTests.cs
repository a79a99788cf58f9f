using ShortBreaks.Web.TagHelpers;
using static ShortBreaks.Web.Tests.TagHelpers.TagHelperRendering;

namespace ShortBreaks.Web.Tests.TagHelpers;

/// <summary>The options our pages need beyond GOV.UK Frontend's fixtures: an id on the radios div, a class on an item's div, a task's status id.</summary>
public class ChoiceAndTaskListOptionTests
{
    [Fact]
    public async Task Radios_list_id_goes_on_the_radios_div_and_the_items_keep_their_own_ids()
    {
        var html = await Render(T("govuk-radios", new RadiosTagHelper { Name = "Method", ListId = "Method" },
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "bands", Id = "Method-bands" }, "Bands"),
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "price", Id = "Method-price" }, "Price")));

        html.ShouldBeSameHtmlAs(
            "<div class=\"govuk-form-group\"><div class=\"govuk-radios\" data-module=\"govuk-radios\" id=\"Method\">" +
            "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"Method-bands\" name=\"Method\" type=\"radio\" value=\"bands\"><label class=\"govuk-label govuk-radios__label\" for=\"Method-bands\">Bands</label></div>" +
            "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"Method-price\" name=\"Method\" type=\"radio\" value=\"price\"><label class=\"govuk-label govuk-radios__label\" for=\"Method-price\">Price</label></div>" +
            "</div></div>");
    }

    [Fact]
    public async Task Radios_item_class_goes_on_the_items_div_not_its_input()
    {
        var html = await Render(T("govuk-radios", new RadiosTagHelper { Name = "q1" },
            T("govuk-radios-item", new ChoiceItemTagHelper { Value = "1.5", ItemClass = "app-radios__item--half" }, "Between the two")));

        html.ShouldBeSameHtmlAs(
            "<div class=\"govuk-form-group\"><div class=\"govuk-radios\" data-module=\"govuk-radios\">" +
            "<div class=\"govuk-radios__item app-radios__item--half\"><input class=\"govuk-radios__input\" id=\"q1\" name=\"q1\" type=\"radio\" value=\"1.5\"><label class=\"govuk-label govuk-radios__label\" for=\"q1\">Between the two</label></div>" +
            "</div></div>");
    }

    [Fact]
    public async Task Task_list_item_status_id_names_the_status_and_describes_the_link()
    {
        var html = await Render(T("govuk-task-list", new TaskListTagHelper(),
            T("govuk-task-list-item", new TaskListItemTagHelper { StatusId = "status-care" },
                T("govuk-task-list-item-title", new TaskListItemTitleTagHelper { Href = "/care" }, "Personal care"),
                T("govuk-task-list-item-status", new TaskListItemStatusTagHelper(), "Completed"))));

        html.ShouldBeSameHtmlAs(
            "<ul class=\"govuk-task-list\"><li class=\"govuk-task-list__item govuk-task-list__item--with-link\">" +
            "<div class=\"govuk-task-list__name-and-hint\"><a class=\"govuk-link govuk-task-list__link\" href=\"/care\" aria-describedby=\"status-care\">Personal care</a></div>" +
            "<div class=\"govuk-task-list__status\" id=\"status-care\">Completed</div></li></ul>");
    }

    [Fact]
    public async Task Input_without_form_group_writes_its_label_error_and_input_only()
    {
        var html = await Render(T("govuk-input", new InputTagHelper { Name = "Bands[0].Name", Id = "band-0-name", WithoutFormGroup = true },
            T("govuk-input-label", new LabelTagHelper(), [("class", "govuk-visually-hidden")], "Name, band 1"),
            T("govuk-input-error-message", new FieldErrorMessageTagHelper(), "Enter a name")));

        html.ShouldBeSameHtmlAs(
            "<label class=\"govuk-label govuk-visually-hidden\" for=\"band-0-name\">Name, band 1</label>" +
            "<p id=\"band-0-name-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Enter a name</p>" +
            "<input class=\"govuk-input govuk-input--error\" id=\"band-0-name\" name=\"Bands[0].Name\" type=\"text\" aria-describedby=\"band-0-name-error\">");
    }

    [Fact]
    public async Task Select_without_form_group_writes_its_label_and_select_only()
    {
        var html = await Render(T("govuk-select", new SelectTagHelper { Name = "Bands[0].Routing", Id = "band-0-routing", WithoutFormGroup = true },
            T("govuk-select-label", new LabelTagHelper(), "Route"),
            T("govuk-select-item", new SelectItemTagHelper { Value = "" }, "None")));

        html.ShouldBeSameHtmlAs(
            "<label class=\"govuk-label\" for=\"band-0-routing\">Route</label>" +
            "<select class=\"govuk-select\" id=\"band-0-routing\" name=\"Bands[0].Routing\"><option value=\"\">None</option></select>");
    }

    [Fact]
    public async Task Summary_list_leaves_white_space_between_key_value_and_actions_so_the_text_reads_apart()
    {
        var html = await Render(T("govuk-summary-list", new SummaryListTagHelper(),
            T("govuk-summary-list-row", new SummaryListRowTagHelper(),
                T("govuk-summary-list-row-key", new SummaryListRowKeyTagHelper(), "2027 to 2028"),
                T("govuk-summary-list-row-value", new SummaryListRowValueTagHelper(), "4,500,000"),
                T("govuk-summary-list-row-actions", new SummaryListRowActionsTagHelper(),
                    T("govuk-summary-list-row-action", new SummaryActionTagHelper { Href = "/b", VisuallyHiddenText = "the budget" }, "Change")))));

        var text = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", ""), @"\s+", " ").Trim();
        text.ShouldBe("2027 to 2028 4,500,000 Change the budget");
    }
}
