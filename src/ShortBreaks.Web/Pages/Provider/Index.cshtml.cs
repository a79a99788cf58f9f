using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider;

/// <summary>A provider organisation's home: where it stands on the framework and what it can do.</summary>
public sealed class IndexModel(FrameworkService framework) : ProviderPageModel
{
    public override string Title => Member.OrganisationName;

    /// <summary>Why the organisation takes no new packages now (an expired insurance, say), when on the framework.</summary>
    public string? NewPackageRefusal { get; private set; }

    public async Task OnGetAsync()
    {
        if (FrameworkRules.IsOnFramework(Member.Status) && await framework.FileAsync(Member.OrganisationId, HttpContext.RequestAborted) is { } file)
            NewPackageRefusal = file.NewPackageRefusal;
    }
}
