namespace ShortBreaks.Web.Pages.Account;

/// <summary>The link in the reset email: choose a new password. Every session of the account ends.</summary>
[AllowAnonymous]
public class ResetPasswordModel(UserManager<AppUser> users) : EmailLinkPageModel
{
    public override string Title => Done ? "Your password has been changed" : "Choose a new password";

    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Create a password");
        else if (PasswordRules.Problems(Password, user?.Email) is [var problem, ..]) ModelState.AddModelError(nameof(Password), problem);
        else if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        if (!ModelState.IsValid) return Page();

        var token = Token();
        var reset = user is null || token is null ? null : await users.ResetPasswordAsync(user, token, Password!);
        if (reset is null || !reset.Succeeded)
        {
            var passwordError = reset?.Errors.FirstOrDefault(e => e.Code is "PasswordRules" || e.Code.StartsWith("Password", StringComparison.Ordinal));
            ModelState.AddModelError(passwordError is null ? "" : nameof(Password),
                passwordError?.Description ?? "The link has expired or is not right. Ask for a new one from the sign in page.");
            return Page();
        }

        // Following the link proves the address is theirs.
        if (!user!.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        Done = true;
        return Page();
    }
}
