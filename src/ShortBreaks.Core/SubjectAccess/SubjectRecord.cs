namespace ShortBreaks.Core.SubjectAccess;

/// <summary>Why an item is listed for review before release: it is, or may be, about someone other than the subject.</summary>
public enum ReviewReason
{
    /// <summary>Another family member's details: another linked account, siblings named in answers, a contact on a request.</summary>
    OtherFamilyMember,

    /// <summary>Words written by staff about the case: reasons, notes and comments (see <see cref="SubjectGathering"/>).</summary>
    StaffComment,

    /// <summary>A file that may have been written by someone else: a letter from a school, a doctor or a therapist.</summary>
    ThirdPartyEvidence,

    /// <summary>A child's record found through a family member's account: about the child, answered separately.</summary>
    AnotherSubjectsRecord,
}

/// <summary>Something the administrator must include, redact or withhold before release.</summary>
/// <param name="Key">Stable across gatherings: the kind of record, its id and (for one field) the field's name.</param>
/// <param name="Description">What the item is, without its words: the archive's index lists a withheld item by it.</param>
/// <param name="Text">The item's words (or a file's name), for the administrator; removed wherever they recur once redacted or withheld.</param>
/// <param name="IsFile">A file cannot be redacted here: it is included or withheld.</param>
public sealed record ReviewItem(string Key, ReviewReason Why, string Section, string Description, string? Text, bool IsFile = false)
{
    public static string Explain(ReviewReason why) => why switch
    {
        ReviewReason.OtherFamilyMember => "About another family member",
        ReviewReason.StaffComment => "Written by staff",
        ReviewReason.ThirdPartyEvidence => "Evidence that may come from someone else",
        ReviewReason.AnotherSubjectsRecord => "Another person's record",
        _ => why.ToString(),
    };
}

/// <summary>One field of a record as a person reads it, and the review item it is when it is about someone else.</summary>
public sealed record RecordField(string Label, string? Value, ReviewItem? Review = null);

/// <summary>One row of a table (a request, a decision, a plan version), as a heading and its fields.</summary>
public sealed record RecordEntry(string Id, string Heading, IReadOnlyList<RecordField> Fields, ReviewItem? Review = null);

/// <summary>A section of the archive: the rows of one table that are about the subject.</summary>
/// <param name="Table">The data set the rows come from (the DbSet's name), for counts and checks.</param>
public sealed record RecordSection(string Id, string Title, string Table, IReadOnlyList<RecordEntry> Entries);

/// <summary>A letter kept on the record, put in the archive as the PDF the family was sent.</summary>
public sealed record LetterItem(Guid Id, string Title, DateTime CreatedAt, bool SentToFamily, ReviewItem? Review);

/// <summary>A stored file (evidence, a signed paper copy of a plan), put in the archive with its original bytes.</summary>
/// <param name="Source">The table that holds the bytes: <c>EvidenceDocuments</c>, <c>FamilyAgreementsOnBehalf</c> or <c>MonitoringReturnEvidence</c>.</param>
public sealed record FileItem(Guid Id, string Source, string FileName, string ContentType, long SizeBytes, DateTime AddedAt, string About, ReviewItem? Review);

/// <summary>
/// Everything the service holds about one subject, gathered for review and release. The files' bytes, the letters'
/// PDFs and the audit are not held here: the archive reads them one at a time as it writes them.
/// </summary>
public sealed class SubjectRecord
{
    public required SubjectKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Reference { get; init; }
    public Guid? ChildId { get; init; }
    public string? UserId { get; init; }

    public required IReadOnlyList<RecordSection> Sections { get; init; }
    public required IReadOnlyList<LetterItem> Letters { get; init; }
    public required IReadOnlyList<FileItem> Files { get; init; }

    /// <summary>How many audit entries the archive's audit file holds (read again when it is written).</summary>
    public required int AuditCount { get; init; }

    /// <summary>Rows found per table (the DbSet's name), including the audit, letters and files.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>Every item to be decided before release, in the order they appear.</summary>
    public IReadOnlyList<ReviewItem> ReviewItems =>
        Sections.SelectMany(s => s.Entries.SelectMany(e => (e.Review is { } r ? [r] : Array.Empty<ReviewItem>()).Concat(e.Fields.Where(f => f.Review is not null).Select(f => f.Review!))))
            .Concat(Letters.Where(l => l.Review is not null).Select(l => l.Review!))
            .Concat(Files.Where(f => f.Review is not null).Select(f => f.Review!))
            .ToList();
}
