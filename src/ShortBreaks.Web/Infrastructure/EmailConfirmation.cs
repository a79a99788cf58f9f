namespace ShortBreaks.Web.Infrastructure;

/// <summary>A family confirms their email address before they send a request (pages and API alike).</summary>
public static class EmailConfirmation
{
    public const string Message = "Confirm your email address before you send your request: open the link in the email we sent you";

    /// <summary>True when the signed-in person has not confirmed their email address yet.</summary>
    public static async Task<bool> NotConfirmedAsync(UserManager<AppUser> users, ClaimsPrincipal user)
    {
        var account = await users.GetUserAsync(user);
        return account is not null && !account.EmailConfirmed;
    }
}
