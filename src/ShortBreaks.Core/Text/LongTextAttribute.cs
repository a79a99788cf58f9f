namespace ShortBreaks.Core.Text;

/// <summary>
/// Marks text that may run over several lines (a description, reasons): line breaks and tabs are accepted in it,
/// as in a textarea. Every other text is one line. See <see cref="PlainText"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LongTextAttribute : Attribute;
