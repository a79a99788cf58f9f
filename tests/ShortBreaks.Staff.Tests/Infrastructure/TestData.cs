using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.Staff.Tests.Infrastructure;

/// <summary>
/// Builds synthetic requests and children straight into the database, as they would be after the family's
/// pages had run. Names and postcodes are random so tests sharing a database do not find each other's rows.
/// </summary>
public sealed class TestData(WebAppFactory factory)
{
    public const string SchemeVersion = "2026.1";

    public async Task<T> WithDbAsync<T>(Func<ShortBreaksDbContext, Task<T>> action)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        return await action(db);
    }

    public Task WithDbAsync(Func<ShortBreaksDbContext, Task> action) =>
        WithDbAsync(async db => { await action(db); return true; });

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A request the family has sent, complete, meeting every criterion, not yet matched to a record.</summary>
    public Task<ShortBreakRequest> SubmittedRequestAsync(Action<ShortBreakRequest>? configure = null, bool withEvidence = true) =>
        WithDbAsync(async db =>
        {
            var submittedAt = DateTime.UtcNow.AddHours(-1);
            var request = new ShortBreakRequest
            {
                Reference = References.NewRequest(),
                Channel = RequestChannel.Online,
                Status = RequestStatus.Submitted,
                CreatedByUserId = "test",
                CreatedAt = submittedAt.AddMinutes(-30),
                UpdatedAt = submittedAt,
                SubmittedAt = submittedAt,
                ChildFirstName = Name(),
                ChildLastName = Name(),
                ChildDateOfBirth = Today.AddYears(-9).AddDays(-40),
                AddressLine1 = "12 Example Street",
                AddressLine2 = "Flat 2",
                Town = "Demoton",
                Postcode = Postcode(),
                AttendsSchool = true,
                School = "Demoton Primary School",
                HasEhcPlan = true,
                EhcPlanReviewDate = Today.AddMonths(4),
                NeedIds = "extra-care,night-care",
                DisabilityCodes = "COMM,AUT",
                NeedsInOwnWords = "She needs help with everything and wakes three times a night.\nWe have not had a break for a year.",
                ContactName = "Pat " + Name(),
                ContactRelationship = "Mother",
                ContactEmail = $"parent.{Guid.NewGuid():N}@example.org",
                ContactPhone = "07700 900982",
                PreferredContact = ContactMethod.Email,
                SiblingCount = 2,
                SiblingDetails = "Two older brothers, aged 12 and 14.",
                EvidenceStepDone = true,
                ConsentToShare = true,
                ConsentRecordedAt = submittedAt.AddMinutes(-1),
                SchemeVersion = SchemeVersion,
            };
            configure?.Invoke(request);
            db.Requests.Add(request);
            if (withEvidence)
            {
                db.EvidenceDocuments.Add(new EvidenceDocument
                {
                    RequestId = request.Id,
                    KindId = "disability-benefit",
                    FileName = "dla-award-letter.pdf",
                    ContentType = "application/pdf",
                    Content = "%PDF-1.4 synthetic test file"u8.ToArray(),
                    SizeBytes = 28,
                    UploadedAt = submittedAt.AddMinutes(-5),
                    UploadedByUserId = request.CreatedByUserId,
                });
            }

            await db.SaveChangesAsync();
            return request;
        });

    /// <summary>A child known to the service.</summary>
    public Task<Child> ChildAsync(Action<Child>? configure = null) =>
        WithDbAsync(async db =>
        {
            var child = new Child
            {
                Reference = References.NewChild(),
                FirstName = Name(),
                LastName = Name(),
                DateOfBirth = Today.AddYears(-10),
                AddressLine1 = "3 Sample Road",
                Town = "Demoton",
                Postcode = Postcode(),
                DisabilityCodes = "MOB",
                Tier = Tier.None,
                CreatedAt = DateTime.UtcNow.AddYears(-1),
            };
            configure?.Invoke(child);
            child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
            child.LastNameKey = MatchKeys.LastName(child.LastName);
            child.PostcodeKey = MatchKeys.Postcode(child.Postcode);
            db.Children.Add(child);
            await db.SaveChangesAsync();
            return child;
        });

    /// <summary>A request already matched to a new child's record, ready to decide.</summary>
    public async Task<(ShortBreakRequest Request, Child Child)> MatchedRequestAsync(Action<ShortBreakRequest>? configure = null, bool withEvidence = true)
    {
        var request = await SubmittedRequestAsync(configure, withEvidence);
        var child = await ChildAsync(c =>
        {
            c.FirstName = request.ChildFirstName!;
            c.LastName = request.ChildLastName!;
            c.DateOfBirth = request.ChildDateOfBirth!.Value;
            c.Postcode = request.Postcode!;
        });
        await WithDbAsync(async db =>
        {
            var tracked = await db.Requests.FindAsync(request.Id);
            tracked!.ChildId = child.Id;
            tracked.ChildConfirmed = true;
            await db.SaveChangesAsync();
        });
        return (await WithDbAsync(db => db.Requests.FindAsync(request.Id).AsTask()) ?? request, child);
    }

    /// <summary>A made-up name of letters only, unlikely to be any other test's.</summary>
    public static string Name()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";

        // Never starting with C or R: staff search reads nine letters starting so (without I or O) as a reference.
        const string firstLetters = "ABDEFGHJKLMNPSTUVWYZ";
        var chars = new char[9];
        for (var i = 0; i < chars.Length; i++) chars[i] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[0] = firstLetters[RandomNumberGenerator.GetInt32(firstLetters.Length)];
        return new string(chars);
    }

    /// <summary>A well-formed postcode in an area that does not exist ("DC").</summary>
    public static string Postcode()
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        return $"DC{RandomNumberGenerator.GetInt32(1, 99)} {RandomNumberGenerator.GetInt32(10)}" +
               $"{letters[RandomNumberGenerator.GetInt32(letters.Length)]}{letters[RandomNumberGenerator.GetInt32(letters.Length)]}";
    }
}
