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

    public string Area { get; set; } = "";

    public Guid Stamp { get; set; }

    /// <summary>When the area last changed (UTC).</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The areas, each with the entities whose changes move its stamp.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Type>> Watched = new Dictionary<string, IReadOnlySet<Type>>
    {
        [Reviews] = new HashSet<Type> { typeof(Review) },
        [Complaints] = new HashSet<Type> { typeof(Complaints.Complaint), typeof(Complaints.ComplaintStage), typeof(Complaints.ComplaintExtension) },
    };
}
