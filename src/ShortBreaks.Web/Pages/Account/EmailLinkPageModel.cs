namespace ShortBreaks.Web.Pages.Account;

/// <summary>A page opened from the link in an account email, which carries the account's id and a token.</summary>
public abstract class EmailLinkPageModel : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }

    /// <summary>The token, Base64Url-encoded so that it survives in the address.</summary>
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    /// <summary>The token the link carries, or null when it has none or it was mangled on the way.</summary>
    protected string? Token()
    {
        if (string.IsNullOrEmpty(Code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
