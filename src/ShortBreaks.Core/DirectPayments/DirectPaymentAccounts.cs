namespace ShortBreaks.Core.DirectPayments;

/// <summary>What is entered for the account a direct payment is paid into: a bank account, or a prepaid card account's reference.</summary>
public sealed record AccountInput(DirectPaymentAccountKind? Kind, string? AccountName, string? SortCode, string? AccountNumber, string? CardReference);

/// <summary>An account as every page and answer shows it: never the full sort code, account number or card reference.</summary>
public sealed record MaskedAccount(
    Guid Id, DirectPaymentAccountKind Kind, string AccountName, string Details, DateTime CreatedAt, string CreatedByName, string? CreatedByUserId,
    DateTime? ConfirmedAt, string? ConfirmedByName, AccountConfirmation? ConfirmedBy, DateTime? ReplacedAt, long Version)
{
    public bool Confirmed => ConfirmedAt is not null;

    public static MaskedAccount Of(DirectPaymentAccount a) => new(
        a.Id, a.Kind, a.AccountName,
        a.Kind == DirectPaymentAccountKind.BankAccount
            ? $"Sort code {BankDetails.MaskSortCode(a.SortCode ?? "")}, account number {BankDetails.MaskAccountNumber(a.AccountNumber ?? "")}"
            : $"Card account {BankDetails.MaskCardReference(a.CardAccountReference ?? "")}",
        a.CreatedAt, a.CreatedByName, a.CreatedByUserId, a.ConfirmedAt, a.ConfirmedByName, a.ConfirmedBy, a.ReplacedAt, a.Version);
}

/// <summary>
/// The accounts a direct payment is paid into. A new account (the first, or a change) waits until it is confirmed with
/// the family by a second channel, by someone other than who entered it: the family in their online account for details
/// an officer entered, or an officer calling the family back on the number already on file. Until then the money keeps
/// going to the account confirmed before (or nowhere, for the first), so one person alone can never redirect it. Every
/// change is audited, with the details masked in the audit. <see cref="PayableAccountAsync"/> is what a payment run pays.
/// </summary>
public sealed class DirectPaymentAccounts(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    public const int AccountNameMaxLength = 200;
    public const int NoteMaxLength = 500;

    private static readonly CommandResult Conflict =
        CommandResult.Conflicted("Someone else changed the account details while you were working on them: check them again before you carry on.");

    /// <summary>
    /// The account a payment of this direct payment goes to now: the newest confirmed account not replaced since, or
    /// nothing (no account confirmed yet): a payment run never pays an unconfirmed account.
    /// </summary>
    public Task<DirectPaymentAccount?> PayableAccountAsync(Guid directPaymentId, CancellationToken ct = default) =>
        db.DirectPaymentAccounts.AsNoTracking()
            .Where(a => a.DirectPaymentId == directPaymentId && a.ConfirmedAt != null && a.ReplacedAt == null)
            .OrderByDescending(a => a.ConfirmedAt).FirstOrDefaultAsync(ct);

    /// <summary>Every account of the direct payment, newest first, masked.</summary>
    public async Task<List<MaskedAccount>> ListAsync(Guid directPaymentId, CancellationToken ct = default) =>
        (await db.DirectPaymentAccounts.AsNoTracking().Where(a => a.DirectPaymentId == directPaymentId).ToListAsync(ct))
        .OrderByDescending(a => a.CreatedAt).Select(MaskedAccount.Of).ToList();

    /// <summary>
    /// Enters a new account, checked for form (<see cref="BankDetails"/>; a card reference by the scheme's
    /// <see cref="PrepaidCardSettings"/>). It waits for confirmation; a newer entry withdraws an older one still waiting.
    /// </summary>
    public async Task<CommandResult> AddAsync(Guid directPaymentId, AccountInput input, long versionSeen, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.FirstOrDefaultAsync(d => d.Id == directPaymentId, ct);
        if (payment is null) return CommandResult.Fail("", "There is no such direct payment.");
        if (payment.State == DirectPaymentState.Ended) return CommandResult.Fail("", "This direct payment has ended: its account cannot change.");
        var errors = new List<FieldError>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(new("Kind", "Choose a bank account or a prepaid card account"));
        var name = input.AccountName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("AccountName", "Enter the name on the account"));
        else if (name.Length > AccountNameMaxLength) errors.Add(new("AccountName", $"The name on the account must be {AccountNameMaxLength} characters or fewer"));
        BankAccount? bank = null;
        PrepaidCardAccount? card = null;
        if (input.Kind == DirectPaymentAccountKind.BankAccount)
        {
            (bank, var problems) = BankDetails.Read(input.SortCode, input.AccountNumber);
            errors.AddRange(problems);
        }
        else if (input.Kind == DirectPaymentAccountKind.PrepaidCard)
        {
            var scheme = schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(db.Today);
            (card, var problems) = BankDetails.ReadCardReference(input.CardReference, scheme.DirectPaymentRules.PrepaidCard);
            errors.AddRange(problems);
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);
        if (payment.Version != versionSeen) return Conflict;

        db.ExpectVersion(payment, versionSeen);
        db.Entry(payment).State = EntityState.Modified; // two entries at once are kept apart by the direct payment's version
        foreach (var waiting in await db.DirectPaymentAccounts.Where(a => a.DirectPaymentId == payment.Id && a.ConfirmedAt == null && a.ReplacedAt == null).ToListAsync(ct))
            waiting.ReplacedAt = db.UtcNow;
        var account = new DirectPaymentAccount
        {
            DirectPaymentId = payment.Id,
            ChildId = payment.ChildId,
            Kind = input.Kind!.Value,
            AccountName = name!,
            SortCode = bank?.SortCode,
            AccountNumber = bank?.AccountNumber,
            CardAccountReference = card?.Reference,
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId,
            CreatedByName = db.Actor.Name,
        };
        db.DirectPaymentAccounts.Add(account);
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPayment, $"New account entered for {payment.Reference}, waiting to be confirmed with the family",
            $"{MaskedAccount.Of(account).Details}, entered by {db.Actor.Name}. Payments go to it only once it is confirmed by a second channel.");
        return await db.SaveOrConflictAsync(Conflict, ct);
    }

    /// <summary>
    /// Confirms an account waiting for it, by someone other than who entered it: the family in their account
    /// (<see cref="AccountConfirmation.FamilyInAccount"/>, for details an officer entered), or an officer recording a call
    /// back on the number on file. The account confirmed before it stops being paid.
    /// </summary>
    public async Task<CommandResult> ConfirmAsync(Guid accountId, AccountConfirmation how, string? note, long versionSeen, CancellationToken ct = default)
    {
        var account = await db.DirectPaymentAccounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return CommandResult.Fail("", "There is no such account.");
        if (account.Version != versionSeen) return Conflict;
        if (account.ConfirmedAt is not null) return CommandResult.Fail("", "This account is already confirmed.");
        if (account.ReplacedAt is not null) return CommandResult.Fail("", "Newer account details were entered after these: confirm those instead.");
        if (db.Actor.UserId is null || account.CreatedByUserId == db.Actor.UserId)
            return CommandResult.Fail("", "The account must be confirmed by someone other than the person who entered it, so that one person alone cannot change where the money goes.");
        if (!Enum.IsDefined(how)) return CommandResult.Fail("ConfirmedBy", "Choose how the account was confirmed");
        var recipient = await db.DirectPayments.Where(d => d.Id == account.DirectPaymentId).Select(d => d.RecipientUserId).FirstAsync(ct);
        // The family confirms in their account only as the recipient named in the agreement; anyone else confirming is an officer calling back.
        if (how == AccountConfirmation.FamilyInAccount && (recipient is null || recipient != db.Actor.UserId))
            return CommandResult.Fail("", "Only the person receiving the direct payment can confirm the account in their online account.");
        if (how == AccountConfirmation.CallBackToNumberOnFile && recipient == db.Actor.UserId)
            return CommandResult.Fail("", "Details you entered yourself are confirmed by your officer calling you back.");
        if (how == AccountConfirmation.CallBackToNumberOnFile && string.IsNullOrWhiteSpace(note))
            return CommandResult.Fail("Note", "Enter the number you called and who confirmed the details");
        if (note?.Trim().Length > NoteMaxLength) return CommandResult.Fail("Note", $"The note must be {NoteMaxLength} characters or fewer");

        db.ExpectVersion(account, versionSeen);
        account.ConfirmedAt = db.UtcNow;
        account.ConfirmedByUserId = db.Actor.UserId;
        account.ConfirmedByName = db.Actor.Name;
        account.ConfirmedBy = how;
        account.ConfirmationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        foreach (var older in await db.DirectPaymentAccounts.Where(a => a.DirectPaymentId == account.DirectPaymentId && a.Id != account.Id && a.ReplacedAt == null).ToListAsync(ct))
            older.ReplacedAt = db.UtcNow;
        var reference = await db.DirectPayments.Where(d => d.Id == account.DirectPaymentId).Select(d => d.Reference).FirstAsync(ct);
        db.AddTimeline(account.ChildId, TimelineKinds.DirectPayment, $"Account for {reference} confirmed: payments now go to it",
            $"{MaskedAccount.Of(account).Details}. " + (how == AccountConfirmation.FamilyInAccount
                ? $"Confirmed by {db.Actor.Name} in their online account."
                : $"Confirmed by {db.Actor.Name} calling the family back on the number on file: {account.ConfirmationNote}"));
        return await db.SaveOrConflictAsync(Conflict, ct);
    }
}
