namespace ShortBreaks.Web.Pages.Complaints;

/// <summary>
/// The form that makes a complaint, compliment or appeal, shared by the family's page in their account and the officer's
/// for one taken by phone (partial <c>_ComplaintForm</c>). An appeal names the decision from the child's decisions
/// ("Subject:id"); a complaint about a review outcome names the completed review from the child's reviews; a complaint
/// about a member of staff names them from the staff list (officers) or by the name the family knows (families). What was
/// typed is kept when the service refuses it.
/// </summary>
public abstract class ComplaintFormPage : GovukPageModel
{
    /// <summary>The id of the date's boxes ("MatterArose-day" and so on).</summary>
    public const string DateId = "MatterArose";

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Review { get; set; }
    [BindProperty] public string? SubjectWorkerUserId { get; set; }
    [BindProperty] public string? SubjectWorkerName { get; set; }
    [BindProperty] public string? MadeBy { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? OutcomeWanted { get; set; }
    [BindProperty(Name = "MatterArose-day")] public string? AroseDay { get; set; }
    [BindProperty(Name = "MatterArose-month")] public string? AroseMonth { get; set; }
    [BindProperty(Name = "MatterArose-year")] public string? AroseYear { get; set; }

    /// <summary>True on the family's page: they name a member of staff in their own words and are spoken to as "you".</summary>
    public abstract bool ForFamily { get; }

    public string ChildFirstName { get; protected set; } = "";
    public IReadOnlyList<(ComplaintSubject Subject, Guid Id, string Label)> Decisions { get; protected set; } = [];

    /// <summary>The child's completed reviews, by the day held and the outcome, for a complaint about a review outcome.</summary>
    public IEnumerable<(ComplaintSubject Subject, Guid Id, string Label)> Reviews => Decisions.Where(d => d.Subject == ComplaintSubject.ReviewOutcome);
    public IReadOnlyList<ComplaintStaffMember> Staff { get; protected set; } = [];
    public IReadOnlyList<string> DateErrorParts { get; private set; } = [];

    /// <summary>Reads the answers into what the service takes; a date typed wrongly is a problem of its own.</summary>
    protected (NewComplaint Input, FieldError? DateProblem) ReadInput(ComplaintChannel channel)
    {
        var kind = Parse<ComplaintKind>(Kind);
        var subject = Parse<ComplaintSubject>(Subject);
        Guid? recordId = null;
        if (kind == ComplaintKind.Appeal)
        {
            var parts = (Decision ?? "").Split(':', 2);
            subject = parts.Length == 2 ? Parse<ComplaintSubject>(parts[0]) : (ComplaintSubject)(-1);
            recordId = parts.Length == 2 && Guid.TryParse(parts[1], out var id) ? id : null;
            if (recordId is null) subject = ComplaintSubject.EligibilityDecision;
        }
        else if (kind == ComplaintKind.Complaint && subject == ComplaintSubject.ReviewOutcome)
        {
            recordId = Guid.TryParse(Review, out var id) ? id : null;
        }

        var date = DateInput.Read("The day it happened", AroseDay, AroseMonth, AroseYear);
        DateErrorParts = date.ErrorParts;
        var input = new NewComplaint(kind, subject, Parse<ComplaintMadeBy>(MadeBy), channel, Summary, OutcomeWanted, date.Date, recordId,
            channel == ComplaintChannel.Phone ? SubjectWorkerUserId : null, channel == ComplaintChannel.Online ? SubjectWorkerName : null);
        return (input, date.Error is { } error ? new FieldError(DateInput.Key(DateId, date.ErrorParts[0]), error) : null);
    }

    /// <summary>Makes it through the service, or shows the form again with every problem by its field, in the page's order.</summary>
    protected async Task<(Complaint? Made, bool Refused)> MakeAsync(ComplaintService complaints, Guid childId, ComplaintChannel channel, Func<Task> reload)
    {
        var (input, dateProblem) = ReadInput(channel);
        var (made, result) = dateProblem is null ? await complaints.MakeAsync(childId, input, HttpContext.RequestAborted) : (null, CommandResult.Ok);
        if (made is not null) return (made, false);
        var errors = result.Errors.Select(e => e with { Field = FieldId(e.Field) }).ToList();
        if (dateProblem is not null)
        {
            // Check the rest too, so every problem is listed at once.
            errors.AddRange(ComplaintService.FieldProblems(input with { MatterAroseOn = null }, complaints.Today).Select(e => e with { Field = FieldId(e.Field) }));
            errors.Add(dateProblem);
        }

        await RefusedAsync(errors.OrderBy(e => Order(e.Field)), reload);
        return (null, true);
    }

    private static string FieldId(string field) => field switch
    {
        "SubjectRecordId" => nameof(Decision),
        ComplaintService.ReviewField => nameof(Review),
        "MatterAroseOn" => DateInput.Key(DateId, DateInput.DayPart),
        _ => field,
    };

    private static int Order(string field) => Array.IndexOf(
        ["", nameof(Kind), nameof(Subject), nameof(SubjectWorkerUserId), nameof(SubjectWorkerName), nameof(Review), nameof(Decision), nameof(MadeBy),
            DateInput.Key(DateId, DateInput.DayPart), DateInput.Key(DateId, DateInput.MonthPart), DateInput.Key(DateId, DateInput.YearPart),
            nameof(Summary), nameof(OutcomeWanted)], field);

    private static T Parse<T>(string? text) where T : struct, Enum =>
        text is { Length: > 0 } && !text.Trim().All(char.IsAsciiDigit) && Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value)
            ? value : (T)(object)(-1);
}
