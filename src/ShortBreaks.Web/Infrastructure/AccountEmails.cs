namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// The emails about an account: confirming the address, resetting a password, and the ones sent instead when
/// the address has (or has no) account, so the pages answer the same either way and never say which.
/// </summary>
public sealed class AccountEmails(UserManager<AppUser> users, EmailSender email, SchemeCatalog schemes, TimeProvider clock, ShortBreaksLinks links)
{
    private string Service
    {
        get
        {
            var council = schemes.InForceOn(UkCalendar.Today(clock)).Council;
            return $"{council.ServiceName} - {council.Name}";
        }
    }

    private string Url(string pathAndQuery) => email.Options.PublicBaseUrl.TrimEnd('/') + pathAndQuery;

    public async Task SendConfirmationAsync(AppUser user, string? returnUrl, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Url(links.ConfirmEmail(user.Id, token, AccountSecurity.LocalOrNull(returnUrl)));
        await email.SendAsync(user.Email!, "Confirm your email address",
            $"""
            Dear {user.DisplayName},

            Confirm your email address for {Service} by opening this link:

            {link}

            You need to confirm it before you can send a request. The link works for 24 hours.

            If you did not create an account, you can ignore this email.
            """, ct);
    }

    /// <summary>Sent when someone tries to create an account with an address that already has one.</summary>
    public Task SendAlreadyRegisteredAsync(string address, CancellationToken ct) =>
        email.SendAsync(address, "You already have an account",
            $"""
            Someone, probably you, tried to create an account for {Service} with this email address.

            You already have an account. Sign in at {Url(links.SignIn())}

            If you have forgotten your password, reset it at {Url(links.ForgotPassword())}

            If it was not you, you can ignore this email: nothing has changed.
            """, ct);

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = Url(links.ResetPassword(user.Id, token));
        await email.SendAsync(user.Email!, "Reset your password",
            $"""
            Dear {user.DisplayName},

            You asked to reset your password for {Service}. Choose a new one by opening this link:

            {link}

            The link works for 24 hours. If you did not ask, you can ignore this email: your password has not changed.
            """, ct);
    }

    /// <summary>Sent when someone asks to reset the password of an address that has no account.</summary>
    public Task SendNoAccountAsync(string address, CancellationToken ct) =>
        email.SendAsync(address, "Reset your password",
            $"""
            Someone, probably you, asked to reset the password for {Service} for this email address.

            There is no account with this address. You can create one at {Url(links.Register())}

            If it was not you, you can ignore this email.
            """, ct);
}
