using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider;

/// <summary>
/// An organisation's whole application as one read-only page section (<c>_OrganisationFile</c>), the same for the
/// organisation checking it before sending and for commissioning deciding on it. Links to its documents go to the
/// reader's own download page.
/// </summary>
public sealed record OrganisationFileView(OrganisationFile File, ProviderSettings Settings, DateOnly Today, Func<Guid, string> DocumentLink)
{
    public string KindName(string kind) => Settings.Kinds.FirstOrDefault(k => k.Id == kind)?.Name ?? kind;

    public string Needs(string needs) => string.Join(", ",
        needs.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => Settings.Taxonomy.Terms.FirstOrDefault(t => t.Id == n)?.Name ?? n));

    public static string Ages(Service service) => (service.MinimumAgeYears, service.MaximumAgeYears) switch
    {
        (null, null) => "Any age",
        ({ } min, null) => $"{min} and over",
        (null, { } max) => $"Up to {max}",
        var (min, max) => $"{min} to {max}",
    };

    public static string Where(Service service) => string.Join("; ",
        service.Locations.Where(l => l.Location is not null).Select(l => $"{l.Location!.AddressLine}, {l.Location.Town}, {l.Location.Postcode}")
            .Concat(service.AreaServed is { } area ? [$"Comes to families in: {area}"] : []));

    public static string When(Service service) => string.Join("; ", service.Schedules.Select(s =>
        ProviderDisplay.Days(s.Days) + (s.OpensAt is { } o && s.ClosesAt is { } c ? $", {o:HH\\:mm} to {c:HH\\:mm}" : "")));

    public string CriterionQuestion(string? id) => id is null ? "Something else" : Settings.FrameworkCriteria.FirstOrDefault(c => c.Id == id)?.Question ?? id;
}
