using Microsoft.AspNetCore.Identity;
using ShortBreaks.Core.Identity;

namespace ShortBreaks.Web.Infrastructure;

public static class DemoData
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static Task EnsureAsync(WebApplication app, IServiceProvider services) => Task.CompletedTask;
}
