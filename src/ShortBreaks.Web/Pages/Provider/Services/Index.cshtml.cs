using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Services;

/// <summary>The organisation's services, each with its price in force and whether it is published.</summary>
public sealed class IndexModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Services and prices";

    protected override bool AdministratorsOnly => false;

    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    public string KindName(string kind) => Settings.Kinds.FirstOrDefault(k => k.Id == kind)?.Name ?? kind;

    public static string Published(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "Published",
        ServiceStatus.Inactive => "Published when approved",
        ServiceStatus.TemporarilyClosed => "Not shown while suspended",
        _ => "Withdrawn",
    };

    public void OnGet()
    {
    }
}
