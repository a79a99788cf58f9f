namespace ShortBreaks.Core.Schemes;

/// <summary>Checks a scheme version for figures that cannot be right, before the service uses it.</summary>
public static class SchemeValidator
{
    public static IReadOnlyList<string> Validate(Scheme s)
    {
        var e = new List<string>();

        // A section written as null ("council": null) is named, and nothing below it is read.
        (string Name, object? Value)[] sections =
        [
            ("council", s.Council), ("ages", s.Ages), ("triage", s.Triage), ("tiers", s.Tiers), ("tiers.flexibleShortBreaks", s.Tiers?.FlexibleShortBreaks),
            ("tiers.targetedShortBreaks", s.Tiers?.TargetedShortBreaks), ("overnightRates", s.OvernightRates), ("reviews", s.Reviews),
            ("caseloads", s.Caseloads), ("eligibility", s.Eligibility), ("eligibility.needs", s.Eligibility?.Needs),
            ("eligibility.evidence", s.Eligibility?.Evidence), ("localOffer", s.LocalOffer),
        ];
        foreach (var (name, value) in sections.Where(x => x.Value is null)) e.Add($"{name} is required: it is empty (null).");
        if (e.Count > 0) return e;

        if (string.IsNullOrWhiteSpace(s.Version)) e.Add("version is required.");
        if (string.IsNullOrWhiteSpace(s.Council.Name)) e.Add("council.name is required.");
        if (string.IsNullOrWhiteSpace(s.Council.ServiceName)) e.Add("council.serviceName is required.");
        if (string.IsNullOrWhiteSpace(s.Council.MashEmail) || !s.Council.MashEmail.Contains('@')) e.Add("council.mashEmail must be an email address.");
        if (!IsHttpUrl(s.Council.LocalOfferUrl)) e.Add("council.localOfferUrl must be an http(s) address.");

        if (s.Ages.MinimumAgeYears is < 0 or > 25) e.Add("ages.minimumAgeYears must be between 0 and 25.");
        if (s.Ages.MaximumAgeYearsExclusive <= s.Ages.MinimumAgeYears)
            e.Add("ages.maximumAgeYearsExclusive must be greater than ages.minimumAgeYears.");
        if (s.Ages.AdultTransferPlanningMonths is < 0 or > 60) e.Add("ages.adultTransferPlanningMonths must be between 0 and 60.");

        if (s.Triage.DecisionTargetWorkingDays is < 1 or > 100) e.Add("triage.decisionTargetWorkingDays must be between 1 and 100.");
        if (s.Triage.DueSoonWorkingDays < 0 || s.Triage.DueSoonWorkingDays >= s.Triage.DecisionTargetWorkingDays)
            e.Add("triage.dueSoonWorkingDays must be at least 0 and less than triage.decisionTargetWorkingDays.");

        var fsb = s.Tiers!.FlexibleShortBreaks;
        if (fsb.HoursPerYear <= 0) e.Add("tiers.flexibleShortBreaks.hoursPerYear must be more than 0.");
        if (fsb.DirectPaymentPerYear <= 0) e.Add("tiers.flexibleShortBreaks.directPaymentPerYear must be more than 0.");
        if (fsb.ProviderPerYear <= 0) e.Add("tiers.flexibleShortBreaks.providerPerYear must be more than 0.");
        CheckRange(e, "tiers.flexibleShortBreaks.hourlyRate", fsb.HourlyRateMinimum, fsb.HourlyRateMaximum);

        var tsb = s.Tiers.TargetedShortBreaks;
        if (tsb.MaximumHoursPerYear <= fsb.HoursPerYear)
            e.Add("tiers.targetedShortBreaks.maximumHoursPerYear must be more than the Flexible Short Breaks hours.");
        CheckRange(e, "tiers.targetedShortBreaks.budget", tsb.BudgetMinimum, tsb.BudgetMaximum);
        CheckRange(e, "tiers.targetedShortBreaks.hourlyRate", tsb.HourlyRateMinimum, tsb.HourlyRateMaximum);

        var o = s.OvernightRates;
        if (o.ResidentialUnitMaximum <= 0 || o.AtHome <= 0 || o.TargetedDirectPayment <= 0 || o.TargetedApprovedProvider <= 0 || o.CollegeNight <= 0)
            e.Add("overnightRates must all be more than 0.");
        if (o.Section17_6MaximumNightsPerYear is < 1 or > 366) e.Add("overnightRates.section17_6MaximumNightsPerYear must be between 1 and 366.");

        if (s.Reviews.RasPackageReviewMonths is < 1 or > 36) e.Add("reviews.rasPackageReviewMonths must be between 1 and 36.");
        if (s.Reviews.Section17_6ReviewMonths is < 1 or > 36) e.Add("reviews.section17_6ReviewMonths must be between 1 and 36.");
        if (s.Reviews.ReductionNoticeMonths is < 0 or > 24) e.Add("reviews.reductionNoticeMonths must be between 0 and 24.");
        if (s.Plans is { } plans)
        {
            if (plans.WeeksPerYear is < 48 or > 53) e.Add("plans.weeksPerYear must be between 48 and 53.");
            if (plans.MaximumPlanMonths is < 1 or > 36) e.Add("plans.maximumPlanMonths must be between 1 and 36.");
        }

        if (s.Retention is { } retention)
        {
            if (retention.CaseRecordUntilAgeYears < s.Ages.MaximumAgeYearsExclusive || retention.CaseRecordUntilAgeYears > 100)
                e.Add($"retention.caseRecordUntilAgeYears must be between ages.maximumAgeYearsExclusive ({s.Ages.MaximumAgeYearsExclusive}) and 100.");
            if (retention.CaseRecordYearsAfterClosure is < 1 or > 100) e.Add("retention.caseRecordYearsAfterClosure must be between 1 and 100.");
            if (retention.RefusedRequestEvidenceMonths is < 1 or > 120) e.Add("retention.refusedRequestEvidenceMonths must be between 1 and 120.");
            if (retention.AuditYears is < 1 or > 100) e.Add("retention.auditYears must be between 1 and 100.");
            if (retention.ScanDayOfMonth is < 1 or > 28) e.Add("retention.scanDayOfMonth must be between 1 and 28, so that every month has it.");
        }
        if (s.SubjectAccess is { ResponseMonths: < 1 or > 3 }) e.Add("subjectAccess.responseMonths must be between 1 and 3.");
        if (s.Providers is { } providers) ValidateProviders(e, providers);
        if (s.DirectPayments is { } directPayments) ValidateDirectPayments(e, directPayments);
        if (s.Visibility is { } visibility)
        {
            foreach (var (role, field) in VisibilitySettings.SetRoles) CheckName<ChildVisibilityScope>(e, $"visibility.{field}", visibility.ValueFor(role));
        }

        if (s.Reviewing is { } reviewing)
        {
            if (reviewing.LookAheadWeeks is < 1 or > 26) e.Add("reviewing.lookAheadWeeks must be between 1 and 26.");
            if (reviewing.WorklistWeeks is < 1 or > 52) e.Add("reviewing.worklistWeeks must be between 1 and 52.");
            if (reviewing.ViewsDueWorkingDaysBefore is < 0 or > 20) e.Add("reviewing.viewsDueWorkingDaysBefore must be between 0 and 20.");
        }

        if (s.Complaints is { } complaints) ValidateComplaints(e, complaints);

        var c = s.Caseloads;
        if (c.PersonalisationOfficerMinimum <= 0 || c.PersonalisationOfficerMaximum < c.PersonalisationOfficerMinimum)
            e.Add("caseloads.personalisationOfficerMinimum must be more than 0 and no more than the maximum.");
        if (c.ReviewingOfficerReviews <= 0 || c.ReviewingOfficerFamilies <= 0 || c.SocialWorker <= 0)
            e.Add("caseloads must all be more than 0.");

        var el = s.Eligibility!;
        var needs = NonNull(e, "eligibility.needs", el.Needs, "need");
        var evidence = NonNull(e, "eligibility.evidence", el.Evidence, "kind of evidence");
        var links = NonNull(e, "localOffer", s.LocalOffer, "link");
        if (needs.Count == 0) e.Add("eligibility.needs must list at least one need.");
        foreach (var dup in needs.GroupBy(n => n.Id).Where(g => g.Count() > 1))
            e.Add($"eligibility.needs: id '{dup.Key}' is used more than once.");
        foreach (var n in needs)
        {
            if (!IsId(n.Id)) e.Add($"eligibility.needs: id '{n.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(n.Question)) e.Add($"eligibility.needs '{n.Id}': question is required.");
        }

        var thresholdNeeds = needs.Count(n => n.MeetsThreshold);
        if (el.MinimumThresholdNeeds < 1 || el.MinimumThresholdNeeds > thresholdNeeds)
            e.Add($"eligibility.minimumThresholdNeeds must be between 1 and the number of needs that meet the threshold ({thresholdNeeds}).");

        if (el.EvidenceRequired && evidence.Count == 0)
            e.Add("eligibility.evidence must list at least one kind when evidenceRequired is true.");
        foreach (var dup in evidence.GroupBy(n => n.Id).Where(g => g.Count() > 1))
            e.Add($"eligibility.evidence: id '{dup.Key}' is used more than once.");
        foreach (var ev in evidence)
        {
            if (!IsId(ev.Id)) e.Add($"eligibility.evidence: id '{ev.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(ev.Label)) e.Add($"eligibility.evidence '{ev.Id}': label is required.");
        }

        foreach (var link in links)
        {
            if (string.IsNullOrWhiteSpace(link.Title)) e.Add("localOffer: every link needs a title.");
            if (!IsHttpUrl(link.Url)) e.Add($"localOffer: '{link.Url}' must be an http(s) address.");
        }

        return e;
    }

    private static void ValidateProviders(List<string> e, ProviderSettings p)
    {
        var criteria = NonNull(e, "providers.frameworkCriteria", p.FrameworkCriteria ?? [], "criterion");
        if (criteria.Count == 0) e.Add("providers.frameworkCriteria must list at least one question.");
        foreach (var dup in criteria.GroupBy(c => c.Id).Where(g => g.Count() > 1)) e.Add($"providers.frameworkCriteria: id '{dup.Key}' is used more than once.");
        foreach (var c in criteria)
        {
            if (!IsId(c.Id)) e.Add($"providers.frameworkCriteria: id '{c.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(c.Question)) e.Add($"providers.frameworkCriteria '{c.Id}': question is required.");
        }

        foreach (var insurance in NonNull(e, "providers.requiredInsurance", p.RequiredInsurance ?? [], "insurance"))
        {
            if (!Enum.TryParse<Providers.InsuranceKind>(insurance.Kind, ignoreCase: false, out _) || int.TryParse(insurance.Kind, out _))
                e.Add($"providers.requiredInsurance: kind '{insurance.Kind}' must be one of {string.Join(", ", Enum.GetNames<Providers.InsuranceKind>())}.");
            if (insurance.MinimumCover < 0) e.Add($"providers.requiredInsurance '{insurance.Kind}': minimumCover must not be negative.");
        }

        var taxonomy = p.Taxonomy;
        var terms = taxonomy is null ? new List<TaxonomyTermSetting>() : NonNull(e, "providers.taxonomy.terms", taxonomy.Terms ?? [], "term");
        if (taxonomy is null)
        {
            e.Add("providers.taxonomy is required: it is empty (null).");
        }
        else
        {
            if (!IsId(taxonomy.Id)) e.Add($"providers.taxonomy: id '{taxonomy.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(taxonomy.Name)) e.Add("providers.taxonomy.name is required.");
            if (string.IsNullOrWhiteSpace(taxonomy.Description)) e.Add("providers.taxonomy.description is required.");
        }

        var termIds = terms.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var dup in terms.GroupBy(t => t.Id).Where(g => g.Count() > 1)) e.Add($"providers.taxonomy.terms: id '{dup.Key}' is used more than once.");
        foreach (var t in terms)
        {
            if (!IsId(t.Id)) e.Add($"providers.taxonomy.terms: id '{t.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(t.Name)) e.Add($"providers.taxonomy.terms '{t.Id}': name is required.");
            if (t.ParentId is { } parent && (!termIds.Contains(parent) || parent == t.Id))
                e.Add($"providers.taxonomy.terms '{t.Id}': parentId '{parent}' is not another term of the taxonomy.");
        }

        foreach (var t in terms)
        {
            // A parent chain that comes back to where it started would make the feed's tree endless.
            var seen = new HashSet<string>(StringComparer.Ordinal) { t.Id };
            for (var parent = t.ParentId; parent is not null && termIds.Contains(parent); parent = terms.First(x => x.Id == parent).ParentId)
            {
                if (seen.Add(parent)) continue;
                e.Add($"providers.taxonomy.terms '{t.Id}': its parents go round in a circle.");
                break;
            }
        }

        var kinds = NonNull(e, "providers.kinds", p.Kinds ?? [], "kind");
        if (kinds.Count == 0) e.Add("providers.kinds must list at least one kind of service.");
        foreach (var dup in kinds.GroupBy(k => k.Id).Where(g => g.Count() > 1)) e.Add($"providers.kinds: id '{dup.Key}' is used more than once.");
        foreach (var k in kinds)
        {
            if (!IsId(k.Id)) e.Add($"providers.kinds: id '{k.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(k.Name)) e.Add($"providers.kinds '{k.Id}': name is required.");
            if (!Enum.TryParse<Providers.PriceUnit>(k.Unit, ignoreCase: false, out _) || int.TryParse(k.Unit, out _))
                e.Add($"providers.kinds '{k.Id}': unit must be Hour, Night or Session.");
            if (!termIds.Contains(k.TermId)) e.Add($"providers.kinds '{k.Id}': termId '{k.TermId}' is not a term of providers.taxonomy.");
        }

        var warnings = p.ExpiryWarningDays ?? [];
        if (warnings.Count == 0 || warnings.Any(d => d is < 1 or > 365))
            e.Add("providers.expiryWarningDays must list at least one number of days, each between 1 and 365.");
        else if (warnings.Distinct().Count() != warnings.Count) e.Add("providers.expiryWarningDays must not list a day twice.");
        if (p.ReturnDueDayOfMonth is < 1 or > 28) e.Add("providers.returnDueDayOfMonth must be between 1 and 28, so that every month has it.");
        if (p.ReturnsOpenDaysAfterPackageEnds is < 31 or > 366)
            e.Add("providers.returnsOpenDaysAfterPackageEnds must be between 31 and 366, so that the last month's return can be made.");
        if (p.PackageEndNoticeDays is < 0 or > 365) e.Add("providers.packageEndNoticeDays must be between 0 and 365.");
        if (p.YearStartMonth is < 1 or > 12) e.Add("providers.yearStartMonth must be between 1 and 12.");

        if (p.Renewal is not { } renewal)
        {
            e.Add("providers.renewal is required: it is empty (null).");
            return;
        }

        if (renewal.InviteWeeksBeforeYearEnd is < 1 or > 26) e.Add("providers.renewal.inviteWeeksBeforeYearEnd must be between 1 and 26.");
        var reminders = renewal.ReminderDays ?? [];
        if (reminders.Any(d => d < 1 || d > renewal.InviteWeeksBeforeYearEnd * 7))
            e.Add("providers.renewal.reminderDays must each be at least 1 and no more than the days between the invitation and the year's end.");
        if (reminders.Distinct().Count() != reminders.Count) e.Add("providers.renewal.reminderDays must not list a day twice.");
    }

    private static void ValidateComplaints(List<string> e, ComplaintSettings c)
    {
        if (c.LocalResolutionWorkingDays is < 1 or > 130) e.Add("complaints.localResolutionWorkingDays must be between 1 and 130.");
        if (c.LocalResolutionMaximumWorkingDays < c.LocalResolutionWorkingDays || c.LocalResolutionMaximumWorkingDays > 130)
            e.Add("complaints.localResolutionMaximumWorkingDays must be at least complaints.localResolutionWorkingDays and no more than 130.");
        if (c.InvestigationWorkingDays is < 1 or > 260) e.Add("complaints.investigationWorkingDays must be between 1 and 260.");
        if (c.InvestigationMaximumWorkingDays < c.InvestigationWorkingDays || c.InvestigationMaximumWorkingDays > 260)
            e.Add("complaints.investigationMaximumWorkingDays must be at least complaints.investigationWorkingDays and no more than 260.");
        if (c.ReviewPanelWorkingDays is < 1 or > 130) e.Add("complaints.reviewPanelWorkingDays must be between 1 and 130.");
        if (c.ReviewPanelReportWorkingDays is < 1 or > 60) e.Add("complaints.reviewPanelReportWorkingDays must be between 1 and 60.");
        if (c.CouncilResponseWorkingDays is < 1 or > 60) e.Add("complaints.councilResponseWorkingDays must be between 1 and 60.");
        if (c.AppealWorkingDays is < 1 or > 130) e.Add("complaints.appealWorkingDays must be between 1 and 130.");
        if (c.LateAfterMonths is < 1 or > 120) e.Add("complaints.lateAfterMonths must be between 1 and 120.");
    }

    private static void ValidateDirectPayments(List<string> e, DirectPaymentSettings d)
    {
        CheckName<DirectPayments.PaymentFrequency>(e, "directPayments.frequency", d.Frequency);
        CheckName<DirectPayments.PaymentTiming>(e, "directPayments.timing", d.Timing);
        CheckName<DirectPayments.PaymentRounding>(e, "directPayments.rounding", d.Rounding);
        CheckName<DirectPayments.RecoveryMethod>(e, "directPayments.recovery", d.Recovery);
        if (d.MonitoringReturnMonths is < 1 or > 12) e.Add("directPayments.monitoringReturnMonths must be between 1 and 12.");
        if (d.SurplusThresholdWeeks is < 1 or > 52) e.Add("directPayments.surplusThresholdWeeks must be between 1 and 52.");
        if (d.ContingencyWeeks < 0 || d.ContingencyWeeks > d.SurplusThresholdWeeks)
            e.Add("directPayments.contingencyWeeks must be between 0 and directPayments.surplusThresholdWeeks, so that an account flagged as holding a surplus has something to recover.");
        if (d.RecoveryDisputeDays is < 14 or > 90) e.Add("directPayments.recoveryDisputeDays must be between 14 and 90.");
        if (d.AuditIntervalMonths is < 1 or > 36) e.Add("directPayments.auditIntervalMonths must be between 1 and 36.");

        if (d.Agreement is not { } agreement)
        {
            e.Add("directPayments.agreement is required: it is empty (null).");
        }
        else
        {
            CheckItems(e, "directPayments.agreement.mayNotBuy", agreement.MayNotBuy, "what a direct payment may not buy");
            CheckItems(e, "directPayments.agreement.recordsToKeep", agreement.RecordsToKeep, "the records a family keeps");
            if (agreement.RecordsKeptYears is < 1 or > 10) e.Add("directPayments.agreement.recordsKeptYears must be between 1 and 10.");
            if (agreement.EndNoticeDays is < 0 or > 365) e.Add("directPayments.agreement.endNoticeDays must be between 0 and 365.");
        }

        if (d.PrepaidCard is not { } card)
        {
            e.Add("directPayments.prepaidCard is required: it is empty (null).");
        }
        else
        {
            if (card.ReferenceMinimumLength is < 6 or > 30) e.Add("directPayments.prepaidCard.referenceMinimumLength must be between 6 and 30.");
            if (card.ReferenceMaximumLength < card.ReferenceMinimumLength || card.ReferenceMaximumLength > 30)
                e.Add("directPayments.prepaidCard.referenceMaximumLength must be between directPayments.prepaidCard.referenceMinimumLength and 30.");
        }

        var heads = NonNull(e, "directPayments.budgetHeads", d.BudgetHeads ?? [], "budget head");
        if (heads.Count == 0) e.Add("directPayments.budgetHeads must list at least one budget head.");
        foreach (var dup in heads.GroupBy(h => h.Code).Where(g => g.Count() > 1)) e.Add($"directPayments.budgetHeads: code '{dup.Key}' is used more than once.");
        foreach (var h in heads)
        {
            if (!IsCostCentreCode(h.Code))
                e.Add($"directPayments.budgetHeads: code '{h.Code}' must be 1 to 20 letters, digits, hyphens, full stops or forward slashes.");
            if (string.IsNullOrWhiteSpace(h.Name)) e.Add($"directPayments.budgetHeads '{h.Code}': name is required.");
        }

        if (d.SpendingHeads is not { } spending)
        {
            e.Add("directPayments.spendingHeads is required: it is empty (null).");
        }
        else
        {
            var codes = heads.Select(h => h.Code).ToHashSet(StringComparer.Ordinal);
            (string Name, string? Code)[] mapped =
            [
                ("directPayment", spending.DirectPayment), ("commissionedServiceInvoice", spending.CommissionedServiceInvoice),
                ("oneOffPayment", spending.OneOffPayment), ("recoupment", spending.Recoupment),
            ];
            foreach (var (name, code) in mapped.Where(m => m.Code is null || !codes.Contains(m.Code)))
                e.Add($"directPayments.spendingHeads.{name}: '{code}' is not a code of directPayments.budgetHeads.");
        }

        if (d.PaymentFile is not { } file)
        {
            e.Add("directPayments.paymentFile is required: it is empty (null).");
            return;
        }

        var columns = NonNull(e, "directPayments.paymentFile.columns", file.Columns ?? [], "column");
        if (columns.Count == 0) e.Add("directPayments.paymentFile.columns must list at least one column.");
        foreach (var dup in columns.GroupBy(c => c.Header?.Trim() ?? "", StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
            e.Add($"directPayments.paymentFile.columns: header '{dup.Key}' is used more than once.");
        var fields = new List<DirectPayments.PaymentFileField>();
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (string.IsNullOrWhiteSpace(c.Header)) e.Add($"directPayments.paymentFile.columns: column {i + 1} needs a header.");
            if (IsName<DirectPayments.PaymentFileField>(c.Field, out var field)) fields.Add(field);
            else e.Add($"directPayments.paymentFile.columns '{c.Header}': field '{c.Field}' must be one of {string.Join(", ", Enum.GetNames<DirectPayments.PaymentFileField>())}.");
        }

        foreach (var dup in fields.GroupBy(f => f).Where(g => g.Count() > 1)) e.Add($"directPayments.paymentFile.columns: field '{dup.Key}' is used more than once.");
        var missing = new[] { DirectPayments.PaymentFileField.PaymentReference, DirectPayments.PaymentFileField.PaymentDate, DirectPayments.PaymentFileField.SortCode, DirectPayments.PaymentFileField.AccountNumber }
            .Where(f => !fields.Contains(f)).Select(f => f.ToString()).ToList();
        if (!fields.Contains(DirectPayments.PaymentFileField.Amount) && !fields.Contains(DirectPayments.PaymentFileField.AmountPence)) missing.Add("Amount or AmountPence");
        if (columns.Count > 0 && missing.Count > 0)
            e.Add($"directPayments.paymentFile.columns must include {string.Join(", ", missing)}: a payment cannot be made or matched back without them.");
        if (!PaymentFileLayout.DateFormats.Contains(file.DateFormat ?? ""))
            e.Add($"directPayments.paymentFile.dateFormat must be one of {string.Join(", ", PaymentFileLayout.DateFormats)}.");
    }

    private static void CheckItems(List<string> e, string where, IReadOnlyList<AgreementItem?>? items, string what)
    {
        var list = NonNull(e, where, items ?? [], "entry");
        if (list.Count == 0) e.Add($"{where} must list at least one entry: {what}.");
        foreach (var dup in list.GroupBy(i => i.Id).Where(g => g.Count() > 1)) e.Add($"{where}: id '{dup.Key}' is used more than once.");
        foreach (var item in list)
        {
            if (!IsId(item.Id)) e.Add($"{where}: id '{item.Id}' must be lower-case letters, digits and hyphens.");
            if (string.IsNullOrWhiteSpace(item.Text)) e.Add($"{where} '{item.Id}': text is required.");
        }
    }

    private static void CheckName<T>(List<string> e, string where, string? value) where T : struct, Enum
    {
        if (!IsName<T>(value, out _)) e.Add($"{where} must be one of {string.Join(", ", Enum.GetNames<T>())}, not '{value}'.");
    }

    /// <summary>Whether <paramref name="value"/> is exactly one of the enum's names (not a number, not in other letter case).</summary>
    private static bool IsName<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        return value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out parsed);
    }

    private static bool IsCostCentreCode(string? value) =>
        value is { Length: >= 1 and <= 20 } && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '/');

    /// <summary>The items of a list that are there; each null is reported by its place in the list.</summary>
    private static List<T> NonNull<T>(List<string> e, string where, IReadOnlyList<T?> items, string what) where T : class
    {
        var list = new List<T>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item) list.Add(item);
            else e.Add($"{where}: {what} {i + 1} is empty (null): remove it or fill it in.");
        }

        return list;
    }

    private static void CheckRange(List<string> e, string name, decimal min, decimal max)
    {
        if (min <= 0) e.Add($"{name}Minimum must be more than 0.");
        if (max < min) e.Add($"{name}Maximum must not be less than {name}Minimum.");
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsId(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
