namespace ShortBreaks.Core.Demo;

/// <summary>
/// A seeded source of choices for the demo county. Every value, ids included, comes from it, so the
/// same seed gives the same county; only password salts and security stamps are truly random.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    /// <summary>The characters of a reference: no 0/O, 1/I to misread on the phone.</summary>
    public const string ReferenceAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private readonly Random _random = new(seed);
    private readonly byte[] _bytes = new byte[10];

    /// <summary>0 to <paramref name="maxExclusive"/> - 1.</summary>
    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary><paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks by weight: the chance of each item is its weight over the sum of weights.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, weight) in items) total += weight;
        var roll = _random.Next(total);
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }

        return items[^1].Item;
    }

    /// <summary>Up to <paramref name="count"/> different items, in the list's order.</summary>
    public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var chosen = new SortedSet<int>();
        count = Math.Min(count, items.Count);
        while (chosen.Count < count) chosen.Add(_random.Next(items.Count));
        return chosen.Select(i => items[i]).ToList();
    }

    public void Shuffle<T>(T[] items) => _random.Shuffle(items);

    /// <summary>A reference such as "C-7KQ2-M9XD".</summary>
    public string Reference(char prefix)
    {
        Span<char> text = stackalloc char[11];
        text[0] = prefix;
        text[1] = '-';
        text[6] = '-';
        for (var i = 2; i < text.Length; i++)
        {
            if (i == 6) continue;
            text[i] = ReferenceAlphabet[_random.Next(ReferenceAlphabet.Length)];
        }

        return new string(text);
    }

    /// <summary>A version 7 (time-ordered) id stamped with <paramref name="at"/>, its random bits from the seed.</summary>
    public Guid Id(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        _random.NextBytes(_bytes);
        _bytes.CopyTo(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A time on <paramref name="day"/> between the two hours (UTC, which the demo takes as UK time).</summary>
    public DateTime TimeOn(DateOnly day, int fromHour, int toHourExclusive) =>
        day.ToDateTime(new TimeOnly(fromHour, 0), DateTimeKind.Utc).AddSeconds(_random.Next((toHourExclusive - fromHour) * 3600));
}
