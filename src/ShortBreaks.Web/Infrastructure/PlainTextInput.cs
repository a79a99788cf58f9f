using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Text;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A page that checks every text field of its forms with <see cref="PlainText"/> in its own rules (the request
/// questions, through <see cref="RequestRules"/>), so its own field-level messages speak instead of the
/// general guard's.
/// </summary>
public interface IChecksPlainText;

/// <summary>
/// Refuses an address whose query string has a control character, an unpaired surrogate or bytes that are not
/// UTF-8, before anything reads it: problem details under /api, the error page elsewhere, never a 500.
/// </summary>
public sealed class PlainTextQueryGuard(RequestDelegate next)
{
    public const string RefusalItem = "ShortBreaks.InputRefused";

    public async Task InvokeAsync(HttpContext context)
    {
        if (PlainText.IsAcceptableQuery(context.Request.QueryString.Value, out var name))
        {
            await next(context);
            return;
        }

        var where = string.IsNullOrEmpty(name) ? "the query string" : $"the query string (in '{name}')";
        var detail = $"There are hidden characters such as control characters, or bytes that are not UTF-8, in {where}. Remove them and try again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read", detail: detail).ExecuteAsync(context);
            return;
        }

        context.Items[RefusalItem] = "The web address has hidden characters such as control characters in it. Check the address, or go back and try again.";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}

/// <summary>
/// Every form posted to a page is checked with <see cref="PlainText"/> before its handler runs (line breaks and
/// tabs are let through here: a textarea may have them; one-line answers are checked by the page's own rules).
/// A page with its own checks (<see cref="IChecksPlainText"/>) gives its own messages. Any other GOV.UK page is
/// shown again, as it is read, with the error summary naming each field and nothing saved; a page with no way to
/// show that answers with the error page (400).
/// </summary>
public sealed class PlainTextFormFilter : IAsyncPageFilter
{
    private const string RefusedItem = "ShortBreaks.RefusedFields";
    private const string ReadItem = "ShortBreaks.RefusedFieldsShownBy";

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var request = context.HttpContext.Request;
        // The error page shown for a refused form is not checked again.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ||
            context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null) return;
        // Multipart forms (file uploads) are read by their pages, which check their own fields and limits.
        if (HttpMethods.IsGet(request.Method) || !request.HasFormContentType ||
            request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true) return;

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var refused = form
            .Where(f => !PlainText.IsAcceptable(f.Key) || f.Value.Any(v => !PlainText.IsAcceptable(v, longText: true)))
            .Select(f => PlainText.IsAcceptable(f.Key) ? f.Key : "")
            .Distinct()
            .ToList();
        if (refused.Count == 0 || (context.HandlerInstance is IChecksPlainText && refused.All(f => f.Length > 0))) return;

        context.HttpContext.Items[RefusedItem] = refused;
        // Show the page as it is read instead of running what the form asked for.
        var read = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.HttpMethod == "Get" && string.IsNullOrEmpty(h.Name));
        if (context.HandlerInstance is GovukPageModel && read is not null)
        {
            context.HandlerMethod = read;
            context.HttpContext.Items[ReadItem] = read;
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Items[RefusedItem] is not List<string> refused)
        {
            await next();
            return;
        }

        if (context.HandlerMethod is null || context.HandlerMethod != context.HttpContext.Items[ReadItem] || context.HandlerInstance is not GovukPageModel page)
        {
            context.Result = Refusal(context.HttpContext);
            return;
        }

        var executed = await next();
        if (executed.Result is PageResult or null)
        {
            page.AddErrors(refused.Select(field => new FieldError(field, PlainText.Message(Label(field)))));
        }
        else
        {
            executed.Result = Refusal(context.HttpContext);
        }
    }

    private static StatusCodeResult Refusal(HttpContext context)
    {
        context.Items[PlainTextQueryGuard.RefusalItem] = $"An answer {PlainText.Refusal}. Go back, remove them and try again.";
        return new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    /// <summary>"Input.WhatMattersToMe" becomes "What matters to me".</summary>
    internal static string Label(string field)
    {
        var name = field.Split('.').Last();
        var bracket = name.IndexOf('[');
        if (bracket >= 0) name = name[..bracket];
        if (name.Length == 0) return "This answer";
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) words.Append(' ');
            words.Append(i == 0 ? char.ToUpperInvariant(name[i]) : char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
