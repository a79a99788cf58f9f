namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A page that shows errors the GOV.UK way: a summary at the top linking to each field, the message by the
/// field, and "Error: " before the page title. Errors are keyed by the id of the field they belong to.
/// </summary>
public abstract class GovukPageModel : PageModel
{
    /// <summary>The page's title, without the "Error: " prefix.</summary>
    public abstract string Title { get; }

    public bool HasErrors => !ModelState.IsValid;

    /// <summary>The address of every page (<see cref="ShortBreaksLinks"/>), for redirects and links built in the model.</summary>
    public ShortBreaksLinks Links => HttpContext.RequestServices.GetRequiredService<ShortBreaksLinks>();

    // ModelState does not keep the order errors were added in; the error summary must follow the page's order.
    private readonly List<string> _errorOrder = [];

    public void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
            if (!_errorOrder.Contains(error.Field)) _errorOrder.Add(error.Field);
        }
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Each field's first error, in the order the fields were checked, for the error summary. Errors of no field
    /// (the problems of an uploaded file, say) are all listed: there is no field to show the rest by.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> ErrorSummary() =>
        ModelState.Where(kv => kv.Value is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 })
            .OrderBy(kv => _errorOrder.IndexOf(kv.Key) is var i and >= 0 ? i : int.MaxValue)
            .SelectMany(kv => (kv.Key.Length == 0 ? kv.Value!.Errors : kv.Value!.Errors.Take(1)).Select(e => (kv.Key, FriendlyMessage(kv.Key, e.ErrorMessage))))
            .ToList();

    /// <summary>
    /// Model binding errors (for example "The value 'abc' is not valid") are replaced with plain English by the
    /// page before it is shown; this keeps any the page did not replace readable.
    /// </summary>
    private static string FriendlyMessage(string field, string message) =>
        message.StartsWith("The value '", StringComparison.Ordinal) || message.StartsWith("The field ", StringComparison.Ordinal)
            ? "Enter a valid answer"
            : message;

    /// <summary>The page again with this error by the field, answered 429: for an attempt a throttle refused.</summary>
    protected PageResult TooManyAttempts(string field, string message)
    {
        ModelState.AddModelError(field, message);
        var refused = Page();
        refused.StatusCode = StatusCodes.Status429TooManyRequests;
        return refused;
    }

    /// <summary>
    /// The page again after a save the service refused: its problems by their fields, what the refused save left
    /// tracked let go, and the page's records read again as they now stand (<paramref name="reload"/>).
    /// </summary>
    protected async Task<IActionResult> RefusedAsync(IEnumerable<FieldError> errors, Func<Task> reload)
    {
        AddErrors(errors);
        HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>().ChangeTracker.Clear();
        await reload();
        return Page();
    }

    /// <summary>Removes model binding errors so the page's own rules speak instead.</summary>
    protected void ClearBindingErrors()
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            ModelState.Remove(key);
        }
    }
}
