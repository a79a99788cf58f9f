namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A form that changes a record carries the record's concurrency version as the person saw it. A post without one,
/// or with one that is not a number, is refused: assuming the current version would let it overwrite a change the
/// person never saw.
/// </summary>
public static class FormVersion
{
    public const string Missing =
        "This form did not say which version of the record you were changing, so nothing was saved. Open the page again and make your change.";
}
