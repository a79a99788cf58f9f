namespace ShortBreaks.Core.LocalOffer;

/// <summary>
/// What a family or a feed reader narrows the listed services by, already checked (the search page and the feed each
/// turn what was typed into this, with their own errors). Every part is optional; the directory page and the HSDS-UK
/// feed apply it with <see cref="Apply"/>, so both find the same services.
/// </summary>
public sealed record DirectoryFilter
{
    /// <summary>Words to find in the service's name or description, or its organisation's name (case ignored).</summary>
    public string? Text { get; init; }

    /// <summary>Taxonomy term ids (the scheme's words) of which the service must be classed under at least one.</summary>
    public IReadOnlyList<string> TermIds { get; init; } = [];

    /// <summary>A kind of service (<c>ProviderSettings.Kinds</c> id).</summary>
    public string? Kind { get; init; }

    /// <summary>A child's age in whole years the service must take.</summary>
    public int? ChildAge { get; init; }

    /// <summary>HSDS-UK <c>minimum_age</c>: services whose youngest age is at least this.</summary>
    public decimal? MinimumAgeAtLeast { get; init; }

    /// <summary>HSDS-UK <c>maximum_age</c>: services whose oldest age is at most this.</summary>
    public decimal? MaximumAgeAtMost { get; init; }

    /// <summary>RFC 5545 day code ("MO") the service runs on.</summary>
    public string? Day { get; init; }

    /// <summary>Services with a schedule opening at or after this (UK local time).</summary>
    public TimeOnly? OpensFrom { get; init; }

    /// <summary>Services with a schedule closing at or before this (UK local time).</summary>
    public TimeOnly? ClosesBy { get; init; }

    public Guid? OrganisationId { get; init; }

    /// <summary>Services changed at or after this moment (UTC).</summary>
    public DateTime? ModifiedAfter { get; init; }

    /// <summary>The RFC 5545 day codes, Monday first.</summary>
    public static readonly IReadOnlyList<string> DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>"MO" for Monday, "SU" for Sunday.</summary>
    public static string DayCode(DayOfWeek day) => DayCodes[((int)day + 6) % 7];

    /// <summary>"Monday" for "MO".</summary>
    public static string DayName(string code) => ((DayOfWeek)((Array.IndexOf(DayCodes.ToArray(), code) + 1) % 7)).ToString();

    /// <summary>Narrows <paramref name="services"/> (already the listed ones) to those matching.</summary>
    public IQueryable<Service> Apply(IQueryable<Service> services, ShortBreaksDbContext db, ProviderSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(Text))
        {
            foreach (var word in Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8))
            {
                var orgs = db.Organisations.Where(o => o.Name.ToLower().Contains(word)).Select(o => o.Id);
                services = services.Where(s => s.Name.ToLower().Contains(word) || s.Description.ToLower().Contains(word) || orgs.Contains(s.OrganisationId));
            }
        }

        if (TermIds.Count > 0)
        {
            var terms = TermIds.ToList();
            var kinds = settings.Kinds.Where(k => terms.Contains(k.TermId)).Select(k => k.Id).ToList();
            var needs = terms.Select(t => "," + t + ",").ToList();
            var predicate = BuildTermPredicate(terms, kinds, needs);
            services = services.Where(predicate);
        }

        if (!string.IsNullOrEmpty(Kind)) services = services.Where(s => s.Kind == Kind);
        if (ChildAge is { } age) services = services.Where(s => (s.MinimumAgeYears == null || s.MinimumAgeYears <= age) && (s.MaximumAgeYears == null || s.MaximumAgeYears >= age));
        if (MinimumAgeAtLeast is { } min)
        {
            var least = (int)Math.Ceiling(Math.Clamp(min, -1000, 1000));
            services = services.Where(s => s.MinimumAgeYears != null && s.MinimumAgeYears >= least);
        }

        if (MaximumAgeAtMost is { } max)
        {
            var most = (int)Math.Floor(Math.Clamp(max, -1000, 1000));
            services = services.Where(s => s.MaximumAgeYears != null && s.MaximumAgeYears <= most);
        }
        if (!string.IsNullOrEmpty(Day))
        {
            var day = Day;
            services = services.Where(s => s.Schedules.Any(x => x.Days.Contains(day)));
        }

        if (OpensFrom is { } from) services = services.Where(s => s.Schedules.Any(x => x.OpensAt != null && x.OpensAt >= from));
        if (ClosesBy is { } by) services = services.Where(s => s.Schedules.Any(x => x.ClosesAt != null && x.ClosesAt <= by));
        if (OrganisationId is { } organisation) services = services.Where(s => s.OrganisationId == organisation);
        if (ModifiedAfter is { } after) services = services.Where(s => s.UpdatedAt >= after);
        return services;
    }

    // A service is classed under a term by its kind, by its needs (a comma-separated list) or by a term row of its own.
    private static System.Linq.Expressions.Expression<Func<Service, bool>> BuildTermPredicate(List<string> terms, List<string> kinds, List<string> needs)
    {
        System.Linq.Expressions.Expression<Func<Service, bool>> byKindOrRow = s => kinds.Contains(s.Kind) || s.TaxonomyTerms.Any(t => terms.Contains(t.TermId));
        var parameter = byKindOrRow.Parameters[0];
        var body = byKindOrRow.Body;
        foreach (var need in needs)
        {
            System.Linq.Expressions.Expression<Func<Service, bool>> byNeed = s => ("," + s.Needs.Replace(" ", "") + ",").Contains(need);
            body = System.Linq.Expressions.Expression.OrElse(body, new ParameterSwap(byNeed.Parameters[0], parameter).Visit(byNeed.Body));
        }

        return System.Linq.Expressions.Expression.Lambda<Func<Service, bool>>(body, parameter);
    }

    private sealed class ParameterSwap(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
