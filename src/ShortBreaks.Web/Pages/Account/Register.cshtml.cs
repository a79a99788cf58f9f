using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Pages.Account;

/// <summary>Parent carers (and young people) create their own account; staff accounts are made by an administrator.</summary>
[AllowAnonymous]
public class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : GovukPageModel
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
        else if (Password.Length < 12) ModelState.AddModelError(nameof(Password), "Your password must be at least 12 characters");
        else if (Password.Length > 200) ModelState.AddModelError(nameof(Password), "Your password must be 200 characters or fewer");
        else if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        if (!ModelState.IsValid) return Page();

        var email = Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(Email), "An account already uses this email address: sign in instead");
            return Page();
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
        await signIn.SignInAsync(user, isPersistent: false);
        return !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : Redirect("/account");
    }
}
