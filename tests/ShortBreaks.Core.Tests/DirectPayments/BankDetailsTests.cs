using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.DirectPayments;

public sealed class BankDetailsTests
{
    private static readonly PrepaidCardSettings Cards = DirectPaymentSettings.Defaults.PrepaidCard;

    [Theory]
    [InlineData("123456")]
    [InlineData("12-34-56")]
    [InlineData("12 34 56")]
    [InlineData(" 12 - 34 - 56 ")]
    [InlineData("12\u201334\u201356")]
    public void ASortCode_IsReadWithOrWithoutHyphensAndSpaces(string typed)
    {
        var (account, errors) = BankDetails.Read(typed, "12345678");

        errors.ShouldBeEmpty();
        account!.SortCode.ShouldBe("123456");
    }

    [Theory]
    [InlineData(null, "Enter a sort code")]
    [InlineData("  ", "Enter a sort code")]
    [InlineData("12-34-5", "Sort code must be 6 digits long")]
    [InlineData("1234567", "Sort code must be 6 digits long")]
    [InlineData("12.34.56", "Enter a valid sort code like 309430")]
    [InlineData("12-34-5O", "Enter a valid sort code like 309430")]
    [InlineData("١٢٣٤٥٦", "Enter a valid sort code like 309430")]
    public void ASortCodeOfTheWrongForm_IsRefusedWithTheGovUkMessage(string? typed, string message) =>
        BankDetails.Read(typed, "12345678").Errors.ShouldBe([new FieldError("SortCode", message)]);

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("1234 5678", "12345678")]
    [InlineData("1234567", "01234567")]
    [InlineData("123456", "00123456")]
    [InlineData("00733445", "00733445")]
    public void AnAccountNumber_IsEightDigits_ASixOrSevenDigitNumberPaddedWithZerosInFront(string typed, string kept) =>
        BankDetails.Read("309430", typed).Account!.AccountNumber.ShouldBe(kept);

    [Theory]
    [InlineData("", "Enter an account number")]
    [InlineData("12345", "Account number must be between 6 and 8 digits")]
    [InlineData("123456789", "Account number must be between 6 and 8 digits")]
    [InlineData("1234567X", "Enter a valid account number like 00733445")]
    public void AnAccountNumberOfTheWrongForm_IsRefusedWithTheGovUkMessage(string typed, string message) =>
        BankDetails.Read("309430", typed).Errors.ShouldBe([new FieldError("AccountNumber", message)]);

    [Fact]
    public void BothWrong_AreRefusedTogether_InTheOrderOfTheForm()
    {
        var (account, errors) = BankDetails.Read("", "abc");

        account.ShouldBeNull();
        errors.ShouldBe([new FieldError("SortCode", "Enter a sort code"), new FieldError("AccountNumber", "Enter a valid account number like 00733445")]);
    }

    [Fact]
    public void ABankAccount_IsOnlyEverShownMasked()
    {
        var account = BankDetails.Read("12-34-56", "87651234").Account!;

        account.MaskedSortCode.ShouldBe("**-**-56");
        account.MaskedAccountNumber.ShouldBe("****1234");
        account.ToString().ShouldBe("**-**-56 ****1234");
        $"{account}".ShouldNotContain("8765");
        $"{account}".ShouldNotContain("1234-5");
        System.Text.Json.JsonSerializer.Serialize(account).ShouldBe("""{"MaskedSortCode":"**-**-56","MaskedAccountNumber":"****1234"}""");
        BankDetails.MaskSortCode("12-34-56").ShouldBe("**-**-56");
        BankDetails.MaskAccountNumber("0123 4567").ShouldBe("****4567");
    }

    [Fact]
    public void MaskingAValueTooShortToBeReal_ShowsNoneOfIt()
    {
        BankDetails.MaskSortCode("56").ShouldBe("**-**-");
        BankDetails.MaskAccountNumber("1234").ShouldBe("****");
    }

    [Theory]
    [InlineData("AB123456", "AB123456")]
    [InlineData("ab-1234 56", "AB123456")]
    [InlineData("00012345678901234567", "00012345678901234567")]
    public void ACardAccountReference_IsLettersAndDigits_KeptInCapitals(string typed, string kept)
    {
        var (card, errors) = BankDetails.ReadCardReference(typed, Cards);

        errors.ShouldBeEmpty();
        card!.Reference.ShouldBe(kept);
    }

    [Theory]
    [InlineData("", "Enter the card account reference")]
    [InlineData("AB123", "Card account reference must be between 6 and 20 characters")]
    [InlineData("123456789012345678901", "Card account reference must be between 6 and 20 characters")]
    [InlineData("AB12/3456", "Card account reference must only include letters a to z and numbers")]
    [InlineData("4111 1111 1111 1111", "Enter the card account reference, not the long number on the front of the card")]
    [InlineData("5555-5555-5555-4444", "Enter the card account reference, not the long number on the front of the card")]
    public void ACardAccountReferenceOfTheWrongForm_IsRefused(string typed, string message) =>
        BankDetails.ReadCardReference(typed, Cards).Errors.ShouldBe([new FieldError("CardReference", message)]);

    [Fact]
    public void TheCardReferencesForm_FollowsTheScheme()
    {
        var digitsOnly = new PrepaidCardSettings { ReferenceMinimumLength = 10, ReferenceMaximumLength = 10, ReferenceLettersAllowed = false };

        BankDetails.ReadCardReference("AB12345678", digitsOnly).Errors.ShouldBe([new FieldError("CardReference", "Card account reference must only include numbers")]);
        BankDetails.ReadCardReference("123456789", digitsOnly).Errors.ShouldBe([new FieldError("CardReference", "Card account reference must be 10 characters long")]);
        BankDetails.ReadCardReference("1234567890", digitsOnly).Account!.Reference.ShouldBe("1234567890");

        // A 16-digit number that fails the card check digit is a reference, and so is one a council says never to check.
        BankDetails.ReadCardReference("4111111111111112", Cards).Errors.ShouldBeEmpty();
        BankDetails.ReadCardReference("4111111111111111", Cards with { RefuseCardNumbers = false }).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ACardAccount_IsOnlyEverShownMasked()
    {
        var card = BankDetails.ReadCardReference("ab123456", Cards).Account!;

        card.MaskedReference.ShouldBe("****3456");
        card.ToString().ShouldBe("****3456");
        System.Text.Json.JsonSerializer.Serialize(card).ShouldBe("""{"MaskedReference":"****3456"}""");
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("2223003122003222", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("6011111111111117", false)]
    [InlineData("411111111111111", false)]
    public void CardNumbers_AreRecognisedByTheirStartAndCheckDigit(string digits, bool card) =>
        BankDetails.LooksLikeCardNumber(digits).ShouldBe(card);
}
