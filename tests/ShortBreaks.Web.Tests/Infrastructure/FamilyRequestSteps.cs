using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>A family's request taken to the point a test needs, through the real services.</summary>
public static class FamilyRequestSteps
{
    public static Task<ShortBreakRequest> StartDraftAsync(this WebAppFactory app, string? familyUserId, RequestChannel channel = RequestChannel.Online, string? createdBy = null) =>
        app.WithServicesAsync(s => s.GetRequiredService<RequestService>().StartAsync(channel, familyUserId, createdBy ?? familyUserId ?? "officer"));

    /// <summary>Reads a request as it is in the database now.</summary>
    public static Task<ShortBreakRequest?> FindRequestAsync(this WebAppFactory app, Guid id) =>
        app.WithServicesAsync(s => s.GetRequiredService<RequestService>().FindAsync(id));

    /// <summary>Changes a draft's answers directly, for tests about what comes after the questions.</summary>
    public static Task<ShortBreakRequest> UpdateDraftAsync(this WebAppFactory app, Guid id, Action<ShortBreakRequest> change) =>
        app.WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(id))!;
            change(request);
            (await requests.SaveDraftAsync(request)).Succeeded.ShouldBeTrue();
            return request;
        });

    /// <summary>Fills, sends and decides a family's request as an officer would, returning it as decided.</summary>
    public static async Task<ShortBreakRequest> DecidedRequestAsync(this WebAppFactory app, string familyUserId, DecisionOutcome outcome, string reasons = "We have read what you told us.")
    {
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        var draft = await app.StartDraftAsync(familyUserId);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);
        return await app.WithServicesAsync(async s =>
        {
            var requests = s.GetRequiredService<RequestService>();
            var request = (await requests.FindAsync(draft.Id))!;
            (await requests.SubmitAsync(request)).Succeeded.ShouldBeTrue();
            (await s.GetRequiredService<RequestMatching>().ConfirmChildAsync(request, null, request.Version)).Succeeded.ShouldBeTrue();
            var decided = await s.GetRequiredService<ThresholdDecisionService>().DecideAsync(request, outcome, reasons, request.Version);
            decided.Succeeded.ShouldBeTrue(string.Join("; ", decided.Errors.Select(e => e.Message)));
            return request;
        }, officer.Id);
    }
}
