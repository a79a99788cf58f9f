using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests.Infrastructure;

/// <summary>The test host (<see cref="WebAppFactory"/>) on Kestrel on a free loopback port, for a browser to drive.</summary>
public sealed class LiveServer : WebAppFactory
{
    private LiveServer(DatabaseProvider provider)
        : base(provider) => UseKestrel(0);

    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the service on a new database of the provider (ask for it inside the test, so a missing PostgreSQL skips).</summary>
    public static Task<LiveServer> StartAsync(DatabaseProvider provider)
    {
        var server = new LiveServer(provider);
        server.StartServer();
        server.BaseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        return Task.FromResult(server);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }
}
