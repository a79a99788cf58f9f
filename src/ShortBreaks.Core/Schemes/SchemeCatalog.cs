namespace ShortBreaks.Core.Schemes;

/// <summary>
/// Every scheme version the service knows, and which one is in force on a day. Versions are only ever added (a
/// version published on another node joins while the service runs, see <see cref="TryAdd"/>); readers always see a
/// whole, ordered list.
/// </summary>
public sealed class SchemeCatalog
{
    private readonly Lock _adding = new();
    private volatile IReadOnlyList<Scheme> _versions;

    public SchemeCatalog(IEnumerable<Scheme> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (_versions.Count == 0)
        {
            throw new SchemeValidationException(["No scheme version was found."]);
        }
    }

    public IReadOnlyList<Scheme> Versions => _versions;

    /// <summary>The version in force on a day; before the first version's start, the first version.</summary>
    public Scheme InForceOn(DateOnly day)
    {
        var versions = _versions;
        return versions.LastOrDefault(v => v.EffectiveFrom <= day) ?? versions[0];
    }

    public Scheme? Find(string version) => _versions.FirstOrDefault(v => v.Version == version);

    /// <summary>Adds a version not yet known here; false, changing nothing, when one of that name is already known.</summary>
    public bool TryAdd(Scheme scheme)
    {
        lock (_adding)
        {
            if (Find(scheme.Version) is not null) return false;
            _versions = _versions.Append(scheme).OrderBy(v => v.EffectiveFrom).ToList();
            return true;
        }
    }

    public static readonly JsonSerializerOptions JsonOptions = VersionFiles.JsonOptions();

    /// <summary>
    /// Loads and validates every <c>*.json</c> file directly in <paramref name="directory"/>.
    /// Throws <see cref="SchemeValidationException"/> listing every problem found.
    /// </summary>
    public static SchemeCatalog LoadFrom(string directory) =>
        new(VersionFiles.Load<Scheme>(directory, "scheme", "version", Parse, errors => new SchemeValidationException(errors)));

    /// <summary>Parses and validates one scheme version from its JSON text.</summary>
    public static (Scheme? Scheme, IReadOnlyList<string> Errors) Parse(string json)
    {
        var (scheme, errors) = VersionFiles.Parse<Scheme>(json, JsonOptions, "a valid scheme", SchemeValidator.Validate);
        return scheme is null ? (null, errors) : (scheme with { ContentHash = VersionFiles.Fingerprint(JsonSerializer.Serialize(scheme, JsonOptions)) }, []);
    }
}

public sealed class SchemeValidationException(IReadOnlyList<string> errors)
    : Exception("The short breaks scheme configuration is not valid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
