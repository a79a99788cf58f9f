namespace ShortBreaks.Core.Plans;

/// <summary>A family asks for a review of, or a change to, their child's plan: on the record for the officer.</summary>
public sealed class PlanRequests(ShortBreaksDbContext db, Messenger messenger)
{
    public async Task<CommandResult> AskForChangeAsync(Guid childId, string? what, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(what)) return CommandResult.Fail("What", "Tell us what you would like to change or review");
        if (what.Length > RequestRules.TextMaxLength) return CommandResult.Fail("What", $"This must be {RequestRules.TextMaxLength} characters or fewer");
        db.AddTimeline(childId, TimelineKinds.PlanChangeAsked, "The family asked for a review or a change to the plan", what.Trim());
        var keyWorker = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => c.KeyWorkerId).FirstOrDefaultAsync(ct);
        var said = what.Trim();
        var notice = new Notice("A family asked for a review or a change to a plan", ServicePaths.StaffChild(childId), childId,
            said.Length > 300 ? said[..300] + "…" : said);
        if (keyWorker is not null) await messenger.TellAsync(keyWorker, notice, ct);
        else await messenger.TellRoleAsync(Roles.TeamManager, notice, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }
}
