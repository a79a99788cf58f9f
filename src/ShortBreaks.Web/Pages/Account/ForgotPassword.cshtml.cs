namespace ShortBreaks.Web.Pages.Account;

/// <summary>
/// Asking for a password reset. The answer is the same whether or not the address has an account; an email goes
/// either way (a reset link, or a note that there is no account), so the answer takes as long too.
/// </summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<AppUser> users, AccountEmails emails, SignInThrottle throttle) : GovukPageModel
{
    public override string Title => Sent ? "Check your email" : "Reset your password";

    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        else if (!RequestRules.IsEmail(Email.Trim())) ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        if (!ModelState.IsValid) return Page();

        var email = Email!.Trim();
        if (!throttle.TryAttempt("reset", email, HttpContext)) return TooManyAttempts(nameof(Email), throttle.Refusal);

        var user = await users.FindByEmailAsync(email);
        if (user is null) await emails.SendNoAccountAsync(email, HttpContext.RequestAborted);
        else await emails.SendPasswordResetAsync(user, HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
