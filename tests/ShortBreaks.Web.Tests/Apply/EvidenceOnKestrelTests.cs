using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>The app on a real Kestrel server, where the request body size limit is enforced as in production.</summary>
public sealed class KestrelWebAppFactory : WebAppFactory
{
    public KestrelWebAppFactory() => UseKestrel(0);

    protected override HttpClient CreateBrowserClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }
}

public class EvidenceOnKestrelTests(KestrelWebAppFactory app) : IClassFixture<KestrelWebAppFactory>
{
    [Fact]
    public async Task Upload_WithABodyOver30MB_ShowsAFriendlyMessage()
    {
        var (browser, user) = await app.SignedInAsAsync();
        var draft = await app.StartDraftAsync(user.Id);

        using var response = await EvidenceTests.UploadAsync(browser, draft, TestFiles.Pdf((int)ServiceSetup.MaxRequestBytes + 1024), "huge.pdf", "ehc-plan");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageClient.ParseAsync(response);
        page.ShouldShowError("Upload", "The selected file must be smaller than 10MB");
    }
}
