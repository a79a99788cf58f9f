using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.DirectPayments;

/// <summary>Something a direct payment can be set up from: an approved plan's direct payment lines, or an agreed Flexible Short Breaks package taken as a direct payment.</summary>
/// <param name="Key">"plan:{id}" or "package:{id}", as a form posts it.</param>
public sealed record DirectPaymentSource(string Key, string Description, decimal AnnualAmount, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>What an officer enters to set up a direct payment: its source and who receives it on the child's behalf.</summary>
/// <param name="RecipientUserId">A family account linked to the child; when empty, <paramref name="RecipientName"/> and <paramref name="RecipientRelationship"/> name someone without one.</param>
public sealed record DirectPaymentSetUp(string? Source, string? RecipientUserId, string? RecipientName, string? RecipientRelationship);

/// <summary>A family's agreement recorded by an officer for a family with no online account: who, how and when.</summary>
public sealed record DirectPaymentAgreementOnBehalf(string? AgreedByName, string? Relationship, AgreementMethod? Method, DateOnly? AgreedOn);

/// <summary>
/// A child's direct payment from set-up to an active schedule: an officer sets it up from its source ("Set up the direct
/// payment": the recipient is chosen by a person, and nothing is made behind anyone's back), which drafts the agreement
/// from the scheme; the recipient agrees it in their account, or an officer records their agreement; agreement keeps
/// the text as a letter and makes the instalments. One direct payment a source, on any node (a unique key). One-off
/// payments are added with a reason; a new approved plan version changes the schedule (<see cref="PlanDirectPayments"/>).
/// </summary>
public sealed class DirectPaymentService(ShortBreaksDbContext db, SchemeCatalog schemes, PlanService plans)
{
    public const int NameMaxLength = 200;
    public const int RelationshipMaxLength = 100;
    public const int ReasonMaxLength = 500;

    private static readonly CommandResult Conflict =
        CommandResult.Conflicted("Someone else changed this direct payment while you were working on it: check it again before you carry on.");

    private DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public Task<List<DirectPayment>> ForChildAsync(Guid childId, CancellationToken ct = default) =>
        db.DirectPayments.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.CreatedAt).ToListAsync(ct);

    public Task<DirectPayment?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>Its instalments, oldest first, with cancelled ones (the page shows what changed).</summary>
    public Task<List<DirectPaymentInstalment>> InstalmentsAsync(Guid id, CancellationToken ct = default) =>
        db.DirectPaymentInstalments.AsNoTracking().Where(i => i.DirectPaymentId == id).OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ToListAsync(ct);

    /// <summary>Records that someone looked at a child's direct payment (every view of a child's money is audited), and saves.</summary>
    public async Task RecordViewAsync(DirectPayment payment, string what, CancellationToken ct = default)
    {
        db.RecordView(nameof(DirectPayment), payment.Id.ToString(), payment.ChildId, what);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the child's direct payments could be set up from and are not yet.</summary>
    public async Task<List<DirectPaymentSource>> SourcesAsync(Guid childId, CancellationToken ct = default)
    {
        var sources = new List<DirectPaymentSource>();
        var taken = await db.DirectPayments.AsNoTracking().Where(d => d.ChildId == childId).Select(d => new { d.PlanId, d.PackageId }).ToListAsync(ct);
        if (await PlanSourceAsync(childId, ct) is { } plan && !taken.Any(t => t.PlanId == plan.Plan.Id)) sources.Add(plan.Source);
        var packages = await db.Packages.AsNoTracking()
            .Where(p => p.ChildId == childId && p.Route == PackageRoute.DirectPayment && p.State == PackageState.Accepted && p.DirectPaymentAmount > 0)
            .OrderBy(p => p.StartsOn).ToListAsync(ct);
        sources.AddRange(packages.Where(p => !taken.Any(t => t.PackageId == p.Id) && p.EndsOn >= Today).Select(PackageSource));
        return sources;
    }

    /// <summary>
    /// Sets up a direct payment from a source and drafts its agreement, waiting for the family to agree it. Setting up the
    /// same source twice, even at once on two nodes, makes one: the second is told it is already set up.
    /// </summary>
    public async Task<(DirectPayment? Made, CommandResult Result)> SetUpAsync(Guid childId, DirectPaymentSetUp input, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return (null, CommandResult.Fail("", "There is no such child."));
        var errors = new List<FieldError>();
        var sources = await SourcesAsync(childId, ct);
        var source = sources.FirstOrDefault(s => s.Key == input.Source);
        if (source is null) errors.Add(new("Source", sources.Count == 0 ? "There is nothing to set up a direct payment from: it may already be set up" : "Choose what the direct payment is for"));

        string? userId = null, name, relationship;
        if (!string.IsNullOrWhiteSpace(input.RecipientUserId))
        {
            var member = await db.ChildFamilyMembers.AsNoTracking().Where(m => m.ChildId == childId && m.UserId == input.RecipientUserId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, m.Relationship }).FirstOrDefaultAsync(ct);
            if (member is null) errors.Add(new("RecipientUserId", "Choose a family member linked to the child, or enter the name of the person receiving it"));
            (userId, name, relationship) = (member?.Id, member?.DisplayName, member?.Relationship);
        }
        else
        {
            name = input.RecipientName?.Trim();
            relationship = input.RecipientRelationship?.Trim();
            if (string.IsNullOrEmpty(name)) errors.Add(new("RecipientName", "Enter the name of the person receiving the direct payment"));
            else if (name.Length > NameMaxLength) errors.Add(new("RecipientName", $"The name must be {NameMaxLength} characters or fewer"));
            if (string.IsNullOrEmpty(relationship)) errors.Add(new("RecipientRelationship", "Enter how they are related to the child"));
            else if (relationship.Length > RelationshipMaxLength) errors.Add(new("RecipientRelationship", $"The relationship must be {RelationshipMaxLength} characters or fewer"));
        }

        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var scheme = schemes.InForceOn(Today);
        var payment = new DirectPayment
        {
            ChildId = childId,
            Reference = await NextReferenceAsync(ct),
            RecipientUserId = userId,
            RecipientName = name!,
            RecipientRelationship = relationship ?? "",
            AnnualAmount = source!.AnnualAmount,
            StartsOn = source.StartsOn,
            EndsOn = source.EndsOn,
            SchemeVersion = scheme.Version,
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId,
            CreatedByName = db.Actor.Name,
        };
        AgreementPurpose purpose;
        if (source.Key.StartsWith("plan:", StringComparison.Ordinal))
        {
            var (plan, version, _) = (await PlanSourceAsync(childId, ct))!.Value;
            payment.PlanId = plan.Id;
            payment.PlanVersionId = version.Id;
            purpose = DirectPaymentAgreementDocument.ForPlan(version, plans.CostOf(version, Tier.TargetedShortBreaks));
        }
        else
        {
            var packageId = Guid.Parse(source.Key["package:".Length..]);
            var package = await db.Packages.AsNoTracking().FirstAsync(p => p.Id == packageId, ct);
            payment.PackageId = package.Id;
            purpose = DirectPaymentAgreementDocument.ForPackage(package.DirectPaymentHours ?? 0, package.DirectPaymentAmount ?? 0, package.StartsOn, package.EndsOn);
        }

        payment.BodyHtml = DirectPaymentAgreementDocument.Compose(scheme, child, payment, purpose).BodyHtml;
        db.DirectPayments.Add(payment);
        db.AddTimeline(childId, TimelineKinds.DirectPayment, $"Direct payment {payment.Reference} set up: {Money.FormatPence(payment.AnnualAmount)} a year, waiting for the family's agreement",
            $"{source.Description}. Paid to {payment.RecipientName}.");
        var result = await db.SaveOrConflictAsync(Conflict, async _ =>
        {
            db.ChangeTracker.Clear();
            var made = await db.DirectPayments.AsNoTracking().AnyAsync(d => d.ChildId == childId && (d.PlanId == payment.PlanId && d.PlanId != null || d.PackageId == payment.PackageId && d.PackageId != null), ct);
            return made
                ? CommandResult.Fail("Source", "A direct payment is already set up for this: open it from the list")
                : CommandResult.Conflicted("Another direct payment was set up at the same moment: try again.");
        }, ct);
        return result.Succeeded ? (payment, result) : (null, result);
    }

    /// <summary>The recipient agrees the agreement in their account, as the signed-in family member named in it.</summary>
    public async Task<CommandResult> AgreeAsync(Guid id, long versionSeen, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (payment is null) return CommandResult.Fail("", "There is no such direct payment.");
        if (payment.RecipientUserId is null || payment.RecipientUserId != db.Actor.UserId)
            return CommandResult.Fail("", $"Only {payment.RecipientName}, who receives the direct payment, can agree it. Ask your officer if this is wrong.");
        return await AgreeAsync(payment, versionSeen, Today, payment.RecipientName + (payment.RecipientRelationship.Length > 0 ? $" ({payment.RecipientRelationship})" : ""),
            "in their online account", null, ct);
    }

    /// <summary>An officer records the family's agreement for a family with no online account (in person or by phone), with who agreed and when.</summary>
    public async Task<CommandResult> AgreeOnBehalfAsync(Guid id, DirectPaymentAgreementOnBehalf input, long versionSeen, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (payment is null) return CommandResult.Fail("", "There is no such direct payment.");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.AgreedByName)) errors.Add(new("AgreedByName", "Enter the name of the person who agreed"));
        else if (input.AgreedByName.Trim().Length > NameMaxLength) errors.Add(new("AgreedByName", $"The name must be {NameMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(input.Relationship)) errors.Add(new("Relationship", "Enter how they are related to the child"));
        else if (input.Relationship.Trim().Length > RelationshipMaxLength) errors.Add(new("Relationship", $"The relationship must be {RelationshipMaxLength} characters or fewer"));
        if (input.Method is not (AgreementMethod.InPerson or AgreementMethod.ByPhone)) errors.Add(new("Method", "Choose how they agreed it"));
        var made = UkCalendar.DateOf(payment.CreatedAt);
        if (input.AgreedOn is not { } agreedOn) errors.Add(new("AgreedOn", "Enter the date they agreed it"));
        else if (agreedOn > Today) errors.Add(new("AgreedOn", "The date they agreed it must be today or in the past"));
        else if (agreedOn < made) errors.Add(new("AgreedOn", $"The date they agreed it must be on or after {LetterHtml.Day(made)}, when the agreement was drafted"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        payment.AgreedOnBehalfMethod = input.Method;
        payment.AgreementRecordedByName = db.Actor.Name;
        return await AgreeAsync(payment, versionSeen, input.AgreedOn!.Value, $"{input.AgreedByName!.Trim()} ({input.Relationship!.Trim()})",
            $"{FamilyAgreementOnBehalf.MethodText(input.Method!.Value)}, recorded by {db.Actor.Name}", input.AgreedOn, ct);
    }

    private async Task<CommandResult> AgreeAsync(DirectPayment payment, long versionSeen, DateOnly agreedOn, string agreedBy, string how, DateOnly? onBehalfOn, CancellationToken ct)
    {
        if (payment.Version != versionSeen) return Conflict;
        if (payment.State != DirectPaymentState.AwaitingAgreement) return CommandResult.Fail("", "This agreement is already agreed.");
        if (payment.EndsOn is { } end && end < agreedOn) return CommandResult.Fail("", $"The direct payment's period ended on {LetterHtml.Day(end)}: set up a new one.");

        db.ExpectVersion(payment, versionSeen);
        var at = onBehalfOn is { } day && day != Today ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : db.UtcNow;
        if (payment.StartsOn < agreedOn) payment.StartsOn = agreedOn; // nothing is paid for days before the agreement
        payment.State = DirectPaymentState.Active;
        payment.AgreedAt = at;
        payment.AgreedByName = agreedBy;
        DirectPaymentInstalments.Make(db, schemes, payment, Today);
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == payment.ChildId, ct);
        var letter = db.AddLetter(payment.ChildId, LetterKinds.DirectPaymentAgreement, $"Direct payment agreement for {child.FirstName} ({payment.Reference})",
            DirectPaymentAgreementDocument.Agreed(payment.BodyHtml, agreedBy, at, how));
        payment.AgreementLetterId = letter.Id;
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment, $"Direct payment {payment.Reference} agreed by {agreedBy}",
            $"Agreed {how}. Payments of {Money.FormatPence(payment.AnnualAmount)} a year from {LetterHtml.Day(payment.StartsOn)}, once the account is confirmed.");
        return await db.SaveOrConflictAsync(Conflict, ct);
    }

    /// <summary>A one-off sum (a start-up sum, equipment) with its reason, due on a day from today within the direct payment's dates.</summary>
    public async Task<CommandResult> AddOneOffAsync(Guid id, string? amount, DateOnly? dueOn, string? reason, long versionSeen, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (payment is null) return CommandResult.Fail("", "There is no such direct payment.");
        if (payment.State != DirectPaymentState.Active) return CommandResult.Fail("", "A one-off payment is added once the agreement is agreed, and not after the direct payment has ended.");
        if (payment.Version != versionSeen) return Conflict;
        var errors = new List<FieldError>();
        var sum = 0m;
        if (string.IsNullOrWhiteSpace(amount)) errors.Add(new("Amount", "Enter the amount"));
        else if (!Money.TryParse(amount, out sum)) errors.Add(new("Amount", "Enter the amount in pounds and pence, like 150 or 150.50"));
        if (dueOn is null) errors.Add(new("DueOn", "Enter the date it is paid"));
        else if (dueOn < Today) errors.Add(new("DueOn", "The date it is paid must be today or in the future"));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("Reason", "Enter the reason for the one-off payment"));
        else if (reason.Trim().Length > ReasonMaxLength) errors.Add(new("Reason", $"The reason must be {ReasonMaxLength} characters or fewer"));
        if (errors.Count == 0)
        {
            // The schedule's own rules: more than £0, whole pence, within the direct payment's dates.
            errors.AddRange(DirectPaymentSchedule.Problems(payment.AnnualAmount, payment.StartsOn, payment.EndsOn, [new OneOffPayment(dueOn!.Value, sum, reason!.Trim())])
                .Select(p => p with { Field = p.Field.EndsWith(".PaidOn", StringComparison.Ordinal) ? "DueOn" : p.Field[(p.Field.LastIndexOf('.') + 1)..] }));
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);
        db.ExpectVersion(payment, versionSeen);
        db.Entry(payment).State = EntityState.Modified; // two officers adding at once are kept apart by the direct payment's version
        db.DirectPaymentInstalments.Add(new DirectPaymentInstalment
        {
            DirectPaymentId = payment.Id, ChildId = payment.ChildId, Kind = ScheduledPaymentKind.OneOff, DueOn = dueOn!.Value, Amount = sum,
            YearStart = null, Reason = reason!.Trim(), State = InstalmentState.Scheduled,
        });
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment, $"One-off payment of {Money.FormatPence(sum)} added to {payment.Reference}, due {LetterHtml.Day(dueOn.Value)}", reason.Trim());
        return await db.SaveOrConflictAsync(Conflict, ct);
    }

    private async Task<string> NextReferenceAsync(CancellationToken ct)
    {
        var last = await db.DirectPayments.AsNoTracking().Select(d => d.Reference).OrderByDescending(r => r.Length).ThenByDescending(r => r).FirstOrDefaultAsync(ct);
        var number = last is not null && int.TryParse(last.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return $"DP-{number:D6}";
    }

    /// <summary>The child's open plan's approved version, when it has direct payment lines.</summary>
    private async Task<(SupportPlan Plan, PlanVersion Version, DirectPaymentSource Source)?> PlanSourceAsync(Guid childId, CancellationToken ct)
    {
        var plan = await plans.OpenPlanAsync(childId, ct);
        if (plan?.ApprovedNumber is not { } number) return null;
        var version = await plans.VersionAsync(plan.Id, number, ct);
        if (version is not { Status: PlanVersionStatus.Approved }) return null;
        var annual = DirectPaymentAnnual(plans.CostOf(version, Tier.TargetedShortBreaks));
        if (annual <= 0) return null;
        var starts = version.EffectiveFrom is { } from && from > version.PeriodStart ? from : version.PeriodStart;
        if (version.PeriodEnd < starts) return null;
        return (plan, version, new DirectPaymentSource($"plan:{plan.Id}", $"The direct payment lines of support plan version {version.Number}", annual, starts, version.PeriodEnd));
    }

    private DirectPaymentSource PackageSource(Package package)
    {
        var yearStartMonth = schemes.InForceOn(Today).ProviderRules.YearStartMonth;
        return new DirectPaymentSource($"package:{package.Id}",
            $"Flexible Short Breaks package: {PackageAllowances.Hours(package.DirectPaymentHours ?? 0)} as a direct payment, {LetterHtml.Day(package.StartsOn)} to {LetterHtml.Day(package.EndsOn)}",
            PackageAnnualAmount(package.DirectPaymentAmount ?? 0, package.StartsOn, package.EndsOn, yearStartMonth), package.StartsOn, package.EndsOn);
    }

    /// <summary>A plan's direct payment amount a year: its direct payment lines and on-costs.</summary>
    public static decimal DirectPaymentAnnual(PlanCost cost) => cost.AnnualByRoute.GetValueOrDefault(PaymentRoute.DirectPayment);

    /// <summary>
    /// The amount a year whose share of a package's days is the package's amount to the penny: the amount itself for a
    /// whole allowance year, else the amount over the share of the year's days, rounded to the penny (a share of the
    /// year cannot move the rounded-back sum by half a penny).
    /// </summary>
    public static decimal PackageAnnualAmount(decimal amount, DateOnly startsOn, DateOnly endsOn, int yearStartMonth)
    {
        var yearEnd = DirectPaymentSchedule.YearEndOf(startsOn, yearStartMonth);
        var yearDays = yearEnd.DayNumber - yearEnd.AddYears(-1).DayNumber;
        var days = (endsOn < yearEnd ? endsOn : yearEnd).DayNumber - startsOn.DayNumber + 1;
        return days >= yearDays ? amount : Math.Round(amount * yearDays / days, 2, MidpointRounding.AwayFromZero);
    }
}
