namespace ShortBreaks.Web.Pages.Account;

/// <summary>Sends the confirmation email again to the signed-in person.</summary>
[Authorize]
public class ResendConfirmationModel(UserManager<AppUser> users, AccountEmails emails, SignInThrottle throttle) : GovukPageModel
{
    public override string Title => Sent ? "We have sent the email again" : AlreadyConfirmed ? "Your email address is confirmed" : "Confirm your email address";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Sent { get; private set; }
    public bool AlreadyConfirmed { get; private set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect(Links.SignIn());
        AlreadyConfirmed = user.EmailConfirmed;
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect(Links.SignIn());
        Email = user.Email;
        AlreadyConfirmed = user.EmailConfirmed;
        if (AlreadyConfirmed) return Page();
        if (!throttle.TryAttempt("confirm-email", user.Id, HttpContext)) return TooManyAttempts("", throttle.Refusal);

        await emails.SendConfirmationAsync(user, ReturnUrl, HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
