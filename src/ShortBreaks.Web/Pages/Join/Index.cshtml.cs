using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Join;

/// <summary>
/// An organisation that provides short breaks registers to join the framework (open all year): its name, and the
/// person who will administer it, with their email address and a password. The person confirms their address as a
/// family does, and signs in with an authenticator app as staff do. As on the family register page, the answer is the
/// same whether or not the address has an account: "check your email".
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(UserManager<AppUser> users, AccountEmails emails, SignInTiming timing, SignInThrottle throttle,
    FrameworkService framework, Actor actor, TimeProvider clock) : GovukPageModel
{
    public override string Title => "Join the short breaks provider framework";

    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(OrganisationName)) errors.Add(new(nameof(OrganisationName), "Enter the organisation's name"));
        else if (OrganisationName.Trim().Length > FrameworkRules.NameMaxLength) errors.Add(new(nameof(OrganisationName), $"The organisation's name must be {FrameworkRules.NameMaxLength} characters or fewer"));
        else if (!PlainText.IsAcceptable(OrganisationName)) errors.Add(new(nameof(OrganisationName), "The organisation's name must not contain hidden or control characters"));
        if (string.IsNullOrWhiteSpace(DisplayName)) errors.Add(new(nameof(DisplayName), "Enter your full name"));
        else if (DisplayName.Length > RequestRules.NameMaxLength) errors.Add(new(nameof(DisplayName), $"Your name must be {RequestRules.NameMaxLength} characters or fewer"));
        else if (!PlainText.IsAcceptable(DisplayName)) errors.Add(new(nameof(DisplayName), "Your name must not contain hidden or control characters"));
        if (string.IsNullOrWhiteSpace(Email)) errors.Add(new(nameof(Email), "Enter your email address"));
        else if (Email.Length > 254 || !RequestRules.IsEmail(Email.Trim())) errors.Add(new(nameof(Email), "Enter an email address in the correct format, like name@example.com"));
        if (string.IsNullOrEmpty(Password)) errors.Add(new(nameof(Password), "Create a password"));
        else if (PasswordRules.Problems(Password, Email?.Trim()) is [var problem, ..]) errors.Add(new(nameof(Password), problem));
        else if (Password != ConfirmPassword) errors.Add(new(nameof(ConfirmPassword), "The passwords do not match"));
        AddErrors(errors);
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
            AddErrors(created.Errors.Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), e.Description)));
            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Provider);
        actor.UserId = user.Id;
        actor.Name = user.DisplayName;
        await framework.RegisterAsync(user.Id, OrganisationName!, email, ct);
        await emails.SendConfirmationAsync(user, Links.ProviderApplication(), ct);
        return Redirect(Links.CheckEmail());
    }
}
