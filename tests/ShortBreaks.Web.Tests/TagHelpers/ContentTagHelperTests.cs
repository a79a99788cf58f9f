using ShortBreaks.Web.TagHelpers;
using static ShortBreaks.Web.Tests.TagHelpers.TagHelperRendering;

namespace ShortBreaks.Web.Tests.TagHelpers;

/// <summary>The error summary, summary list and the other components render GOV.UK Frontend 6.6.0's fixtures.</summary>
public class ContentTagHelperTests
{
    [Fact]
    public Task Error_summary_lists_the_ModelState_errors_in_order_linking_to_each_field() => ShouldRenderFixture(
        T("govuk-error-summary", new ErrorSummaryTagHelper
        {
            ViewContext = ViewWith(("example-error-1", null, "The date your passport was issued must be in the past"), ("example-error-2", null, "Enter a postcode, like AA1 1AA")),
        }),
        "error-summary", "default");

    [Fact]
    public Task Error_summary_with_given_items_with_and_without_links_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-error-summary", new ErrorSummaryTagHelper(),
            T("govuk-error-summary-item", new ErrorSummaryItemTagHelper(), "Invalid username or password"),
            T("govuk-error-summary-item", new ErrorSummaryItemTagHelper { Href = "#example-error-1" }, "Agree to the terms of service to log in")),
        "error-summary", "mixed with and without links");

    [Fact]
    public async Task Error_summary_writes_nothing_when_there_are_no_errors() =>
        (await Render(T("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = ViewWith() }))).ShouldBeEmpty();

    [Fact]
    public async Task Error_message_shows_the_fields_ModelState_error_with_the_Error_prefix()
    {
        var html = await Render(T("govuk-error-message", new ErrorMessageTagHelper { Field = "Evidence", ViewContext = ViewWith(("Evidence", null, "Select a file")) }));
        html.ShouldBeSameHtmlAs("""<p id="Evidence-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Select a file</p>""");
        (await Render(T("govuk-error-message", new ErrorMessageTagHelper { Field = "Evidence", ViewContext = ViewWith() }))).ShouldBeEmpty();
    }

    [Fact]
    public Task Error_message_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-error-message", new ErrorMessageTagHelper(), "Error message about full name goes here"), "error-message", "default");

    private const string ContactHtml = "<p class=\"govuk-body\">\n  email@email.com\n</p>\n<p class=\"govuk-body\">\n  Address line 1<br>\n  Address line 2<br>\n  Address line 3<br>\n  Address line 4<br>\n  Address line 5\n</p>\n";

    private static Tag Row(string key, string value, params (string Text, string Hidden)[] actions)
    {
        var children = new List<object>
        {
            T("govuk-summary-list-row-key", new SummaryListRowKeyTagHelper(), key),
            T("govuk-summary-list-row-value", new SummaryListRowValueTagHelper(), value),
        };
        if (actions.Length > 0)
        {
            children.Add(T("govuk-summary-list-row-actions", new SummaryListRowActionsTagHelper(),
                [.. actions.Select(a => T("govuk-summary-list-row-action", new SummaryActionTagHelper { Href = "#", VisuallyHiddenText = a.Hidden }, a.Text))]));
        }

        return T("govuk-summary-list-row", new SummaryListRowTagHelper(), [.. children]);
    }

    [Fact]
    public Task Summary_list_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-summary-list", new SummaryListTagHelper(), Row("Name", "Firstname Lastname"), Row("Date of birth", "13/08/1980"), Row("Contact information", ContactHtml)),
        "summary-list", "default");

    [Fact]
    public Task Summary_list_with_actions_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-summary-list", new SummaryListTagHelper(),
            Row("Name", "Firstname Lastname", ("Edit", "name"), ("Delete", "name")),
            Row("Date of birth", "13/08/1980", ("Change", "date of birth")),
            Row("Contact information", ContactHtml, ("Edit", "contact information"), ("Change", "contact information"))),
        "summary-list", "with actions");

    [Fact]
    public async Task Summary_list_marks_rows_without_actions_when_others_have_them()
    {
        var html = await Render(T("govuk-summary-list", new SummaryListTagHelper(), Row("Name", "Ann", ("Change", "name")), Row("Reference", "C-1")));
        html.ShouldContain("govuk-summary-list__row govuk-summary-list__row--no-actions");
    }

    private static Tag Card(string[] actions) => T("govuk-summary-card", new SummaryCardTagHelper(),
        T("govuk-summary-card-title", new SummaryCardTitleTagHelper(), "Undergraduate teaching assistant"),
        T("govuk-summary-card-actions", new SummaryCardActionsTagHelper(),
            [.. actions.Select(a => T("govuk-summary-card-action", new SummaryActionTagHelper { Href = "#" }, a))]),
        T("govuk-summary-list", new SummaryListTagHelper(), Row("Name", "Firstname Lastname"), Row("Date of birth", "13/08/1980")));

    [Fact]
    public Task Summary_card_with_actions_renders_the_fixture() =>
        ShouldRenderFixture(Card(["Delete job history", "Withdraw job history"]), "summary-list", "as a summary card with actions");

    [Fact]
    public Task Summary_card_with_one_action_renders_the_fixture() =>
        ShouldRenderFixture(Card(["My lonely action"]), "summary-list", "summary card with only 1 action");

    private static Tag Cell(string text, string? format = null) => T("govuk-table-cell", new TableCellTagHelper { Format = format }, text);

    private static Tag BodyRow(string month, string bicycles, string vehicles, bool headerFirst) => T("govuk-table-row", new TableRowTagHelper(),
        headerFirst ? T("govuk-table-header", new TableHeaderTagHelper(), month) : Cell(month), Cell(bicycles, "numeric"), Cell(vehicles, "numeric"));

    [Fact]
    public Task Table_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-table", new TableTagHelper(), T("govuk-table-body", new TableBodyTagHelper(),
            BodyRow("January", "£85", "£95", false), BodyRow("February", "£75", "£55", false), BodyRow("March", "£165", "£125", false))),
        "table", "default");

    [Fact]
    public Task Table_with_a_head_a_caption_and_row_headers_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-table", new TableTagHelper(),
            T("govuk-table-caption", new TableCaptionTagHelper(), [("class", "govuk-table__caption--m")], "Caption 1: Months and rates"),
            T("govuk-table-head", new TableHeadTagHelper(), T("govuk-table-row", new TableRowTagHelper(),
                T("govuk-table-header", new TableHeaderTagHelper(), "Month you apply"),
                T("govuk-table-header", new TableHeaderTagHelper { Format = "numeric" }, "Rate for bicycles"),
                T("govuk-table-header", new TableHeaderTagHelper { Format = "numeric" }, "Rate for vehicles"))),
            T("govuk-table-body", new TableBodyTagHelper(),
                BodyRow("January", "£85", "£95", true), BodyRow("February", "£75", "£55", true), BodyRow("March", "£165", "£125", true))),
        "table", "with head and caption");

    [Fact]
    public Task Notification_banner_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-notification-banner", new NotificationBannerTagHelper(), "<p class=\"govuk-notification-banner__heading\">This publication was withdrawn on 7 March 2014.</p>"),
        "notification-banner", "default");

    [Fact]
    public Task Notification_banner_of_type_success_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-notification-banner", new NotificationBannerTagHelper { Type = "success" }, "<p class=\"govuk-notification-banner__heading\">Email sent to example@email.com</p>"),
        "notification-banner", "with type as success");

    private const string Lpa = "It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.";

    [Fact]
    public Task Inset_text_renders_the_default_fixture() => ShouldRenderFixture(T("govuk-inset-text", new InsetTextTagHelper(), Lpa), "inset-text", "default");

    [Fact]
    public Task Inset_text_with_classes_renders_the_fixture() =>
        ShouldRenderFixture(T("govuk-inset-text", new InsetTextTagHelper(), [("class", "app-inset-text--custom-modifier")], Lpa), "inset-text", "classes");

    [Fact]
    public Task Warning_text_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-warning-text", new WarningTextTagHelper(), "You can be fined up to £5,000 if you don’t register."), "warning-text", "default");

    [Fact]
    public Task Warning_text_with_attributes_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-warning-text", new WarningTextTagHelper(), [("id", "my-warning-text"), ("data-test", "attribute")], "You can be fined up to £5,000 if you don’t register."),
        "warning-text", "attributes");

    [Fact]
    public Task Tag_renders_the_default_fixture() => ShouldRenderFixture(T("govuk-tag", new TagTagHelper(), "Alpha"), "tag", "default");

    [Fact]
    public Task Tag_with_a_colour_renders_the_fixture() => ShouldRenderFixture(T("govuk-tag", new TagTagHelper(), [("class", "govuk-tag--grey")], "Grey"), "tag", "grey");

    [Fact]
    public Task Back_link_renders_the_default_fixture() => ShouldRenderFixture(T("govuk-back-link", new BackLinkTagHelper()), "back-link", "default");

    [Fact]
    public Task Back_link_with_its_own_text_and_address_renders_the_fixture() =>
        ShouldRenderFixture(T("govuk-back-link", new BackLinkTagHelper { Href = "/home" }, "Back to home"), "back-link", "with custom text and link");

    [Fact]
    public Task Button_renders_the_default_fixture() => ShouldRenderFixture(T("govuk-button", new ButtonTagHelper(), "Save and continue"), "button", "default");

    [Fact]
    public Task Secondary_button_with_a_name_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-button", new ButtonTagHelper(), [("name", "secondary"), ("class", "govuk-button--secondary")], "Secondary button"), "button", "secondary");

    [Fact]
    public Task Button_that_prevents_double_clicks_renders_the_fixture() =>
        ShouldRenderFixture(T("govuk-button", new ButtonTagHelper { PreventDoubleClick = true }, "Submit"), "button", "prevent double click");

    [Fact]
    public Task Button_link_renders_the_fixture() => ShouldRenderFixture(T("govuk-button-link", new ButtonLinkTagHelper { Href = "/" }, "Link button"), "button", "link");

    [Fact]
    public async Task Button_link_that_keeps_its_link_role_has_no_button_role() =>
        (await Render(T("govuk-button-link", new ButtonLinkTagHelper { Href = "/next", KeepLinkRole = true }, "Continue")))
            .ShouldBeSameHtmlAs("""<a href="/next" class="govuk-button" data-module="govuk-button">Continue</a>""");

    [Fact]
    public async Task Button_keeps_a_data_module_it_is_given() =>
        (await Render(T("govuk-button", new ButtonTagHelper { Type = "button" }, [("class", "govuk-button--secondary"), ("data-module", "app-print")], "Print")))
            .ShouldBeSameHtmlAs("""<button type="button" class="govuk-button govuk-button--secondary" data-module="app-print">Print</button>""");

    [Fact]
    public Task Start_button_link_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-button-link", new ButtonLinkTagHelper { Href = "/", IsStartButton = true }, "Start now link button"), "button", "start link");

    private static Tag Page(int number, bool current = false) =>
        T("govuk-pagination-item", new PaginationItemTagHelper { Href = $"/page/{number}", IsCurrent = current }, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public Task Pagination_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-pagination", new PaginationTagHelper(),
            T("govuk-pagination-previous", new PaginationPreviousNextTagHelper { Href = "/previous" }), Page(1), Page(2, current: true), Page(3),
            T("govuk-pagination-next", new PaginationPreviousNextTagHelper { Href = "/next" })),
        "pagination", "default");

    [Fact]
    public Task Pagination_with_many_pages_and_ellipses_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-pagination", new PaginationTagHelper(),
            T("govuk-pagination-previous", new PaginationPreviousNextTagHelper { Href = "/previous" }), Page(1),
            T("govuk-pagination-ellipsis", new PaginationEllipsisTagHelper()), Page(8), Page(9), Page(10, current: true), Page(11), Page(12),
            T("govuk-pagination-ellipsis", new PaginationEllipsisTagHelper()), Page(40),
            T("govuk-pagination-next", new PaginationPreviousNextTagHelper { Href = "/next" })),
        "pagination", "with many pages");

    [Fact]
    public async Task Pagination_item_with_a_button_name_is_a_submit_button_posting_its_number()
    {
        var html = await Render(T("govuk-pagination", new PaginationTagHelper { LandmarkLabel = "Pages of problems" },
            T("govuk-pagination-item", new PaginationItemTagHelper { ButtonName = "ProblemsPage", IsCurrent = true, VisuallyHiddenText = "Problems page 1" }, "1"),
            T("govuk-pagination-item", new PaginationItemTagHelper { ButtonName = "ProblemsPage", VisuallyHiddenText = "Problems page 2" }, "2")));
        html.ShouldBeSameHtmlAs("""
            <nav class="govuk-pagination" aria-label="Pages of problems"><ul class="govuk-pagination__list">
            <li class="govuk-pagination__item govuk-pagination__item--current"><button class="govuk-link govuk-pagination__link app-page-button" type="submit" name="ProblemsPage" value="1" aria-label="Problems page 1" aria-current="page">1</button></li>
            <li class="govuk-pagination__item"><button class="govuk-link govuk-pagination__link app-page-button" type="submit" name="ProblemsPage" value="2" aria-label="Problems page 2">2</button></li>
            </ul></nav>
            """);
    }

    [Fact]
    public Task Pagination_with_only_previous_and_next_renders_the_block_fixture() => ShouldRenderFixture(
        T("govuk-pagination", new PaginationTagHelper(),
            T("govuk-pagination-previous", new PaginationPreviousNextTagHelper { Href = "/previous" }),
            T("govuk-pagination-next", new PaginationPreviousNextTagHelper { Href = "/next" })),
        "pagination", "with prev and next only");

    private static Tag Task(string title, string? href, object status, string? hint = null, string? statusClass = null)
    {
        var children = new List<object> { T("govuk-task-list-item-title", new TaskListItemTitleTagHelper { Href = href }, title) };
        if (hint is not null) children.Add(T("govuk-task-list-item-hint", new TaskListItemHintTagHelper(), hint));
        children.Add(T("govuk-task-list-item-status", new TaskListItemStatusTagHelper(), statusClass is null ? [] : [("class", statusClass)], status));
        return T("govuk-task-list-item", new TaskListItemTagHelper(), [.. children]);
    }

    private static Tag Tagged(string text, string colour) => T("govuk-tag", new TagTagHelper(), [("class", colour)], text);

    [Fact]
    public Task Task_list_renders_the_default_fixture() => ShouldRenderFixture(
        T("govuk-task-list", new TaskListTagHelper(),
            Task("Company Directors", "#", "Completed"),
            Task("Registered company details", "#", Tagged("Incomplete", "govuk-tag--blue")),
            Task("Business plan", "#", Tagged("Incomplete", "govuk-tag--blue"))),
        "task-list", "default");

    [Fact]
    public Task Task_list_with_hints_and_a_task_that_cannot_start_renders_the_fixture() => ShouldRenderFixture(
        T("govuk-task-list", new TaskListTagHelper(),
            Task("Company Directors", "#", "Completed"),
            Task("Registered company details", "#", Tagged("Not started", "govuk-tag--teal")),
            Task("Business plan", "#", Tagged("Review", "govuk-tag--magenta"), hint: "Ensure the plan covers objectives, strategies, sales, marketing and financial forecasts."),
            Task("Documentation", "#", Tagged("In progress", "govuk-tag--blue")),
            Task("Charitable status", "#", Tagged("Error", "govuk-tag--red")),
            Task("Payment", null, "Cannot start yet", hint: "It will cost between £15 and £75", statusClass: "govuk-task-list__status--cannot-start-yet")),
        "task-list", "with hint text and additional states");
}
