namespace ShortBreaks.TestCommon;

/// <summary>
/// Waiting for background work (a virtual budget run, a queued job) the way a person does: look, and look again
/// a little later, until it is done or a minute has gone. The one polling loop of the tests.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Calls <paramref name="look"/> until <paramref name="done"/> holds for what it returns, and returns that;
    /// fails naming <paramref name="what"/> when it has not happened within <paramref name="within"/> (a minute).
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> look, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (true)
        {
            var seen = await look();
            if (done(seen)) return seen;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {(within ?? DefaultWithin).TotalSeconds:0} seconds and still not: {what}.");
            await Task.Delay(200);
        }
    }
}
