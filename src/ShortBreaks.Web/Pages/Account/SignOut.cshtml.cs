using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Identity;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Pages.Account;

[AllowAnonymous]
public class SignOutModel(SignInManager<AppUser> signIn) : GovukPageModel
{
    public override string Title => "You have signed out";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
