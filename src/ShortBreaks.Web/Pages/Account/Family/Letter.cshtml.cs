using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Letters;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>A letter to the family, printable. Only for an account linked to the letter's child, and only if meant for the family.</summary>
public class LetterModel(ShortBreaksDbContext db) : GovukPageModel
{
    public override string Title => Letter.Title;

    public Letter Letter { get; private set; } = null!;

    // Without a POST handler, Razor Pages would render the page for a POST without running OnGet.
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(Guid letterId)
    {
        ClearBindingErrors();
        var userId = User.UserId();
        var letter = await db.Letters.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == letterId && l.VisibleToFamily && db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == l.ChildId),
                HttpContext.RequestAborted);
        if (letter is null) return NotFound();

        db.RecordView(nameof(Core.Letters.Letter), letter.Id.ToString(), letter.ChildId, "Read by the family");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        Letter = letter;
        return Page();
    }
}
