namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>
/// A child's emergency contacts (at least one, in the order to call them) and arrangements (medication, collection,
/// routines), changed by an officer or manager on the child's record and shown to the providers delivering the
/// child's live packages. Without script: "Add another contact" and "Remove" post back and keep what was typed. Two
/// people changing them at once: the second is told and keeps what they typed. Every view and change is audited.
/// </summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Child, "id")]
public sealed class ArrangementsModel(ShortBreaksDbContext db, ChildArrangements arrangements) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<ContactRow> Contacts { get; set; } = [];
    [BindProperty] public string? Arrangements { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    /// <summary>"add" for another contact row, "remove-N" to take row N away; anything else saves.</summary>
    [BindProperty] public string? Action { get; set; }

    public override string Title => "Emergency contacts and arrangements";

    public Child Child { get; private set; } = null!;

    public sealed class ContactRow
    {
        public string? Name { get; set; }
        public string? Relationship { get; set; }
        public string? Phone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await LoadAsync();
        if (view is null) return NotFound();
        SeenVersion = view.Child.Version;
        Arrangements = view.Child.Arrangements;
        Contacts = [.. view.Contacts.Select(c => new ContactRow { Name = c.Name, Relationship = c.Relationship, Phone = c.Phone })];
        if (Contacts.Count == 0) Contacts.Add(new ContactRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync() is null) return NotFound();
        Contacts = [.. Contacts.Take(ChildArrangements.MostContacts + 1).Select(c => c ?? new ContactRow())];
        if (Action == "add")
        {
            if (Contacts.Count < ChildArrangements.MostContacts) Contacts.Add(new ContactRow());
            else AddErrors([new FieldError("add-contact", $"Enter up to {ChildArrangements.MostContacts} emergency contacts")]);
            return Page();
        }

        if (Action is { } action && action.StartsWith("remove-", StringComparison.Ordinal))
        {
            if (int.TryParse(action.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < Contacts.Count) Contacts.RemoveAt(index);
            if (Contacts.Count == 0) Contacts.Add(new ContactRow());
            return Page();
        }

        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var input = Contacts.Select(c => new EmergencyContactInput(c.Name, c.Relationship, c.Phone)).ToList();
        var result = await arrangements.SaveAsync(Id, input, Arrangements, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffChild(Id) + "#arrangements");
        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<ChildArrangementsView?> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var view = await arrangements.ForAsync(Id, ct);
        if (view is null) return null;
        Child = view.Child;

        // The page shows the child's name and their contacts: a view of their record like any other.
        db.RecordView(nameof(Child), Id.ToString(), Id, "emergency contacts and arrangements page");
        await db.SaveChangesAsync(ct);
        return view;
    }
}
