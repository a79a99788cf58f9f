using Microsoft.Extensions.DependencyInjection;

namespace ShortBreaks.Cli;

/// <summary>The core services for one command, registered as the web host registers them, acting as the command.</summary>
internal sealed class CoreScope : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private CoreScope(CoreOptions options, string actorName)
    {
        _provider = new ServiceCollection().AddLogging().AddShortBreaksCore(options).BuildServiceProvider();
        _scope = _provider.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<Actor>().Name = actorName;
    }

    /// <summary>Services as the command named <paramref name="command"/>: the audit trail says "Command line: name".</summary>
    public static CoreScope Open(CoreOptions options, string command) => new(options, "Command line: " + command);

    public IServiceProvider Services => _scope.ServiceProvider;

    public ShortBreaksDbContext Db => Services.GetRequiredService<ShortBreaksDbContext>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
