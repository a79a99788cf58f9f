using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Data;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// Adds (not saved) a complaint about the child with a stage that was extended, so every complaint table has a row
    /// about them; each free text carries <paramref name="tag"/>.
    /// </summary>
    public static Complaint AddComplaintRows(ShortBreaksDbContext db, Guid childId, string tag, DateOnly today)
    {
        var complaint = new Complaint
        {
            ChildId = childId, Kind = ComplaintKind.Complaint, Subject = ComplaintSubject.Service, MadeBy = ComplaintMadeBy.ParentCarer,
            Channel = ComplaintChannel.Online, MadeByName = $"Parent {tag}", ReceivedOn = today, Summary = $"The sitter did not come {tag}.",
            CurrentStage = ComplaintStageKind.LocalResolution, CurrentDueOn = today.AddDays(20), Open = true, SchemeVersion = SchemeVersion,
            CreatedAt = db.UtcNow, ChangedAt = db.UtcNow,
        };
        var stage = new ComplaintStage
        {
            ComplaintId = complaint.Id, ChildId = childId, Kind = ComplaintStageKind.LocalResolution, StartedOn = today, DueOn = today.AddDays(20),
            LatestDueOn = today.AddDays(28), OwnerUserId = "officer", OwnerName = "Sam Officer",
        };
        stage.Extensions.Add(new ComplaintExtension
        {
            StageId = stage.Id, ChildId = childId, FromDueOn = today.AddDays(14), ToDueOn = today.AddDays(20), Reason = $"Waiting for the provider {tag}",
            At = db.UtcNow, ByUserId = "officer", ByName = "Sam Officer",
        });
        complaint.Stages.Add(stage);
        db.Complaints.Add(complaint);
        return complaint;
    }
}
