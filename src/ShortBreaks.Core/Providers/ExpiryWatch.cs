namespace ShortBreaks.Core.Providers;

/// <summary>What an expiry warning is about.</summary>
public enum ExpiryItem
{
    Insurance,
    Registration,
}

/// <summary>
/// One warning that an insurance or registration runs out: claimed by a node with a lease before it is sent, so two
/// nodes never send the same one, and marked sent once the emails have gone. A node that stops part way leaves the
/// lease to pass, and another node sends it. Unique on the item, its expiry day and the warning's days before it, so a
/// renewed policy (a later expiry) is warned about afresh.
/// </summary>
public sealed class ExpiryWarning
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public ExpiryItem Item { get; set; }
    public Guid ItemId { get; set; }
    public DateOnly ExpiresOn { get; set; }

    /// <summary>The warning's days before expiry, from <c>ProviderSettings.ExpiryWarningDays</c>.</summary>
    public int DaysBefore { get; set; }

    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>A warning due now, before it is claimed.</summary>
public sealed record DueExpiryWarning(Guid OrganisationId, string OrganisationName, string OrganisationEmail, ExpiryItem Item, Guid ItemId,
    string What, DateOnly ExpiresOn, int DaysBefore);

/// <summary>
/// Watches insurance and registration expiry (<see cref="OrganisationRules.ExpiryWarningDue"/>): the organisation and
/// commissioning are emailed ahead of it, once per warning, whichever node finds it first.
/// </summary>
public sealed class ExpiryWatch(ShortBreaksDbContext db, SchemeCatalog schemes, EmailSender email, ILogger<ExpiryWatch> logger)
{
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    /// <summary>The warnings due today and not yet sent, for organisations on the framework or applying to it.</summary>
    public async Task<IReadOnlyList<DueExpiryWarning>> DueAsync(CancellationToken ct = default)
    {
        var today = Today;
        var settings = schemes.InForceOn(today).ProviderRules;
        if (settings.ExpiryWarningDays.Count == 0) return [];
        var horizon = today.AddDays(settings.ExpiryWarningDays.Max());
        var watched = new[] { FrameworkStatus.Applied, FrameworkStatus.MoreInformationAsked, FrameworkStatus.Approved, FrameworkStatus.Suspended };
        var insurances = await (from i in db.Set<OrganisationInsurance>().AsNoTracking()
                                join o in db.Organisations on i.OrganisationId equals o.Id
                                where watched.Contains(o.Status) && i.ExpiresOn >= today && i.ExpiresOn <= horizon
                                select new { o.Id, o.Name, o.Email, ItemId = i.Id, i.Kind, i.ExpiresOn }).ToListAsync(ct);
        var registrations = await (from r in db.Set<OrganisationRegistration>().AsNoTracking()
                                   join o in db.Organisations on r.OrganisationId equals o.Id
                                   where watched.Contains(o.Status) && r.ExpiresOn != null && r.ExpiresOn >= today && r.ExpiresOn <= horizon
                                   select new { o.Id, o.Name, o.Email, ItemId = r.Id, r.Regulator, r.Number, ExpiresOn = r.ExpiresOn!.Value }).ToListAsync(ct);
        var due = insurances
            .Select(i => (Warning: OrganisationRules.ExpiryWarningDue(i.ExpiresOn, today, settings), Item: new DueExpiryWarning(i.Id, i.Name, i.Email,
                ExpiryItem.Insurance, i.ItemId, $"{OrganisationRules.InsuranceName(i.Kind)} insurance", i.ExpiresOn, 0)))
            .Concat(registrations.Select(r => (Warning: OrganisationRules.ExpiryWarningDue(r.ExpiresOn, today, settings), Item: new DueExpiryWarning(r.Id, r.Name, r.Email,
                ExpiryItem.Registration, r.ItemId, $"{OrganisationRules.RegulatorName(r.Regulator)} registration {r.Number}", r.ExpiresOn, 0))))
            .Where(x => x.Warning is not null)
            .Select(x => x.Item with { DaysBefore = x.Warning!.Value })
            .ToList();
        if (due.Count == 0) return [];
        var ids = due.Select(d => d.ItemId).ToList();
        var sent = (await db.ExpiryWarnings.AsNoTracking().Where(w => ids.Contains(w.ItemId) && w.SentAt != null)
            .Select(w => new { w.ItemId, w.ExpiresOn, w.DaysBefore }).ToListAsync(ct)).ToHashSet();
        return due.Where(d => !sent.Contains(new { d.ItemId, d.ExpiresOn, d.DaysBefore })).ToList();
    }

    /// <summary>
    /// Claims a warning for <paramref name="node"/> until the lease passes: the warning's id, or null when it is sent
    /// already or another node holds it. Two nodes making the same warning at once meet at its unique index.
    /// </summary>
    public async Task<Guid?> TryClaimAsync(DueExpiryWarning due, string node, TimeSpan lease, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var set = db.ExpiryWarnings;
        var existing = await set.AsNoTracking().FirstOrDefaultAsync(w => w.ItemId == due.ItemId && w.ExpiresOn == due.ExpiresOn && w.DaysBefore == due.DaysBefore, ct);
        if (existing is null)
        {
            var warning = new ExpiryWarning
            {
                OrganisationId = due.OrganisationId, Item = due.Item, ItemId = due.ItemId, ExpiresOn = due.ExpiresOn, DaysBefore = due.DaysBefore,
                ClaimedBy = node, LeaseUntil = now + lease, Attempts = 1,
            };
            set.Add(warning);
            try
            {
                await db.SaveChangesAsync(ct);
                return warning.Id;
            }
            catch (DbUpdateException)
            {
                // Another node made it at the same moment: it is theirs.
                db.Entry(warning).State = EntityState.Detached;
                return null;
            }
        }

        if (existing.SentAt is not null) return null;
        var taken = await set.Where(w => w.Id == existing.Id && w.SentAt == null && (w.LeaseUntil == null || w.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedBy, node).SetProperty(w => w.LeaseUntil, now + lease).SetProperty(w => w.Attempts, w => w.Attempts + 1), ct);
        return taken == 1 ? existing.Id : null;
    }

    /// <summary>
    /// Sends a claimed warning to the organisation and to commissioning, and marks it sent: false when the claim was lost
    /// (the lease passed and another node took it) before it could be marked, and nothing was sent.
    /// </summary>
    public async Task<bool> SendAsync(Guid warningId, DueExpiryWarning due, string node, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        // Still ours, for long enough to send: otherwise leave it to whoever holds it.
        var held = await db.ExpiryWarnings.AsNoTracking().AnyAsync(w => w.Id == warningId && w.ClaimedBy == node && w.SentAt == null && w.LeaseUntil > now, ct);
        if (!held) return false;
        var council = schemes.InForceOn(Today).Council;
        var message = FrameworkEmails.ExpiryWarning(due.OrganisationName, due.What, due.ExpiresOn, due.ExpiresOn.DayNumber - Today.DayNumber, council);
        var addresses = new List<string> { due.OrganisationEmail };
        addresses.AddRange(await FrameworkService.CommissioningAddressesAsync(db, ct));
        foreach (var address in addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await email.TrySendAsync(db, logger, address, null, message, ct);
        }

        var marked = await db.ExpiryWarnings.Where(w => w.Id == warningId && w.ClaimedBy == node && w.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SentAt, db.UtcNow).SetProperty(w => w.LeaseUntil, (DateTime?)null), ct);
        return marked == 1;
    }

    /// <summary>Looks for due warnings and sends each this node can claim: how many it sent.</summary>
    public async Task<int> RunAsync(string node, TimeSpan lease, CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var due in await DueAsync(ct))
        {
            if (await TryClaimAsync(due, node, lease, ct) is { } id && await SendAsync(id, due, node, ct)) sent++;
        }

        return sent;
    }
}
