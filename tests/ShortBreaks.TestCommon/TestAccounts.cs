using Microsoft.AspNetCore.Identity;
using ShortBreaks.Core.Identity;

namespace ShortBreaks.TestCommon;

/// <summary>
/// Accounts as the tests need them: staff enrolled with a known authenticator key (so a test can sign in with
/// a current code) and families whose email address is confirmed.
/// </summary>
public static class TestAccounts
{
    /// <summary>The password of every test account.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>The authenticator key every test staff account is enrolled with.</summary>
    public const string AuthenticatorKey = "TESTSTAFFAUTHENTICATORKEYABCDEF2";

    /// <summary>The code an authenticator app with <see cref="AuthenticatorKey"/> shows now.</summary>
    public static string CurrentCode() => Authenticator.CurrentCode(AuthenticatorKey);

    /// <summary>Settings for a test host: sign-in throttling so generous that tests never meet it.</summary>
    public static IReadOnlyDictionary<string, string> UnthrottledSettings { get; } = new Dictionary<string, string>
    {
        ["SignInLimits:PerAccount"] = "1000000",
        ["SignInLimits:PerClient"] = "1000000",
    };

    /// <summary>Enrols a staff account (any role but a family) with the test authenticator key.</summary>
    public static async Task EnrolIfStaffAsync(UserManager<AppUser> users, AppUser user, IEnumerable<string> roles)
    {
        if (roles.Any(Roles.Staff.Contains))
        {
            await Authenticator.EnrolAsync(users, user, AuthenticatorKey);
        }
    }
}
