using ShortBreaks.Core.Complaints;

namespace ShortBreaks.Core.Demo;

/// <summary>
/// Complaints at each stage for the demo county: one at stage 1 for the demo family's child (so <c>parent@</c> sees it),
/// one at stage 1 overdue and one extended, one under investigation at stage 2, one waiting for a review panel at stage 3,
/// one about a named worker (who does not see it), an appeal of an eligibility decision heard by a manager who did not
/// make it, and a compliment. Dated from <see cref="DemoOptions.Today"/> in working days, so the same options give the
/// same records; answered stages keep their letters.
/// </summary>
internal static class DemoComplaints
{
    public static async Task<int> AddAsync(ShortBreaksDbContext db, DemoOptions options, CancellationToken ct)
    {
        var days = options.WorkingDays ?? new WorkingDays([]);
        var settings = options.Scheme.ComplaintRules;
        var staff = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.EndsWith("@" + DemoCounty.EmailDomain))
            .ToDictionaryAsync(u => u.Email!.Split('@')[0], u => (Id: u.Id, Name: u.DisplayName), ct);
        if (!staff.TryGetValue("officer", out var officer) || !staff.TryGetValue("reviewer", out var reviewer) ||
            !staff.TryGetValue("manager", out var manager) || !staff.TryGetValue("admin", out var admin))
        {
            return 0;
        }

        var parentId = staff.TryGetValue("parent", out var parent) ? parent.Id : null;
        var familyChild = parentId is null ? null
            : await db.ChildFamilyMembers.AsNoTracking().Where(m => m.UserId == parentId).Select(m => (Guid?)m.ChildId).FirstOrDefaultAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.Outcome == DecisionOutcome.Universal)
            .OrderBy(d => d.DecidedAt).Select(d => new { d.Id, d.ChildId, d.DecidedByUserId }).Take(1).ToListAsync(ct);
        var others = await db.Children.AsNoTracking().Where(c => c.Tier == Tier.FlexibleShortBreaks && c.MergedIntoChildId == null && c.Id != familyChild)
            .OrderBy(c => c.Reference).Select(c => c.Id).Take(7).ToListAsync(ct);
        if (others.Count < 7) return 0;

        var audit = db.AuditChanges;
        db.AuditChanges = false; // the load writes its own single audit entry
        var made = new List<Complaint>();
        DateOnly Back(int workingDays)
        {
            var day = options.Today;
            for (var counted = 0; counted < workingDays;)
            {
                day = day.AddDays(-1);
                if (days.IsWorkingDay(day)) counted++;
            }

            return day;
        }

        Complaint New(Guid childId, ComplaintKind kind, ComplaintSubject subject, DateOnly received, string summary)
        {
            var complaint = new Complaint
            {
                ChildId = childId, Kind = kind, Subject = subject, MadeBy = ComplaintMadeBy.ParentCarer, Channel = ComplaintChannel.Online,
                MadeByName = "Parent carer", ReceivedOn = received, Summary = summary, SchemeVersion = options.Scheme.Version,
                CreatedAt = UkCalendar.DayStartUtc(received).AddHours(10), ChangedAt = UkCalendar.DayStartUtc(options.Today), Open = kind != ComplaintKind.Compliment,
            };
            made.Add(complaint);
            return complaint;
        }

        ComplaintStage Stage(Complaint complaint, ComplaintStageKind kind, DateOnly started, (string Id, string Name) owner)
        {
            var (due, latest) = ComplaintRules.Dates(kind, started, settings, days);
            var stage = new ComplaintStage { ComplaintId = complaint.Id, ChildId = complaint.ChildId, Kind = kind, StartedOn = started, DueOn = due, LatestDueOn = latest, OwnerUserId = owner.Id, OwnerName = owner.Name };
            complaint.Stages.Add(stage);
            (complaint.CurrentStage, complaint.CurrentDueOn, complaint.Outcome) = (kind, due, null);
            return stage;
        }

        async Task AnswerAsync(Complaint complaint, ComplaintStage stage, DateOnly on, ComplaintOutcome outcome, string reasons)
        {
            (stage.RespondedOn, stage.RespondedAt, stage.Outcome, stage.Response, stage.RespondedByName) = (on, UkCalendar.DayStartUtc(on).AddHours(15), outcome, reasons, stage.OwnerName);
            var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == complaint.ChildId, ct);
            var (title, body) = ComplaintLetter.Compose(options.Scheme, child, complaint, stage, stage.RespondedAt.Value, stage.OwnerName ?? "");
            var letter = ChildTimeline.NewLetter(complaint.ChildId, LetterKinds.ComplaintResponse, title, body, null, new Actor { UserId = stage.OwnerUserId, Name = stage.OwnerName ?? "" }, stage.RespondedAt.Value);
            db.Letters.Add(letter);
            stage.LetterId = letter.Id;
            (complaint.Outcome, complaint.CurrentDueOn) = (outcome, null);
            complaint.Open = ComplaintRules.Next(stage.Kind) is not null;
            if (!complaint.Open) complaint.ClosedAt = stage.RespondedAt;
        }

        try
        {
            var first = New(familyChild ?? others[0], ComplaintKind.Complaint, ComplaintSubject.Service, Back(3), "The sitter cancelled two Saturdays running and nobody told us until the morning.");
            Stage(first, ComplaintStageKind.LocalResolution, first.ReceivedOn, officer);

            var overdue = New(others[1], ComplaintKind.Complaint, ComplaintSubject.Service, Back(14), "We asked for the support plan in large print three times.");
            Stage(overdue, ComplaintStageKind.LocalResolution, overdue.ReceivedOn, officer);

            var extended = New(others[2], ComplaintKind.Complaint, ComplaintSubject.Budget, Back(9), "The budget does not cover the overnight stays we were promised.");
            var extendedStage = Stage(extended, ComplaintStageKind.LocalResolution, extended.ReceivedOn, officer);
            var to = days.Add(extended.ReceivedOn, settings.LocalResolutionMaximumWorkingDays);
            extendedStage.Extensions.Add(new ComplaintExtension { StageId = extendedStage.Id, ChildId = extended.ChildId, FromDueOn = extendedStage.DueOn, ToDueOn = to, Reason = "Waiting for the provider's records of the cancelled nights.", At = UkCalendar.DayStartUtc(Back(2)).AddHours(11), ByUserId = officer.Id, ByName = officer.Name });
            (extendedStage.DueOn, extended.CurrentDueOn) = (to, to);

            var investigation = New(others[3], ComplaintKind.Complaint, ComplaintSubject.Service, Back(30), "Our calls to the duty point were not returned for three weeks.");
            await AnswerAsync(investigation, Stage(investigation, ComplaintStageKind.LocalResolution, investigation.ReceivedOn, officer), Back(22), ComplaintOutcome.NotUpheld, "The calls were logged and returned within two working days.");
            Stage(investigation, ComplaintStageKind.Investigation, Back(15), reviewer);

            var panel = New(others[4], ComplaintKind.Complaint, ComplaintSubject.PlanNotApproved, Back(80), "The plan was turned down without anyone meeting us.");
            await AnswerAsync(panel, Stage(panel, ComplaintStageKind.LocalResolution, panel.ReceivedOn, officer), Back(72), ComplaintOutcome.NotUpheld, "The plan went to the panel as the scheme requires.");
            await AnswerAsync(panel, Stage(panel, ComplaintStageKind.Investigation, Back(65), reviewer), Back(30), ComplaintOutcome.PartlyUpheld, "The family should have been invited to speak to the panel.");
            Stage(panel, ComplaintStageKind.ReviewPanel, Back(20), admin);

            var aboutWorker = New(others[5], ComplaintKind.Complaint, ComplaintSubject.Worker, Back(4), "The reviewing officer spoke over our son at the review.");
            (aboutWorker.SubjectWorkerUserId, aboutWorker.SubjectWorkerName) = (reviewer.Id, reviewer.Name);
            Stage(aboutWorker, ComplaintStageKind.LocalResolution, aboutWorker.ReceivedOn, officer);

            if (decisions.FirstOrDefault() is { } decision)
            {
                var hearer = decision.DecidedByUserId == manager.Id ? admin : manager;
                var appeal = New(decision.ChildId, ComplaintKind.Appeal, ComplaintSubject.EligibilityDecision, Back(5), "Our daughter's needs have grown since the request: she now needs two carers.");
                (appeal.SubjectRecordId, appeal.DecisionMakerUserIds) = (decision.Id, decision.DecidedByUserId);
                Stage(appeal, ComplaintStageKind.Appeal, appeal.ReceivedOn, hearer);
            }

            var compliment = New(others[6], ComplaintKind.Compliment, ComplaintSubject.Service, Back(6), "The play scheme staff were brilliant with our son all summer.");
            (compliment.Outcome, compliment.ClosedAt) = (ComplaintOutcome.Noted, compliment.CreatedAt);

            db.Complaints.AddRange(made);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditChanges = audit;
        }

        return made.Count;
    }
}
