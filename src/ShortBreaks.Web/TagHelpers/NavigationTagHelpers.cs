namespace ShortBreaks.Web.TagHelpers;

internal sealed class PaginationParts
{
    public (string Href, IHtmlContent? Text, string? Label)? Previous { get; set; }
    public (string Href, IHtmlContent? Text, string? Label)? Next { get; set; }
    public List<IHtmlContent> Items { get; } = [];
}

/// <summary>
/// GOV.UK pagination: <c>&lt;govuk-pagination&gt;&lt;govuk-pagination-previous href=".."/&gt;&lt;govuk-pagination-item href=".." is-current="true"&gt;2&lt;/govuk-pagination-item&gt;
/// &lt;govuk-pagination-ellipsis/&gt;&lt;govuk-pagination-next href=".."/&gt;&lt;/govuk-pagination&gt;</c>. With no items it is the block style.
/// </summary>
[HtmlTargetElement("govuk-pagination")]
[RestrictChildren("govuk-pagination-previous", "govuk-pagination-item", "govuk-pagination-ellipsis", "govuk-pagination-next")]
public sealed class PaginationTagHelper : TagHelper
{
    private const string PrevPath = "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z";
    private const string NextPath = "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z";

    [HtmlAttributeName("landmark-label")]
    public string LandmarkLabel { get; set; } = "Pagination";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new PaginationParts();
        await output.ChildContentFor(context, parts);
        var block = parts.Items.Count == 0;
        var attributes = GovUkHtml.Rest(output);
        var nav = GovUkHtml.Element("nav", GovUkHtml.Classes("govuk-pagination", block ? "govuk-pagination--block" : null, attributes.GetValueOrDefault("class")))
            .Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value))
            .Set("aria-label", LandmarkLabel);
        if (parts.Previous is { } previous) nav.Add(Link("prev", "Previous", previous, block));
        if (!block)
        {
            var list = GovUkHtml.Element("ul", "govuk-pagination__list");
            foreach (var item in parts.Items) list.Add(item);
            nav.Add(list);
        }

        if (parts.Next is { } next) nav.Add(Link("next", "Next", next, block));
        output.Render(nav);
    }

    private static TagBuilderContent Link(string rel, string word, (string Href, IHtmlContent? Text, string? Label) given, bool block)
    {
        var icon = new HtmlString(
            $"<svg class=\"govuk-pagination__icon govuk-pagination__icon--{rel}\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"{(rel == "prev" ? PrevPath : NextPath)}\"></path></svg>");
        var title = GovUkHtml.Element("span", GovUkHtml.Classes("govuk-pagination__link-title", block && given.Label is null ? "govuk-pagination__link-title--decorated" : null));
        if (given.Text is not null) title.Add(given.Text);
        else title.Add(new HtmlString(word + "<span class=\"govuk-visually-hidden\"> page</span>"));
        var link = GovUkHtml.Element("a", "govuk-link govuk-pagination__link").Set("href", given.Href).Set("rel", rel);
        if (rel == "prev") link.Add(icon).Add(title);
        else if (!block) link.Add(title).Add(icon);
        else link.Add(icon).Add(title);
        if (block && given.Label is not null)
        {
            link.Add(GovUkHtml.Element("span", "govuk-visually-hidden", ":"))
                .Add(GovUkHtml.Element("span", "govuk-pagination__link-label", given.Label));
        }

        return new TagBuilderContent(GovUkHtml.Element("div", "govuk-pagination__" + rel, link));
    }

    /// <summary>Wraps a built element so the method reads as what it returns.</summary>
    private sealed class TagBuilderContent(IHtmlContent inner) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) => inner.WriteTo(writer, encoder);
    }
}

/// <summary>The previous or next link; the content, when given, replaces "Previous page"/"Next page"; <c>label-text</c> is the block style's label.</summary>
[HtmlTargetElement("govuk-pagination-previous", ParentTag = "govuk-pagination")]
[HtmlTargetElement("govuk-pagination-next", ParentTag = "govuk-pagination")]
public sealed class PaginationPreviousNextTagHelper : LinkTagHelper
{
    [HtmlAttributeName("label-text")]
    public string? LabelText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var parts = context.Get<PaginationParts>();
        var given = (Href, content.IsEmptyOrWhiteSpace ? null : content.Snapshot(), LabelText);
        if (context.TagName == "govuk-pagination-previous") parts.Previous = given;
        else parts.Next = given;
        output.SuppressOutput();
    }
}

/// <summary>A numbered page; its content is the number; <c>is-current</c> marks the page shown.</summary>
[HtmlTargetElement("govuk-pagination-item", ParentTag = "govuk-pagination")]
public sealed class PaginationItemTagHelper : LinkTagHelper
{
    [HtmlAttributeName("is-current")]
    public bool IsCurrent { get; set; }

    /// <summary>"Page {number}" unless given.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    /// <summary>
    /// For pages of a list that lives only in a posted form (a check's problems, not stored): the item is a submit
    /// button of the form around the pagination, posting this name with the page number, instead of a link.
    /// </summary>
    [HtmlAttributeName("button-name")]
    public string? ButtonName { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var number = content.GetContent().Trim();
        var link = (ButtonName is null
                ? GovUkHtml.Element("a", "govuk-link govuk-pagination__link", new HtmlString(number)).Set("href", Href)
                : GovUkHtml.Element("button", "govuk-link govuk-pagination__link app-page-button", new HtmlString(number))
                    .Set("type", "submit").Set("name", ButtonName).Set("value", System.Net.WebUtility.HtmlDecode(number)))
            .Set("aria-label", VisuallyHiddenText ?? "Page " + System.Net.WebUtility.HtmlDecode(number))
            .Set("aria-current", IsCurrent ? "page" : null);
        context.Get<PaginationParts>().Items.Add(
            GovUkHtml.Element("li", GovUkHtml.Classes("govuk-pagination__item", IsCurrent ? "govuk-pagination__item--current" : null), link));
        output.SuppressOutput();
    }
}

[HtmlTargetElement("govuk-pagination-ellipsis", ParentTag = "govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationEllipsisTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Get<PaginationParts>().Items.Add(GovUkHtml.Element("li", "govuk-pagination__item govuk-pagination__item--ellipsis", new HtmlString("&ctdot;")));
        output.SuppressOutput();
    }
}

internal sealed class TaskListParts
{
    public int Count { get; set; }
}

public sealed class TaskItemParts
{
    public string? Href { get; set; }
    public GovUkPart? Title { get; set; }
    public IHtmlContent? Hint { get; set; }
    public GovUkPart? Status { get; set; }
}

/// <summary>
/// A GOV.UK task list: <c>&lt;govuk-task-list&gt;&lt;govuk-task-list-item&gt;&lt;govuk-task-list-item-title href=".."&gt;Your details&lt;/govuk-task-list-item-title&gt;
/// &lt;govuk-task-list-item-hint&gt;..&lt;/govuk-task-list-item-hint&gt;&lt;govuk-task-list-item-status&gt;Completed&lt;/govuk-task-list-item-status&gt;&lt;/govuk-task-list-item&gt;&lt;/govuk-task-list&gt;</c>.
/// A status may hold a <c>&lt;govuk-tag&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-task-list")]
[RestrictChildren("govuk-task-list-item")]
public sealed class TaskListTagHelper : TagHelper
{
    [HtmlAttributeName("id-prefix")]
    public string IdPrefix { get; set; } = "task-list";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Put(new TaskListParts());
        context.Items["TaskListIdPrefix"] = IdPrefix;
        Rewrite.As(output, "ul", "govuk-task-list");
    }
}

[HtmlTargetElement("govuk-task-list-item", ParentTag = "govuk-task-list")]
[RestrictChildren("govuk-task-list-item-title", "govuk-task-list-item-hint", "govuk-task-list-item-status")]
public sealed class TaskListItemTagHelper : TagHelper
{
    /// <summary>The status's id, which the link is described by; "{id-prefix}-{n}-status" unless given.</summary>
    [HtmlAttributeName("status-id")]
    public string? StatusId { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var list = context.Get<TaskListParts>();
        var index = ++list.Count;
        var prefix = (string)context.Items["TaskListIdPrefix"];
        var parts = new TaskItemParts();
        await output.ChildContentFor(context, parts);
        var hintId = $"{prefix}-{index.ToString(CultureInfo.InvariantCulture)}-hint";
        var statusId = StatusId ?? $"{prefix}-{index.ToString(CultureInfo.InvariantCulture)}-status";
        var attributes = GovUkHtml.Rest(output);
        var nameAndHint = GovUkHtml.Element("div", "govuk-task-list__name-and-hint");
        var titleContent = parts.Title?.Content ?? HtmlString.Empty;
        nameAndHint.Add(parts.Href is not null
            ? GovUkHtml.Element("a", GovUkHtml.Classes("govuk-link govuk-task-list__link", parts.Title?.Class), titleContent).Set("href", parts.Href)
                .Set("aria-describedby", GovUkHtml.DescribedBy(parts.Hint is null ? null : hintId, statusId))
            : GovUkHtml.Element("div", parts.Title?.Class, titleContent));
        if (parts.Hint is not null) nameAndHint.Add(GovUkHtml.Element("div", "govuk-task-list__hint", parts.Hint).Set("id", hintId));
        var item = GovUkHtml.Element("li", GovUkHtml.Classes("govuk-task-list__item", parts.Href is null ? null : "govuk-task-list__item--with-link", attributes.GetValueOrDefault("class")))
            .Merge(attributes.Where(a => a.Key != "class").ToDictionary(a => a.Key, a => a.Value))
            .Add(nameAndHint)
            .Add(GovUkHtml.Element("div", GovUkHtml.Classes("govuk-task-list__status", parts.Status?.Class), parts.Status?.Content ?? HtmlString.Empty).Set("id", statusId));
        output.Render(item);
    }
}

/// <summary>The task's name; with <c>href</c> it is a link to the task.</summary>
[HtmlTargetElement("govuk-task-list-item-title", ParentTag = "govuk-task-list-item")]
public sealed class TaskListItemTitleTagHelper : LinkPartTagHelper<TaskItemParts>
{
    protected override void Give(TaskItemParts parts, GovUkPart part)
    {
        parts.Href = Href;
        parts.Title = part;
    }
}

[HtmlTargetElement("govuk-task-list-item-hint", ParentTag = "govuk-task-list-item")]
public sealed class TaskListItemHintTagHelper : ChildPartTagHelper<TaskItemParts>
{
    protected override void Give(TaskItemParts parts, GovUkPart part) => parts.Hint = part.Content;
}

[HtmlTargetElement("govuk-task-list-item-status", ParentTag = "govuk-task-list-item")]
public sealed class TaskListItemStatusTagHelper : ChildPartTagHelper<TaskItemParts>
{
    protected override void Give(TaskItemParts parts, GovUkPart part) => parts.Status = part;
}
