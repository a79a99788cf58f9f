namespace ShortBreaks.Core.DirectPayments;

/// <summary>
/// A designated UK bank account, as the service keeps it: the sort code's six digits and the account number's eight.
/// Shown only masked (<see cref="MaskedSortCode"/>, <see cref="MaskedAccountNumber"/>, <see cref="ToString"/>, and as
/// JSON, which carries only the masked members); the digits themselves go only to storage and the payment file.
/// </summary>
public sealed record BankAccount
{
    internal BankAccount(string sortCode, string accountNumber)
    {
        SortCode = sortCode;
        AccountNumber = accountNumber;
    }

    /// <summary>Six digits, no hyphens. For storage and the payment file only: never show it (left out of JSON).</summary>
    [JsonIgnore] public string SortCode { get; }

    /// <summary>Eight digits. For storage and the payment file only: never show it (left out of JSON).</summary>
    [JsonIgnore] public string AccountNumber { get; }

    /// <summary>"**-**-56".</summary>
    public string MaskedSortCode => BankDetails.MaskSortCode(SortCode);

    /// <summary>"****1234".</summary>
    public string MaskedAccountNumber => BankDetails.MaskAccountNumber(AccountNumber);

    /// <summary>"**-**-56 ****1234": a bank account written anywhere (a log, a page, an exception) is masked.</summary>
    public override string ToString() => $"{MaskedSortCode} {MaskedAccountNumber}";
}

/// <summary>A prepaid card account, by the reference the card provider gives it. Shown only masked, like a bank account.</summary>
public sealed record PrepaidCardAccount
{
    internal PrepaidCardAccount(string reference) => Reference = reference;

    /// <summary>Letters (capitals) and digits. For storage and the payment file only: never show it (left out of JSON).</summary>
    [JsonIgnore] public string Reference { get; }

    /// <summary>"****1234".</summary>
    public string MaskedReference => BankDetails.MaskCardReference(Reference);

    public override string ToString() => MaskedReference;
}

/// <summary>
/// Reading bank and prepaid card details as people type them, for form only (the digits are not checked with the bank:
/// no modulus check), with the GOV.UK bank details pattern's messages; and masking, the only way they are shown.
/// <para>
/// A sort code is six digits, typed with or without hyphens or spaces ("12-34-56", "12 34 56", "123456"). An account
/// number is six to eight digits, spaces and hyphens ignored; a six or seven digit number is padded with zeros in front
/// to eight, as banks do for older accounts ("1234567" is kept as "01234567"). Nine and ten digit numbers (some building
/// societies and National Savings) are refused: the bank gives such accounts an eight digit number for payments.
/// </para>
/// </summary>
public static class BankDetails
{
    /// <summary>The bank account typed, or every problem with it by field (<c>SortCode</c>, <c>AccountNumber</c>).</summary>
    public static (BankAccount? Account, IReadOnlyList<FieldError> Errors) Read(string? sortCode, string? accountNumber)
    {
        var errors = new List<FieldError>();
        var code = Tidy(sortCode);
        if (code.Length == 0) errors.Add(new("SortCode", "Enter a sort code"));
        else if (!code.All(char.IsAsciiDigit)) errors.Add(new("SortCode", "Enter a valid sort code like 309430"));
        else if (code.Length != 6) errors.Add(new("SortCode", "Sort code must be 6 digits long"));

        var number = Tidy(accountNumber);
        if (number.Length == 0) errors.Add(new("AccountNumber", "Enter an account number"));
        else if (!number.All(char.IsAsciiDigit)) errors.Add(new("AccountNumber", "Enter a valid account number like 00733445"));
        else if (number.Length is < 6 or > 8) errors.Add(new("AccountNumber", "Account number must be between 6 and 8 digits"));

        return errors.Count > 0 ? (null, errors) : (new BankAccount(code, number.PadLeft(8, '0')), errors);
    }

    /// <summary>
    /// The prepaid card account reference typed, or the problem with it (field <c>CardReference</c>), by the scheme's
    /// <see cref="PrepaidCardSettings"/>. The long number on the front of a card is refused when the settings say so:
    /// the service must never hold card numbers.
    /// </summary>
    public static (PrepaidCardAccount? Account, IReadOnlyList<FieldError> Errors) ReadCardReference(string? reference, PrepaidCardSettings settings)
    {
        var tidy = Tidy(reference).ToUpperInvariant();
        var problem = CardReferenceProblem(tidy, settings);
        return problem is null ? (new PrepaidCardAccount(tidy), []) : (null, [new FieldError("CardReference", problem)]);
    }

    private static string? CardReferenceProblem(string tidy, PrepaidCardSettings settings)
    {
        if (tidy.Length == 0) return "Enter the card account reference";
        if (!tidy.All(c => char.IsAsciiDigit(c) || (settings.ReferenceLettersAllowed && char.IsAsciiLetterUpper(c))))
            return settings.ReferenceLettersAllowed ? "Card account reference must only include letters a to z and numbers" : "Card account reference must only include numbers";
        if (settings.RefuseCardNumbers && LooksLikeCardNumber(tidy)) return "Enter the card account reference, not the long number on the front of the card";
        if (tidy.Length >= settings.ReferenceMinimumLength && tidy.Length <= settings.ReferenceMaximumLength) return null;
        return settings.ReferenceMinimumLength == settings.ReferenceMaximumLength
            ? $"Card account reference must be {settings.ReferenceMinimumLength} characters long"
            : $"Card account reference must be between {settings.ReferenceMinimumLength} and {settings.ReferenceMaximumLength} characters";
    }

    /// <summary>"**-**-56": only the last two digits of a sort code are shown.</summary>
    public static string MaskSortCode(string sortCode) => "**-**-" + Last(Tidy(sortCode), 2);

    /// <summary>"****1234": only the last four digits of an account number are shown.</summary>
    public static string MaskAccountNumber(string accountNumber) => "****" + Last(Tidy(accountNumber), 4);

    /// <summary>"****1234": only the last four characters of a card account reference are shown.</summary>
    public static string MaskCardReference(string reference) => "****" + Last(Tidy(reference).ToUpperInvariant(), 4);

    /// <summary>
    /// A 16-digit number starting as Visa (4) and Mastercard (2 or 5) card numbers do, with a valid Luhn check digit:
    /// almost certainly the number on the front of a card.
    /// </summary>
    public static bool LooksLikeCardNumber(string digits)
    {
        if (digits.Length != 16 || !digits.All(char.IsAsciiDigit) || digits[0] is not ('2' or '4' or '5')) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[^(i + 1)] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }

        return sum % 10 == 0;
    }

    // Never more than half of a short value is shown.
    private static string Last(string value, int count) => value.Length >= count * 2 ? value[^count..] : "";

    /// <summary>Without spaces and hyphens (and the dashes a pasted value may hold).</summary>
    private static string Tidy(string? value) =>
        string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212')));
}
