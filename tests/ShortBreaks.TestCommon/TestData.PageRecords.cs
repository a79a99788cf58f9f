using ShortBreaks.Core.Children;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.TestCommon;

// The records page tests start from, made by the builders above: names of random letters (so tests sharing a
// host's database never find each other's rows), and the answers the staff pages' tests read back.
public sealed partial class TestData
{
    /// <summary>
    /// A request the family has sent, complete, meeting every criterion, not yet matched to a record and sent by
    /// no account (set <c>FamilyUserId</c> for one): <see cref="CreateSubmittedRequestAsync"/> with names of
    /// random letters and the answers the staff pages' tests read back.
    /// </summary>
    public Task<ShortBreakRequest> SubmittedRequestAsync(Action<ShortBreakRequest>? configure = null, bool withEvidence = true) =>
        CreateSubmittedRequestAsync(
            childFirstName: NewName(),
            childLastName: NewName(),
            childDateOfBirth: Today.AddYears(-9).AddDays(-40),
            needIds: ["extra-care", "night-care"],
            evidenceKindIds: withEvidence ? null : [],
            hasEhcPlan: true,
            submittedAt: EarlierToday(TimeSpan.FromHours(1)),
            configure: request =>
            {
                request.FamilyUserId = null;
                request.AddressLine1 = "12 Example Street";
                request.AddressLine2 = "Flat 2";
                request.Town = "Demoton";
                request.School = "Demoton Primary School";
                request.EhcPlanReviewDate = Today.AddMonths(4);
                request.DisabilityCodes = "COMM,AUT";
                request.NeedsInOwnWords = "She needs help with everything and wakes three times a night.\nWe have not had a break for a year.";
                request.ContactName = "Pat " + NewName();
                request.ContactRelationship = "Mother";
                request.ContactEmail = $"parent.{Guid.NewGuid():N}@example.org";
                request.ContactPhone = "07700 900982";
                request.SiblingCount = 2;
                request.SiblingDetails = "Two older brothers, aged 12 and 14.";
                configure?.Invoke(request);
            });

    /// <summary>A child known to the service, with names of random letters: <see cref="CreateChildAsync"/>.</summary>
    public Task<Child> ChildAsync(Action<Child>? configure = null) =>
        CreateChildAsync(firstName: NewName(), lastName: NewName(), configure: configure);

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
}
