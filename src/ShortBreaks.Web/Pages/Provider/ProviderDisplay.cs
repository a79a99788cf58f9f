using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider;

/// <summary>How the provider framework's states read on a page, for providers and for commissioning alike.</summary>
public static class ProviderDisplay
{
    public static string Status(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Registered => "Registered, not yet applied",
        FrameworkStatus.Applied => "Applied, waiting for a decision",
        FrameworkStatus.MoreInformationAsked => "More information asked for",
        FrameworkStatus.Approved => "Approved",
        FrameworkStatus.Refused => "Refused",
        FrameworkStatus.Suspended => "Suspended",
        FrameworkStatus.Removed => "Removed",
        _ => status.ToString(),
    };
}
