using ShortBreaks.Core.SubjectAccess;

namespace ShortBreaks.Web.Pages.Staff.SubjectAccess;

/// <summary>An administrator logs a subject access request: about whom, who asked, how their identity was checked, and when it came.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(SubjectAccessService subjectAccess) : GovukPageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? ChildReference { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? RequestedBy { get; set; }
    [BindProperty] public string? IdentityCheck { get; set; }
    [BindProperty(Name = "ReceivedOn")] public DateBoxes ReceivedOn { get; set; } = new();

    public override string Title => "Log a subject access request";

    public string? DateError => ErrorFor(DateInput.Key("ReceivedOn", DateInput.DayPart)) ?? ErrorFor(DateInput.Key("ReceivedOn", DateInput.MonthPart)) ?? ErrorFor(DateInput.Key("ReceivedOn", DateInput.YearPart));

    public void OnGet() => ReceivedOn = DateBoxes.Of(subjectAccess.Today);

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var (date, dateError) = ReceivedOn.Read("ReceivedOn", "The date the request was received");
        var details = new SubjectAccessDetails(Subject, ChildReference, Email, RequestedBy, IdentityCheck, date);
        var (logged, result) = await subjectAccess.LogAsync(details, HttpContext.RequestAborted);
        if (dateError is null && result.Succeeded) return Redirect(Links.StaffSubjectAccessRequest(logged!.Id, done: "logged"));

        var errors = result.Errors.Where(e => dateError is null || e.Field != nameof(SubjectAccessDetails.ReceivedOn))
            .Select(e => e.Field == nameof(SubjectAccessDetails.Subject) ? e with { Field = "Subject-child" } : e).ToList();
        if (dateError is not null) errors.Add(dateError); // the date is the form's last question
        AddErrors(ReceivedOn.KeyRuleErrors(errors, nameof(SubjectAccessDetails.ReceivedOn)));
        return Page();
    }
}
