namespace ShortBreaks.Web.Pages.Messages;

/// <summary>
/// A person's tasks and messages in the service, whoever they are (a family, an officer, a manager): what waits on them,
/// what they were told, and whether they are also emailed. Only their own list: it is read by the signed-in account.
/// </summary>
[Authorize]
public sealed class IndexModel(MessageList list) : GovukPageModel
{
    public const int PageSize = 20;

    public override string Title => "Your tasks and messages";

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }
    [BindProperty] public string? EmailChoice { get; set; }

    public MessagePage List { get; private set; } = new([], [], 0, 0, Core.Notifications.EmailChoice.EmailAndList);
    public int PageCount => Math.Max(1, (List.MessageCount + PageSize - 1) / PageSize);

    public string PageLink(int page) => Links.Messages(page: page);

    public IReadOnlyList<int?> PageNumbers() => Infrastructure.PageNumbers.Around(PageNumber, PageCount);

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.UserId() is not { } userId) return Challenge();
        PageNumber = Math.Max(1, PageNumber);
        await ReadAsync(userId);
        if (PageNumber > PageCount) return Redirect(Links.Messages(page: PageCount));
        EmailChoice = List.EmailChoice.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.UserId() is not { } userId) return Challenge();
        ClearBindingErrors();
        Core.Notifications.EmailChoice? chosen = Enum.TryParse<Core.Notifications.EmailChoice>(EmailChoice, ignoreCase: false, out var c) && Enum.IsDefined(c) ? c : null;
        var result = await list.SetEmailChoiceAsync(userId, chosen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.Messages(saved: "choice"));
        AddErrors(result.Errors.Select(e => e with { Field = "EmailChoice-EmailAndList" }));
        PageNumber = 1;
        await ReadAsync(userId);
        return Page();
    }

    private async Task ReadAsync(string userId) => List = await list.ReadAsync(userId, PageNumber, PageSize, HttpContext.RequestAborted);
}
