namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>A child's record and timeline. Every view is audited (by <see cref="ChildService.ViewAsync"/>).</summary>
[ChildAccess(ChildRecordKind.Child, "id")]
public class RecordModel(ChildService children, ShortBreaksDbContext db, RequestService requests, ShortBreaks.Core.Providers.DeliveryReturnService deliveries,
    ChildArrangements arrangements) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The reference of a record just merged into this one, for the success banner.</summary>
    [BindProperty(SupportsGet = true)] public string? Merged { get; set; }

    public override string Title => Record is null ? "Child's record" : Record.Child.FullName;

    public ChildRecord Record { get; private set; } = null!;

    /// <summary>When this record was merged into another: the record that stays.</summary>
    public (Guid Id, string Reference, string Name)? MergedInto { get; private set; }

    public string? MergedReference { get; private set; }

    public IReadOnlyList<ShortBreaks.Web.Pages.Ras.RasAssessmentListItem> RasAssessments { get; private set; } = [];

    public DateOnly Today => requests.Today;

    /// <summary>The child's provider packages, agreed against delivered on each line.</summary>
    public IReadOnlyList<ShortBreaks.Core.Providers.PackageDelivery> Deliveries { get; private set; } = [];
    /// <summary>Packages a provider declined and nobody has brokered again: the officer is told here as well as by email.</summary>
    public int DeclinedPackages { get; private set; }

    /// <summary>The emergency contacts staff keep on the record, in the order to call them.</summary>
    public IReadOnlyList<ChildEmergencyContact> EmergencyContacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var record = await children.ViewAsync(Id, ct);
        if (record is null) return NotFound();
        Record = record;

        if (record.Child.MergedIntoChildId is { } survivorId)
        {
            var survivor = await db.Children.AsNoTracking().Where(c => c.Id == survivorId)
                .Select(c => new { c.Id, c.Reference, Name = c.FirstName + " " + c.LastName }).FirstOrDefaultAsync(ct);
            if (survivor is not null) MergedInto = (survivor.Id, survivor.Reference, survivor.Name);
        }

        RasAssessments = await ShortBreaks.Web.Pages.Ras.RasAssessmentList.ForChildAsync(db, Id, ct);
        Deliveries = await deliveries.DeliveredAgainstAgreedAsync(Id, organisationId: null, ct);
        EmergencyContacts = await arrangements.ContactsAsync(Id, ct);
        DeclinedPackages = await db.Packages.CountAsync(p => p.ChildId == Id && p.State == Core.Providers.PackageState.Declined && p.ReplacedByPackageId == null, ct);
        MergedReference = References.Normalise(Merged) is { } merged && merged.StartsWith('C') ? merged : null;
        return Page();
    }

    /// <summary>The disability codes on the record, read leniently so one odd value cannot stop the page.</summary>
    public IReadOnlyList<CinDisabilityCode> DisabilityCodes =>
        Record.Child.DisabilityCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(StaffDisplay.ParseName<CinDisabilityCode>).OfType<CinDisabilityCode>().ToList();
}
