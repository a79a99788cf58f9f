using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Users;

/// <summary>
/// An administrator adds a person to the organisation, as a worker or another administrator: an account is made for
/// them with the Provider role and no password, and they are emailed a link to set one (and then set up an
/// authenticator when they first sign in). An address that already has an account cannot be added.
/// </summary>
public sealed class AddModel(OrganisationTeam team, FrameworkService framework, UserManager<AppUser> users, EmailSender email,
    ShortBreaksDbContext db, ILogger<AddModel> logger, TimeProvider clock, Actor actor) : ProviderPageModel
{
    public override string Title => "Add a user";

    public const string Worker = "worker";
    public const string Administrator = "administrator";

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }

    public IActionResult OnGet() => Member.IsAdministrator ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!Member.IsAdministrator) return Forbid();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(DisplayName)) errors.Add(new(nameof(DisplayName), "Enter the person's full name"));
        else if (DisplayName.Length > RequestRules.NameMaxLength) errors.Add(new(nameof(DisplayName), $"The name must be {RequestRules.NameMaxLength} characters or fewer"));
        else if (!PlainText.IsAcceptable(DisplayName)) errors.Add(new(nameof(DisplayName), "The name must not contain hidden or control characters"));
        if (string.IsNullOrWhiteSpace(Email)) errors.Add(new(nameof(Email), "Enter the person's email address"));
        else if (Email.Length > 254 || !RequestRules.IsEmail(Email.Trim())) errors.Add(new(nameof(Email), "Enter an email address in the correct format, like name@example.com"));
        if (Role is not (Worker or Administrator)) errors.Add(new(nameof(Role), "Select what the person can do"));
        AddErrors(errors);
        if (!ModelState.IsValid) return Page();

        var address = Email!.Trim();
        var ct = HttpContext.RequestAborted;
        if (await users.FindByEmailAsync(address) is not null)
        {
            AddErrors([new FieldError(nameof(Email), "This email address already has an account with the service. Ask the person for another address, or ask the council to move their account")]);
            return Page();
        }

        var user = new AppUser { UserName = address, Email = address, DisplayName = DisplayName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            AddErrors(created.Errors.Select(e => new FieldError(nameof(Email), e.Description)));
            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Provider);
        var added = await team.AddAsync(Member.OrganisationId, user.Id, Role == Administrator, ct);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            AddErrors(added.Errors);
            return Page();
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = email.Options.PublicBaseUrl.TrimEnd('/') + Links.ResetPassword(user.Id, token);
        await email.TrySendAsync(db, logger, address, null,
            FrameworkEmails.Invitation(user.DisplayName, Member.OrganisationName, actor.Name, link, framework.Scheme.Council), ct);
        return Redirect(Links.ProviderUsers(saved: "added"));
    }
}
