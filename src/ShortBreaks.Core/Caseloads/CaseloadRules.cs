namespace ShortBreaks.Core.Caseloads;

/// <summary>
/// One thing counted on a worker's caseload (a column of the caseloads page). The set is small and open: the tiers of
/// the children a worker is key worker for, and the requests waiting for a decision they hold; another kind of case (a
/// review to hold) is one more measure here and one more count in <see cref="CaseloadService"/>.
/// </summary>
/// <param name="Key">The measure's key in a worker's counts.</param>
/// <param name="Heading">The column heading.</param>
/// <param name="IsFamily">Whether each one counted is a family on the worker's caseload (held against the family guides).</param>
public sealed record CaseloadMeasure(string Key, string Heading, bool IsFamily);

/// <summary>The measures shown for every worker, in the order of the page's columns.</summary>
public static class CaseloadMeasures
{
    public static readonly CaseloadMeasure FlexibleShortBreaks = new("fsb", "Flexible Short Breaks children", IsFamily: true);
    public static readonly CaseloadMeasure TargetedShortBreaks = new("tsb", "Targeted Short Breaks children", IsFamily: true);
    public static readonly CaseloadMeasure OtherChildren = new("other", "Other children", IsFamily: true);
    public static readonly CaseloadMeasure RequestsToDecide = new("requests", "Requests to decide", IsFamily: false);

    public static readonly IReadOnlyList<CaseloadMeasure> All = [FlexibleShortBreaks, TargetedShortBreaks, OtherChildren, RequestsToDecide];

    /// <summary>Which measure a key-worker child on this tier counts under.</summary>
    public static CaseloadMeasure ForTier(Tier tier) => tier switch
    {
        Tier.FlexibleShortBreaks => FlexibleShortBreaks,
        Tier.TargetedShortBreaks => TargetedShortBreaks,
        _ => OtherChildren,
    };
}

/// <summary>Where a worker's caseload stands against the scheme's guide for their role.</summary>
public enum GuideStanding
{
    /// <summary>The role has no guide (a team manager).</summary>
    NoGuide,
    Below,
    Within,
    Over,
}

/// <summary>A worker's caseload against the guide: the words of the guide, and where they stand.</summary>
public sealed record CaseloadGuide(string Words, GuideStanding Standing);

/// <summary>
/// The scheme's caseload guides (<see cref="CaseloadSettings"/>, the seeds' figures) as pure rules: one worker's
/// caseload against their role's guide, and the capacity arithmetic both ways.
/// </summary>
public static class CaseloadGuides
{
    /// <summary>
    /// A worker's families against their role's guide: a personalisation officer's range, or a reviewing officer's
    /// families (their reviews are measured once reviews are counted). A person with both roles is measured as a
    /// personalisation officer, whose guide is the larger caseload of families.
    /// </summary>
    public static CaseloadGuide For(IReadOnlyCollection<string> roles, int families, CaseloadSettings guides)
    {
        if (roles.Contains(Roles.PersonalisationOfficer))
        {
            var standing = families > guides.PersonalisationOfficerMaximum ? GuideStanding.Over
                : families < guides.PersonalisationOfficerMinimum ? GuideStanding.Below : GuideStanding.Within;
            return new($"{guides.PersonalisationOfficerMinimum} to {guides.PersonalisationOfficerMaximum} families", standing);
        }

        if (roles.Contains(Roles.ReviewingOfficer))
        {
            var standing = families > guides.ReviewingOfficerFamilies ? GuideStanding.Over
                : families < guides.ReviewingOfficerFamilies ? GuideStanding.Below : GuideStanding.Within;
            return new($"about {guides.ReviewingOfficerFamilies} families and {guides.ReviewingOfficerReviews} reviews", standing);
        }

        return new("No guide for this role", GuideStanding.NoGuide);
    }

    /// <summary>
    /// The arithmetic both ways. For the caseload now: how many personalisation officers the Flexible Short Breaks families
    /// call for (at the top and at the bottom of their guide), how many reviewing officers the Targeted Short Breaks
    /// children (each on a review cycle) call for at their reviews guide, and how many social workers the children in
    /// specialist social care call for. For the staff now: how many of each their guide lets them hold, and the gap (more
    /// room than cases is positive; more cases than room, negative).
    /// </summary>
    public static CaseloadCapacity Capacity(CaseloadDemand demand, CaseloadStaff staff, CaseloadSettings guides)
    {
        var officers = new CapacityLine(
            "Personalisation officers", "Flexible Short Breaks families",
            demand.FlexibleShortBreaksFamilies,
            CalledFor: Divide(demand.FlexibleShortBreaksFamilies, guides.PersonalisationOfficerMaximum),
            CalledForAtLowerGuide: Divide(demand.FlexibleShortBreaksFamilies, guides.PersonalisationOfficerMinimum),
            InPost: staff.PersonalisationOfficers,
            CanHold: staff.PersonalisationOfficers is { } po ? po * guides.PersonalisationOfficerMaximum : null);
        var reviewers = new CapacityLine(
            "Reviewing officers", "Targeted Short Breaks review cases",
            demand.TargetedShortBreaksReviewCases,
            CalledFor: Divide(demand.TargetedShortBreaksReviewCases, guides.ReviewingOfficerReviews),
            CalledForAtLowerGuide: null,
            InPost: staff.ReviewingOfficers,
            CanHold: staff.ReviewingOfficers is { } ro ? ro * guides.ReviewingOfficerReviews : null);
        var socialWorkers = new CapacityLine(
            "Social workers", "children in specialist social care",
            demand.SocialCareChildren,
            CalledFor: Divide(demand.SocialCareChildren, guides.SocialWorker),
            CalledForAtLowerGuide: null,
            InPost: staff.SocialWorkers,
            CanHold: staff.SocialWorkers is { } sw ? sw * guides.SocialWorker : null);
        var extraFamilies = (staff.ReviewingOfficers ?? 0) * guides.ReviewingOfficerFamilies;
        return new CaseloadCapacity([officers, reviewers, socialWorkers], extraFamilies);
    }

    // Whole people: a part of one more is one more.
    private static int Divide(int cases, int perWorker) => perWorker <= 0 ? 0 : (cases + perWorker - 1) / perWorker;
}

/// <summary>The cases the guides are worked out from: open children on each tier.</summary>
public sealed record CaseloadDemand(int FlexibleShortBreaksFamilies, int TargetedShortBreaksReviewCases, int SocialCareChildren);

/// <summary>
/// The staff who can hold cases now, by role; null where the service holds no accounts for them (social workers work in
/// specialist social care, outside this service).
/// </summary>
public sealed record CaseloadStaff(int? PersonalisationOfficers, int? ReviewingOfficers, int? SocialWorkers);

/// <summary>One role's line of the capacity view.</summary>
/// <param name="CalledFor">Workers the cases call for at the guide (the top of it, where it is a range).</param>
/// <param name="CalledForAtLowerGuide">Where the guide is a range, the workers called for at its bottom.</param>
/// <param name="InPost">Workers in post now; null when the service does not hold them.</param>
/// <param name="CanHold">Cases the workers in post can hold at the guide.</param>
public sealed record CapacityLine(string Role, string CasesName, int Cases, int CalledFor, int? CalledForAtLowerGuide, int? InPost, int? CanHold)
{
    /// <summary>Room left (positive) or cases beyond the guide (negative); null when the workers are not held here.</summary>
    public int? Gap => CanHold - Cases;
}

/// <summary>The capacity view: a line per role, and the families reviewing officers hold besides their reviews.</summary>
public sealed record CaseloadCapacity(IReadOnlyList<CapacityLine> Lines, int ReviewingOfficerFamilies);
