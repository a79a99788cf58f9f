using ShortBreaks.Core.Text;

namespace ShortBreaks.Core.Children;

/// <summary>One emergency contact as typed on the form, not yet checked.</summary>
public sealed record EmergencyContactInput(string? Name, string? Relationship, string? Phone)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Relationship) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>A child's emergency contacts, in the order to call them, and arrangements.</summary>
public sealed record ChildArrangementsView(Child Child, IReadOnlyList<ChildEmergencyContact> Contacts);

/// <summary>
/// A child's emergency contacts (at least one, up to <see cref="MostContacts"/>, each with a name, who they are to the
/// child and a telephone number) and arrangements (medication, collection, routines, in staff's words), kept by staff
/// on the child's record and shown to providers delivering a live package. Saved as one change under the child's
/// <see cref="Child.Version"/>, so two people editing at once: the second is told and nothing is saved over the first.
/// Every change is audited row by row and put on the child's timeline.
/// </summary>
public sealed class ChildArrangements(ShortBreaksDbContext db)
{
    public const int ArrangementsMaxLength = 4000;
    public const int MostContacts = 5;

    public static CommandResult Conflict() => CommandResult.Conflicted(
        "Someone else changed this child's emergency contacts or arrangements while you were working on them. Nothing you entered has been saved over their change: check them as they are now and try again.");

    /// <summary>The child's emergency contacts in the order to call them.</summary>
    public async Task<IReadOnlyList<ChildEmergencyContact>> ContactsAsync(Guid childId, CancellationToken ct = default) =>
        await db.ChildEmergencyContacts.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Position).ToListAsync(ct);

    /// <summary>The child with their contacts; null when there is no such child.</summary>
    public async Task<ChildArrangementsView?> ForAsync(Guid childId, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        return child is null ? null : new ChildArrangementsView(child, await ContactsAsync(childId, ct));
    }

    /// <summary>Problems with what was typed, keyed <c>contact-{i}-name</c> (and <c>-relationship</c>, <c>-phone</c>), in the form's order.</summary>
    public static List<FieldError> Check(IReadOnlyList<EmergencyContactInput> contacts, string? arrangements)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            if (contact.IsBlank) continue;
            var which = i == 0 ? "the first contact" : $"contact {i + 1}";
            Text(errors, $"contact-{i}-name", contact.Name, $"Enter the name of {which}", "Name", ChildEmergencyContact.NameMaxLength);
            Text(errors, $"contact-{i}-relationship", contact.Relationship, $"Enter who {which} is to the child, like Mother or Neighbour", "Relationship", ChildEmergencyContact.RelationshipMaxLength);
            var phone = contact.Phone?.Trim();
            if (string.IsNullOrEmpty(phone)) errors.Add(new($"contact-{i}-phone", $"Enter a telephone number for {which}"));
            else if (!PlainText.IsAcceptable(phone)) errors.Add(new($"contact-{i}-phone", PlainText.Message("Telephone number")));
            else if (phone.Length > ChildEmergencyContact.PhoneMaxLength || !RequestRules.IsPhone(phone))
                errors.Add(new($"contact-{i}-phone", "Enter a telephone number, like 01632 960 001 or 07700 900 982"));
        }

        var given = contacts.Count(c => !c.IsBlank);
        if (given == 0) errors.Insert(0, new("contact-0-name", "Enter at least one emergency contact"));
        if (given > MostContacts) errors.Add(new("add-contact", $"Enter up to {MostContacts} emergency contacts"));

        if (!PlainText.IsAcceptable(arrangements, longText: true)) errors.Add(new("Arrangements", PlainText.Message("Arrangements")));
        else if (arrangements?.Trim().Length > ArrangementsMaxLength) errors.Add(new("Arrangements", $"Arrangements must be {ArrangementsMaxLength:N0} characters or fewer"));
        return errors;
    }

    private static void Text(List<FieldError> errors, string key, string? value, string missing, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(key, missing));
        else if (!PlainText.IsAcceptable(value)) errors.Add(new(key, PlainText.Message(label)));
        else if (value.Trim().Length > max) errors.Add(new(key, $"{label} must be {max} characters or fewer"));
    }

    /// <summary>
    /// Replaces the child's emergency contacts (blank rows left out, in the order given) and arrangements, if the child
    /// is still at <paramref name="versionSeen"/>.
    /// </summary>
    public async Task<CommandResult> SaveAsync(Guid childId, IReadOnlyList<EmergencyContactInput> contacts, string? arrangements, long versionSeen, CancellationToken ct = default)
    {
        var errors = Check(contacts, arrangements);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return CommandResult.Fail("", "There is no such child.");
        if (child.Version != versionSeen) return Conflict();

        var wanted = contacts.Where(c => !c.IsBlank).ToList();
        var existing = await db.ChildEmergencyContacts.Where(c => c.ChildId == childId).OrderBy(c => c.Position).ToListAsync(ct);
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : db.ChildEmergencyContacts.Add(new ChildEmergencyContact { ChildId = childId }).Entity;
            row.Position = i + 1;
            row.Name = wanted[i].Name!.Trim();
            row.Relationship = wanted[i].Relationship!.Trim();
            row.Phone = wanted[i].Phone!.Trim();
        }

        db.ChildEmergencyContacts.RemoveRange(existing.Skip(wanted.Count));

        // The child's version moves with every save, so a second editor who saw the old one is told.
        db.ExpectVersion(child, versionSeen);
        child.Arrangements = string.IsNullOrWhiteSpace(arrangements) ? null : arrangements.Trim();
        db.Entry(child).Property(c => c.Arrangements).IsModified = true;
        db.AddTimeline(childId, TimelineKinds.Arrangements, "Emergency contacts and arrangements updated",
            $"{wanted.Count} emergency contact{(wanted.Count == 1 ? "" : "s")}: {string.Join(", ", wanted.Select(c => $"{c.Name!.Trim()} ({c.Relationship!.Trim()})"))}");
        return await db.SaveOrConflictAsync(Conflict(), ct);
    }
}
