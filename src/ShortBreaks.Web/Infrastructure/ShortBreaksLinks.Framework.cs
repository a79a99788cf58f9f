namespace ShortBreaks.Web.Infrastructure;

// The provider framework: joining, the application, services and prices, users, and commissioning's queue.
public sealed partial class ShortBreaksLinks
{
    public string JoinFramework() => Page("/Join/Index");

    /// <summary>The application's task list; <paramref name="saved"/> says what was just saved.</summary>
    public string ProviderApplication(string? saved = null) => Page("/Provider/Application/Index") + Query(("saved", saved));

    public string ProviderApplicationOrganisation() => Page("/Provider/Application/Organisation");

    public string ProviderApplicationSafeguarding() => Page("/Provider/Application/Safeguarding");

    public string ProviderApplicationRegistrations() => Page("/Provider/Application/Registrations");

    public string ProviderApplicationInsurance() => Page("/Provider/Application/Insurance");

    public string ProviderApplicationCriteria() => Page("/Provider/Application/Criteria");

    public string ProviderApplicationDocuments() => Page("/Provider/Application/Documents");

    public string ProviderApplicationDocument(Guid fileId) => Page("/Provider/Application/Document", new { fileId });

    public string ProviderApplicationCheck() => Page("/Provider/Application/Check");

    public string ProviderServices(string? saved = null) => Page("/Provider/Services/Index") + Query(("saved", saved));

    public string ProviderServiceNew() => Page("/Provider/Services/Edit");

    public string ProviderService(Guid serviceId) => Page("/Provider/Services/Edit", new { serviceId });

    public string ProviderServicePrices(Guid serviceId) => Page("/Provider/Services/Prices", new { serviceId });

    public string ProviderUsers(string? saved = null) => Page("/Provider/Users/Index") + Query(("saved", saved));

    public string ProviderUserAdd() => Page("/Provider/Users/Add");

    /// <summary>Commissioning's queue of organisations, in one status (all when null).</summary>
    public string CommissioningProviders(string? status = null) => Page("/Commissioning/Providers/Index") + Query(("status", status));

    public string CommissioningProvider(Guid id, string? saved = null) => Page("/Commissioning/Providers/Provider", new { id }) + Query(("saved", saved));

    public string CommissioningProviderDocument(Guid id, Guid fileId) => Page("/Commissioning/Providers/Document", new { id, fileId });
}
