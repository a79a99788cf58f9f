using System.Buffers.Binary;

namespace ShortBreaks.Core.Identity;

/// <summary>
/// Authenticator apps (time-based one-time codes, RFC 6238): what Identity's own authenticator token provider
/// checks, computed here too so the demo's command line and the tests can produce a current code.
/// </summary>
public static class Authenticator
{
    /// <summary>
    /// The key every demo staff login is enrolled with. Add it to an authenticator app, or run the command-line
    /// tool's <c>demo-code</c> to print the current code. Never used outside the demo.
    /// </summary>
    public const string DemoKey = "SHORTBREAKSDEMOAUTHENTICATORKEY2";

    /// <summary>Where Identity's user store keeps the authenticator key (the store's own names).</summary>
    private const string StoreLoginProvider = "[AspNetUserStore]";

    private const string KeyTokenName = "AuthenticatorKey";

    private const int StepSeconds = 30;

    /// <summary>The code an authenticator app shows now for a Base32 key.</summary>
    public static string CurrentCode(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / StepSeconds;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Seconds until the current code changes.</summary>
    public static int SecondsLeft(DateTimeOffset? at = null) =>
        StepSeconds - (int)((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() % StepSeconds);

    /// <summary>
    /// Enrols an account with a known key and turns the second factor on, as if the person had set up their app.
    /// For demo accounts and tests; people set up their own app on the authenticator page.
    /// </summary>
    public static async Task EnrolAsync(UserManager<AppUser> users, AppUser user, string base32Key)
    {
        Check(await users.SetAuthenticationTokenAsync(user, StoreLoginProvider, KeyTokenName, base32Key));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
    }

    /// <summary>The authenticator key row Identity's store reads, for data written without a UserManager.</summary>
    public static IdentityUserToken<string> KeyToken(string userId, string base32Key) =>
        new() { UserId = userId, LoginProvider = StoreLoginProvider, Name = KeyTokenName, Value = base32Key };

    /// <summary>Groups a key in fours so it is easier to type into an app.</summary>
    public static string Readable(string base32Key) =>
        string.Join(' ', Enumerable.Range(0, (base32Key.Length + 3) / 4).Select(i => base32Key.Substring(i * 4, Math.Min(4, base32Key.Length - i * 4)))).ToLowerInvariant();

    private static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a Base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.ToArray();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
