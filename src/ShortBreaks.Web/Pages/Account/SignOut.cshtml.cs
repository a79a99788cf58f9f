namespace ShortBreaks.Web.Pages.Account;

[AllowAnonymous]
public class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : GovukPageModel
{
    public override string Title => "You have signed out";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session everywhere: a copy of the cookie is refused from now on.
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
