using System.Reflection;

namespace ShortBreaks.Core.Identity;

/// <summary>
/// The password rules beyond length: a password may not be one that people choose most often (the list shipped
/// in <c>common-passwords.txt</c>, also with digits or symbols added at the end), and may not contain the
/// person's email address or the part before the @.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 12;

    /// <summary>The longest password accepted (hashing a very long one is slow on purpose).</summary>
    public const int MaximumLength = 200;

    /// <summary>A local part shorter than this ("jo@...") is too short to look for inside a password.</summary>
    private const int ShortestLocalPartChecked = 4;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower)) return true;

        // "password2024!" is as easy to guess as "password".
        var core = lower.TrimEnd("0123456789!?.,-_*#@$%&+= ".ToCharArray());
        return core.Length > 0 && core.Length < lower.Length && Common.Value.Contains(core);
    }

    public static bool ContainsEmail(string password, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var address = email.Trim();
        if (password.Contains(address, StringComparison.OrdinalIgnoreCase)) return true;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? address[..at] : address;
        return local.Length >= ShortestLocalPartChecked && password.Contains(local, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every rule the password breaks, in the words the pages show.</summary>
    public static IReadOnlyList<string> Problems(string password, string? email)
    {
        var problems = new List<string>();
        if (password.Length < MinimumLength) problems.Add($"Your password must be at least {MinimumLength} characters");
        else if (password.Length > MaximumLength) problems.Add($"Your password must be {MaximumLength} characters or fewer");
        else if (IsCommon(password)) problems.Add("Your password is one that many people use: choose one that is harder to guess, such as three or four words together");
        else if (ContainsEmail(password, email)) problems.Add("Your password must not contain your email address");
        return problems;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var problems = Problems(password ?? "", user.Email ?? user.UserName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordRules", Description = p }).ToArray()));
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ShortBreaks.Core.Identity.common-passwords.txt")
                           ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var password = line.Trim().ToLowerInvariant();
            if (password.Length > 0) set.Add(password);
        }

        return set;
    }
}
