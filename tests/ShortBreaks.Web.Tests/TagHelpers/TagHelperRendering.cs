using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;

namespace ShortBreaks.Web.Tests.TagHelpers;

/// <summary>A tag as a page would write it: the helper (with its bound attributes set), other attributes, and what is inside.</summary>
public sealed record Tag(string Name, ITagHelper? Helper, (string Name, string Value)[] Attributes, object[] Children);

/// <summary>
/// Runs tag helpers the way Razor does (each child's context gets a copy of its parent's items, the child content is
/// rendered on demand) and compares the result with GOV.UK Frontend's own fixtures.
/// </summary>
public static class TagHelperRendering
{
    public static Tag T(string name, ITagHelper? helper, params object[] children) => new(name, helper, [], children);

    public static Tag T(string name, ITagHelper? helper, (string, string)[] attributes, params object[] children) => new(name, helper, attributes, children);

    public static ViewContext ViewWith(params (string Field, string? Attempted, string? Error)[] fields)
    {
        var modelState = new ModelStateDictionary();
        foreach (var (field, attempted, error) in fields)
        {
            if (attempted is not null) modelState.SetModelValue(field, attempted, attempted);
            if (error is not null) modelState.AddModelError(field, error);
        }

        var action = new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor(), modelState);
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState);
        return new ViewContext(action, new NoView(), viewData, new TempDataDictionary(action.HttpContext, new NoTempData()), TextWriter.Null, new HtmlHelperOptions());
    }

    private sealed class NoView : Microsoft.AspNetCore.Mvc.ViewEngines.IView
    {
        public string Path => "";

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NoTempData : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }

    public static async Task<string> Render(Tag tag) => await Render(tag, new Dictionary<object, object>());

    private static async Task<string> Render(object node, IDictionary<object, object> items)
    {
        if (node is string html) return html;
        var tag = (Tag)node;
        var attributes = new TagHelperAttributeList(tag.Attributes.Select(a => new TagHelperAttribute(a.Name, a.Value)));
        var context = new TagHelperContext(tag.Name, new TagHelperAttributeList(attributes), new Dictionary<object, object>(items), Guid.NewGuid().ToString());
        var output = new TagHelperOutput(tag.Name, attributes, async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            foreach (var child in tag.Children) content.AppendHtml(await Render(child, context.Items));
            return content;
        });
        if (tag.Helper is { } helper)
        {
            helper.Init(context);
            await helper.ProcessAsync(context, output);
        }

        if (!output.IsContentModified) output.Content.SetHtmlContent(await output.GetChildContentAsync());
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static string Fixture(string component, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "GovUkFixtures", component + ".json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var fixture in json.RootElement.GetProperty("fixtures").EnumerateArray())
        {
            if (fixture.GetProperty("name").GetString() == name) return fixture.GetProperty("html").GetString()!;
        }

        throw new ArgumentException($"No fixture '{name}' for {component}.");
    }

    /// <summary>The same markup, ignoring whitespace between and around text, attribute order and class order.</summary>
    public static void ShouldBeSameHtmlAs(this string actual, string expected) => Canonical(actual).ShouldBe(Canonical(expected));

    public static async Task ShouldRenderFixture(Tag tag, string component, string fixture) =>
        (await Render(tag)).ShouldBeSameHtmlAs(Fixture(component, fixture));

    public static string Canonical(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var text = new StringBuilder();
        foreach (var child in document.Body!.ChildNodes) Write(child, text, 0);
        return text.ToString();
    }

    private static void Write(INode node, StringBuilder text, int depth)
    {
        switch (node)
        {
            case IElement element:
                text.Append(' ', depth * 2).Append('<').Append(element.LocalName);
                foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    var value = attribute.Name == "class"
                        ? string.Join(' ', attribute.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
                        : attribute.Value;
                    text.Append(' ').Append(attribute.Name).Append("=\"").Append(value).Append('"');
                }

                text.Append(">\n");
                var children = element is AngleSharp.Html.Dom.IHtmlTemplateElement template ? template.Content.ChildNodes : element.ChildNodes;
                foreach (var child in children) Write(child, text, depth + 1);
                text.Append(' ', depth * 2).Append("</").Append(element.LocalName).Append(">\n");
                break;
            case IText t:
                var collapsed = string.Join(' ', t.Data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (collapsed.Length > 0) text.Append(' ', depth * 2).Append(collapsed).Append('\n');
                break;
        }
    }
}
