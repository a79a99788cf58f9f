namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>A letter to the family, printable. Only for an account linked to the letter's child, and only if meant for the family.</summary>
[NoStore]
[ChildAccess(ChildRecordKind.Letter, "letterId")]
public class LetterModel(ShortBreaksDbContext db, ShortBreaks.Core.Schemes.SchemeCatalog schemes) : GovukPageModel
{
    public override string Title => Letter.Title;

    public Letter Letter { get; private set; } = null!;

    // Without a POST handler, Razor Pages would render the page for a POST without running OnGet.
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(Guid letterId)
    {
        ClearBindingErrors();
        if (await FindAsync(letterId, "Read by the family") is not { } letter) return NotFound();
        Letter = letter;
        return Page();
    }

    /// <summary>The same letter as a PDF to keep or print.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid letterId)
    {
        if (await FindAsync(letterId, "Downloaded as PDF by the family") is not { } letter) return NotFound();
        return LetterFiles.Pdf(letter, schemes.InForceOn(UkCalendar.DateOf(letter.CreatedAt)));
    }

    private async Task<Letter?> FindAsync(Guid letterId, string how)
    {
        // Whose letters these are is checked before the page runs ([ChildAccess]); a family reads only those meant for them.
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId, HttpContext.RequestAborted);
        if (letter is null || !FamilyView.SeesLetter(letter.VisibleToFamily)) return null;
        db.RecordView(nameof(Core.Letters.Letter), letter.Id.ToString(), letter.ChildId, how);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return letter;
    }
}
