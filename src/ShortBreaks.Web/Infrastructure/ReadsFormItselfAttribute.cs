using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Stops model binding from reading the request's form, for a page that reads it itself inside a try/catch:
/// a body over the size limits then becomes a message on the page instead of an error page. Route and query
/// values are still bound. The page must also check the antiforgery token itself, once the form is read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadsFormItselfAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
