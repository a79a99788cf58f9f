namespace ShortBreaks.Web.Pages.Account;

[AllowAnonymous]
public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, SignInTiming timing) : GovukPageModel
{
    public override string Title => "Sign in";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        var email = Email!.Trim();
        if (!throttle.TryAttempt("sign-in", email, HttpContext)) return TooManyAttempts(nameof(Email), throttle.Refusal);

        var user = await users.FindByEmailAsync(email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user?.PasswordHash is null)
        {
            // As long as checking a real password, so the answer's timing does not tell whether the account exists.
            timing.CheckAgainstNothing(Password!);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            // Throttling, not locking the account, stops guessing passwords.
            result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: false);
        }

        var next = AccountSecurity.LocalOrNull(ReturnUrl);
        if (result.RequiresTwoFactor)
        {
            return Redirect(Links.TwoFactor(returnUrl: next));
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email), "Your account is locked for 15 minutes after too many wrong codes. Try again later.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
            return Page();
        }

        var roles = await users.GetRolesAsync(user!);
        if (roles.Any(Roles.Staff.Contains))
        {
            // Staff without an authenticator app set one up before anything else.
            return Redirect(Links.Authenticator(returnUrl: next));
        }

        return Redirect(next ?? Links.HomeFor(roles));
    }
}
