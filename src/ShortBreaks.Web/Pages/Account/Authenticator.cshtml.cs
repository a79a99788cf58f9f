using QRCoder;

namespace ShortBreaks.Web.Pages.Account;

/// <summary>
/// Setting up an authenticator app: a QR code and the key to type, a code from the app to prove it works, then
/// recovery codes to keep. Staff must do this before anything else; families may, from their account.
/// </summary>
[Authorize]
public class AuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SchemeCatalog schemes, TimeProvider clock) : GovukPageModel
{
    public const int RecoveryCodeCount = 10;

    public override string Title => Enrolled && RecoveryCodes.Count == 0 ? "Your authenticator app" : RecoveryCodes.Count > 0 ? "Save your recovery codes" : "Set up an authenticator app";

    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Enrolled { get; private set; }
    public bool IsStaff { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }

    public string Next => AccountSecurity.LocalOrNull(ReturnUrl) ?? Links.HomeFor(User);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect(Links.SignIn());
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect(Links.SignIn());
        if (user.TwoFactorEnabled)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), "Enter the 6 digit code your authenticator app shows");
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), "Enter the code your authenticator app shows now for this service");
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.ReissueAsync(user, passedSecondFactor: true);
        Enrolled = true;
        IsStaff = AccountSecurity.IsStaff(User);
        return Page();
    }

    /// <summary>New recovery codes, for someone who has used or lost theirs; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        ClearBindingErrors();
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect(Links.SignIn());
        if (!user.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Enrolled = true;
        IsStaff = AccountSecurity.IsStaff(User);
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enrolled = user.TwoFactorEnabled;
        IsStaff = AccountSecurity.IsStaff(User);
        if (Enrolled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);

            // A new key changes the account's security stamp: a new cookie keeps this session.
            await signIn.ReissueAsync(user, AccountSecurity.PassedSecondFactor(User));
        }

        Key = key!;
        var council = schemes.InForceOn(UkCalendar.Today(clock)).Council;
        var issuer = Uri.EscapeDataString(council.ServiceName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={Key}&issuer={issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
