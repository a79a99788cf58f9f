using ShortBreaks.Core.Text;

namespace ShortBreaks.Core.Providers;

/// <summary>What an organisation gives about itself on its application.</summary>
public sealed record OrganisationDetails(string? Name, string? LegalName, string? CompaniesHouseNumber, string? CharityNumber, string? Email,
    string? Phone, string? Website, string? AddressLine, string? Town, string? Postcode, string? Description);

/// <summary>Its safeguarding lead and DBS policy.</summary>
public sealed record SafeguardingDetails(string? LeadName, string? LeadEmail, string? LeadPhone, string? DbsPolicy);

/// <summary>An insurance policy as entered.</summary>
public sealed record InsuranceDetails(InsuranceKind? Kind, string? Insurer, string? PolicyNumber, decimal? CoverAmount, DateOnly? ExpiresOn);

/// <summary>A registration with a regulator as entered.</summary>
public sealed record RegistrationDetails(Regulator? Regulator, string? Number, DateOnly? ExpiresOn);

/// <summary>
/// A service as entered: what, for whom, where (an address, or the area served for services that come to the family)
/// and when (the days of the week, and the times).
/// </summary>
public sealed record ServiceDetails(string? Name, string? Description, string? Kind, IReadOnlyList<string> Needs, int? MinimumAgeYears,
    int? MaximumAgeYears, string? AreaServed, string? AddressLine, string? Town, string? Postcode, IReadOnlyList<string> Days,
    TimeOnly? OpensAt, TimeOnly? ClosesAt);

/// <summary>A unit cost as entered: so much per hour, night or session, from a day.</summary>
public sealed record PriceDetails(PriceUnit? Unit, decimal? Amount, decimal? HoursEach, DateOnly? EffectiveFrom, string? Description);

/// <summary>An organisation's application as it stands: everything commissioning checks and the organisation fills in.</summary>
public sealed record OrganisationFile(
    Organisation Organisation,
    FrameworkApplication? Application,
    IReadOnlyList<OrganisationDocument> Documents,
    IReadOnlyList<Service> Services,
    IReadOnlyList<FrameworkStatusChange> History,
    IReadOnlyList<FieldError> Missing,
    string? NewPackageRefusal);

/// <summary>One row of commissioning's queue.</summary>
public sealed record FrameworkQueueRow(Guid OrganisationId, string Name, FrameworkStatus Status, DateTime RegisteredAt, DateTime? SubmittedAt, int Services);

/// <summary>
/// The provider framework (a dynamic purchasing system, open all year): an organisation registers, fills in and sends
/// its application, changes its details and prices; commissioning approves, asks for more, refuses, suspends, removes
/// and reinstates. Every status move is a <see cref="FrameworkStatusChange"/> with who, when and why, and the
/// organisation is emailed.
/// </summary>
public sealed class FrameworkService(ShortBreaksDbContext db, SchemeCatalog schemes, EmailSender email, ILogger<FrameworkService> logger)
{
    public static readonly CommandResult ChangedByOthers = CommandResult.Conflicted(
        "Someone else at your organisation changed this while you were working on it. Nothing you entered has been saved over their change: check it as it is now and try again.");

    public static readonly CommandResult DecidedByOthers = CommandResult.Conflicted(
        "Someone else changed this organisation's application or status while you were deciding. Nothing has been saved: check it as it is now and decide again.");

    /// <summary>Today, as a UK day.</summary>
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public Scheme Scheme => schemes.InForceOn(Today);

    public ProviderSettings Settings => Scheme.ProviderRules;

    /// <summary>
    /// A new organisation with <paramref name="userId"/> as its administrator, as registered: the account is made by the
    /// caller (with the Provider role). Nothing is sent yet: the organisation applies when it is ready.
    /// </summary>
    public async Task<Organisation> RegisterAsync(string userId, string organisationName, string contactEmail, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var organisation = new Organisation { Name = organisationName.Trim(), Email = contactEmail.Trim(), Status = FrameworkStatus.Registered, RegisteredAt = now };
        db.Organisations.Add(organisation);
        db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = organisation.Id, UserId = userId, IsAdministrator = true, AddedAt = now, AddedByName = db.Actor.Name });
        db.FrameworkStatusChanges.Add(new FrameworkStatusChange
        {
            OrganisationId = organisation.Id, To = FrameworkStatus.Registered, At = now, ByUserId = userId, ByName = db.Actor.Name, Reason = "Registered online",
        });
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>The organisation's whole file, or null when there is none with that id.</summary>
    public async Task<OrganisationFile?> FileAsync(Guid organisationId, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Insurances).Include(o => o.Registrations)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return null;
        var application = await CurrentApplicationQuery(organisationId).AsNoTracking().FirstOrDefaultAsync(ct);
        var documents = await db.OrganisationDocuments.AsNoTracking().Where(d => d.OrganisationId == organisationId)
            .Select(d => new OrganisationDocument
            {
                Id = d.Id, OrganisationId = d.OrganisationId, ApplicationId = d.ApplicationId, CriterionId = d.CriterionId, FileName = d.FileName,
                ContentType = d.ContentType, SizeBytes = d.SizeBytes, UploadedAt = d.UploadedAt, UploadedByName = d.UploadedByName,
            })
            .OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .Include(s => s.Prices).Include(s => s.Schedules).Include(s => s.Locations).ThenInclude(l => l.Location)
            .AsSplitQuery().OrderBy(s => s.Name).ToListAsync(ct);
        var history = (await db.FrameworkStatusChanges.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(ct))
            .OrderByDescending(c => c.At).ToList();
        var today = Today;
        var missing = FrameworkRules.Missing(organisation, application?.Answers ?? [], documents, services.Count, Settings, today);
        return new OrganisationFile(organisation, application, documents, services, history, missing,
            OrganisationRules.NewPackageRefusal(organisation, Settings, today));
    }

    // The newest application: the draft being filled in, or the one sent.
    private IQueryable<FrameworkApplication> CurrentApplicationQuery(Guid organisationId) =>
        db.FrameworkApplications.Include(a => a.Answers).Where(a => a.OrganisationId == organisationId)
            .OrderByDescending(a => a.Id);

    /// <summary>Whether an organisation's application can be changed now: not while commissioning is deciding on it.</summary>
    private static CommandResult? Locked(Organisation organisation) => organisation.Status switch
    {
        FrameworkStatus.Applied => CommandResult.Fail("", "Your application is with commissioning for a decision. You can change it if they ask for more information."),
        FrameworkStatus.Removed => CommandResult.Fail("", "Your organisation has been removed from the framework and cannot change its application."),
        _ => null,
    };

    private async Task<(Organisation? Organisation, CommandResult? Refused)> LoadForChangeAsync(Guid organisationId, long? versionSeen, CancellationToken ct)
    {
        var organisation = await db.Organisations.Include(o => o.Insurances).Include(o => o.Registrations).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return (null, CommandResult.Fail("", "There is no such organisation."));
        if (Locked(organisation) is { } locked) return (null, locked);
        if (versionSeen is { } seen)
        {
            if (organisation.Version != seen) return (null, ChangedByOthers);
            db.ExpectVersion(organisation, seen);
        }

        return (organisation, null);
    }

    /// <summary>Saves the organisation's details; refused with reasons by field, or when someone else saved first.</summary>
    public async Task<CommandResult> SaveDetailsAsync(Guid organisationId, OrganisationDetails details, long versionSeen, CancellationToken ct = default)
    {
        var errors = ValidateDetails(details);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var (organisation, refused) = await LoadForChangeAsync(organisationId, versionSeen, ct);
        if (refused is not null) return refused;
        organisation!.Name = details.Name!.Trim();
        organisation.LegalName = details.LegalName!.Trim();
        organisation.CompaniesHouseNumber = Blank(details.CompaniesHouseNumber) ? null : FrameworkRules.Tidy(details.CompaniesHouseNumber);
        organisation.CharityNumber = Blank(details.CharityNumber) ? null : FrameworkRules.Tidy(details.CharityNumber);
        organisation.Email = details.Email!.Trim();
        organisation.Phone = details.Phone!.Trim();
        organisation.Website = Trimmed(details.Website);
        organisation.AddressLine = Trimmed(details.AddressLine);
        organisation.Town = details.Town!.Trim();
        organisation.Postcode = Blank(details.Postcode) ? null : Postcodes.Format(details.Postcode!);
        organisation.Description = Trimmed(details.Description);
        return await db.SaveOrConflictAsync(ChangedByOthers, ct);
    }

    public static List<FieldError> ValidateDetails(OrganisationDetails d)
    {
        var errors = new List<FieldError>();
        Required(errors, "Name", d.Name, "Enter the name families know the organisation by", FrameworkRules.NameMaxLength);
        Required(errors, "LegalName", d.LegalName, "Enter the organisation's legal name", FrameworkRules.NameMaxLength);
        if (!Blank(d.CompaniesHouseNumber) && !FrameworkRules.IsCompanyNumber(d.CompaniesHouseNumber))
            errors.Add(new("CompaniesHouseNumber", "Enter a Companies House number of 8 characters, like 01234567 or SC123456"));
        if (!Blank(d.CharityNumber) && !FrameworkRules.IsCharityNumber(d.CharityNumber))
            errors.Add(new("CharityNumber", "Enter a charity number, like 1123456, SC012345 or NIC100001"));
        Required(errors, "Email", d.Email, "Enter the organisation's email address", 254);
        if (!Blank(d.Email) && d.Email!.Length <= 254 && !RequestRules.IsEmail(d.Email.Trim()))
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.com"));
        Required(errors, "Phone", d.Phone, "Enter the organisation's phone number", 30);
        Optional(errors, "Website", d.Website, 500);
        if (!Blank(d.Website) && !(Uri.TryCreate(d.Website!.Trim(), UriKind.Absolute, out var site) && site.Scheme is "https" or "http"))
            errors.Add(new("Website", "Enter the website's full address, starting https://"));
        Optional(errors, "AddressLine", d.AddressLine, 300);
        Required(errors, "Town", d.Town, "Enter the town", 100);
        if (!Blank(d.Postcode) && !Postcodes.IsValid(d.Postcode)) errors.Add(new("Postcode", "Enter a real postcode, like DC1 2AB"));
        Optional(errors, "Description", d.Description, FrameworkRules.TextMaxLength);
        return errors;
    }

    /// <summary>Saves the safeguarding lead and the DBS policy.</summary>
    public async Task<CommandResult> SaveSafeguardingAsync(Guid organisationId, SafeguardingDetails details, long versionSeen, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Required(errors, "LeadName", details.LeadName, "Enter the safeguarding lead's name", FrameworkRules.NameMaxLength);
        Required(errors, "LeadEmail", details.LeadEmail, "Enter the safeguarding lead's email address", 254);
        if (!Blank(details.LeadEmail) && details.LeadEmail!.Length <= 254 && !RequestRules.IsEmail(details.LeadEmail.Trim()))
            errors.Add(new("LeadEmail", "Enter an email address in the correct format, like name@example.com"));
        Optional(errors, "LeadPhone", details.LeadPhone, 30);
        Required(errors, "DbsPolicy", details.DbsPolicy, "Describe the organisation's DBS policy", FrameworkRules.TextMaxLength);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var (organisation, refused) = await LoadForChangeAsync(organisationId, versionSeen, ct);
        if (refused is not null) return refused;
        organisation!.SafeguardingLeadName = details.LeadName!.Trim();
        organisation.SafeguardingLeadEmail = details.LeadEmail!.Trim();
        organisation.SafeguardingLeadPhone = Trimmed(details.LeadPhone);
        organisation.DbsPolicy = details.DbsPolicy!.Trim();
        return await db.SaveOrConflictAsync(ChangedByOthers, ct);
    }

    /// <summary>Adds an insurance policy (a renewed one is added, and the old one removed when it is no longer wanted).</summary>
    public async Task<CommandResult> AddInsuranceAsync(Guid organisationId, InsuranceDetails details, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (details.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(new("Kind", "Select the kind of insurance"));
        Required(errors, "Insurer", details.Insurer, "Enter the insurer's name", FrameworkRules.ShortTextMaxLength);
        Optional(errors, "PolicyNumber", details.PolicyNumber, 60);
        if (details.CoverAmount is not { } cover) errors.Add(new("CoverAmount", "Enter the amount of cover, in pounds"));
        else if (cover <= 0 || cover > 1_000_000_000m || !Money.IsWholePence(cover)) errors.Add(new("CoverAmount", "Enter the amount of cover in pounds, like 5000000"));
        else if (Settings.RequiredInsurance.FirstOrDefault(r => r.Kind == details.Kind?.ToString()) is { } required && cover < required.MinimumCover)
            errors.Add(new("CoverAmount", $"The council asks for {OrganisationRules.InsuranceName(details.Kind!.Value)} cover of at least {Money.Format(required.MinimumCover)}"));
        if (details.ExpiresOn is not { } expires) errors.Add(new("ExpiresOn", "Enter the date the policy ends"));
        else if (expires < Today) errors.Add(new("ExpiresOn", "The policy has already ended: add the policy that covers you now"));
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        db.Add(new OrganisationInsurance
        {
            OrganisationId = organisation!.Id, Kind = details.Kind!.Value, Insurer = details.Insurer!.Trim(), PolicyNumber = Trimmed(details.PolicyNumber),
            CoverAmount = details.CoverAmount!.Value, ExpiresOn = details.ExpiresOn!.Value,
        });
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveInsuranceAsync(Guid organisationId, Guid insuranceId, CancellationToken ct = default)
    {
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        var insurance = organisation!.Insurances.FirstOrDefault(i => i.Id == insuranceId);
        if (insurance is null) return CommandResult.Ok;
        db.Remove(insurance);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>Adds a registration with Ofsted, the CQC or another regulator.</summary>
    public async Task<CommandResult> AddRegistrationAsync(Guid organisationId, RegistrationDetails details, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (details.Regulator is not { } regulator || !Enum.IsDefined(regulator)) errors.Add(new("Regulator", "Select the regulator"));
        if (Blank(details.Number)) errors.Add(new("Number", "Enter the registration number"));
        else if (details.Regulator is { } r && Enum.IsDefined(r) && !FrameworkRules.IsRegistrationNumber(r, details.Number))
            errors.Add(new("Number", r == Regulator.Cqc ? "Enter a CQC number like 1-123456789" : r == Regulator.Ofsted ? "Enter an Ofsted unique reference number like 123456 or EY123456" : "Enter the registration number, up to 40 characters"));
        if (details.ExpiresOn is { } expires && expires < Today) errors.Add(new("ExpiresOn", "The registration has already expired"));
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        db.Add(new OrganisationRegistration { OrganisationId = organisation!.Id, Regulator = details.Regulator!.Value, Number = FrameworkRules.Tidy(details.Number), ExpiresOn = details.ExpiresOn });
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveRegistrationAsync(Guid organisationId, Guid registrationId, CancellationToken ct = default)
    {
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        var registration = organisation!.Registrations.FirstOrDefault(r => r.Id == registrationId);
        if (registration is null) return CommandResult.Ok;
        db.Remove(registration);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>Saves the answers to the scheme's framework criteria (all of them, as on the page; blank ones are kept blank).</summary>
    public async Task<CommandResult> SaveAnswersAsync(Guid organisationId, IReadOnlyDictionary<string, string?> answers, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        foreach (var criterion in Settings.FrameworkCriteria)
        {
            if (answers.TryGetValue(criterion.Id, out var answer)) Optional(errors, "answer-" + criterion.Id, answer, FrameworkRules.TextMaxLength);
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        var application = await DraftApplicationAsync(organisation!, ct);
        foreach (var criterion in Settings.FrameworkCriteria)
        {
            if (!answers.TryGetValue(criterion.Id, out var given)) continue;
            var text = given?.Trim() ?? "";
            var row = application.Answers.FirstOrDefault(a => a.CriterionId == criterion.Id);
            if (row is null)
            {
                application.Answers.Add(new FrameworkAnswer { ApplicationId = application.Id, CriterionId = criterion.Id, Question = criterion.Question, Answer = text });
            }
            else if (row.Answer != text)
            {
                row.Answer = text;
                row.Question = criterion.Question;
                row.Met = null; // a changed answer is checked afresh
                row.CheckNote = null;
            }
        }

        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    // The application being filled in: the newest one while it has not been decided, else a new draft carrying its answers.
    private async Task<FrameworkApplication> DraftApplicationAsync(Organisation organisation, CancellationToken ct)
    {
        var current = await CurrentApplicationQuery(organisation.Id).FirstOrDefaultAsync(ct);
        if (current is { Status: FrameworkStatus.Registered or FrameworkStatus.MoreInformationAsked }) return current;
        var draft = new FrameworkApplication { OrganisationId = organisation.Id, Status = FrameworkStatus.Registered, SchemeVersion = Scheme.Version };
        foreach (var answer in current?.Answers ?? [])
        {
            draft.Answers.Add(new FrameworkAnswer { ApplicationId = draft.Id, CriterionId = answer.CriterionId, Question = answer.Question, Answer = answer.Answer });
        }

        db.FrameworkApplications.Add(draft);
        return draft;
    }

    /// <summary>Adds a document as evidence (its bytes already checked as a PDF, JPEG or PNG by the caller).</summary>
    public async Task<CommandResult> AddDocumentAsync(Guid organisationId, OrganisationDocument document, CancellationToken ct = default)
    {
        if (document.CriterionId is { } criterion && Settings.FrameworkCriteria.All(c => c.Id != criterion))
            return CommandResult.Fail("CriterionId", "Select what the document is evidence of");
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        if (await db.OrganisationDocuments.CountAsync(d => d.OrganisationId == organisationId, ct) >= MaxDocuments)
            return CommandResult.Fail("Upload", $"You can add up to {MaxDocuments} documents. Remove one to add another");
        document.OrganisationId = organisation!.Id;
        document.UploadedAt = db.UtcNow;
        document.UploadedByName = db.Actor.Name;
        db.OrganisationDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>The most documents an organisation keeps at once.</summary>
    public const int MaxDocuments = 30;

    public async Task<CommandResult> RemoveDocumentAsync(Guid organisationId, Guid documentId, CancellationToken ct = default)
    {
        var (_, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        await db.OrganisationDocuments.Where(d => d.Id == documentId && d.OrganisationId == organisationId).ExecuteDeleteAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>One of the organisation's documents with its bytes, or null (another organisation's is never found).</summary>
    public Task<OrganisationDocument?> DocumentAsync(Guid organisationId, Guid documentId, CancellationToken ct = default) =>
        db.OrganisationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.OrganisationId == organisationId, ct);

    /// <summary>
    /// Adds a service with its first price (from today) or changes one (<paramref name="serviceId"/> with the version the
    /// person saw). A service is published once the organisation is approved.
    /// </summary>
    public async Task<(Service? Service, CommandResult Result)> SaveServiceAsync(Guid organisationId, Guid? serviceId, long? versionSeen,
        ServiceDetails details, PriceDetails? firstPrice, CancellationToken ct = default)
    {
        var errors = ValidateService(details, Settings);
        if (serviceId is null)
        {
            if (firstPrice is null) errors.Add(new("Amount", "Enter the price"));
            else errors.AddRange(ValidatePrice(firstPrice with { EffectiveFrom = Today }, Today));
        }

        if (errors.Count > 0) return (null, CommandResult.Fail(errors));
        var (organisation, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return (null, refused);
        var now = db.UtcNow;
        Service? service;
        if (serviceId is { } id)
        {
            service = await db.Services.Include(s => s.Schedules).Include(s => s.Locations).ThenInclude(l => l.Location).Include(s => s.TaxonomyTerms)
                .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == organisationId, ct);
            if (service is null) return (null, CommandResult.Fail("", "There is no such service."));
            if (versionSeen is not { } seen || service.Version != seen) return (null, ChangedByOthers);
            db.ExpectVersion(service, seen);
        }
        else
        {
            service = new Service
            {
                OrganisationId = organisationId,
                Status = organisation!.Status == FrameworkStatus.Approved ? ServiceStatus.Active : ServiceStatus.Inactive,
            };
            service.Prices.Add(NewPrice(firstPrice! with { EffectiveFrom = Today }, now));
            db.Services.Add(service);
        }

        var kind = Settings.Kinds.First(k => k.Id == details.Kind);
        service.Name = details.Name!.Trim();
        service.Description = details.Description!.Trim();
        service.Kind = kind.Id;
        service.Needs = string.Join(',', details.Needs.Distinct());
        service.MinimumAgeYears = details.MinimumAgeYears;
        service.MaximumAgeYears = details.MaximumAgeYears;
        service.AreaServed = Trimmed(details.AreaServed);
        service.UpdatedAt = now;

        var terms = details.Needs.Distinct().Append(kind.TermId).ToHashSet();
        db.RemoveRange(service.TaxonomyTerms.Where(t => !terms.Contains(t.TermId)));
        foreach (var term in terms.Where(t => service.TaxonomyTerms.All(x => x.TermId != t)))
        {
            service.TaxonomyTerms.Add(new ServiceTaxonomyTerm { ServiceId = service.Id, TermId = term });
        }

        // One place and one weekly schedule, as the form gives them; replaced as a whole when changed.
        var place = service.Locations.FirstOrDefault();
        if (Blank(details.AddressLine))
        {
            if (place is not null)
            {
                db.Remove(place);
                if (place.Location is { } old) db.Remove(old);
            }
        }
        else
        {
            var location = place?.Location;
            if (location is null)
            {
                location = new Location { OrganisationId = organisationId };
                db.Locations.Add(location);
                service.Locations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id, Location = location });
            }

            location.Name = service.Name;
            location.AddressLine = details.AddressLine!.Trim();
            location.Town = details.Town!.Trim();
            location.Postcode = Postcodes.Format(details.Postcode!);
            location.PostcodeKey = MatchKeys.Postcode(details.Postcode);
        }

        db.RemoveRange(service.Schedules);
        service.Schedules.Clear();
        if (details.Days.Count > 0)
        {
            service.Schedules.Add(new ServiceSchedule
            {
                ServiceId = service.Id, Frequency = ScheduleFrequency.Weekly, Interval = 1,
                Days = string.Join(',', ScheduleDays.Where(details.Days.Contains)), OpensAt = details.OpensAt, ClosesAt = details.ClosesAt,
            });
        }

        var result = await db.SaveOrConflictAsync(ChangedByOthers, ct);
        return (result.Succeeded ? service : null, result);
    }

    /// <summary>RFC 5545 day codes, Monday first.</summary>
    public static readonly IReadOnlyList<string> ScheduleDays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static List<FieldError> ValidateService(ServiceDetails d, ProviderSettings settings)
    {
        var errors = new List<FieldError>();
        Required(errors, "Name", d.Name, "Enter the service's name", FrameworkRules.NameMaxLength);
        Required(errors, "Description", d.Description, "Describe the service for families", FrameworkRules.TextMaxLength);
        if (settings.Kinds.All(k => k.Id != d.Kind)) errors.Add(new("Kind", "Select the kind of service"));
        var needs = settings.Taxonomy.Terms.Where(t => t.ParentId == "needs").Select(t => t.Id).ToHashSet();
        if (d.Needs.Count == 0) errors.Add(new("Needs", "Select the needs the service caters for"));
        else if (d.Needs.Any(n => !needs.Contains(n))) errors.Add(new("Needs", "Select needs from the list"));
        if (d.MinimumAgeYears is < 0 or > 25) errors.Add(new("MinimumAgeYears", "Enter the youngest age as a whole number of years from 0 to 25"));
        if (d.MaximumAgeYears is < 0 or > 25) errors.Add(new("MaximumAgeYears", "Enter the oldest age as a whole number of years from 0 to 25"));
        else if (d.MinimumAgeYears is { } min && d.MaximumAgeYears is { } max && max < min) errors.Add(new("MaximumAgeYears", "The oldest age must be the same as or more than the youngest"));
        Optional(errors, "AreaServed", d.AreaServed, FrameworkRules.ShortTextMaxLength);
        var anyAddress = !Blank(d.AddressLine) || !Blank(d.Town) || !Blank(d.Postcode);
        if (anyAddress)
        {
            Required(errors, "AddressLine", d.AddressLine, "Enter the first line of the address", 300);
            Required(errors, "Town", d.Town, "Enter the town", 100);
            if (Blank(d.Postcode)) errors.Add(new("Postcode", "Enter the postcode"));
            else if (!Postcodes.IsValid(d.Postcode)) errors.Add(new("Postcode", "Enter a real postcode, like DC1 2AB"));
        }
        else if (Blank(d.AreaServed))
        {
            errors.Add(new("AddressLine", "Enter where the service runs, or the area it serves if it comes to the family"));
        }

        if (d.Days.Any(day => !ScheduleDays.Contains(day))) errors.Add(new("Days", "Select days from the list"));
        if (d.OpensAt is { } opens && d.ClosesAt is { } closes && closes <= opens && settings.Kinds.FirstOrDefault(k => k.Id == d.Kind)?.Unit != nameof(PriceUnit.Night))
            errors.Add(new("ClosesAt", "The closing time must be after the opening time"));
        return errors;
    }

    /// <summary>
    /// A new unit cost for a service from a day (today or later, UK day): a new price row. Prices already set stay as
    /// they are, and packages already agreed keep the price they were agreed at.
    /// </summary>
    public async Task<CommandResult> AddPriceAsync(Guid organisationId, Guid serviceId, PriceDetails price, CancellationToken ct = default)
    {
        var errors = ValidatePrice(price, Today);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var (_, refused) = await LoadForChangeAsync(organisationId, null, ct);
        if (refused is not null) return refused;
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId && s.OrganisationId == organisationId, ct);
        if (service is null) return CommandResult.Fail("", "There is no such service.");
        var row = NewPrice(price, db.UtcNow);
        row.ServiceId = service.Id;
        db.Add(row);
        service.UpdatedAt = db.UtcNow;
        return await db.SaveOrConflictAsync(ChangedByOthers, ct);
    }

    public static List<FieldError> ValidatePrice(PriceDetails p, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (p.Unit is not { } unit || !Enum.IsDefined(unit)) errors.Add(new("Unit", "Select what the price is for: an hour, a night or a session"));
        if (p.Amount is not { } amount) errors.Add(new("Amount", "Enter the price in pounds and pence, like 15.50"));
        else if (amount <= 0 || amount > 100_000m || !Money.IsWholePence(amount)) errors.Add(new("Amount", "Enter a price from 0.01 to 100000 in pounds and pence, like 15.50"));
        if (p.Unit == PriceUnit.Session)
        {
            if (p.HoursEach is not { } hours) errors.Add(new("HoursEach", "Enter how many hours a session lasts"));
            else if (hours <= 0 || hours > 24 || hours * 4 != decimal.Truncate(hours * 4)) errors.Add(new("HoursEach", "Enter the hours a session lasts, from 0.25 to 24, in quarter hours"));
        }

        if (p.EffectiveFrom is not { } from) errors.Add(new("EffectiveFrom", "Enter the date the price starts"));
        else if (from < today) errors.Add(new("EffectiveFrom", "The date the price starts must be today or in the future"));
        else if (from > today.AddYears(2)) errors.Add(new("EffectiveFrom", "The date the price starts must be within two years"));
        Optional(errors, "PriceDescription", p.Description, FrameworkRules.ShortTextMaxLength);
        return errors;
    }

    private ServicePrice NewPrice(PriceDetails p, DateTime now) => new()
    {
        EffectiveFrom = p.EffectiveFrom!.Value, Unit = p.Unit!.Value, Amount = p.Amount!.Value, Description = Trimmed(p.Description),
        HoursEach = p.Unit switch { PriceUnit.Hour => 1, PriceUnit.Night => 0, _ => p.HoursEach },
        SetAt = now, SetByName = db.Actor.Name,
    };

    /// <summary>
    /// Sends the application (first time, again after a refusal, or with the more information asked for): refused with
    /// what is missing, by task-list section, until it is complete.
    /// </summary>
    public async Task<CommandResult> SubmitAsync(Guid organisationId, long versionSeen, string publicBaseUrl, CancellationToken ct = default)
    {
        var file = await FileAsync(organisationId, ct);
        if (file is null) return CommandResult.Fail("", "There is no such organisation.");
        if (!FrameworkRules.CanSubmit(file.Organisation.Status))
        {
            return CommandResult.Fail("", file.Organisation.Status == FrameworkStatus.Applied
                ? "Your application has been sent already and is waiting for a decision."
                : "Your organisation is on the framework already: change its details and prices from its pages.");
        }
        if (file.Missing.Count > 0) return CommandResult.Fail(file.Missing);

        var (organisation, refused) = await LoadForChangeAsync(organisationId, versionSeen, ct);
        if (refused is not null) return refused;
        var application = await DraftApplicationAsync(organisation!, ct);
        var again = organisation!.Status != FrameworkStatus.Registered;
        var now = db.UtcNow;
        application.Status = FrameworkStatus.Applied;
        application.SubmittedAt = now;
        application.SubmittedByUserId = db.Actor.UserId;
        application.SubmittedByName = db.Actor.Name;
        application.SchemeVersion = Scheme.Version;
        db.FrameworkStatusChanges.Add(new FrameworkStatusChange
        {
            OrganisationId = organisation.Id, ApplicationId = application.Id, From = organisation.Status, To = FrameworkStatus.Applied, At = now,
            ByUserId = db.Actor.UserId, ByName = db.Actor.Name, Reason = again ? "Application sent again" : "Application sent",
        });
        organisation.Status = FrameworkStatus.Applied;
        var saved = await db.SaveOrConflictAsync(ChangedByOthers, ct);
        if (!saved.Succeeded) return saved;

        await email.TrySendAsync(db, logger, organisation.Email, null, FrameworkEmails.ApplicationReceived(organisation, Scheme.Council), ct);
        var waiting = FrameworkEmails.ApplicationWaiting(organisation, again, $"{publicBaseUrl.TrimEnd('/')}/commissioning/providers/{organisation.Id}");
        foreach (var address in await CommissioningAddressesAsync(db, ct))
        {
            await email.TrySendAsync(db, logger, address, null, waiting, ct);
        }

        return CommandResult.Ok;
    }

    /// <summary>The email addresses of the council's commissioning officers, who are told of applications and expiries.</summary>
    public static async Task<IReadOnlyList<string>> CommissioningAddressesAsync(ShortBreaksDbContext db, CancellationToken ct = default) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.CommissioningOfficer && user.Email != null
               select user.Email!).Distinct().ToListAsync(ct);

    /// <summary>Commissioning's queue: organisations in <paramref name="status"/> (all when null), with the count in each status.</summary>
    public async Task<(IReadOnlyList<FrameworkQueueRow> Rows, IReadOnlyDictionary<FrameworkStatus, int> Counts)> QueueAsync(FrameworkStatus? status, CancellationToken ct = default)
    {
        var counts = (await db.Organisations.AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var query = db.Organisations.AsNoTracking();
        if (status is { } s) query = query.Where(o => o.Status == s);
        var rows = await query
            .Select(o => new FrameworkQueueRow(o.Id, o.Name, o.Status, o.RegisteredAt,
                db.FrameworkApplications.Where(a => a.OrganisationId == o.Id && a.Status != FrameworkStatus.Registered).Max(a => (DateTime?)a.SubmittedAt),
                db.Services.Count(x => x.OrganisationId == o.Id)))
            .ToListAsync(ct);
        // Oldest waiting first, so nobody waits longest unseen; then by name.
        return (rows.OrderBy(r => r.SubmittedAt ?? DateTime.MaxValue).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(), counts);
    }

    /// <summary>Records commissioning's check of one answer (met, not met, not checked) with a note.</summary>
    public async Task<CommandResult> CheckAnswerAsync(Guid organisationId, string criterionId, bool? met, string? note, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Optional(errors, "note-" + criterionId, note, FrameworkRules.TextMaxLength);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var application = await CurrentApplicationQuery(organisationId).FirstOrDefaultAsync(ct);
        var answer = application?.Answers.FirstOrDefault(a => a.CriterionId == criterionId);
        if (answer is null) return CommandResult.Fail("", "There is no such answer.");
        answer.Met = met;
        answer.CheckNote = Trimmed(note);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Commissioning's decision on an organisation, allowed only from the statuses <see cref="FrameworkRules.Allowed"/>
    /// gives: recorded with who, when and why; approval publishes the organisation's services and a suspension or removal
    /// hides them and does what <paramref name="livePackages"/> says to its agreed packages. The organisation is emailed.
    /// </summary>
    public async Task<CommandResult> DecideAsync(Guid organisationId, FrameworkDecision? decision, string? reason, LivePackagesOutcome? livePackages,
        long versionSeen, string publicBaseUrl, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return CommandResult.Fail("", "There is no such organisation.");
        var errors = new List<FieldError>();
        if (decision is not { } chosen || !FrameworkRules.Allowed(organisation.Status).Contains(chosen))
        {
            errors.Add(new("Decision", FrameworkRules.Allowed(organisation.Status).Count == 0
                ? "No decision can be made on an organisation that is " + organisation.Status switch { FrameworkStatus.Registered => "still filling in its application", FrameworkStatus.Refused => "refused", _ => "removed" }
                : "Select a decision"));
            return CommandResult.Fail(errors);
        }

        if (FrameworkRules.NeedsReason(chosen)) Required(errors, "Reason", reason, chosen == FrameworkDecision.AskForMoreInformation ? "Say what more you need" : "Give the reasons", FrameworkRules.TextMaxLength);
        else Optional(errors, "Reason", reason, FrameworkRules.TextMaxLength);
        if (FrameworkRules.NeedsLivePackagesOutcome(chosen))
        {
            if (livePackages is not { } outcome || !Enum.IsDefined(outcome)) errors.Add(new("LivePackages", "Select what happens to the packages already agreed"));
        }
        else
        {
            livePackages = null;
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);
        if (organisation.Version != versionSeen) return DecidedByOthers;
        db.ExpectVersion(organisation, versionSeen);

        var now = db.UtcNow;
        var from = organisation.Status;
        var to = FrameworkRules.To(chosen);
        var application = await CurrentApplicationQuery(organisationId).FirstOrDefaultAsync(ct);
        if (chosen is FrameworkDecision.Approve or FrameworkDecision.AskForMoreInformation or FrameworkDecision.Refuse && application is not null)
        {
            application.Status = to;
            application.DecidedAt = now;
        }

        organisation.Status = to;
        if (to == FrameworkStatus.Approved) organisation.ApprovedAt = now;
        db.FrameworkStatusChanges.Add(new FrameworkStatusChange
        {
            OrganisationId = organisation.Id, ApplicationId = application?.Id, From = from, To = to, At = now, ByUserId = db.Actor.UserId, ByName = db.Actor.Name,
            Reason = Trimmed(reason), LivePackages = livePackages,
        });

        var services = await db.Services.Where(s => s.OrganisationId == organisationId).ToListAsync(ct);
        foreach (var service in services)
        {
            if (to == FrameworkStatus.Approved && service.Status == ServiceStatus.Inactive) service.Status = ServiceStatus.Active;
            if (to is FrameworkStatus.Suspended && service.Status == ServiceStatus.Active) service.Status = ServiceStatus.TemporarilyClosed;
            if (to is FrameworkStatus.Removed) service.Status = ServiceStatus.Defunct;
            if (chosen == FrameworkDecision.Reinstate && service.Status == ServiceStatus.TemporarilyClosed) service.Status = ServiceStatus.Active;
            service.UpdatedAt = now;
        }

        if (livePackages is LivePackagesOutcome.EndWithNotice or LivePackagesOutcome.EndNow)
            await EndLivePackagesAsync(organisationId, livePackages == LivePackagesOutcome.EndNow, reason!.Trim(), ct);

        var saved = await db.SaveOrConflictAsync(DecidedByOthers, ct);
        if (!saved.Succeeded) return saved;
        await email.TrySendAsync(db, logger, organisation.Email, null,
            FrameworkEmails.Decision(organisation, chosen, Trimmed(reason), livePackages, Scheme.Council, $"{publicBaseUrl.TrimEnd('/')}/provider"), ct);
        return CommandResult.Ok;
    }

    // Ends the organisation's sent and agreed packages, as commissioning, through the package rules.
    private async Task EndLivePackagesAsync(Guid organisationId, bool now, string reason, CancellationToken ct)
    {
        var today = Today;
        var lastDay = PackageMoves.EarliestEnd(today, Settings, withoutNotice: now);
        var live = await db.Packages.Where(p => p.OrganisationId == organisationId && (p.State == PackageState.Sent || p.State == PackageState.Accepted)).ToListAsync(ct);
        foreach (var package in live)
        {
            if (PackageMoves.Refusal(package.State, package.Route, PackageMove.End, PackageActor.Commissioning) is not null) continue;
            db.PackageStateChanges.Add(new PackageStateChange
            {
                PackageId = package.Id, ChildId = package.ChildId, From = package.State, To = PackageMoves.To(PackageMove.End), By = PackageActor.Commissioning,
                At = db.UtcNow, ByUserId = db.Actor.UserId, ByName = db.Actor.Name, Reason = reason,
            });
            // A package never started ends at once; an agreed one runs to the end of its notice (never later than it would have).
            var ends = package.State == PackageState.Sent ? today : lastDay;
            if (ends < package.EndsOn) package.EndsOn = ends < package.StartsOn ? package.StartsOn : ends;
            package.NoticeGivenOn = today;
            package.State = PackageState.Ended;
        }
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Trimmed(string? text) => Blank(text) ? null : text!.Trim();

    private static void Required(List<FieldError> errors, string field, string? text, string missing, int maxLength)
    {
        if (Blank(text)) errors.Add(new(field, missing));
        else Optional(errors, field, text, maxLength);
    }

    private static void Optional(List<FieldError> errors, string field, string? text, int maxLength)
    {
        if (text is null) return;
        if (text.Trim().Length > maxLength) errors.Add(new(field, $"Must be {maxLength} characters or fewer"));
        else if (!PlainText.IsAcceptable(text, longText: maxLength > FrameworkRules.ShortTextMaxLength)) errors.Add(new(field, "Must not contain hidden or control characters"));
    }
}
