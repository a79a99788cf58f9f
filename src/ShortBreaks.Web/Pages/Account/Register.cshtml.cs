namespace ShortBreaks.Web.Pages.Account;

/// <summary>
/// Parent carers (and young people) create their own account; staff accounts are made by an administrator.
/// The answer is the same whether or not the address already has an account: "check your email". The email
/// says which: a link to confirm the address, or that the address has an account already.
/// </summary>
[AllowAnonymous]
public class RegisterModel(UserManager<AppUser> users, AccountEmails emails, SignInTiming timing, SignInThrottle throttle, TimeProvider clock) : GovukPageModel
{
    public override string Title => "Create an account";

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (string.IsNullOrWhiteSpace(DisplayName)) ModelState.AddModelError(nameof(DisplayName), "Enter your full name");
        else if (DisplayName.Length > RequestRules.NameMaxLength) ModelState.AddModelError(nameof(DisplayName), $"Your name must be {RequestRules.NameMaxLength} characters or fewer");
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        else if (!RequestRules.IsEmail(Email.Trim())) ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Create a password");
        else if (PasswordRules.Problems(Password, Email?.Trim()) is [var problem, ..]) ModelState.AddModelError(nameof(Password), problem);
        else if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        if (!ModelState.IsValid) return Page();

        var email = Email!.Trim();
        if (!throttle.TryAttempt("register", email, HttpContext)) return TooManyAttempts(nameof(Email), throttle.Refusal);

        var ct = HttpContext.RequestAborted;
        if (await users.FindByEmailAsync(email) is not null)
        {
            // As slow as creating an account, and an email either way, so nothing tells the address has an account.
            timing.CheckAgainstNothing(Password!);
            await emails.SendAlreadyRegisteredAsync(email, ct);
            return Redirect(Links.CheckEmail());
        }

        var user = new AppUser { UserName = email, Email = email, DisplayName = DisplayName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password") ? nameof(Password) : nameof(Email), error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Family);
        await emails.SendConfirmationAsync(user, ReturnUrl, ct);
        return Redirect(Links.CheckEmail());
    }
}
