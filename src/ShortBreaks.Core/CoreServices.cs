using ShortBreaks.Core.Ras.Calibration;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Search;

namespace ShortBreaks.Core;

/// <summary>
/// What the core services need from the host that runs them: the database, the schemes in force, the clock and
/// where email goes. The web host reads them from its configuration; the command line from its options.
/// </summary>
public sealed record CoreOptions
{
    public required DatabaseOptions Database { get; init; }

    public required SchemeCatalog Schemes { get; init; }

    /// <summary>The RAS versions; a command that never scores or plans may run without them.</summary>
    public RasSchemeCatalog? Ras { get; init; }

    /// <summary>Bank holidays for working-day deadlines; without them only weekends are skipped.</summary>
    public WorkingDays? WorkingDays { get; init; }

    public EmailOptions Email { get; init; } = new();

    /// <summary>How the outbox retries an email that fails to send.</summary>
    public OutboxOptions Outbox { get; init; } = new();

    /// <summary>Centres of the area's postcode districts, for Local Offer distance searches; without them, listed locations only.</summary>
    public LocalOffer.PostcodeDistricts? PostcodeDistricts { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Everything from a schemes folder as shipped: the schemes, its ras/ folder and calendar/bank-holidays.json.</summary>
    public static CoreOptions FromSchemesFolder(string folder, DatabaseOptions database, EmailOptions? email = null) => new()
    {
        Database = database,
        Schemes = SchemeCatalog.LoadFrom(folder),
        Ras = RasSchemeCatalog.LoadFrom(Path.Combine(folder, "ras")),
        WorkingDays = WorkingDays.LoadFrom(Path.Combine(folder, "calendar", "bank-holidays.json")),
        PostcodeDistricts = LocalOffer.PostcodeDistricts.LoadFrom(Path.Combine(folder, "local-offer", "postcode-districts.json")),
        Email = email ?? new EmailOptions(),
    };
}

/// <summary>Registers the core's services in one place, so the web host and the command line run the same ones.</summary>
public static class CoreServices
{
    public static IServiceCollection AddShortBreaksCore(this IServiceCollection services, CoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options.Schemes);
        if (options.Ras is not null) services.AddSingleton(options.Ras);
        services.AddSingleton(options.WorkingDays ?? new WorkingDays([]));
        services.AddSingleton(options.Clock);

        services.AddShortBreaksDatabase(options.Database);

        services.AddSingleton(options.Email);
        services.AddSingleton<EmailSender>();
        services.AddSingleton(options.Outbox);
        // With the scheme catalogue, so a notice to a role reaches only those who see its child.
        services.AddScoped(sp => new Messenger(sp.GetRequiredService<ShortBreaksDbContext>(), sp.GetRequiredService<SchemeCatalog>()));
        services.AddScoped<SocialCareReferrals>();
        services.AddScoped<OutboxService>();
        services.AddScoped<MessageList>();
        services.AddScoped<Scheduling.ScheduledJobs>();

        services.AddScoped<RequestService>();
        services.AddScoped<RequestMatching>();
        services.AddScoped<ThresholdDecisionService>();
        services.AddScoped<TriageQueue>();
        services.AddScoped<ChildService>();
        services.AddScoped<FamilyLinkService>();
        services.AddScoped<StaffSearch>();
        services.AddScoped<Caseloads.StaffVisibility>();
        services.AddScoped<Caseloads.CaseloadService>();
        services.AddScoped<Caseloads.StaffTeams>();
        services.AddScoped<RasAssessmentService>();
        services.AddScoped<RasVersionService>();
        services.AddScoped<TierService>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanApprovalService>();
        services.AddScoped<PanelService>();
        services.AddScoped<PlanRequests>();
        services.AddSingleton<PlanContentCache>();
        services.AddScoped<VirtualBudgetService>();
        services.AddScoped<CalibrationService>();
        services.AddScoped<CaseClosureService>();
        services.AddScoped<ChildArrangements>();
        services.AddScoped<Retention.RetentionService>();
        services.AddScoped<Providers.OrganisationMembers>();
        services.AddScoped<Providers.ProviderChildren>();
        services.AddScoped<Providers.DeliveryReturnService>();
        services.AddScoped<Providers.FrameworkService>();
        services.AddScoped<Providers.OrganisationTeam>();
        services.AddScoped<Providers.ExpiryWatch>();
        services.AddScoped<Providers.RenewalService>();
        services.AddScoped<Providers.PackageService>();
        services.AddScoped<Providers.UnusedHoursService>();
        services.AddScoped<DirectPayments.DirectPaymentService>();
        services.AddScoped<DirectPayments.DirectPaymentAccounts>();
        services.AddScoped<DirectPayments.MonitoringService>();
        services.AddScoped<DirectPayments.StatementImportService>();
        services.AddScoped<DirectPayments.MonitoringReturnService>();
        services.AddScoped<DirectPayments.AccountAuditService>();
        services.AddScoped<DirectPayments.RecoupmentService>();
        services.AddScoped<Finance.ProviderInvoiceService>();
        services.AddScoped<Finance.PaymentRunService>();
        services.AddScoped<Finance.BudgetMonitoringService>();
        services.AddScoped<Reviews.ReviewService>();
        services.AddScoped<Reviews.ReviewScanService>();
        services.AddScoped<DirectPayments.DirectPaymentEndings>();
        services.AddScoped<Reviews.ReviewWorklist>();
        services.AddSingleton<Reviews.ReviewCounts>();
        services.AddSingleton<Caseloads.KeptStaffList>();
        services.AddScoped<Complaints.ComplaintService>();
        services.AddSingleton<Complaints.ComplaintCounts>();
        services.AddSingleton(options.PostcodeDistricts ?? LocalOffer.PostcodeDistricts.None);
        services.AddScoped<LocalOffer.DirectorySearch>();
        services.AddSingleton<LocalOffer.DirectoryIndexCache>();
        services.AddScoped<LocalOffer.OpenReferralFeed>();
        services.AddScoped<LocalOffer.DirectoryImport>();
        services.AddScoped<SubjectAccess.SubjectGathering>();
        services.AddScoped<SubjectAccess.SubjectArchive>();
        services.AddScoped<SubjectAccess.SubjectAccessService>();
        return services;
    }
}
