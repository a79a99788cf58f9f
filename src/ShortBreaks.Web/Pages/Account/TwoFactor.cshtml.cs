namespace ShortBreaks.Web.Pages.Account;

/// <summary>The second step of signing in: the code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
public class TwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle) : GovukPageModel
{
    public override string Title => UseRecoveryCode ? "Enter a recovery code" : "Enter the code from your authenticator app";

    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>True on the recovery code page, for someone without their phone.</summary>
    [BindProperty(SupportsGet = true, Name = "recovery")] public bool UseRecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(Links.SignIn()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect(Links.SignIn());

        // Recovery codes are "xxxxx-xxxxx"; app codes are digits, sometimes typed with spaces.
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c) && (UseRecoveryCode || c != '-')).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), UseRecoveryCode ? "Enter a recovery code" : "Enter the 6 digit code from your authenticator app");
            return Page();
        }

        if (!throttle.TryAttempt("two-factor", user.Id, HttpContext)) return TooManyAttempts(nameof(Code), throttle.Refusal);

        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "Your account is locked for 15 minutes after too many wrong codes. Try again later.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), UseRecoveryCode
                ? "Enter a recovery code you have not used before"
                : "Enter the code your authenticator app shows now");
            return Page();
        }

        return Redirect(AccountSecurity.LocalOrNull(ReturnUrl) ?? Links.HomeFor(await users.GetRolesAsync(user)));
    }
}
