namespace ShortBreaks.Web.Pages.Apply;

/// <summary>One answer on the check answers page: the question it belongs to and its value, line by line.</summary>
public sealed record AnswerRow(string Step, string Question, IReadOnlyList<string> Lines);

public class CheckAnswersModel(RequestService requests, Microsoft.AspNetCore.Identity.UserManager<ShortBreaks.Core.Identity.AppUser> users) : ApplyPageModel(requests)
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public override string Title => "Check your answers before sending the request";

    public IReadOnlyList<string> Missing { get; private set; } = [];

    public IReadOnlyList<EvidenceSummary> Files { get; private set; } = [];

    /// <summary>True when a family tried to send the request before confirming their email address.</summary>
    public bool EmailNotConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } refused) return refused;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } refused) return refused;
        if (!OnBehalf && await EmailConfirmation.NotConfirmedAsync(users, User))
        {
            EmailNotConfirmed = true;
            AddErrors([new FieldError("", EmailConfirmation.Message)]);
            await LoadAsync();
            return Page();
        }

        var sent = await Requests.SubmitAsync(Answers, HttpContext.RequestAborted);
        if (!sent.Succeeded)
        {
            AddErrors(sent.Errors);
            await LoadAsync();
            return Page();
        }

        // An officer taking a phone request goes on to work on it; a family is told what happens next.
        return Redirect(OnBehalf ? Links.StaffRequest(Id) : Links.ApplyConfirmation(Id));
    }

    private async Task LoadAsync()
    {
        Missing = RequestRules.MissingSteps(Answers, Scheme, Today);
        Files = await Requests.EvidenceAsync(Id, HttpContext.RequestAborted);
    }

    public string ChangeLink(string step) => Links.ApplyStep(Id, step, change: true);

    public IReadOnlyList<AnswerRow> Rows()
    {
        var r = Answers;
        var you = OnBehalf ? "The parent or carer" : "You";
        return
        [
            new(RequestSteps.ChildName, "Name", Lines(r.ChildName)),
            new(RequestSteps.DateOfBirth, "Date of birth", Lines(r.ChildDateOfBirth?.ToString("d MMMM yyyy", UkCulture))),
            new(RequestSteps.Address, "Address", Lines(r.AddressLine1, r.AddressLine2, r.Town, r.Postcode)),
            new(RequestSteps.School, "School or college", r.AttendsSchool switch
            {
                true => Lines(r.School is null ? "Yes" : $"Yes: {r.School}"),
                false => ["No"],
                null => [],
            }),
            new(RequestSteps.EhcPlan, "EHC plan", r.HasEhcPlan switch
            {
                true => Lines(r.EhcPlanReviewDate is { } review ? $"Yes, next reviewed on {review.ToString("d MMMM yyyy", UkCulture)}" : "Yes"),
                false => ["No"],
                null => [],
            }),
            new(RequestSteps.Needs, "What applies to the child", r.NeedIds switch
            {
                null => [],
                "" => ["None of these"],
                _ => r.NeedIdList.Select(id => Scheme.Eligibility.Needs.FirstOrDefault(n => n.Id == id)?.Question ?? id).ToList(),
            }),
            new(RequestSteps.Disability, "What the disability affects", CinDisabilityCodes.Parse(r.DisabilityCodes).Select(CinDisabilityCodes.FamilyWords).ToList()),
            new(RequestSteps.OwnWords, "In their own words", Lines((r.NeedsInOwnWords ?? "").Split('\n'))),
            new(RequestSteps.Contact, "Contact details", r.ContactName is null && r.PreferredContact is null ? [] : Lines(
                r.ContactName is null ? null : $"{r.ContactName} ({r.ContactRelationship})",
                r.ContactEmail, r.ContactPhone,
                r.PreferredContact is { } method ? $"Contact by {Method(method)}" : null)),
            new(RequestSteps.Siblings, "Brothers and sisters", r.SiblingCount is null ? [] : Lines(
                r.SiblingCount.Value.ToString(CultureInfo.InvariantCulture), r.SiblingDetails)),
            new(RequestSteps.Evidence, "Evidence", Files.Count > 0
                ? Files.Select(f => $"{f.FileName} ({Scheme.Eligibility.Evidence.FirstOrDefault(k => k.Id == f.KindId)?.Label ?? f.KindId})").ToList()
                : r.EvidenceStepDone == true ? ["To be sent later"] : []),
            new(RequestSteps.Consent, "Sharing information", r.ConsentToShare == true ? [$"{you} agreed"] : []),
        ];
    }

    private static string Method(ContactMethod method) => method switch
    {
        ContactMethod.Email => "email",
        ContactMethod.Phone => "telephone",
        _ => "post",
    };

    private static List<string> Lines(params IEnumerable<string?> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).ToList();
}
