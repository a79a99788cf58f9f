namespace ShortBreaks.Web.Infrastructure;

/// <summary>A GOV.UK text input, for the _TextInput partial.</summary>
public sealed record TextInput(string Id, string Label, string? Value, string? Error)
{
    public string? Hint { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? Width { get; init; }
    public string? InputMode { get; init; }
    public bool LabelIsPageHeading { get; init; }
    public bool Spellcheck { get; init; }
}
