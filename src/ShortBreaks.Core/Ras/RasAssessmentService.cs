namespace ShortBreaks.Core.Ras;

/// <summary>Keeps children's RAS assessments: answers, the scored figures with their version, and overrides.</summary>
public sealed class RasAssessmentService(ShortBreaksDbContext db, RasSchemeCatalog catalog)
{
    public const int ReasonMaxLength = RequestRules.TextMaxLength;

    public async Task<RasAssessment> StartAsync(Guid childId, CancellationToken ct = default)
    {
        var assessment = AddDraft(db, childId);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>
    /// A new assessment being filled in, added to the current unit of work (the caller saves it with its own change). Its
    /// questionnaire is the age phase covering the child's age when its pages are opened.
    /// </summary>
    public static RasAssessment AddDraft(ShortBreaksDbContext db, Guid childId)
    {
        var assessment = new RasAssessment
        {
            ChildId = childId,
            Status = RasAssessmentStatus.Draft,
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId ?? "",
        };
        db.Add(assessment);
        return assessment;
    }

    /// <summary>Starts an assessment with the age phase its questionnaire comes from, chosen from the child's age.</summary>
    public async Task<RasAssessment> StartAsync(Guid childId, int ageYears, string phaseId, CancellationToken ct = default)
    {
        var assessment = new RasAssessment
        {
            ChildId = childId,
            Status = RasAssessmentStatus.Draft,
            AgeYears = ageYears,
            PhaseId = phaseId,
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId ?? "",
        };
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>The child's assessment still being filled in, if there is one: a child has one draft at a time.</summary>
    public Task<RasAssessment?> DraftForChildAsync(Guid childId, CancellationToken ct = default) =>
        db.Set<RasAssessment>().Where(a => a.ChildId == childId && a.Status == RasAssessmentStatus.Draft)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Records that the family has finished filling in the answers and sent them to their officer, who reviews
    /// them with the family and completes the assessment. The family may still change answers until then.
    /// </summary>
    public async Task<CommandResult> SendToOfficerAsync(RasAssessment assessment, long versionSeen, CancellationToken ct = default)
    {
        if (assessment.Status != RasAssessmentStatus.Draft) return CommandResult.Fail("", "Your officer has already completed this assessment.");
        db.ExpectVersion(assessment, versionSeen);
        assessment.FamilyFinishedAt = db.UtcNow;
        assessment.FamilyFinishedByName = db.Actor.Name;
        return await SaveAsync(ct);
    }

    public Task<RasAssessment?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<RasAssessment>().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Saves answers to a draft, whole or partial: nothing is checked until it is completed.</summary>
    public async Task<CommandResult> SaveAnswersAsync(RasAssessment assessment, RasAnswers answers, long versionSeen, CancellationToken ct = default)
    {
        if (assessment.Status != RasAssessmentStatus.Draft) return CommandResult.Fail("", "This assessment is complete: start a new one to change the answers.");
        db.ExpectVersion(assessment, versionSeen);
        assessment.AgeYears = answers.AgeYears;
        assessment.PhaseId = answers.PhaseId;
        assessment.LevelsJson = JsonSerializer.Serialize(answers.Levels);
        assessment.SupportJson = JsonSerializer.Serialize(answers.Support);
        assessment.FundedSupportJson = answers.FundedSupport.Count == 0 ? null : JsonSerializer.Serialize(answers.FundedSupport);
        return await SaveAsync(ct);
    }

    /// <summary>Scores the answers under the RAS version in force today and keeps the figures with that version.</summary>
    public async Task<CommandResult> CompleteAsync(RasAssessment assessment, long versionSeen, CancellationToken ct = default)
    {
        if (assessment.Status != RasAssessmentStatus.Draft) return CommandResult.Fail("", "This assessment is already complete.");
        var scheme = catalog.InForceOn(db.Today);
        RasResult result;
        try
        {
            result = RasEngine.Score(scheme, AnswersOf(assessment));
        }
        catch (RasAnswersException ex)
        {
            return CommandResult.Fail(ex.Errors.Select(e => new FieldError("Answers", e)).ToList());
        }

        db.ExpectVersion(assessment, versionSeen);
        assessment.Status = RasAssessmentStatus.Completed;
        assessment.RasVersion = result.Version;
        assessment.PhaseId = result.PhaseId;
        assessment.TotalPoints = result.TotalPoints;
        assessment.IndicativeAmount = result.Amount;
        assessment.Band = result.Band?.Name;
        assessment.Routing = result.Routing;
        assessment.CompletedAt = db.UtcNow;
        assessment.CompletedByName = db.Actor.Name;
        AddTimeline(assessment.ChildId, result.Routing switch
        {
            RasRouting.Universal => $"RAS assessment completed: {RasSchemeDiff.Points(result.TotalPoints)} points, universal services (version {result.Version})",
            RasRouting.SocialWorkAssessment => $"RAS assessment completed: {RasSchemeDiff.Points(result.TotalPoints)} points, a social work assessment (version {result.Version})",
            _ => $"RAS assessment completed: {RasSchemeDiff.Points(result.TotalPoints)} points, indicative budget {Money.Format(result.Amount)} a year (version {result.Version})",
        }, null);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Scores a completed assessment again under the version it was scored with, with the whole working: the
    /// same figure years later, whatever has been published since.
    /// </summary>
    public RasWorking Recompute(RasAssessment assessment)
    {
        if (assessment.RasVersion is null) throw new InvalidOperationException("Only a completed assessment can be recomputed.");
        var scheme = catalog.Find(assessment.RasVersion)
                     ?? throw new InvalidOperationException($"RAS version '{assessment.RasVersion}' is no longer among the scheme files: versions must never be removed.");
        var compiled = CompiledRasScheme.For(scheme);
        return RasEngine.Explain(compiled, compiled.Prepare(AnswersOf(assessment)));
    }

    /// <summary>Records a different amount from the indicative one, with the reason and who agreed it.</summary>
    public async Task<CommandResult> OverrideAsync(RasAssessment assessment, decimal? amount, string? reason, string? agreedBy, long versionSeen, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (assessment.Status != RasAssessmentStatus.Completed) errors.Add(new("", "Complete the assessment before recording a different amount."));
        if (amount is null) errors.Add(new("Amount", "Enter the amount a year, in pounds"));
        else if (amount < 0) errors.Add(new("Amount", "The amount must be £0 or more"));
        else if (decimal.Round(amount.Value, 2) != amount) errors.Add(new("Amount", "The amount must be in pounds and pence, like 2400 or 2400.50"));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("Reason", "Enter why the amount differs from the indicative budget"));
        else if (reason.Length > ReasonMaxLength) errors.Add(new("Reason", $"The reason must be {ReasonMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(agreedBy)) errors.Add(new("AgreedBy", "Enter who agreed the different amount"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(assessment, versionSeen);
        assessment.OverrideAmount = amount;
        assessment.OverrideReason = reason!.Trim();
        assessment.OverrideAgreedBy = agreedBy!.Trim();
        assessment.OverrideRecordedByName = db.Actor.Name;
        assessment.OverrideRecordedAt = db.UtcNow;
        AddTimeline(assessment.ChildId, $"RAS: {Money.Format(amount!.Value)} a year agreed instead of the indicative budget, agreed by {assessment.OverrideAgreedBy}", assessment.OverrideReason);
        return await SaveAsync(ct);
    }


    public static RasAnswers AnswersOf(RasAssessment assessment) => new()
    {
        AgeYears = assessment.AgeYears,
        PhaseId = assessment.PhaseId,
        Levels = JsonSerializer.Deserialize<Dictionary<string, string>>(assessment.LevelsJson) ?? [],
        Support = JsonSerializer.Deserialize<Dictionary<string, string>>(assessment.SupportJson) ?? [],
        FundedSupport = FundedSupportOf(assessment.FundedSupportJson),
    };

    /// <summary>The support already funded kept with an assessment: none when nothing was entered.</summary>
    public static IReadOnlyDictionary<string, decimal> FundedSupportOf(string? json) =>
        json is null ? new Dictionary<string, decimal>() : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];

    private Task<CommandResult> SaveAsync(CancellationToken ct) => db.SaveOrConflictAsync(
        CommandResult.Conflicted("Someone else changed this assessment while you were working on it. Check it as it is now and try again."), ct);

    private void AddTimeline(Guid childId, string summary, string? detail) => db.AddTimeline(childId, TimelineKinds.Ras, summary, detail);
}
