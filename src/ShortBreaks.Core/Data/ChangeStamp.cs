namespace ShortBreaks.Core.Data;

/// <summary>
/// A change mark for one area of the records: its <see cref="Stamp"/> takes a new value in the same save as any change to
/// the area's rows (<see cref="ShortBreaksDbContext"/> does it; work that changes rows without the change tracker calls
/// <see cref="ShortBreaksDbContext.MoveChangeStamp"/> before its save). A node may keep a figure worked out from the area,
/// such as how many reviews a worklist filter matches, for as long as the stamp it read before working it out is still
/// the stamp in the database: a change made on any node is seen by every node at its next request.
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>Reviews: added, booked, held, completed, moved to another officer, or erased.</summary>
    public const string Reviews = "Reviews";

    /// <summary>Complaints, compliments and appeals: received, moved to a stage or a handler, extended, answered, or erased.</summary>
    public const string Complaints = "Complaints";

    /// <summary>
    /// The Local Offer directory: an organisation, its insurance or registrations, a service, its places, schedules, prices
    /// or terms added, changed or removed. Every node rebuilds its directory index when it moves.
    /// </summary>
    public const string Directory = "Directory";

    /// <summary>Accounts: added, renamed, moved to a team, given or taken a role, locked or disabled, or deleted.</summary>
    public const string Accounts = "Accounts";

    public string Area { get; set; } = "";

    public Guid Stamp { get; set; }

    /// <summary>When the area last changed (UTC).</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The areas, each with the entities whose changes move its stamp.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Type>> Watched = new Dictionary<string, IReadOnlySet<Type>>
    {
        [Reviews] = new HashSet<Type> { typeof(Review) },
        [Complaints] = new HashSet<Type> { typeof(Complaints.Complaint), typeof(Complaints.ComplaintStage), typeof(Complaints.ComplaintExtension) },
        [Directory] = new HashSet<Type>
        {
            typeof(Organisation), typeof(OrganisationInsurance), typeof(OrganisationRegistration), typeof(Service), typeof(Location),
            typeof(ServiceAtLocation), typeof(ServiceSchedule), typeof(ServicePrice), typeof(ServiceTaxonomyTerm),
        },
        [Accounts] = new HashSet<Type> { typeof(AppUser), typeof(IdentityUserRole<string>), typeof(IdentityRole) },
    };
}
