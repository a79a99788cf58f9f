using ShortBreaks.Core.Children;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// Creates and saves a child known to the service. Without a date of birth the child is 10 today;
    /// <paramref name="configure"/> sets anything else before it is saved.
    /// </summary>
    public async Task<Child> CreateChildAsync(
        string? firstName = null,
        string? lastName = null,
        DateOnly? dateOfBirth = null,
        string? postcode = null,
        Tier tier = Tier.None,
        bool hasEhcPlan = false,
        IEnumerable<CinDisabilityCode>? disabilityCodes = null,
        string? keyWorkerId = null,
        string? reference = null,
        Action<Child>? configure = null,
        CancellationToken cancellationToken = default)
    {
        firstName ??= Pick(FirstNames);
        lastName ??= Pick(LastNames);
        postcode ??= NewPostcode();

        return await WithDbAsync(async db =>
        {
            var child = new Child
            {
                Reference = reference ?? NewReference('C'),
                FirstName = firstName,
                LastName = lastName,
                DateOfBirth = dateOfBirth ?? Today.AddYears(-10).AddDays(-45),
                AddressLine1 = $"{Random.Shared.Next(1, 200)} Example Road",
                Town = Pick(Towns),
                Postcode = postcode,
                School = "Example Primary School",
                HasEhcPlan = hasEhcPlan,
                EhcPlanReviewDate = hasEhcPlan ? Today.AddMonths(5) : null,
                DisabilityCodes = CinDisabilityCodes.Format(disabilityCodes ?? [CinDisabilityCode.LD, CinDisabilityCode.COMM]),
                NeedsInFamilyWords = "Needs help with everything day to day and cannot go to clubs without one-to-one support.",
                Tier = tier,
                KeyWorkerId = keyWorkerId,
                CreatedAt = db.UtcNow,
            };

            configure?.Invoke(child);
            child.NameKey = MatchKeys.Name(child.FirstName, child.LastName);
            child.LastNameKey = MatchKeys.LastName(child.LastName);
            child.PostcodeKey = MatchKeys.Postcode(child.Postcode);
            db.Children.Add(child);
            await db.SaveChangesAsync(cancellationToken);
            return child;
        });
    }
}
