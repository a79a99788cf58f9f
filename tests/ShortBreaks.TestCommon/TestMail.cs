using System.Text.RegularExpressions;
using MimeKit;

namespace ShortBreaks.TestCommon;

/// <summary>Reads the emails a test host wrote to its pickup folder, as a person reads their inbox.</summary>
public static partial class TestMail
{
    /// <summary>Every email to an address, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> To(string folder, string address) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").Order()
                .Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList();

    /// <summary>The path and query of the newest link to <paramref name="path"/> in an email to the address.</summary>
    public static string LatestLink(string folder, string address, string path)
    {
        foreach (var message in To(folder, address).Reverse())
        {
            foreach (Match match in Link().Matches(message.TextBody ?? ""))
            {
                var uri = new Uri(match.Value);
                if (uri.AbsolutePath == path) return uri.PathAndQuery;
            }
        }

        throw new InvalidOperationException($"No email to {address} has a link to {path}.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
