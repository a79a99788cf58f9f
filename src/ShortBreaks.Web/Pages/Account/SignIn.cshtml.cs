using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Identity;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Pages.Account;

[AllowAnonymous]
public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : GovukPageModel
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

        var user = await users.FindByEmailAsync(Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email), "Your account is locked for 15 minutes after too many attempts. Try again later.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
            return Page();
        }

        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        var roles = await users.GetRolesAsync(user!);
        return Redirect(roles.Any(Roles.CaseStaff.Contains) ? "/staff" : roles.Contains(Roles.Family) ? "/account" : "/");
    }
}
