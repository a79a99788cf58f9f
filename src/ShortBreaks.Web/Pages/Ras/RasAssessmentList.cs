namespace ShortBreaks.Web.Pages.Ras;

/// <summary>A child's RAS assessment as listed on their record and on the family's account.</summary>
public sealed record RasAssessmentListItem(RasAssessment Assessment, string StartedBy);

public static class RasAssessmentList
{
    /// <summary>The child's assessments, newest first, with who started each.</summary>
    public static async Task<IReadOnlyList<RasAssessmentListItem>> ForChildAsync(ShortBreaksDbContext db, Guid childId, CancellationToken ct)
    {
        var assessments = await db.RasAssessments.AsNoTracking().Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        var userIds = assessments.Select(a => a.CreatedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var family = await db.ChildFamilyMembers.AsNoTracking().Where(m => m.ChildId == childId).Select(m => m.UserId).ToListAsync(ct);
        return assessments.Select(a => new RasAssessmentListItem(a,
            (names.GetValueOrDefault(a.CreatedByUserId) ?? "Unknown") + (family.Contains(a.CreatedByUserId) ? " (family)" : ""))).ToList();
    }
}

/// <summary>A child linked to a family account, with their latest assessment being filled in and latest completed one.</summary>
public sealed record FamilyRasChild(Guid ChildId, string FirstName, RasAssessment? Draft, RasAssessment? Completed);

public static class FamilyRasChildren
{
    public static async Task<IReadOnlyList<FamilyRasChild>> ForUserAsync(ShortBreaksDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null) return [];
        var children = await (from m in db.ChildFamilyMembers.AsNoTracking()
                              join c in db.Children.AsNoTracking() on m.ChildId equals c.Id
                              where m.UserId == userId && c.MergedIntoChildId == null
                              orderby c.FirstName
                              select new { c.Id, c.FirstName }).ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var assessments = await db.RasAssessments.AsNoTracking().Where(a => ids.Contains(a.ChildId)).ToListAsync(ct);
        return children.Select(c =>
        {
            var mine = assessments.Where(a => a.ChildId == c.Id).OrderByDescending(a => a.CreatedAt).ToList();
            return new FamilyRasChild(c.Id, c.FirstName,
                mine.FirstOrDefault(a => a.Status == RasAssessmentStatus.Draft),
                mine.Where(a => a.Status == RasAssessmentStatus.Completed).OrderByDescending(a => a.CompletedAt).FirstOrDefault());
        }).ToList();
    }
}
