using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>The API keeps the same sign-in rules as the pages: confirmed email to send, second factor for staff.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountTests(WebAppFactory factory)
{
    [Fact]
    public async Task Post_ByAFamilyWhoHasNotConfirmedTheirEmail_Returns403ProblemDetails_AndSendsNothing()
    {
        var family = await factory.CreateUserAsync(Roles.Family);
        await ChangeAsync(family, (users, user) =>
        {
            user.EmailConfirmed = false;
            return users.UpdateAsync(user);
        });
        var client = (await factory.SignInAsync(family)).Http;

        var response = await client.PostAsync("/api/requests", Json(ValidAnswers()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Confirm your email address");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaks.Core.Data.ShortBreaksDbContext>();
        db.Requests.Count(r => r.FamilyUserId == family.Id).ShouldBe(0);
    }

    [Fact]
    public async Task AnyCall_ByStaffWhoHaveNotSetUpAnAuthenticator_Returns403ProblemDetails()
    {
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        await ChangeAsync(officer, (users, user) => users.SetTwoFactorEnabledAsync(user, false));
        var client = (await factory.SignInAsync(officer)).Http;

        var response = await client.GetAsync("/api/requests");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Set up an authenticator app");
    }

    private async Task ChangeAsync(TestUser account, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(account.Id);
        (await change(users, user!)).Succeeded.ShouldBeTrue();
    }
}
