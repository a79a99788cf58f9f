using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.TestCommon;
using static ShortBreaks.Core.Tests.SubjectAccess.SubjectAccessServices;

namespace ShortBreaks.Core.Tests.SubjectAccess;

public sealed partial class SubjectArchiveTests
{
    /// <summary>Logs a request about the child and chooses for every listed item: the sibling redacted, the decision's reasons and the letter never sent withheld, the rest included.</summary>
    private static async Task<SubjectAccessRequest> ReleasedAsync(ShortBreaksDbContext db, PopulatedChild populated)
    {
        var request = await LogAboutChildAsync(db, populated.Child.Reference);
        var service = Service(db);
        var review = (await service.ReviewAsync(request.Id))!;
        var inputs = review.Subject.ReviewItems.Select(i =>
            i.Text == populated.SiblingDetails ? new ChoiceInput(i.Key, "Redact", "Names a sibling, who has their own rights")
            : i.Text == populated.DecisionReasons ? new ChoiceInput(i.Key, "Withhold", "Gives a health professional's view in confidence")
            : i.IsFile && i.Key.StartsWith(nameof(db.Letters), StringComparison.Ordinal) ? new ChoiceInput(i.Key, "Withhold", "A safeguarding referral: disclosure would be likely to cause serious harm")
            : new ChoiceInput(i.Key, "Include", null)).ToList();
        (await service.ChooseAsync(request.Id, inputs, review.Request.Version)).Succeeded.ShouldBeTrue();
        var version = (await service.FindAsync(request.Id))!.Version;
        var released = await service.ReleaseAsync(request.Id, version);
        released.Succeeded.ShouldBeTrue(string.Join("; ", released.Errors.Select(e => e.Message)));
        return request;
    }

    private static Dictionary<string, byte[]> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [GeneratedRegex("href=\"([^\"#]+)\"")]
    private static partial Regex Links();

    private static IEnumerable<string> LinkedFiles(string html, string from) =>
        Links().Matches(html).Select(m => Uri.UnescapeDataString(m.Groups[1].Value))
            .Select(link => Path.GetFullPath(Path.Combine("/archive", Path.GetDirectoryName(from) ?? "", link))[("/archive/".Length)..]);

    [SkippableTheory, AllDatabases]
    public async Task TheAnswer_HoldsEveryRecordLetterAndFile_WithAnIndexThatLinksEveryFile_AndLeavesOutWhatWasRedacted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();
        var request = await ReleasedAsync(db, populated);
        using var output = new MemoryStream();

        var manifest = await Service(db).DownloadAsync(request.Id, output);

        manifest.ShouldNotBeNull();
        var files = Read(output.ToArray());
        var index = Encoding.UTF8.GetString(files[SubjectArchive.IndexPath]);

        // The index links every file in the archive, and every page's links lead to a file that is there.
        var fromIndex = LinkedFiles(index, SubjectArchive.IndexPath).ToHashSet();
        files.Keys.Where(name => name != SubjectArchive.IndexPath).Where(name => !fromIndex.Contains(name)).ShouldBeEmpty("files the index does not link");
        foreach (var page in files.Keys.Where(n => n.EndsWith(".html", StringComparison.Ordinal)))
            LinkedFiles(Encoding.UTF8.GetString(files[page]), page).Where(target => !files.ContainsKey(target)).ShouldBeEmpty($"links from {page} to files that are not there");
        index.ShouldContain("<h2 id=\"contents\">Contents</h2>");
        index.ShouldContain("lang=\"en-GB\"");

        // The letter as sent, read back from its PDF; the letter never sent to the family is withheld.
        var letter = files.Where(f => f.Key.StartsWith("letters/", StringComparison.Ordinal)).ShouldHaveSingleItem();
        var letterText = PdfText.Read(letter.Value);
        letterText.ShouldContain(populated.LetterTitle);
        letterText.ShouldContain(populated.LetterSentence);

        // Evidence and the signed copy with their original bytes and names.
        files[$"files/{populated.EvidenceFileName}"].ShouldBe(populated.EvidenceBytes);
        files["files/signed plan.pdf"].ShouldBe(populated.SignedCopyBytes);
        files.Keys.ShouldContain("records/records.json");
        files.Keys.ShouldContain("records/timeline.html");
        files.Keys.ShouldContain("audit/audit.html");
        JsonDocument.Parse(files["audit/audit.json"]).RootElement.GetArrayLength().ShouldBe(manifest.Counts[nameof(db.AuditEntries)]);

        // What was redacted or withheld is listed with its reason, and its words are nowhere.
        index.ShouldContain("Names a sibling, who has their own rights");
        index.ShouldContain("Gives a health professional&#39;s view in confidence");
        foreach (var (name, bytes) in files)
        {
            var text = name.EndsWith(".pdf", StringComparison.Ordinal) && name.StartsWith("letters/", StringComparison.Ordinal) ? PdfText.Read(bytes) : Encoding.UTF8.GetString(bytes);
            text.ShouldNotContain(populated.SiblingDetails, customMessage: name);
            text.ShouldNotContain(populated.DecisionReasons, customMessage: name);
            text.ShouldNotContain(WebUtility.HtmlEncode(populated.DecisionReasons), customMessage: name);
        }

        Encoding.UTF8.GetString(files["records/decisions.html"]).ShouldNotContain("Reasons");
        Encoding.UTF8.GetString(files["records/panel.html"]).ShouldContain(WebUtility.HtmlEncode(populated.PanelReasons));
        Encoding.UTF8.GetString(files["records/panel.html"]).ShouldContain("(written by staff)");

        // The manifest's checksums and counts.
        using var manifestJson = JsonDocument.Parse(files[SubjectArchive.ManifestPath]);
        var checksums = manifestJson.RootElement.GetProperty("checksums").EnumerateArray().ToList();
        checksums.Count.ShouldBe(files.Count - 1);
        foreach (var entry in checksums)
        {
            var path = entry.GetProperty("path").GetString()!;
            Convert.ToHexStringLower(SHA256.HashData(files[path])).ShouldBe(entry.GetProperty("sha256").GetString(), path);
            entry.GetProperty("bytes").GetInt64().ShouldBe(files[path].LongLength, path);
        }

        manifestJson.RootElement.GetProperty("counts").GetProperty(nameof(db.PlanVersions)).GetInt32().ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task AFamilyMembersAnswer_HoldsTheirAccountAndRequests_NeverTheirPassword_AndListsTheirChildWithoutTheChildsRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();
        var user = await db.Users.FirstAsync(u => u.Id == populated.FamilyUserId);
        user.PasswordHash = "AQAAAAIAAYagAAAAEHashThatMustNeverLeave";
        await db.SaveChangesAsync();
        var service = Service(db);
        var (request, logged) = await service.LogAsync(new(SubjectAccessService.FamilySubject, null, user.Email!.ToUpperInvariant(), "The account holder", "Passport seen", DateOnly.FromDateTime(Now.UtcDateTime)));
        logged.Succeeded.ShouldBeTrue();
        var review = (await service.ReviewAsync(request!.Id))!;
        (await service.ChooseAsync(request.Id, review.Subject.ReviewItems.Select(i => new ChoiceInput(i.Key, "Include", null)).ToList(), review.Request.Version)).Succeeded.ShouldBeTrue();
        (await service.ReleaseAsync(request.Id, (await service.FindAsync(request.Id))!.Version)).Succeeded.ShouldBeTrue();
        using var output = new MemoryStream();

        (await service.DownloadAsync(request.Id, output)).ShouldNotBeNull();

        var files = Read(output.ToArray());
        var index = Encoding.UTF8.GetString(files[SubjectArchive.IndexPath]);
        var fromIndex = LinkedFiles(index, SubjectArchive.IndexPath).ToHashSet();
        files.Keys.Where(name => name != SubjectArchive.IndexPath && !fromIndex.Contains(name)).ShouldBeEmpty();
        Encoding.UTF8.GetString(files["records/account.html"]).ShouldContain(WebUtility.HtmlEncode(user.Email!));
        Encoding.UTF8.GetString(files["records/requests.html"]).ShouldContain(populated.Request.Reference);
        Encoding.UTF8.GetString(files["records/children.html"]).ShouldContain(populated.Child.Reference);
        files.Keys.ShouldNotContain(k => k.StartsWith("letters/", StringComparison.Ordinal));
        files[$"files/{populated.EvidenceFileName}"].ShouldBe(populated.EvidenceBytes);
        foreach (var (name, bytes) in files)
        {
            var text = Encoding.UTF8.GetString(bytes);
            text.ShouldNotContain("HashThatMustNeverLeave", customMessage: name);
            text.ShouldNotContain(populated.DecisionReasons, customMessage: name);
        }

        (await db.AuditEntries.CountAsync(a => a.EntityId == request.Id.ToString() && a.Action == "download" && a.ChildId == null)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task LoggingViewingReleasingAndDownloading_AreAllAudited_WithTheChildsId(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();
        var request = await ReleasedAsync(db, populated);
        await Service(db).DownloadAsync(request.Id, new MemoryStream());
        await Service(db).DownloadAsync(request.Id, new MemoryStream());

        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(SubjectAccessRequest) && a.EntityId == request.Id.ToString()).ToListAsync();

        audit.ShouldAllBe(a => a.ChildId == populated.Child.Id && a.UserName == "Alex Admin");
        audit.Count(a => a.Action == "create").ShouldBe(1);
        audit.Count(a => a.Action == "view").ShouldBe(1);
        audit.Count(a => a.Action == "release").ShouldBe(1);
        audit.Count(a => a.Action == "download").ShouldBe(2);
        var record = JsonSerializer.Deserialize<ReleaseRecord>((await Service(db).FindAsync(request.Id))!.ReleaseRecordJson!)!;
        record.Choices.Count(c => c.Choice == ReleaseChoice.Withhold).ShouldBe(2);
        record.Choices.Count(c => c.Choice == ReleaseChoice.Redact).ShouldBe(1);
        record.Letters.ShouldBe(1);
        record.Files.ShouldBe(4, "two evidence files, the signed paper copy and a monitoring return's evidence");
    }

    [SkippableTheory, AllDatabases]
    public async Task Release_IsRefusedUntilEveryListedItemHasAChoice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();
        var request = await LogAboutChildAsync(db, populated.Child.Reference);
        var service = Service(db);
        var items = (await service.ReviewAsync(request.Id))!.Subject.ReviewItems;
        (await service.ChooseAsync(request.Id, items.Skip(1).Select(i => new ChoiceInput(i.Key, "Include", null)).ToList(), request.Version)).Succeeded.ShouldBeTrue();

        var refused = await service.ReleaseAsync(request.Id, (await service.FindAsync(request.Id))!.Version);

        refused.Succeeded.ShouldBeFalse();
        refused.Errors.ShouldHaveSingleItem().Message.ShouldBe("Choose whether to include, redact or withhold every listed item before release: 1 has no choice yet");
        (await service.FindAsync(request.Id))!.Status.ShouldBe(SubjectAccessStatus.Open);
        (await service.DownloadAsync(request.Id, new MemoryStream())).ShouldBeNull("nothing can be downloaded before release");

        (await service.ChooseAsync(request.Id, [new ChoiceInput(items[0].Key, "Include", null)], (await service.FindAsync(request.Id))!.Version)).Succeeded.ShouldBeTrue();
        (await service.ReleaseAsync(request.Id, (await service.FindAsync(request.Id))!.Version)).Succeeded.ShouldBeTrue();
        (await service.FindAsync(request.Id))!.Status.ShouldBe(SubjectAccessStatus.Released);
    }

    [SkippableTheory, AllDatabases]
    public async Task ARedactionOrWithholdingNeedsAReason_AndAFileIsNeverRedacted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var populated = await new TestData(db).PopulatedChildAsync();
        var request = await LogAboutChildAsync(db, populated.Child.Reference);
        var service = Service(db);
        var items = (await service.ReviewAsync(request.Id))!.Subject.ReviewItems.ToList();
        var sibling = items.FindIndex(i => i.Text == populated.SiblingDetails);
        var file = items.FindIndex(i => i.IsFile);

        var result = await service.ChooseAsync(request.Id,
            [new ChoiceInput(items[sibling].Key, "Withhold", " "), new ChoiceInput(items[file].Key, "Redact", "Names the doctor"), new ChoiceInput(items[0].Key, "Shred", null)], request.Version);

        result.Errors.ShouldContain(new FieldError(SubjectAccessService.ReasonField(sibling), $"Enter the reason for withholding item {sibling + 1}"));
        result.Errors.ShouldContain(new FieldError(SubjectAccessService.ChoiceField(file), $"Item {file + 1} is a file: include it or withhold it (send a redacted copy separately)"));
        result.Errors.ShouldContain(new FieldError(SubjectAccessService.ChoiceField(0), "Choose whether to include, redact or withhold item 1"));
        (await db.SubjectAccessChoices.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoAdministratorsReviewingAtOnce_TheSecondToSaveIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        PopulatedChild populated;
        SubjectAccessRequest request;
        await using (var setup = Context(database))
        {
            populated = await new TestData(setup).PopulatedChildAsync();
            request = await LogAboutChildAsync(setup, populated.Child.Reference);
        }

        await using var first = Context(database, Admin("Alex Admin"));
        await using var second = Context(database, Admin("Jo Admin"));
        var seenByFirst = (await Service(first).ReviewAsync(request.Id))!;
        var seenBySecond = (await Service(second).ReviewAsync(request.Id))!;
        var key = seenByFirst.Subject.ReviewItems[0].Key;

        (await Service(first).ChooseAsync(request.Id, [new ChoiceInput(key, "Include", null)], seenByFirst.Request.Version)).Succeeded.ShouldBeTrue();
        var late = await Service(second).ChooseAsync(request.Id, [new ChoiceInput(key, "Withhold", "Third party")], seenBySecond.Request.Version);

        late.Conflict.ShouldBeTrue();
        late.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Another administrator saved choices for this request");
        await using var check = Context(database);
        (await check.SubjectAccessChoices.SingleAsync()).Choice.ShouldBe(ReleaseChoice.Include);
        (await Service(second).ReleaseAsync(request.Id, seenBySecond.Request.Version)).Succeeded.ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task Logging_RefusesAnUnknownReference_AnEmailOfNoFamily_AndABadDate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var service = Service(db);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        var unknown = await service.LogAsync(new(SubjectAccessService.ChildSubject, "C-ZZZZ-ZZZZ", null, "Sam", "Passport", today.AddDays(1)));
        var badEmail = await service.LogAsync(new(SubjectAccessService.FamilySubject, null, "not-an-email", "", null, null));
        var nobody = await service.LogAsync(new(SubjectAccessService.FamilySubject, null, "nobody@example.org", "Sam", "Passport", today));
        var nothing = await service.LogAsync(new(null, null, null, null, null, null));

        unknown.Result.Errors.ShouldBe([new("ChildReference", "No child has this reference: check it, for example C-7KQ2-M9XD"), new("ReceivedOn", "The date the request was received must be today or in the past")]);
        badEmail.Result.Errors.ShouldBe([new("Email", "Enter an email address in the correct format, like name@example.com"), new("RequestedBy", "Enter who made the request"),
            new("IdentityCheck", "Enter how you checked the identity of the person who asked"), new("ReceivedOn", "Enter the date the request was received")]);
        nobody.Result.Errors.ShouldBe([new("Email", "No family account uses this email address")]);
        nothing.Result.Errors[0].ShouldBe(new FieldError("Subject", "Choose whether the request is about a child or a family member"));
        (await db.SubjectAccessRequests.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task ALoggedRequest_IsDueOneCalendarMonthAfterItWasReceived(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var child = await new TestData(db).CreateChildAsync();

        var (logged, _) = await Service(db).LogAsync(new(SubjectAccessService.ChildSubject, child.Reference.ToLowerInvariant(), null, "Sam Patel", "Passport", new DateOnly(2026, 10, 31)));

        logged!.DueOn.ShouldBe(new DateOnly(2026, 11, 30));
        logged.ChildId.ShouldBe(child.Id);
        (await Service(db).OpenAsync()).ShouldHaveSingleItem().Id.ShouldBe(logged.Id);
    }
}
