namespace ShortBreaks.Web.Pages.Account;

/// <summary>The link in the confirmation email.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<AppUser> users) : EmailLinkPageModel
{
    public override string Title => Confirmed ? "Your email address is confirmed" : "This link does not work";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Confirmed { get; private set; }

    public string Next => AccountSecurity.LocalOrNull(ReturnUrl) is { } next
        ? User.Identity?.IsAuthenticated == true ? next : Links.SignIn(returnUrl: next)
        : User.Identity?.IsAuthenticated == true ? Links.HomeFor(User) : Links.SignIn();

    public async Task OnGetAsync()
    {
        if (string.IsNullOrEmpty(UserId) || Token() is not { } token) return;
        var user = await users.FindByIdAsync(UserId);
        if (user is null) return;
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
