using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>The organisation's answers to the scheme's framework criteria, all on one page, saved as they are (blank ones stay to do).</summary>
public sealed class CriteriaModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "The framework's questions";

    public Dictionary<string, string?> Answers { get; private set; } = [];

    public static string FieldName(FrameworkCriterion criterion) => "answer-" + criterion.Id;

    public void OnGet() =>
        Answers = Settings.FrameworkCriteria.ToDictionary(c => c.Id, c => Record.Application?.Answers.FirstOrDefault(a => a.CriterionId == c.Id)?.Answer);

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        Answers = Settings.FrameworkCriteria.ToDictionary(c => c.Id, c => (string?)Request.Form[FieldName(c)].FirstOrDefault());
        var result = await Framework.SaveAnswersAsync(Member.OrganisationId, Answers, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect(Links.ProviderApplication(saved: "criteria")) : await ShowAgainAsync(result);
    }
}
