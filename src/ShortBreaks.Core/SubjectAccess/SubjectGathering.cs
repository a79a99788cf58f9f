using ShortBreaks.Core.Ras.VirtualBudgets;
namespace ShortBreaks.Core.SubjectAccess;

/// <summary>
/// Finds everything the service holds about a subject: for a child, every row of every table keyed to the child
/// (<see cref="ChildTables"/>); for a family member, their account (never its password hash, security stamp or
/// authenticator key), the audit of their account and of what they did, the requests they made, the emails sent to
/// them and the children they are linked to, each listed for review as another person's record.
/// </summary>
/// <remarks>
/// Staff comments are the free text a member of staff wrote about the case in their own words: a threshold decision's
/// reasons, a referral's reasons, a panel's reasons, the reasons for a budget notice, a tier change, a plan decision, a
/// RAS override and a merge, and any letter that was never sent to the family (a referral to the MASH). The subject is
/// usually entitled to them, but they may name or describe other people (a sibling, a teacher, a social worker's
/// concern) or carry a safeguarding judgement the council may lawfully withhold, so each is listed for an
/// administrator to decide. Fields the service writes itself (statuses, amounts, the approval route, the panel's
/// summary of why an item is on its agenda) and the timeline's one-line summaries are not staff comments; where the
/// timeline repeats a reason, a redacted or withheld reason is removed there too (<see cref="Redaction"/>).
/// </remarks>
public sealed class SubjectGathering(ShortBreaksDbContext db)
{
    /// <summary>The data sets a child's archive reads, by the DbContext's property names.</summary>
    public static readonly IReadOnlySet<string> ChildTables = new HashSet<string>
    {
        nameof(ShortBreaksDbContext.Children), nameof(ShortBreaksDbContext.ChildFamilyMembers), nameof(ShortBreaksDbContext.TimelineEvents),
        nameof(ShortBreaksDbContext.ChildMerges), nameof(ShortBreaksDbContext.Requests), nameof(ShortBreaksDbContext.EvidenceDocuments),
        nameof(ShortBreaksDbContext.Decisions), nameof(ShortBreaksDbContext.Referrals), nameof(ShortBreaksDbContext.Letters),
        nameof(ShortBreaksDbContext.AuditEntries), nameof(ShortBreaksDbContext.SentEmails), nameof(ShortBreaksDbContext.RasAssessments),
        nameof(ShortBreaksDbContext.SupportPlans), nameof(ShortBreaksDbContext.PlanVersions), nameof(ShortBreaksDbContext.TierChanges),
        nameof(ShortBreaksDbContext.PanelItems), nameof(ShortBreaksDbContext.BudgetNotices), nameof(ShortBreaksDbContext.FamilyAgreementsOnBehalf),
        nameof(ShortBreaksDbContext.SubjectAccessRequests), nameof(ShortBreaksDbContext.RetentionItems), nameof(ShortBreaksDbContext.VirtualBudgetRuns),
        nameof(ShortBreaksDbContext.Packages), nameof(ShortBreaksDbContext.PackageLines), nameof(ShortBreaksDbContext.PackageStateChanges),
        nameof(ShortBreaksDbContext.DeliveryReturns), nameof(ShortBreaksDbContext.DeliveredSessions), nameof(ShortBreaksDbContext.FsbRenewals),
        nameof(ShortBreaksDbContext.UnusedHoursDecisions), nameof(ShortBreaksDbContext.ChildEmergencyContacts), nameof(ShortBreaksDbContext.AllowanceYears),
        nameof(ShortBreaksDbContext.DirectPayments), nameof(ShortBreaksDbContext.DirectPaymentAccounts), nameof(ShortBreaksDbContext.DirectPaymentInstalments),
        nameof(ShortBreaksDbContext.DirectPaymentStatements), nameof(ShortBreaksDbContext.StatementLines), nameof(ShortBreaksDbContext.MonitoringReturns),
        nameof(ShortBreaksDbContext.MonitoringReturnEvidence), nameof(ShortBreaksDbContext.AccountAudits), nameof(ShortBreaksDbContext.Recoupments),
        nameof(ShortBreaksDbContext.RecoupmentDeductions), nameof(ShortBreaksDbContext.Reviews),
        nameof(ShortBreaksDbContext.ProviderInvoiceLines), nameof(ShortBreaksDbContext.PaymentRunItems), nameof(ShortBreaksDbContext.PersonMessages),
        nameof(ShortBreaksDbContext.Complaints), nameof(ShortBreaksDbContext.ComplaintStages), nameof(ShortBreaksDbContext.ComplaintExtensions),
    };

    /// <summary>The data sets that hold nothing about any one child, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotAboutAChild = new Dictionary<string, string>
    {
        [nameof(ShortBreaksDbContext.SchemeVersions)] = "the council's scheme versions",
        [nameof(ShortBreaksDbContext.OutboxEmails)] = "emails waiting to send: an account and the message it tells of (the message is gathered)",
        [nameof(ShortBreaksDbContext.ScheduledJobs)] = "the last run of each piece of scheduled work",
        [nameof(ShortBreaksDbContext.Organisations)] = "the providers on the framework",
        [nameof(ShortBreaksDbContext.OrganisationUsers)] = "which accounts work for which provider",
        [nameof(ShortBreaksDbContext.OrganisationDocuments)] = "providers' evidence for the framework",
        [nameof(ShortBreaksDbContext.FrameworkApplications)] = "providers' applications to the framework",
        [nameof(ShortBreaksDbContext.FrameworkStatusChanges)] = "providers' framework decisions",
        [nameof(ShortBreaksDbContext.ExpiryWarnings)] = "the insurance and registration expiry warnings sent to providers",
        [nameof(ShortBreaksDbContext.RenewalNotices)] = "which node sent each renewal email, and when: the emails themselves are among the sent emails gathered, and the renewal with its reminders",
        [nameof(ShortBreaksDbContext.Services)] = "the services in the Local Offer directory",
        [nameof(ShortBreaksDbContext.Locations)] = "the places providers run services",
        [nameof(ShortBreaksDbContext.ChangeStamps)] = "when the reviews, the complaints, the Local Offer directory and the accounts last changed, anywhere in the county",
        [nameof(ShortBreaksDbContext.RasVersions)] = "the RAS versions",
        [nameof(ShortBreaksDbContext.ServiceBudgets)] = "the service's yearly budget",
        [nameof(ShortBreaksDbContext.HeadBudgets)] = "each budget head's yearly budget",
        [nameof(ShortBreaksDbContext.CalibrationRuns)] = "reports on a council's spreadsheet of anonymous scores",
        [nameof(ShortBreaksDbContext.DataProtectionKeys)] = "the keys that protect cookies",
        [nameof(ShortBreaksDbContext.SubjectAccessChoices)] = "an administrator's review choices, kept in the release record",
        [nameof(ShortBreaksDbContext.RetentionReviews)] = "the monthly retention reviews; their items about a child are gathered",
        [nameof(ShortBreaksDbContext.StatementColumnMappings)] = "which column of the card provider's or banks' statement files holds what",
        [nameof(ShortBreaksDbContext.ProviderInvoices)] = "a provider's invoice for a month across its packages; its lines about a child are gathered",
        [nameof(ShortBreaksDbContext.PaymentRuns)] = "a day's payment run across every payment; its items about a child are gathered",
    };

    public async Task<SubjectRecord?> ChildAsync(Guid childId, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return null;

        var sections = new List<RecordSection>();
        var counts = new Dictionary<string, int>();
        void Add(string id, string title, string table, List<RecordEntry> entries)
        {
            counts[table] = counts.GetValueOrDefault(table) + entries.Count;
            if (entries.Count > 0 || table == nameof(db.Children)) sections.Add(new RecordSection(id, title, table, entries));
        }

        Add("child", "The child's record", nameof(db.Children), [ChildEntry(child)]);

        var links = await (from link in db.ChildFamilyMembers.AsNoTracking()
                           where link.ChildId == childId
                           join user in db.Users.AsNoTracking() on link.UserId equals user.Id into users
                           from user in users.DefaultIfEmpty()
                           orderby link.AddedAt
                           select new { link, Name = user == null ? null : user.DisplayName, Email = user == null ? null : user.Email }).ToListAsync(ct);
        Add("family", "Family accounts linked to the child", nameof(db.ChildFamilyMembers), links.Select(l =>
        {
            var key = $"{nameof(db.ChildFamilyMembers)}/{l.link.ChildId}:{l.link.UserId}";
            var heading = $"{l.Name ?? "An account"} ({l.link.Relationship})";
            return new RecordEntry(key, heading, Fields(
                ("Name", l.Name), ("Email", l.Email), ("Relationship", l.link.Relationship), ("Linked", l.link.AddedAt),
                ("Identity checked by", l.link.IdentityCheck), ("Parental responsibility checked by", l.link.ParentalResponsibilityCheck),
                ("Linked by", l.link.LinkedByName)),
                new ReviewItem(key, ReviewReason.OtherFamilyMember, "Family accounts", "A family account linked to the child", $"{l.Name}\n{l.Email}"));
        }).ToList());

        var contacts = await db.ChildEmergencyContacts.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Position).ToListAsync(ct);
        Add("emergency-contacts", "Emergency contacts", nameof(db.ChildEmergencyContacts), contacts.Select(c =>
        {
            var key = $"{nameof(db.ChildEmergencyContacts)}/{c.Id}";
            return new RecordEntry(key, $"{c.Name} ({c.Relationship})", Fields(("Name", c.Name), ("Who they are to the child", c.Relationship), ("Telephone", c.Phone), ("Order to call", c.Position)),
                new ReviewItem(key, ReviewReason.OtherFamilyMember, "Emergency contacts", "An emergency contact for the child", $"{c.Name}\n{c.Phone}"));
        }).ToList());

        var requests = await db.Requests.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        Add("requests", "Requests for short breaks and their answers", nameof(db.Requests), requests.Select(RequestEntry).ToList());
        var requestIds = requests.Select(r => r.Id).ToList();
        var requestRefs = requests.ToDictionary(r => r.Id, r => r.Reference);

        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.DecidedAt).ToListAsync(ct);
        Add("decisions", "Threshold decisions", nameof(db.Decisions), decisions.Select(d =>
        {
            var key = $"{nameof(db.Decisions)}/{d.Id}";
            return new RecordEntry(key, $"Decision on request {requestRefs.GetValueOrDefault(d.RequestId)}: {DecisionOutcomes.Name(d.Outcome)}", Fields(
                    ("Outcome", DecisionOutcomes.Name(d.Outcome)), ("Decided", d.DecidedAt), ("Decided by", d.DecidedByName), ("Scheme version", d.SchemeVersion),
                    ("Hours a year", d.AllowanceHoursPerYear), ("Direct payment a year", MoneyText(d.AllowanceDirectPaymentPerYear)),
                    ("Provider budget a year", MoneyText(d.AllowanceProviderPerYear)), ("Criteria as the officer saw them", JsonText(d.CriteriaJson)))
                .Append(StaffField(key, "Reasons", d.Reasons, "Threshold decisions", "The decision's reasons")).ToList());
        }).ToList());

        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.ReferredAt).ToListAsync(ct);
        Add("referrals", "Referrals", nameof(db.Referrals), referrals.Select(r =>
        {
            var key = $"{nameof(db.Referrals)}/{r.Id}";
            return new RecordEntry(key, $"Referral to {(r.Kind == ReferralKind.SocialCare ? "social care" : "the Multi-Agency Safeguarding Hub")}", Fields(
                    ("Request", r.RequestId is { } requestId ? requestRefs.GetValueOrDefault(requestId) : null), ("Referred", r.ReferredAt), ("Referred by", r.ReferredByName),
                    ("Passed on to social care", r.PassedOnAt), ("Passed on by", r.PassedOnByName))
                .Append(StaffField(key, "Reasons", r.Reasons, "Referrals", "The referral's reasons"))
                .Concat(r.PassedOnHow is { } how ? [StaffField(key, "How it was passed on", how, "Referrals", "How the referral was passed on")] : []).ToList());
        }).ToList());

        var assessments = await db.RasAssessments.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        Add("ras", "RAS assessments and their answers", nameof(db.RasAssessments), assessments.Select(a =>
        {
            var key = $"{nameof(db.RasAssessments)}/{a.Id}";
            var fields = Fields(
                ("Status", a.Status.ToString()), ("Started", a.CreatedAt), ("Age in years", a.AgeYears), ("Phase", a.PhaseId), ("RAS version", a.RasVersion),
                ("Answers: levels of need", JsonText(a.LevelsJson)), ("Answers: support", JsonText(a.SupportJson)),
                ("Answers: support already funded", a.FundedSupportJson is null ? null : JsonText(a.FundedSupportJson)),
                ("Family finished their answers", a.FamilyFinishedAt), ("Family member who finished", a.FamilyFinishedByName),
                ("Total points", a.TotalPoints), ("Indicative budget", MoneyText(a.IndicativeAmount)), ("Band", a.Band), ("Routing", a.Routing?.ToString()),
                ("Completed", a.CompletedAt), ("Completed by", a.CompletedByName),
                ("Amount agreed instead", MoneyText(a.OverrideAmount)), ("Agreed by", a.OverrideAgreedBy), ("Recorded by", a.OverrideRecordedByName));
            if (a.OverrideReason is not null) fields.Add(StaffField(key, "Why a different amount was agreed", a.OverrideReason, "RAS assessments", "The reason for overriding the RAS amount"));
            return new RecordEntry(key, $"RAS assessment started {SubjectAccessDates.Date(a.CreatedAt)}", fields);
        }).ToList());

        var plans = await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        Add("plans", "Support plans", nameof(db.SupportPlans), plans.Select(p => new RecordEntry($"{nameof(db.SupportPlans)}/{p.Id}", $"Support plan started {SubjectAccessDates.Date(p.CreatedAt)}", Fields(
            ("Started", p.CreatedAt), ("Started by", p.CreatedByName), ("Newest version", p.LatestNumber), ("Version approved", p.ApprovedNumber),
            ("Ended", p.EndedAt), ("Next review due", p.NextReviewDue), ("Review schedule", p.ReviewSchedule)))).ToList());

        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.ChildId == childId)
            .Include(v => v.Outcomes).Include(v => v.Lines).Include(v => v.OnCosts)
            .OrderBy(v => v.PlanId).ThenBy(v => v.Number).AsSplitQuery().ToListAsync(ct);
        Add("plan-versions", "Every version of the support plans", nameof(db.PlanVersions), versions.Select(PlanVersionEntry).ToList());

        var agreements = await db.FamilyAgreementsOnBehalf.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.RecordedAt)
            .Select(a => new { a.Id, a.PlanVersionId, a.AgreedByName, a.Relationship, a.Method, a.AgreedOn, a.Comments, a.RecordedAt, a.RecordedByName, a.FileName, a.ContentType, a.SizeBytes })
            .ToListAsync(ct);
        var versionNumbers = versions.ToDictionary(v => v.Id, v => v.Number);
        Add("agreements", "Agreements recorded on the family's behalf", nameof(db.FamilyAgreementsOnBehalf), agreements.Select(a =>
        {
            var key = $"{nameof(db.FamilyAgreementsOnBehalf)}/{a.Id}";
            var fields = Fields(("Plan version", versionNumbers.GetValueOrDefault(a.PlanVersionId)), ("How", FamilyAgreementOnBehalf.MethodText(a.Method)),
                ("Agreed on", a.AgreedOn), ("Recorded", a.RecordedAt), ("Recorded by", a.RecordedByName), ("Signed paper copy", a.FileName));
            fields.Insert(0, new RecordField("Who agreed", $"{a.AgreedByName} ({a.Relationship})",
                new ReviewItem($"{key}/AgreedBy", ReviewReason.OtherFamilyMember, "Agreements on behalf", "The name of the family member who agreed the plan", a.AgreedByName)));
            if (a.Comments is not null)
                fields.Add(new RecordField("Comments", a.Comments, new ReviewItem($"{key}/Comments", ReviewReason.OtherFamilyMember, "Agreements on behalf", "The comments of the family member who agreed the plan", a.Comments)));
            return new RecordEntry(key, $"Agreement to plan version {versionNumbers.GetValueOrDefault(a.PlanVersionId)}", fields);
        }).ToList());

        var tierChanges = await db.TierChanges.AsNoTracking().Where(t => t.ChildId == childId).OrderBy(t => t.At).ToListAsync(ct);
        Add("tiers", "Changes of tier", nameof(db.TierChanges), tierChanges.Select(t =>
        {
            var key = $"{nameof(db.TierChanges)}/{t.Id}";
            return new RecordEntry(key, $"{Tiers.Name(t.From)} to {Tiers.Name(t.To)}", Fields(("Move", t.Move.ToString()), ("When", t.At), ("By", t.ByName))
                .Append(StaffField(key, "Reason", t.Reason, "Changes of tier", "The reason for the change of tier")).ToList());
        }).ToList());

        var panelItems = await db.PanelItems.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.AddedAt).ToListAsync(ct);
        Add("panel", "Items before the panel", nameof(db.PanelItems), panelItems.Select(p =>
        {
            var key = $"{nameof(db.PanelItems)}/{p.Id}";
            var fields = Fields(("Kind", p.Kind.ToString()), ("Why it was there", p.Summary), ("Added", p.AddedAt), ("Added by", p.AddedByName),
                ("Meeting", p.MeetingDate), ("Status", p.Status.ToString()), ("Outcome", p.Outcome?.ToString()), ("Decided", p.DecidedAt), ("Decided by", p.DecidedByName));
            if (p.Reasons is not null) fields.Add(StaffField(key, "The panel's reasons", p.Reasons, "Items before the panel", "The panel's reasons"));
            return new RecordEntry(key, $"Panel item added {SubjectAccessDates.Date(p.AddedAt)}", fields);
        }).ToList());

        var notices = await db.BudgetNotices.AsNoTracking().Where(n => n.ChildId == childId).OrderBy(n => n.GivenAt).ToListAsync(ct);
        Add("notices", "Notices of a lower budget", nameof(db.BudgetNotices), notices.Select(n =>
        {
            var key = $"{nameof(db.BudgetNotices)}/{n.Id}";
            return new RecordEntry(key, $"Notice given {SubjectAccessDates.Date(n.GivenAt)}", Fields(
                    ("From plan version", n.FromNumber), ("To plan version", n.ToNumber), ("Budget a year before", MoneyText(n.CurrentAnnualAmount)),
                    ("Budget a year after", MoneyText(n.NewAnnualAmount)), ("Given", n.GivenAt), ("Given by", n.GivenByName), ("Takes effect", n.TakesEffectOn),
                    ("Status", n.Status.ToString()), ("Reconsideration asked for", n.ReconsiderationRequestedAt))
                .Append(StaffField(key, "Reasons", n.Reasons, "Notices of a lower budget", "The reasons for the lower budget")).ToList());
        }).ToList());

        var merges = await db.ChildMerges.AsNoTracking().Where(m => m.SurvivingChildId == childId || m.MergedChildId == childId).OrderBy(m => m.MergedAt).ToListAsync(ct);
        Add("merges", "Records joined with this one", nameof(db.ChildMerges), merges.Select(m =>
        {
            var key = $"{nameof(db.ChildMerges)}/{m.Id}";
            return new RecordEntry(key, $"Record {m.MergedChildReference} joined {SubjectAccessDates.Date(m.MergedAt)}", Fields(("Joined", m.MergedAt), ("Joined by", m.MergedByName))
                .Append(StaffField(key, "Reason", m.Reason, "Records joined", "The reason the records were joined")).ToList());
        }).ToList());

        var emails = await db.SentEmails.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.SentAt).ToListAsync(ct);
        Add("emails", "Emails sent about the child", nameof(db.SentEmails), emails.Select(EmailEntry).ToList());

        var messages = await db.PersonMessages.AsNoTracking().Where(m => m.ChildId == childId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        Add("messages", "Tasks and messages about the child", nameof(db.PersonMessages), messages.Select(MessageEntry).ToList());

        var timeline = await db.TimelineEvents.AsNoTracking().Where(t => t.ChildId == childId).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        Add("timeline", "Timeline", nameof(db.TimelineEvents), timeline.Select(t => new RecordEntry($"{nameof(db.TimelineEvents)}/{t.Id}", t.Summary,
            Fields(("When", t.At), ("What", t.Summary), ("Detail", t.Detail), ("By", t.ActorName)))).ToList());

        var earlier = await db.SubjectAccessRequests.AsNoTracking().Where(s => s.ChildId == childId).OrderBy(s => s.LoggedAt).ToListAsync(ct);
        Add("subject-access", "Subject access requests about the child", nameof(db.SubjectAccessRequests), earlier.Select(SubjectAccessEntry).ToList());

        var retention = await db.RetentionItems.AsNoTracking().Where(i => i.SubjectChildId == childId).OrderBy(i => i.From).ToListAsync(ct);
        Add("retention", "Retention: records listed for erasure, and decisions to keep them", nameof(db.RetentionItems), retention.Select(i =>
        {
            var key = $"{nameof(db.RetentionItems)}/{i.Id}";
            var fields = Fields(("Record", i.Reference), ("Rule", i.Rule), ("Counted from", i.From), ("Retention ended", i.RetentionEnds),
                ("Status", i.Status.ToString()), ("Decided", i.DecidedAt), ("Decided by", i.DecidedByName), ("Kept until", i.KeepUntil));
            if (i.Reason is not null) fields.Add(StaffField(key, "Why", i.Reason, "Retention", "A manager's reason for keeping the record"));
            return new RecordEntry(key, $"Listed for erasure {SubjectAccessDates.Date(i.RetentionEnds)}: {i.Reference}", fields);
        }).ToList());

        // A trial of a new RAS version lists, by name, the families whose budget would fall under it.
        var idText = childId.ToString();
        var runs = await db.VirtualBudgetRuns.AsNoTracking().Where(r => r.FallsJson != null && r.FallsJson.Contains(idText)).OrderBy(r => r.RequestedAt).ToListAsync(ct);
        Add("virtual-budgets", "Trials of new RAS versions in which the child's budget would fall", nameof(db.VirtualBudgetRuns), runs
            .SelectMany(r => (JsonSerializer.Deserialize<List<VirtualBudgetFall>>(r.FallsJson!, VirtualBudgetSimulation.JsonOptions) ?? [])
                .Where(f => f.ChildId == childId)
                .Select(f => new RecordEntry($"{nameof(db.VirtualBudgetRuns)}/{r.Id}", $"RAS version {r.VersionLabel}, tried {SubjectAccessDates.Date(r.RequestedAt)}", Fields(
                    ("RAS version tried", r.VersionLabel), ("Tried", r.RequestedAt), ("Tried by", r.RequestedByName),
                    ("Budget at the time", MoneyText(f.Current)), ("Budget under that version", MoneyText(f.New)),
                    ("Earliest day a lower budget could apply", f.TakesEffectFrom)))))
            .ToList());

        await AddPackagesAsync(childId, Add, ct);
        await AddDirectPaymentsAsync(childId, Add, ct);
        var returnFiles = await AddDirectPaymentMonitoringAsync(childId, Add, ct);
        await AddPaymentsAsync(childId, Add, ct);
        await AddComplaintsAsync(childId, Add, ct);

        var letters = await db.Letters.AsNoTracking().Where(l => l.ChildId == childId).OrderBy(l => l.CreatedAt)
            .Select(l => new { l.Id, l.Title, l.CreatedAt, l.VisibleToFamily }).ToListAsync(ct);
        counts[nameof(db.Letters)] = letters.Count;
        var letterItems = letters.Select(l => new LetterItem(l.Id, l.Title, l.CreatedAt, l.VisibleToFamily, l.VisibleToFamily ? null
            : new ReviewItem($"{nameof(db.Letters)}/{l.Id}", ReviewReason.StaffComment, "Letters", $"A letter of {SubjectAccessDates.Date(l.CreatedAt)} that was never sent to the family", l.Title, IsFile: true))).ToList();

        var evidence = await db.EvidenceDocuments.AsNoTracking().Where(d => requestIds.Contains(d.RequestId)).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.Id, d.RequestId, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAt, d.KindId }).ToListAsync(ct);
        counts[nameof(db.EvidenceDocuments)] = evidence.Count;
        var files = evidence.Select(d => EvidenceFile(d.Id, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAt, d.KindId, requestRefs.GetValueOrDefault(d.RequestId) ?? "")).ToList();
        files.AddRange(agreements.Where(a => a.FileName is not null).Select(a => new FileItem(a.Id, nameof(db.FamilyAgreementsOnBehalf), a.FileName!, a.ContentType ?? "application/octet-stream",
            a.SizeBytes ?? 0, a.RecordedAt, $"Signed paper copy of plan version {versionNumbers.GetValueOrDefault(a.PlanVersionId)}", null)));
        files.AddRange(returnFiles);

        var auditCount = await db.AuditEntries.CountAsync(a => a.ChildId == childId, ct);
        counts[nameof(db.AuditEntries)] = auditCount;

        return new SubjectRecord
        {
            Kind = SubjectKind.Child, Name = child.FullName, Reference = child.Reference, ChildId = child.Id,
            Sections = sections, Letters = letterItems, Files = files, AuditCount = auditCount, Counts = counts,
        };
    }

    public async Task<SubjectRecord?> FamilyMemberAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles.AsNoTracking() join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync(ct);
        var hasAuthenticator = await db.UserTokens.AsNoTracking().AnyAsync(t => t.UserId == userId, ct);

        var sections = new List<RecordSection>();
        var counts = new Dictionary<string, int>();
        void Add(string id, string title, string table, List<RecordEntry> entries)
        {
            counts[table] = counts.GetValueOrDefault(table) + entries.Count;
            if (entries.Count > 0 || table == nameof(db.Users)) sections.Add(new RecordSection(id, title, table, entries));
        }

        // The account as the person would recognise it: never its password hash, security stamp or authenticator key.
        Add("account", "The account", nameof(db.Users), [new RecordEntry($"{nameof(db.Users)}/{user.Id}", user.DisplayName, Fields(
            ("Name", user.DisplayName), ("Email", user.Email), ("Email confirmed", user.EmailConfirmed ? "Yes" : "No"), ("Phone", user.PhoneNumber),
            ("Roles", string.Join(", ", roles.Select(r => Roles.Name(r ?? "")))), ("Created", user.CreatedAt),
            ("Signs in with an authenticator app", user.TwoFactorEnabled || hasAuthenticator ? "Yes" : "No"),
            ("Locked until", user.LockoutEnd?.UtcDateTime), ("Failed sign-in attempts since the last success", user.AccessFailedCount)))]);

        var requests = await db.Requests.AsNoTracking().Where(r => r.FamilyUserId == userId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        Add("requests", "Requests they made and their answers", nameof(db.Requests), requests.Select(RequestEntry).ToList());
        var requestIds = requests.Select(r => r.Id).ToList();
        var requestRefs = requests.ToDictionary(r => r.Id, r => r.Reference);

        var links = await (from link in db.ChildFamilyMembers.AsNoTracking()
                           where link.UserId == userId
                           join child in db.Children.AsNoTracking() on link.ChildId equals child.Id
                           orderby link.AddedAt
                           select new { link, child.FirstName, child.LastName, child.Reference }).ToListAsync(ct);
        Add("children", "Children linked to the account", nameof(db.ChildFamilyMembers), links.Select(l =>
        {
            var key = $"{nameof(db.ChildFamilyMembers)}/{l.link.ChildId}:{l.link.UserId}";
            var name = $"{l.FirstName} {l.LastName}";
            return new RecordEntry(key, $"{name} ({l.Reference})", Fields(
                    ("Child", name), ("Child's reference", l.Reference), ("Relationship", l.link.Relationship), ("Linked", l.link.AddedAt),
                    ("Identity checked by", l.link.IdentityCheck), ("Parental responsibility checked by", l.link.ParentalResponsibilityCheck), ("Linked by", l.link.LinkedByName)),
                new ReviewItem(key, ReviewReason.AnotherSubjectsRecord, "Children linked to the account",
                    "A child linked to the account: the child's own record is about the child, and is answered by a request about the child", $"{name} ({l.Reference})"));
        }).ToList());

        var email = user.Email ?? "";
        var emails = await db.SentEmails.AsNoTracking().Where(e => e.To == email).OrderBy(e => e.SentAt).ToListAsync(ct);
        Add("emails", "Emails sent to them", nameof(db.SentEmails), emails.Select(EmailEntry).ToList());

        var messages = await db.PersonMessages.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        Add("messages", "Tasks and messages in their account", nameof(db.PersonMessages), messages.Select(MessageEntry).ToList());

        var earlier = await db.SubjectAccessRequests.AsNoTracking().Where(s => s.FamilyUserId == userId).OrderBy(s => s.LoggedAt).ToListAsync(ct);
        Add("subject-access", "Subject access requests about them", nameof(db.SubjectAccessRequests), earlier.Select(SubjectAccessEntry).ToList());

        var evidence = await db.EvidenceDocuments.AsNoTracking().Where(d => requestIds.Contains(d.RequestId)).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.Id, d.RequestId, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAt, d.KindId }).ToListAsync(ct);
        counts[nameof(db.EvidenceDocuments)] = evidence.Count;
        var files = evidence.Select(d => EvidenceFile(d.Id, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAt, d.KindId, requestRefs.GetValueOrDefault(d.RequestId) ?? "")).ToList();

        var auditCount = await FamilyAudit(userId).CountAsync(ct);
        counts[nameof(db.AuditEntries)] = auditCount;

        return new SubjectRecord
        {
            Kind = SubjectKind.FamilyMember, Name = user.DisplayName, Reference = email, UserId = userId,
            Sections = sections, Letters = [], Files = files, AuditCount = auditCount, Counts = counts,
        };
    }

    /// <summary>The audit the archive holds: every entry with the child's id, or every entry by or about the family member's account.</summary>
    public IQueryable<AuditEntry> Audit(SubjectRecord subject) =>
        subject.ChildId is { } childId ? db.AuditEntries.AsNoTracking().Where(a => a.ChildId == childId) : FamilyAudit(subject.UserId!);

    private IQueryable<AuditEntry> FamilyAudit(string userId) =>
        db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId || (a.EntityType == nameof(AppUser) && a.EntityId == userId));

    private static RecordEntry ChildEntry(Child c) => new($"{nameof(ShortBreaksDbContext.Children)}/{c.Id}", c.FullName, Fields(
        ("Reference", c.Reference), ("First name", c.FirstName), ("Last name", c.LastName), ("Date of birth", c.DateOfBirth),
        ("Address", string.Join(", ", new[] { c.AddressLine1, c.AddressLine2, c.Town, c.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)))),
        ("School", c.School), ("Education, health and care plan", c.HasEhcPlan ? "Yes" : "No"), ("EHC plan review", c.EhcPlanReviewDate),
        ("Disability codes", c.DisabilityCodes), ("Needs in the family's words", c.NeedsInFamilyWords), ("Tier", Tiers.Name(c.Tier)), ("Arrangements", c.Arrangements),
        ("Record made", c.CreatedAt), ("Joined into another record", c.MergedIntoChildId?.ToString())));

    private static RecordEntry RequestEntry(ShortBreakRequest r)
    {
        var key = $"{nameof(ShortBreaksDbContext.Requests)}/{r.Id}";
        var fields = Fields(
            ("Reference", r.Reference), ("Status", r.Status.ToString()), ("How it came", r.Channel == RequestChannel.Online ? "Online" : "By phone"),
            ("Started", r.CreatedAt), ("Sent", r.SubmittedAt), ("Child's name as given", r.ChildName), ("Child's date of birth as given", r.ChildDateOfBirth),
            ("Address as given", string.Join(", ", new[] { r.AddressLine1, r.AddressLine2, r.Town, r.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)))),
            ("School", r.School), ("Attends school", YesNo(r.AttendsSchool)), ("Education, health and care plan", YesNo(r.HasEhcPlan)), ("EHC plan review", r.EhcPlanReviewDate),
            ("Needs", r.NeedIds), ("Disability codes", r.DisabilityCodes), ("Needs in the family's own words", r.NeedsInOwnWords),
            ("Preferred contact", r.PreferredContact?.ToString()), ("Number of brothers and sisters", r.SiblingCount),
            ("Consent to share", YesNo(r.ConsentToShare)), ("Consent recorded", r.ConsentRecordedAt), ("Scheme version", r.SchemeVersion));
        var contact = string.Join(", ", new[] { r.ContactName is null ? null : $"{r.ContactName}{(r.ContactRelationship is null ? "" : $" ({r.ContactRelationship})")}", r.ContactEmail, r.ContactPhone }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (contact.Length > 0)
            fields.Add(new RecordField("Family contact", contact, new ReviewItem($"{key}/Contact", ReviewReason.OtherFamilyMember, "Requests", $"The family contact on request {r.Reference}", contact)));
        if (!string.IsNullOrWhiteSpace(r.SiblingDetails))
            fields.Add(new RecordField("Brothers and sisters", r.SiblingDetails, new ReviewItem($"{key}/SiblingDetails", ReviewReason.OtherFamilyMember, "Requests", $"Brothers and sisters named on request {r.Reference}", r.SiblingDetails)));
        return new RecordEntry(key, $"Request {r.Reference}", fields);
    }

    private static RecordEntry PlanVersionEntry(PlanVersion v)
    {
        var key = $"{nameof(ShortBreaksDbContext.PlanVersions)}/{v.Id}";
        var fields = Fields(
            ("Status", v.Status.ToString()), ("What changed", v.ChangeSummary), ("What matters to me", v.WhatMattersToMe), ("How best to support me", v.HowBestToSupportMe),
            ("My communication", v.MyCommunication), ("Period", $"{SubjectAccessDates.Date(v.PeriodStart)} to {SubjectAccessDates.Date(v.PeriodEnd)}"),
            ("Indicative budget", MoneyText(v.IndicativeBudget)), ("Cost a year", MoneyText(v.AnnualCost)), ("Cost over the period", MoneyText(v.PeriodCost)),
            ("Why this version", v.Origin), ("Made", v.CreatedAt), ("Made by", v.CreatedByName), ("Agreed by the family", v.FamilyAgreedAt), ("Family member who agreed", v.FamilyAgreedByName),
            ("Agreed by the officer", v.OfficerAgreedAt), ("Officer who agreed", v.OfficerAgreedByName), ("Approval", v.ApprovalRoute.ToString()), ("Why that approval", v.ApprovalReason),
            ("Decided", v.DecidedAt), ("Decided by", v.DecidedByName), ("Takes effect", v.EffectiveFrom),
            ("Outcomes", string.Join("\n", v.Outcomes.OrderBy(o => o.Order).Select(o => $"{o.What} ({o.Term} term{(o.ByWhen is { } d ? $", by {SubjectAccessDates.Date(d)}" : "")}): {o.HowWeWillKnow}"))),
            ("Support", string.Join("\n", v.Lines.OrderBy(l => l.Order).Select(l => $"{l.Description}: {l.Quantity.ToString("0.##", CultureInfo.InvariantCulture)} {l.Type} {l.Frequency} at {Money.FormatPence(l.UnitCost)}, {l.Route}{(l.ProvidedBy is null ? "" : $", by {l.ProvidedBy}")}"))),
            ("Other costs", string.Join("\n", v.OnCosts.OrderBy(o => o.Order).Select(o => $"{o.Description}: {Money.FormatPence(o.MonthlyAmount)} a month, {o.Route}"))));
        if (v.DecisionReasons is not null) fields.Add(StaffField(key, "Reasons for the decision", v.DecisionReasons, "Support plans", $"The reasons for the decision on plan version {v.Number}"));
        return new RecordEntry(key, $"Plan version {v.Number}", fields);
    }

    private static RecordEntry MessageEntry(Notifications.PersonMessage m) =>
        new($"{nameof(ShortBreaksDbContext.PersonMessages)}/{m.Id}", m.Title, Fields(("Title", m.Title), ("Detail", m.Detail), ("Written", m.CreatedAt),
            ("Read", m.ReadAt), ("A task, done", m.TaskKey is null ? null : m.CompletedAt)));

    private static RecordEntry EmailEntry(SentEmail e) =>
        new($"{nameof(ShortBreaksDbContext.SentEmails)}/{e.Id}", e.Subject, Fields(("To", e.To), ("Subject", e.Subject), ("Sent", e.SentAt)));

    private static RecordEntry SubjectAccessEntry(SubjectAccessRequest s) =>
        new($"{nameof(ShortBreaksDbContext.SubjectAccessRequests)}/{s.Id}", $"Request received {SubjectAccessDates.Date(s.ReceivedOn)}", Fields(
            ("Asked by", s.RequestedBy), ("Identity checked by", s.IdentityCheck), ("Received", s.ReceivedOn), ("Due", s.DueOn),
            ("Logged by", s.LoggedByName), ("Released", s.ReleasedAt), ("Released by", s.ReleasedByName)));

    private static FileItem EvidenceFile(Guid id, string fileName, string contentType, long size, DateTime uploadedAt, string kindId, string requestReference)
    {
        var key = $"{nameof(ShortBreaksDbContext.EvidenceDocuments)}/{id}";
        return new FileItem(id, nameof(ShortBreaksDbContext.EvidenceDocuments), fileName, contentType, size, uploadedAt, $"Evidence ({kindId}) for request {requestReference}",
            new ReviewItem(key, ReviewReason.ThirdPartyEvidence, "Evidence files", $"An evidence file ({kindId}) sent with request {requestReference} on {SubjectAccessDates.Date(uploadedAt)}", fileName, IsFile: true));
    }

    /// <summary>The child's packages, their lines and moves, what providers returned as delivered, and renewals.</summary>
    /// <summary>
    /// The child's direct payments, the accounts they are paid into (bank details masked, as everywhere: the archive is a
    /// copy that travels) and their instalments. The agreement's text is among the letters once agreed.
    /// </summary>
    private async Task AddDirectPaymentsAsync(Guid childId, Action<string, string, string, List<RecordEntry>> add, CancellationToken ct)
    {
        var payments = await db.DirectPayments.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.CreatedAt).ToListAsync(ct);
        var references = payments.ToDictionary(d => d.Id, d => d.Reference);
        add("direct-payments", "Direct payments", nameof(db.DirectPayments), payments.Select(d => new RecordEntry($"{nameof(db.DirectPayments)}/{d.Id}",
            $"Direct payment {d.Reference}", Fields(
                ("Reference", d.Reference), ("State", d.State.ToString()), ("Paid to", d.RecipientName), ("Their relationship to the child", d.RecipientRelationship),
                ("Amount a year", MoneyText(d.AnnualAmount)), ("From", d.StartsOn), ("To", d.EndsOn), ("Agreed", d.AgreedAt), ("Agreed by", d.AgreedByName),
                ("Agreement recorded by", d.AgreementRecordedByName), ("Set up", d.CreatedAt), ("Set up by", d.CreatedByName)))).ToList());

        var accounts = await db.DirectPaymentAccounts.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        add("direct-payment-accounts", "Accounts direct payments are paid into", nameof(db.DirectPaymentAccounts), accounts.Select(a => new RecordEntry(
            $"{nameof(db.DirectPaymentAccounts)}/{a.Id}", $"{(a.Kind == DirectPayments.DirectPaymentAccountKind.BankAccount ? "Bank account" : "Prepaid card account")} for {references.GetValueOrDefault(a.DirectPaymentId)}",
            Fields(("Name on the account", a.AccountName), ("Details", DirectPayments.MaskedAccount.Of(a).Details), ("Entered", a.CreatedAt), ("Entered by", a.CreatedByName),
                ("Confirmed", a.ConfirmedAt), ("Confirmed by", a.ConfirmedByName), ("Replaced", a.ReplacedAt)))).ToList());

        var instalments = await db.DirectPaymentInstalments.AsNoTracking().Where(i => i.ChildId == childId).OrderBy(i => i.DueOn).ToListAsync(ct);
        add("direct-payment-instalments", "Direct payment instalments", nameof(db.DirectPaymentInstalments), instalments.Select(i => new RecordEntry(
            $"{nameof(db.DirectPaymentInstalments)}/{i.Id}", $"{MoneyText(i.Amount)} due {SubjectAccessDates.Date(i.DueOn)}", Fields(
                ("Direct payment", references.GetValueOrDefault(i.DirectPaymentId)), ("Kind", i.Kind.ToString()), ("Due", i.DueOn), ("Amount", MoneyText(i.Amount)),
                ("Covers from", i.CoversFrom), ("Covers to", i.CoversTo), ("Reason", i.Reason), ("State", i.State.ToString()), ("Paid", i.PaidAt)))).ToList());
    }

    private async Task AddPackagesAsync(Guid childId, Action<string, string, string, List<RecordEntry>> add, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => db.Packages.Any(p => p.ChildId == childId && p.OrganisationId == o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string? Provider(Guid? id) => id is { } i ? organisations.GetValueOrDefault(i) : null;

        var packages = await db.Packages.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        add("packages", "Packages of short breaks", nameof(db.Packages), packages.Select(p => new RecordEntry($"{nameof(db.Packages)}/{p.Id}",
            $"{(p.Route == PackageRoute.DirectPayment ? "Direct payment" : Provider(p.OrganisationId))} from {SubjectAccessDates.Date(p.StartsOn)}", Fields(
                ("Provider", Provider(p.OrganisationId)), ("Route", p.Route == PackageRoute.DirectPayment ? "Direct payment" : "Provider"),
                ("Tier", p.Tier.ToString()), ("Year from", p.YearStart), ("From", p.StartsOn), ("To", p.EndsOn), ("State", PackageMoves.Describe(p.State)),
                ("Direct payment hours", p.DirectPaymentHours), ("Direct payment", MoneyText(p.DirectPaymentAmount)), ("Notice given", p.NoticeGivenOn),
                ("Made", p.CreatedAt), ("Made by", p.CreatedByName)))).ToList());

        var lines = await db.PackageLines.AsNoTracking().Where(l => l.ChildId == childId).ToListAsync(ct);
        add("package-lines", "What each package buys", nameof(db.PackageLines), lines.Select(l => new RecordEntry($"{nameof(db.PackageLines)}/{l.Id}", l.ServiceName, Fields(
            ("Service", l.ServiceName), ("Quantity", l.Quantity), ("Unit", l.Unit.ToString()), ("How often", l.Frequency.ToString()), ("Units in all", l.TotalUnits),
            ("Price each", MoneyText(l.UnitPrice)), ("Price from", l.PriceEffectiveFrom), ("Notes", l.Notes)))).ToList());

        var moves = await db.PackageStateChanges.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.At).ToListAsync(ct);
        add("package-moves", "Changes to packages", nameof(db.PackageStateChanges), moves.Select(c =>
        {
            var key = $"{nameof(db.PackageStateChanges)}/{c.Id}";
            var fields = Fields(("Package", c.PackageId), ("From", c.From is { } f ? PackageMoves.Describe(f) : null), ("To", PackageMoves.Describe(c.To)),
                ("When", c.At), ("By", c.ByName), ("As", c.By.ToString()));
            if (c.Reason is not null) fields.Add(StaffField(key, "Why", c.Reason, "Packages", "The reason a package was declined, changed or ended"));
            return new RecordEntry(key, $"Package {PackageMoves.Describe(c.To)} {SubjectAccessDates.Date(c.At)}", fields);
        }).ToList());

        var returns = await db.DeliveryReturns.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.Month).ToListAsync(ct);
        add("delivery-returns", "Providers' monthly returns of what was delivered", nameof(db.DeliveryReturns), returns.Select(r => new RecordEntry(
            $"{nameof(db.DeliveryReturns)}/{r.Id}", $"Return for {r.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", Fields(
                ("Provider", Provider(r.OrganisationId)), ("Month", r.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)), ("Due", r.DueOn),
                ("Status", r.Status.ToString()), ("Sent", r.SubmittedAt), ("Sent by", r.SubmittedByName)))).ToList());

        var sessions = await db.DeliveredSessions.AsNoTracking().Where(x => x.ChildId == childId).OrderBy(x => x.Date).ToListAsync(ct);
        add("sessions", "Sessions delivered or cancelled", nameof(db.DeliveredSessions), sessions.Select(x =>
        {
            var key = $"{nameof(db.DeliveredSessions)}/{x.Id}";
            var fields = Fields(("Day", x.Date), ("Quantity", x.Quantity), ("Unit", x.Unit.ToString()), ("Hours", x.Hours), ("Staff", x.Staff),
                ("Cancelled", x.Cancellation?.ToString()), ("Recorded", x.RecordedAt), ("Recorded by", x.RecordedByName));
            if (x.CancellationNote is not null) fields.Add(StaffField(key, "About the cancellation", x.CancellationNote, "Sessions", "A provider's note on a cancelled session"));
            return new RecordEntry(key, $"Session on {SubjectAccessDates.Date(x.Date)}", fields);
        }).ToList());

        var unused = await db.UnusedHoursDecisions.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.At).ToListAsync(ct);
        add("unused-hours", "Unused hours offered back or released", nameof(db.UnusedHoursDecisions), unused.Select(d =>
        {
            var key = $"{nameof(db.UnusedHoursDecisions)}/{d.Id}";
            var fields = Fields(("Provider", Provider(d.OrganisationId)), ("Year from", d.YearStart), ("Decision", UnusedHoursRules.StateName(d.State)),
                ("Hours", d.Hours), ("Money", d.Money), ("Worked out on", d.AsOf), ("Decided", d.At), ("Decided by", d.ByName));
            fields.Add(StaffField(key, "Why", d.Reason, "Unused hours", "The reason unused hours were offered back or released"));
            return new RecordEntry(key, $"{UnusedHoursRules.StateName(d.State)} {SubjectAccessDates.Date(d.At)}", fields);
        }).ToList());

        var years = await db.AllowanceYears.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.YearStart).ToListAsync(ct);
        add("allowance-years", "Allowance years packages were committed against", nameof(db.AllowanceYears), years.Select(a => new RecordEntry(
            $"{nameof(db.AllowanceYears)}/{a.ChildId}/{a.YearStart:yyyy-MM-dd}", $"Allowance year from {SubjectAccessDates.Date(a.YearStart)}",
            Fields(("Year from", a.YearStart), ("Last committed against", a.ChangedAt)))).ToList());

        var renewals = await db.FsbRenewals.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.YearStart).ToListAsync(ct);
        add("renewals", "Renewals of Flexible Short Breaks", nameof(db.FsbRenewals), renewals.Select(r =>
        {
            var key = $"{nameof(db.FsbRenewals)}/{r.Id}";
            var fields = Fields(("Year from", r.YearStart), ("Status", r.Status.ToString()), ("Answers", r.AnswersJson is null ? null : JsonText(r.AnswersJson)),
                ("Any answer changed", YesNo(r.AnyChanged)), ("Invited", r.InvitedAt), ("Reminders", r.Reminders), ("Sent", r.SubmittedAt),
                ("Decided", r.DecidedAt), ("Decided by", r.ApprovedAutomatically ? "Approved automatically (unchanged)" : r.DecidedByName));
            if (r.DecisionReason is not null) fields.Add(StaffField(key, "Reasons", r.DecisionReason, "Renewals", "The reasons for a renewal decision"));
            return new RecordEntry(key, $"Renewal for the year from {SubjectAccessDates.Date(r.YearStart)}", fields);
        }).ToList());

        // A review's record and outcome are sent to the family as a letter, so none of it is a staff comment held back.
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.DueOn).ToListAsync(ct);
        add("reviews", "Reviews", nameof(db.Reviews), reviews.Select(r => new RecordEntry(
            $"{nameof(db.Reviews)}/{r.Id}", $"{ReviewSchedules.Name(r.Kind)} due {SubjectAccessDates.Date(r.DueOn)}", Fields(
                ("Due", r.DueOn), ("Status", ReviewRules.Name(r.State)), ("Reviewing officer", r.OfficerName), ("Booked for", r.BookedFor), ("Time", r.BookedTime),
                ("How", r.Meeting is { } m ? ReviewRules.Name(m) : null), ("Where", r.Place), ("Invited", r.Invited), ("Views asked for by", r.ViewsDueBy),
                ("The child's views", r.ChildViews), ("The family's views", r.FamilyViews), ("Views sent", r.ViewsSentAt), ("Held", r.HeldOn),
                ("Attended", r.Attended), ("The child's voice", r.ChildVoice), ("Progress on the plan's outcomes", JsonText(r.ProgressJson)),
                ("What is working", r.WhatIsWorking), ("What is not working", r.WhatIsNotWorking), ("What the budget already buys", r.BudgetAlreadyBuys),
                ("Outcome", r.Decision is { } d ? ReviewRules.Name(d) : null), ("Reasons", r.DecisionReasons), ("Decided", r.DecidedAt),
                ("Decided by", r.DecidedByName), ("Next review due", r.NextReviewDue)))).ToList());
    }

    /// <summary>
    /// The child's direct payment statements and their lines, the family's monitoring returns (their evidence files are
    /// the family's own, listed as files), audits of the account and recoupments with their reductions of payments. An
    /// officer's reasons for marking a line outside the plan, an auditor's findings and the reasons for a recoupment are
    /// staff comments; the recoupment's reasons are also in its letter, which the family was sent.
    /// </summary>
    private async Task<List<FileItem>> AddDirectPaymentMonitoringAsync(Guid childId, Action<string, string, string, List<RecordEntry>> add, CancellationToken ct)
    {
        var statements = await db.DirectPaymentStatements.AsNoTracking().Where(s => s.ChildId == childId).OrderBy(s => s.ImportedAt).ToListAsync(ct);
        add("dp-statements", "Direct payment account statements", nameof(db.DirectPaymentStatements), statements.Select(s => new RecordEntry(
            $"{nameof(db.DirectPaymentStatements)}/{s.Id}", $"Statement from {SubjectAccessDates.Date(s.FirstDate)} to {SubjectAccessDates.Date(s.LastDate)}", Fields(
                ("File", s.FileName), ("From", s.FirstDate), ("To", s.LastDate), ("Lines added", s.LinesAdded), ("Lines already held", s.LinesAlreadyImported),
                ("Closing balance", MoneyText(s.ClosingBalance)), ("Imported", s.ImportedAt), ("Imported by", s.ImportedByName)))).ToList());

        var lines = await db.StatementLines.AsNoTracking().Where(l => l.ChildId == childId).OrderBy(l => l.Date).ThenBy(l => l.Order).ToListAsync(ct);
        add("dp-statement-lines", "Lines of direct payment account statements", nameof(db.StatementLines), lines.Select(l =>
        {
            var key = $"{nameof(db.StatementLines)}/{l.Id}";
            var fields = Fields(("Day", l.Date), ("Description", l.Description), ("Paid in", MoneyText(l.AmountIn)), ("Paid out", MoneyText(l.AmountOut)),
                ("Balance", MoneyText(l.Balance)), ("Outside the plan", YesNo(l.OutsidePlan)), ("Marked by", l.MarkedByName));
            if (l.OutsidePlanReason is not null) fields.Add(StaffField(key, "Why outside the plan", l.OutsidePlanReason, "Direct payments", "An officer's reason for marking spending outside the plan"));
            return new RecordEntry(key, $"{SubjectAccessDates.Date(l.Date)}: {l.Description}", fields);
        }).ToList());

        var returns = await db.MonitoringReturns.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.PeriodFrom).ToListAsync(ct);
        add("dp-returns", "Direct payment monitoring returns", nameof(db.MonitoringReturns), returns.Select(r => new RecordEntry(
            $"{nameof(db.MonitoringReturns)}/{r.Id}", $"Return from {SubjectAccessDates.Date(r.PeriodFrom)} to {SubjectAccessDates.Date(r.PeriodTo)}", Fields(
                ("From", r.PeriodFrom), ("To", r.PeriodTo), ("Spent", MoneyText(r.Spent)), ("Balance held", MoneyText(r.BalanceHeld)), ("Notes", r.Notes),
                ("Sent", r.SubmittedAt), ("Sent by", r.SubmittedByName)))).ToList());

        var evidence = await db.MonitoringReturnEvidence.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.UploadedAt)
            .Select(e => new { e.Id, e.FileName, e.ContentType, e.Size, e.UploadedAt, e.KindId }).ToListAsync(ct);
        add("dp-return-evidence", "Evidence sent with monitoring returns", nameof(db.MonitoringReturnEvidence), evidence.Select(e => new RecordEntry(
            $"{nameof(db.MonitoringReturnEvidence)}/{e.Id}", e.FileName, Fields(("Kind", e.KindId), ("File", e.FileName), ("Sent", e.UploadedAt)))).ToList());

        var audits = await db.AccountAudits.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.AuditedOn).ToListAsync(ct);
        add("dp-audits", "Audits of the direct payment account", nameof(db.AccountAudits), audits.Select(a =>
        {
            var key = $"{nameof(db.AccountAudits)}/{a.Id}";
            var fields = Fields(("Audited", a.AuditedOn), ("From", a.PeriodFrom), ("To", a.PeriodTo), ("Checked", a.Checked), ("Balance found", MoneyText(a.BalanceFound)),
                ("Outcome", DirectPayments.AccountMonitoring.OutcomeText(a.Outcome)), ("Audited by", a.AuditedByName));
            fields.Add(StaffField(key, "Findings", a.Findings, "Direct payments", "An auditor's findings on the direct payment account"));
            return new RecordEntry(key, $"Audit of {SubjectAccessDates.Date(a.AuditedOn)}", fields);
        }).ToList());

        var recoupments = await db.Recoupments.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        add("dp-recoupments", "Money recovered from the direct payment", nameof(db.Recoupments), recoupments.Select(r =>
        {
            var key = $"{nameof(db.Recoupments)}/{r.Id}";
            var fields = Fields(("Amount", MoneyText(r.Amount)), ("Balance held", MoneyText(r.BalanceHeld)), ("Kept as contingency", MoneyText(r.Contingency)),
                ("From reduced payments", MoneyText(r.ReducedFromPayments)), ("By invoice", MoneyText(r.InvoiceAmount)), ("Letter dated", r.LetterDate),
                ("Dispute by", r.DisputeBy), ("State", r.State.ToString()), ("Made by", r.CreatedByName));
            fields.Add(StaffField(key, "Reasons", r.Reasons, "Direct payments", "The reasons for recovering direct payment money"));
            if (r.WithdrawnReason is not null) fields.Add(StaffField(key, "Why withdrawn", r.WithdrawnReason, "Direct payments", "The reason a recoupment was withdrawn"));
            return new RecordEntry(key, $"Recoupment of {MoneyText(r.Amount)} on {SubjectAccessDates.Date(r.LetterDate)}", fields);
        }).ToList());

        var deductions = await db.RecoupmentDeductions.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.DueOn).ToListAsync(ct);
        add("dp-deductions", "Payments reduced to recover money", nameof(db.RecoupmentDeductions), deductions.Select(d => new RecordEntry(
            $"{nameof(db.RecoupmentDeductions)}/{d.Id}", $"Payment due {SubjectAccessDates.Date(d.DueOn)}", Fields(
                ("Due", d.DueOn), ("Before", MoneyText(d.AmountBefore)), ("After", MoneyText(d.AmountAfter)), ("Reduced", d.At)))).ToList());

        return evidence.Select(e => new FileItem(e.Id, nameof(db.MonitoringReturnEvidence), e.FileName, e.ContentType, e.Size, e.UploadedAt,
            $"Evidence ({e.KindId}) sent with a direct payment monitoring return", null)).ToList();
    }

    /// <summary>
    /// The child's lines on providers' invoices and the payments made to the family by payment runs. Bank details are
    /// never written here: they stay with the account, which is gathered with the direct payment.
    /// </summary>
    private async Task AddPaymentsAsync(Guid childId, Action<string, string, string, List<RecordEntry>> add, CancellationToken ct)
    {
        var lines = await (from l in db.ProviderInvoiceLines.AsNoTracking()
                           where l.ChildId == childId
                           join i in db.ProviderInvoices on l.InvoiceId equals i.Id
                           join o in db.Organisations on i.OrganisationId equals o.Id
                           join p in db.PackageLines on l.PackageLineId equals p.Id
                           orderby i.Month, i.Reference
                           select new { Line = l, i.Reference, i.Month, i.State, Provider = o.Name, p.ServiceName }).ToListAsync(ct);
        add("invoice-lines", "Providers' invoices for short breaks delivered", nameof(db.ProviderInvoiceLines), lines.Select(x => new RecordEntry(
            $"{nameof(db.ProviderInvoiceLines)}/{x.Line.Id}", $"Invoice {x.Reference}, {x.ServiceName}", Fields(
                ("Invoice", x.Reference), ("Provider", x.Provider), ("Month", x.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)), ("Service", x.ServiceName),
                ("Quantity", x.Line.Quantity), ("Unit", x.Line.Unit.ToString()), ("Price each", MoneyText(x.Line.UnitPrice)), ("Amount", MoneyText(x.Line.Amount)),
                ("Invoice status", x.State.ToString())))).ToList());

        var items = await (from i in db.PaymentRunItems.AsNoTracking()
                           where i.ChildId == childId
                           join r in db.PaymentRuns on i.PaymentRunId equals r.Id
                           orderby r.PayOn, i.PaymentReference
                           select new { Item = i, r.Reference, r.PayOn }).ToListAsync(ct);
        add("payments", "Direct payments made by payment runs", nameof(db.PaymentRunItems), items.Select(x => new RecordEntry(
            $"{nameof(db.PaymentRunItems)}/{x.Item.Id}", $"Payment {x.Item.PaymentReference}", Fields(
                ("Payment reference", x.Item.PaymentReference), ("Payment run", x.Reference), ("Payment date", x.PayOn), ("Direct payment", x.Item.RecordReference),
                ("Kind", Finance.InvoiceRules.KindName(x.Item.Kind)), ("Paid to", x.Item.PayeeName), ("Amount", MoneyText(x.Item.Amount)), ("Paid", x.Item.PaidAt)))).ToList());
    }

    /// <summary>
    /// The child's complaints, compliments and appeals, their stages and extensions. The worker a complaint names is
    /// another person's data: their name is listed for review.
    /// </summary>
    private async Task AddComplaintsAsync(Guid childId, Action<string, string, string, List<RecordEntry>> add, CancellationToken ct)
    {
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        add("complaints", "Complaints, compliments and appeals", nameof(db.Complaints), complaints.Select(c =>
        {
            var key = $"{nameof(db.Complaints)}/{c.Id}";
            var fields = Fields(("Kind", Complaints.ComplaintRules.Name(c.Kind)), ("About", Complaints.ComplaintRules.Name(c.Subject)),
                ("Made by", Complaints.ComplaintRules.Name(c.MadeBy)), ("How", c.Channel.ToString()), ("Received", c.ReceivedOn),
                ("When it happened", c.MatterAroseOn), ("Late", c.Late ? "Yes" : "No"), ("What happened", c.Summary),
                ("What the family wanted", c.OutcomeWanted), ("Outcome", c.Outcome is { } o ? Complaints.ComplaintRules.Name(o) : null), ("Closed", c.ClosedAt));
            if (c.SubjectWorkerName is not null)
                fields.Add(StaffField(key, "Member of staff", c.SubjectWorkerName, "Complaints", "The member of staff a complaint is about"));
            return new RecordEntry(key, $"{Complaints.ComplaintRules.Name(c.Kind)} received {SubjectAccessDates.Date(c.ReceivedOn)}", fields);
        }).ToList());

        var stages = await db.ComplaintStages.AsNoTracking().Where(s => s.ChildId == childId).OrderBy(s => s.StartedOn).ToListAsync(ct);
        add("complaint-stages", "Stages of complaints and appeals", nameof(db.ComplaintStages), stages.Select(s =>
        {
            var key = $"{nameof(db.ComplaintStages)}/{s.Id}";
            var fields = Fields(("Stage", Complaints.ComplaintRules.Name(s.Kind)), ("Started", s.StartedOn), ("Due", s.DueOn), ("Panel sat", s.PanelHeldOn),
                ("Panel report", s.PanelReportOn), ("Answered", s.RespondedOn), ("Finding", s.Outcome is { } o ? Complaints.ComplaintRules.Name(o) : null),
                ("Answered by", s.RespondedByName));
            if (s.Response is not null) fields.Add(StaffField(key, "Reasons", s.Response, "Complaints", "A handler's reasons for a complaint's finding"));
            return new RecordEntry(key, Complaints.ComplaintRules.Name(s.Kind), fields);
        }).ToList());

        var extensions = await db.ComplaintExtensions.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.At).ToListAsync(ct);
        add("complaint-extensions", "Extensions of complaint stages", nameof(db.ComplaintExtensions), extensions.Select(e =>
        {
            var key = $"{nameof(db.ComplaintExtensions)}/{e.Id}";
            var fields = Fields(("From", e.FromDueOn), ("To", e.ToDueOn), ("By", e.ByName), ("When", e.At));
            fields.Add(StaffField(key, "Reason", e.Reason, "Complaints", "The reason a complaint stage was extended"));
            return new RecordEntry(key, $"Extended to {SubjectAccessDates.Date(e.ToDueOn)}", fields);
        }).ToList());
    }

    private static RecordField StaffField(string entryKey, string label, string text, string section, string description) =>
        new(label, text, new ReviewItem($"{entryKey}/{label}", ReviewReason.StaffComment, section, description, text));

    private static string? YesNo(bool? value) => value switch { true => "Yes", false => "No", null => null };

    private static string? MoneyText(decimal? amount) => amount is { } a ? Money.FormatPence(a) : null;

    /// <summary>The fields that have a value, written as a person reads them (UK dates and times).</summary>
    private static List<RecordField> Fields(params (string Label, object? Value)[] values) =>
        values.Select(v => new RecordField(v.Label, v.Value switch
        {
            null => null,
            DateTime t => SubjectAccessDates.When(t),
            DateOnly d => SubjectAccessDates.Date(d),
            decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var o => o.ToString(),
        }))
            .Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();

    /// <summary>Answers kept as JSON, one "name: value" line each, so a person can read them.</summary>
    public static string JsonText(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var lines = new List<string>();
            Flatten(doc.RootElement, "", lines);
            return string.Join("\n", lines);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static void Flatten(JsonElement e, string path, List<string> lines)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Flatten(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", lines);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Flatten(item, $"{path}[{++i}]", lines);
                break;
            default:
                lines.Add(path.Length == 0 ? e.ToString() : $"{path}: {e}");
                break;
        }
    }
}
