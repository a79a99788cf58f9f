using System.Text;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// Creates and saves a request a family has submitted (or an officer took at the duty point), with one
    /// evidence document per evidence kind. With a <paramref name="child"/>, the request carries that child's
    /// details and is matched to it; without, it is for a child new to the service and not yet matched.
    /// </summary>
    /// <param name="needIds">The scheme's eligibility need ids the family chose; one that meets the threshold by default.</param>
    /// <param name="evidenceKindIds">The scheme's evidence kind ids sent; a disability benefit letter by default.</param>
    /// <param name="configure">Sets anything else before the request is saved.</param>
    public async Task<ShortBreakRequest> CreateSubmittedRequestAsync(
        Child? child = null,
        string? childFirstName = null,
        string? childLastName = null,
        DateOnly? childDateOfBirth = null,
        IEnumerable<string>? needIds = null,
        IEnumerable<string>? evidenceKindIds = null,
        bool? hasEhcPlan = null,
        RequestChannel channel = RequestChannel.Online,
        string? familyUserId = null,
        DateTime? submittedAt = null,
        string schemeVersion = SchemeVersion,
        string? reference = null,
        Action<ShortBreakRequest>? configure = null,
        CancellationToken cancellationToken = default)
    {
        return await WithDbAsync(async db =>
        {
            var submitted = submittedAt ?? db.UtcNow;
            familyUserId ??= channel == RequestChannel.Online ? "family-" + Guid.NewGuid().ToString("N")[..12] : null;
            var createdBy = channel == RequestChannel.Online ? familyUserId! : db.Actor.UserId ?? "duty-officer";
            var postcode = child?.Postcode ?? NewPostcode();
            var contactName = $"{Pick(FirstNames)} {child?.LastName ?? childLastName ?? Pick(LastNames)}";

            var request = new ShortBreakRequest
            {
                Reference = reference ?? NewReference('R'),
                Channel = channel,
                Status = RequestStatus.Submitted,
                FamilyUserId = familyUserId,
                CreatedByUserId = createdBy,
                CreatedAt = submitted.AddHours(-1),
                UpdatedAt = submitted,
                SubmittedAt = submitted,
                ChildFirstName = childFirstName ?? child?.FirstName ?? Pick(FirstNames),
                ChildLastName = childLastName ?? child?.LastName ?? Pick(LastNames),
                ChildDateOfBirth = childDateOfBirth ?? child?.DateOfBirth ?? Today.AddYears(-9).AddDays(-100),
                AddressLine1 = child?.AddressLine1 ?? $"{Random.Shared.Next(1, 200)} Example Road",
                Town = child?.Town ?? Pick(Towns),
                Postcode = postcode,
                School = child?.School ?? "Example Primary School",
                AttendsSchool = true,
                HasEhcPlan = hasEhcPlan ?? child?.HasEhcPlan ?? false,
                NeedIds = string.Join(',', needIds ?? ["extra-care"]),
                DisabilityCodes = child?.DisabilityCodes ?? "LD,COMM",
                NeedsInOwnWords = "Needs one-to-one support to join in anything outside home, and wakes most nights.",
                ContactName = contactName,
                ContactRelationship = "Parent",
                ContactEmail = $"{contactName.Replace(' ', '.').ToLowerInvariant()}@example.org",
                ContactPhone = $"07700 900{Random.Shared.Next(1000):000}",
                PreferredContact = ContactMethod.Email,
                SiblingCount = 1,
                SiblingDetails = "A younger brother, aged 6.",
                EvidenceStepDone = true,
                ConsentToShare = true,
                ConsentRecordedAt = submitted,
                ChildId = child?.Id,
                ChildConfirmed = child is not null,
                SchemeVersion = schemeVersion,
            };

            foreach (var kind in evidenceKindIds ?? ["disability-benefit"])
            {
                var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% synthetic evidence: {kind}\n%%EOF\n");
                request.Evidence.Add(new EvidenceDocument
                {
                    RequestId = request.Id,
                    KindId = kind,
                    FileName = $"{kind}.pdf",
                    ContentType = "application/pdf",
                    SizeBytes = content.Length,
                    Content = content,
                    UploadedAt = submitted.AddMinutes(-10),
                    UploadedByUserId = createdBy,
                });
            }

            configure?.Invoke(request);
            db.Requests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            return request;
        });
    }
}
