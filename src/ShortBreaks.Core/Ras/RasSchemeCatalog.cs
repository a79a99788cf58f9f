namespace ShortBreaks.Core.Ras;

/// <summary>
/// Every published RAS version the service knows (the scheme files and the versions published in the service),
/// and which one is in force on a day. Drafts are never here: they live in the database until published.
/// </summary>
public sealed class RasSchemeCatalog
{
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<RasScheme> _versions;

    public RasSchemeCatalog(IEnumerable<RasScheme> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (_versions.Count == 0)
        {
            throw new RasSchemeValidationException(["No RAS version was found."]);
        }
    }

    /// <summary>Every published version, oldest first by the day it takes effect.</summary>
    public IReadOnlyList<RasScheme> Versions => _versions;

    /// <summary>The version in force on a day; before the first version's start, the first version.</summary>
    public RasScheme InForceOn(DateOnly day)
    {
        var versions = _versions;
        return versions.LastOrDefault(v => v.EffectiveFrom <= day) ?? versions[0];
    }

    public RasScheme? Find(string version) => _versions.FirstOrDefault(v => v.Version == version);

    /// <summary>
    /// Adds a version published in the service. Readers never see a half-changed list: the list is replaced whole.
    /// A version with the same label and content is already here and is left alone.
    /// </summary>
    public void Add(RasScheme scheme)
    {
        lock (_gate)
        {
            var existing = Find(scheme.Version);
            if (existing is not null)
            {
                if (existing.ContentHash == scheme.ContentHash) return;
                throw new RasSchemeValidationException([$"RAS version '{scheme.Version}' is already published with different content."]);
            }

            if (_versions.Any(v => v.EffectiveFrom == scheme.EffectiveFrom))
            {
                throw new RasSchemeValidationException([$"More than one RAS version starts on {scheme.EffectiveFrom:yyyy-MM-dd}."]);
            }

            _versions = _versions.Append(scheme).OrderBy(v => v.EffectiveFrom).ToList();
        }
    }

    public static readonly JsonSerializerOptions JsonOptions = VersionFiles.JsonOptions(new JsonStringEnumConverter(allowIntegerValues: false));

    /// <summary>
    /// Loads and validates every <c>*.json</c> file directly in <paramref name="directory"/> (the shipped files are
    /// in <c>schemes/ras/</c>). Throws <see cref="RasSchemeValidationException"/> listing every problem found.
    /// </summary>
    public static RasSchemeCatalog LoadFrom(string directory) =>
        new(VersionFiles.Load<RasScheme>(directory, "RAS", "RAS version", Parse, errors => new RasSchemeValidationException(errors)));

    /// <summary>Parses and validates one RAS version from its JSON text.</summary>
    public static (RasScheme? Scheme, IReadOnlyList<string> Errors) Parse(string json)
    {
        var (scheme, errors) = VersionFiles.Parse<RasScheme>(json, JsonOptions, "a valid RAS file", RasSchemeValidator.Validate);
        return scheme is null ? (null, errors) : (scheme with { ContentHash = HashOf(scheme) }, []);
    }

    /// <summary>The JSON a version is stored as in the database, the same for the same content.</summary>
    public static string ToJson(RasScheme scheme) => JsonSerializer.Serialize(scheme, JsonOptions);

    /// <summary>A short fingerprint of a version's content.</summary>
    public static string HashOf(RasScheme scheme) => VersionFiles.Fingerprint(ToJson(scheme));
}

public sealed class RasSchemeValidationException(IReadOnlyList<string> errors)
    : Exception("The RAS configuration is not valid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
