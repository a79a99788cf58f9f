using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>The organisation's application as a task list: each section, whether it is done, and checking and sending it.</summary>
public sealed class IndexModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Your application to the framework";

    protected override bool AdministratorsOnly => false;

    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    public sealed record Task(string Section, string Name, string Href, bool Done, bool Started);

    public IReadOnlyList<Task> Tasks()
    {
        var o = Record.Organisation;
        bool Done(string section) => Record.Missing.All(m => m.Field != section);
        return
        [
            new(ApplicationSections.Organisation, "Organisation details", Links.ProviderApplicationOrganisation(), Done(ApplicationSections.Organisation), o.LegalName.Length > 0),
            new(ApplicationSections.Safeguarding, "Safeguarding lead and DBS policy", Links.ProviderApplicationSafeguarding(), Done(ApplicationSections.Safeguarding), o.SafeguardingLeadName is not null),
            new(ApplicationSections.Registrations, "Ofsted or CQC registration", Links.ProviderApplicationRegistrations(), Done(ApplicationSections.Registrations), o.Registrations.Count > 0),
            new(ApplicationSections.Insurance, "Insurance", Links.ProviderApplicationInsurance(), Done(ApplicationSections.Insurance), o.Insurances.Count > 0),
            new(ApplicationSections.Criteria, "The framework's questions", Links.ProviderApplicationCriteria(), Done(ApplicationSections.Criteria), Record.Application?.Answers.Count > 0),
            new(ApplicationSections.Documents, "Evidence documents", Links.ProviderApplicationDocuments(), Done(ApplicationSections.Documents), Record.Documents.Count > 0),
            new(ApplicationSections.Services, "Services and prices", Links.ProviderServices(), Done(ApplicationSections.Services), Record.Services.Count > 0),
        ];
    }

    /// <summary>The latest decision's reasons, shown to the organisation when it asked for more or refused.</summary>
    public FrameworkStatusChange? LastDecision => Record.History.FirstOrDefault(c => c.To is FrameworkStatus.MoreInformationAsked or FrameworkStatus.Refused or FrameworkStatus.Suspended or FrameworkStatus.Removed);

    public void OnGet()
    {
    }
}
