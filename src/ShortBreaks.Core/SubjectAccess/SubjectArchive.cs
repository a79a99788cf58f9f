using System.IO.Compression;

namespace ShortBreaks.Core.SubjectAccess;

/// <summary>Who the archive answers, printed at the top of its index page.</summary>
public sealed record ArchiveHeading(string CouncilName, string RequestedBy, DateOnly ReceivedOn, DateTime ReleasedAt, string ReleasedBy);

/// <summary>One file of the archive with its size and SHA-256 checksum (lower-case hex).</summary>
public sealed record ArchiveFile(string Path, long Bytes, string Sha256);

/// <summary>What an archive holds: every file but the manifest itself, and the rows per table.</summary>
public sealed record ArchiveManifest(IReadOnlyList<ArchiveFile> Files, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Writes the answer to a subject access request as one ZIP, entry by entry to the stream it is given, so only one
/// file (an evidence file's bytes, a letter's PDF, one page of the records) is held at a time; the audit is read from
/// the database as it is written. Inside: <c>index.html</c> (a plain page a person reads offline, with a table of
/// contents, a link to every file, and what was redacted or withheld and why, never its words), the records as HTML
/// pages and as JSON, letters as the PDFs the family was sent, evidence files under their original names, the
/// timeline, the audit, and <c>manifest.json</c> with counts and SHA-256 checksums.
/// </summary>
public sealed partial class SubjectArchive(ShortBreaksDbContext db, SubjectGathering gathering, SchemeCatalog schemes)
{
    public const string IndexPath = "index.html";
    public const string ManifestPath = "manifest.json";

    private const int AuditBatch = 500;

    public async Task<ArchiveManifest> WriteAsync(SubjectRecord subject, Redaction redaction, ArchiveHeading heading, Stream output, CancellationToken ct = default)
    {
        var written = new List<ArchiveFile>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { IndexPath, ManifestPath };
            string Unique(string folder, string name)
            {
                var stem = Path.GetFileNameWithoutExtension(name);
                var extension = Path.GetExtension(name);
                var path = $"{folder}/{name}";
                for (var i = 2; !names.Add(path); i++) path = $"{folder}/{stem}-{i}{extension}";
                return path;
            }

            void Put(string path, byte[] bytes)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(heading.ReleasedAt, DateTimeKind.Utc));
                using var stream = entry.Open();
                stream.Write(bytes);
                written.Add(new ArchiveFile(path, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }

            async Task PutStreamedAsync(string path, Func<Stream, Task> write)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(heading.ReleasedAt, DateTimeKind.Utc));
                await using var stream = new HashingStream(entry.Open());
                await write(stream);
                await stream.FlushAsync(ct);
                written.Add(new ArchiveFile(path, stream.Length, stream.Hash()));
            }

            // The records, one page per section, and the same as JSON.
            var pages = new List<(RecordSection Section, string Path)>();
            foreach (var section in subject.Sections)
            {
                var path = Unique("records", $"{section.Id}.html");
                Put(path, Encoding.UTF8.GetBytes(SectionPage(subject, section, redaction)));
                pages.Add((section, path));
            }

            // Letters as sent, each rendered in turn.
            var letters = new List<(LetterItem Letter, string Path)>();
            foreach (var letter in subject.Letters.Where(l => l.Review is null || redaction.ChoiceFor(l.Review) == ReleaseChoice.Include))
            {
                var body = await db.Letters.AsNoTracking().Where(l => l.Id == letter.Id).Select(l => l.BodyHtml).FirstAsync(ct);
                var council = schemes.InForceOn(UkCalendar.DateOf(letter.CreatedAt)).Council;
                var pdf = LetterPdf.Render(redaction.Apply(letter.Title), redaction.Apply(body),
                    new LetterHeading(council.Name, council.ServiceName, council.ContactEmail, council.ContactPhone), letter.CreatedAt);
                var path = Unique("letters", $"{UkCalendar.DateOf(letter.CreatedAt):yyyy-MM-dd}-{SafeName(letter.Title, "letter")}.pdf");
                Put(path, pdf);
                letters.Add((letter, path));
            }

            // Stored files with their original bytes, one at a time.
            var files = new List<(FileItem File, string Path)>();
            foreach (var file in subject.Files.Where(f => f.Review is null || redaction.ChoiceFor(f.Review) == ReleaseChoice.Include))
            {
                var bytes = file.Source == nameof(db.FamilyAgreementsOnBehalf)
                    ? await db.FamilyAgreementsOnBehalf.AsNoTracking().Where(a => a.Id == file.Id).Select(a => a.Content).FirstAsync(ct) ?? []
                    : file.Source == nameof(db.MonitoringReturnEvidence)
                        ? await db.MonitoringReturnEvidence.AsNoTracking().Where(e => e.Id == file.Id).Select(e => e.Content).FirstAsync(ct)
                        : await db.EvidenceDocuments.AsNoTracking().Where(d => d.Id == file.Id).Select(d => d.Content).FirstAsync(ct);
                var path = Unique("files", SafeName(file.FileName, "file"));
                Put(path, bytes);
                files.Add((file, path));
            }

            // The audit, read in batches as it is written: as a page and as JSON.
            const string auditPage = "audit/audit.html", auditJson = "audit/audit.json";
            await PutStreamedAsync(auditPage, s => WriteAuditPageAsync(subject, redaction, s, ct));
            await PutStreamedAsync(auditJson, s => WriteAuditJsonAsync(subject, redaction, s, ct));
            const string recordsJson = "records/records.json";
            Put(recordsJson, RecordsJson(subject, redaction, heading, letters, files));

            Put(IndexPath, Encoding.UTF8.GetBytes(IndexPage(subject, redaction, heading, pages, recordsJson, letters, files, auditPage, auditJson)));

            var counts = new SortedDictionary<string, int>(subject.Counts.ToDictionary(), StringComparer.Ordinal);
            var manifest = JsonSerializer.SerializeToUtf8Bytes(new
            {
                subject = new { kind = subject.Kind.ToString(), reference = subject.Reference },
                releasedAt = heading.ReleasedAt,
                releasedBy = heading.ReleasedBy,
                counts,
                letters = letters.Count,
                files = files.Count,
                withheld = subject.ReviewItems.Count(i => redaction.ChoiceFor(i) != ReleaseChoice.Include),
                checksums = written.Select(f => new { path = f.Path, bytes = f.Bytes, sha256 = f.Sha256 }),
            }, ManifestJson);
            var manifestEntry = zip.CreateEntry(ManifestPath, CompressionLevel.Optimal);
            manifestEntry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(heading.ReleasedAt, DateTimeKind.Utc));
            await using (var stream = manifestEntry.Open()) await stream.WriteAsync(manifest, ct);
        }

        return new ArchiveManifest(written, subject.Counts);
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    // ---- pages --------------------------------------------------------------------------------------------------

    private static string Page(string title, string body, bool inFolder) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html(title)}}</title>
        <style>
        body { font-family: Arial, Helvetica, sans-serif; font-size: 1.1rem; line-height: 1.5; color: #0b0c0c; margin: 0 auto; max-width: 60rem; padding: 1rem; }
        a { color: #1d70b8; } a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.6rem 0.4rem 0; }
        dt { font-weight: bold; } dd { margin: 0 0 0.6rem 0; white-space: pre-line; }
        .staff { font-weight: normal; font-style: italic; }
        </style>
        </head>
        <body>
        {{(inFolder ? $"<p><a href=\"../{IndexPath}\">Back to the contents of this archive</a></p>" : "")}}
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;

    private static string SectionPage(SubjectRecord subject, RecordSection section, Redaction redaction)
    {
        var b = new StringBuilder();
        b.Append($"<h1>{Html(section.Title)}</h1>\n<p>{Html(subject.Name)} ({Html(subject.Reference)}): {section.Entries.Count} {(section.Entries.Count == 1 ? "entry" : "entries")}.</p>\n");
        foreach (var entry in section.Entries)
        {
            var choice = entry.Review is { } r ? redaction.ChoiceFor(r) : ReleaseChoice.Include;
            if (choice == ReleaseChoice.Withhold) continue;
            if (choice == ReleaseChoice.Redact)
            {
                b.Append($"<h2>Redacted entry</h2>\n<p>{Html(entry.Review!.Description)}: redacted. {Html(redaction.ReasonFor(entry.Review) ?? "")}</p>\n");
                continue;
            }

            b.Append($"<h2>{Html(redaction.Apply(entry.Heading))}</h2>\n<dl>\n");
            foreach (var field in entry.Fields)
            {
                var fieldChoice = field.Review is { } fr ? redaction.ChoiceFor(fr) : ReleaseChoice.Include;
                if (fieldChoice == ReleaseChoice.Withhold) continue;
                var label = Html(field.Label) + (field.Review?.Why == ReviewReason.StaffComment ? " <span class=\"staff\">(written by staff)</span>" : "");
                var value = fieldChoice == ReleaseChoice.Redact ? $"{Redaction.Marker} {redaction.ReasonFor(field.Review!)}" : redaction.Apply(field.Value ?? "");
                b.Append($"<dt>{label}</dt><dd>{Html(value)}</dd>\n");
            }

            b.Append("</dl>\n");
        }

        return Page($"{section.Title}: {subject.Name}", b.ToString(), inFolder: true);
    }

    private static string IndexPage(SubjectRecord subject, Redaction redaction, ArchiveHeading heading, List<(RecordSection Section, string Path)> pages, string recordsJson,
        List<(LetterItem Letter, string Path)> letters, List<(FileItem File, string Path)> files, string auditPage, string auditJson)
    {
        var withheld = subject.ReviewItems.Where(i => redaction.ChoiceFor(i) != ReleaseChoice.Include).ToList();
        var b = new StringBuilder();
        var about = subject.Kind == SubjectKind.Child ? "a child" : "a family member";
        b.Append($"<h1>Everything {Html(heading.CouncilName)} holds about {Html(subject.Name)}</h1>\n");
        b.Append($"<p>This archive answers a subject access request about {about}, {Html(subject.Name)} ({Html(subject.Reference)}), made by {Html(heading.RequestedBy)} and received on {SubjectAccessDates.Date(heading.ReceivedOn)}. ");
        b.Append($"It was released on {Html(SubjectAccessDates.When(heading.ReleasedAt))} by {Html(heading.ReleasedBy)}. Every file in it is listed on this page.</p>\n");
        b.Append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
        b.Append("<li><a href=\"#records\">Records</a></li>\n");
        if (subject.Kind == SubjectKind.Child) b.Append("<li><a href=\"#letters\">Letters as sent</a></li>\n");
        b.Append("<li><a href=\"#files\">Files</a></li>\n<li><a href=\"#audit\">Who looked at and changed the record</a></li>\n");
        b.Append("<li><a href=\"#withheld\">What was redacted or withheld, and why</a></li>\n<li><a href=\"#checksums\">Checking the files</a></li>\n</ol>\n</nav>\n");

        b.Append("<h2 id=\"records\">Records</h2>\n<p>Each part of the record is a page. Fields marked \"written by staff\" are staff comments: reasons and notes written by the council's staff.</p>\n<ul>\n");
        foreach (var (section, path) in pages)
            b.Append($"<li><a href=\"{Attr(path)}\">{Html(section.Title)}</a> ({section.Entries.Count} {(section.Entries.Count == 1 ? "entry" : "entries")})</li>\n");
        b.Append($"<li><a href=\"{Attr(recordsJson)}\">All the records as JSON</a>, for a computer to read</li>\n</ul>\n");

        if (subject.Kind == SubjectKind.Child)
        {
            b.Append("<h2 id=\"letters\">Letters as sent</h2>\n");
            if (letters.Count == 0)
            {
                b.Append("<p>There are no letters.</p>\n");
            }
            else
            {
                b.Append("<table>\n<thead><tr><th scope=\"col\">Letter</th><th scope=\"col\">Date</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
                foreach (var (letter, path) in letters)
                    b.Append($"<tr><td>{Html(redaction.Apply(letter.Title))}</td><td>{SubjectAccessDates.Date(letter.CreatedAt)}</td><td><a href=\"{Attr(path)}\">{Html(path)}</a> (PDF)</td></tr>\n");
                b.Append("</tbody>\n</table>\n");
            }
        }

        b.Append("<h2 id=\"files\">Files</h2>\n");
        if (files.Count == 0)
        {
            b.Append("<p>There are no files.</p>\n");
        }
        else
        {
            b.Append("<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">What it is</th><th scope=\"col\">Added</th><th scope=\"col\">Size</th></tr></thead>\n<tbody>\n");
            foreach (var (file, path) in files)
                b.Append($"<tr><td><a href=\"{Attr(path)}\">{Html(file.FileName)}</a></td><td>{Html(file.About)}</td><td>{SubjectAccessDates.Date(file.AddedAt)}</td><td>{Size(file.SizeBytes)}</td></tr>\n");
            b.Append("</tbody>\n</table>\n");
        }

        b.Append($"<h2 id=\"audit\">Who looked at and changed the record</h2>\n<p>{subject.AuditCount} entries, oldest first: <a href=\"{Attr(auditPage)}\">the audit as a page</a> and <a href=\"{Attr(auditJson)}\">the audit as JSON</a>. The timeline is one of the records above.</p>\n");

        b.Append("<h2 id=\"withheld\">What was redacted or withheld, and why</h2>\n");
        if (withheld.Count == 0)
        {
            b.Append("<p>Nothing was redacted or withheld.</p>\n");
        }
        else
        {
            b.Append("<p>These items are about other people or were written by others. Their words are not in this archive.</p>\n");
            b.Append("<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Why it was looked at</th><th scope=\"col\">Decision</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
            foreach (var item in withheld)
                b.Append($"<tr><td>{Html(item.Description)}</td><td>{Html(ReviewItem.Explain(item.Why))}</td><td>{(redaction.ChoiceFor(item) == ReleaseChoice.Redact ? "Redacted" : "Withheld")}</td><td>{Html(redaction.ReasonFor(item) ?? "")}</td></tr>\n");
            b.Append("</tbody>\n</table>\n");
        }

        b.Append($"<h2 id=\"checksums\">Checking the files</h2>\n<p><a href=\"{ManifestPath}\">The manifest</a> lists every file with its size and SHA-256 checksum, and how many rows of each kind were found.</p>\n");
        return Page($"Subject access: {subject.Name}", b.ToString(), inFolder: false);
    }

    private async Task WriteAuditPageAsync(SubjectRecord subject, Redaction redaction, Stream stream, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        var page = Page($"Audit: {subject.Name}", "@@ROWS@@", inFolder: true);
        var split = page.IndexOf("@@ROWS@@", StringComparison.Ordinal);
        await writer.WriteAsync(page[..split]);
        await writer.WriteAsync($"<h1>Who looked at and changed the record</h1>\n<p>{subject.AuditCount} entries, oldest first. Times are UK time.</p>\n");
        await writer.WriteAsync("<table>\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Record</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
        await foreach (var a in AuditAsync(subject, ct))
        {
            var details = a.Details is null ? "" : redaction.Apply(SubjectGathering.JsonText(a.Details));
            await writer.WriteAsync($"<tr><td>{Html(SubjectAccessDates.When(a.At))}</td><td>{Html(a.UserName)}</td><td>{Html(a.Action)}</td><td>{Html(a.EntityType)}</td><td style=\"white-space: pre-line\">{Html(details)}</td></tr>\n");
        }

        await writer.WriteAsync("</tbody>\n</table>\n");
        await writer.WriteAsync(page[(split + "@@ROWS@@".Length)..]);
    }

    private async Task WriteAuditJsonAsync(SubjectRecord subject, Redaction redaction, Stream stream, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var a in AuditAsync(subject, ct))
        {
            json.WriteStartObject();
            json.WriteString("at", a.At);
            json.WriteString("by", a.UserName);
            json.WriteString("action", a.Action);
            json.WriteString("record", a.EntityType);
            json.WriteString("recordId", a.EntityId);
            if (a.Details is not null) json.WriteString("details", redaction.Apply(SubjectGathering.JsonText(a.Details)));
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
        }

        json.WriteEndArray();
    }

    /// <summary>The audit oldest first, read a batch at a time so a long one is never held whole.</summary>
    private async IAsyncEnumerable<AuditEntry> AuditAsync(SubjectRecord subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var batch = await gathering.Audit(subject).Where(a => a.Id > after).OrderBy(a => a.Id).Take(AuditBatch).ToListAsync(ct);
            foreach (var a in batch) yield return a;
            if (batch.Count < AuditBatch) yield break;
            after = batch[^1].Id;
        }
    }

    private static byte[] RecordsJson(SubjectRecord subject, Redaction redaction, ArchiveHeading heading,
        List<(LetterItem Letter, string Path)> letters, List<(FileItem File, string Path)> files)
    {
        var sections = subject.Sections.Select(s => new
        {
            id = s.Id,
            title = s.Title,
            entries = s.Entries.Where(e => e.Review is null || redaction.ChoiceFor(e.Review) != ReleaseChoice.Withhold).Select(e =>
                e.Review is { } r && redaction.ChoiceFor(r) == ReleaseChoice.Redact
                    ? new { id = e.Id, heading = "Redacted entry", fields = new Dictionary<string, string> { ["redacted"] = redaction.ReasonFor(r) ?? "" } }
                    : new
                    {
                        id = e.Id,
                        heading = redaction.Apply(e.Heading),
                        fields = e.Fields.Where(f => f.Review is null || redaction.ChoiceFor(f.Review) != ReleaseChoice.Withhold)
                            .GroupBy(f => f.Label).ToDictionary(g => g.Key, g => g.First() is { Review: { } fr } && redaction.ChoiceFor(fr) == ReleaseChoice.Redact
                                ? Redaction.Marker : redaction.Apply(g.First().Value ?? "")),
                    }),
        });
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            subject = new { kind = subject.Kind.ToString(), name = subject.Name, reference = subject.Reference },
            requestedBy = heading.RequestedBy,
            receivedOn = heading.ReceivedOn,
            releasedAt = heading.ReleasedAt,
            sections,
            letters = letters.Select(l => new { file = l.Path, title = redaction.Apply(l.Letter.Title), createdAt = l.Letter.CreatedAt }),
            files = files.Select(f => new { file = f.Path, originalName = f.File.FileName, contentType = f.File.ContentType, bytes = f.File.SizeBytes, about = f.File.About }),
            withheld = subject.ReviewItems.Where(i => redaction.ChoiceFor(i) != ReleaseChoice.Include)
                .Select(i => new { description = i.Description, why = ReviewItem.Explain(i.Why), decision = redaction.ChoiceFor(i).ToString(), reason = redaction.ReasonFor(i) }),
        }, ManifestJson);
    }

    // ---- names and text -----------------------------------------------------------------------------------------

    /// <summary>
    /// A name safe inside a ZIP on any computer: no folders, no characters Windows or macOS refuse, no leading dot,
    /// at most 100 characters with its extension kept.
    /// </summary>
    public static string SafeName(string name, string fallback)
    {
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var cleaned = UnsafeCharacters().Replace(last.Normalize(NormalizationForm.FormC), "-").Trim(' ', '.', '-');
        cleaned = Dashes().Replace(cleaned, "-");
        if (cleaned.Length == 0) cleaned = fallback;
        if (cleaned.Length > 100)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = extension.Length is > 0 and <= 10 ? cleaned[..(100 - extension.Length)] + extension : cleaned[..100];
        }

        return cleaned;
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}._() -]")]
    private static partial Regex UnsafeCharacters();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };

    /// <summary>Passes writes on to a ZIP entry, counting and hashing them.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public string Hash() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            inner.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
