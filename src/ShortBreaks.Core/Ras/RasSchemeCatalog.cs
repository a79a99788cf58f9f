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

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Loads and validates every <c>*.json</c> file directly in <paramref name="directory"/> (the shipped files are
    /// in <c>schemes/ras/</c>). Throws <see cref="RasSchemeValidationException"/> listing every problem found.
    /// </summary>
    public static RasSchemeCatalog LoadFrom(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new RasSchemeValidationException([$"The RAS folder '{directory}' does not exist."]);
        }

        var errors = new List<string>();
        var versions = new List<RasScheme>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var (scheme, fileErrors) = Parse(File.ReadAllText(file));
            errors.AddRange(fileErrors.Select(e => $"{name}: {e}"));
            if (scheme is not null) versions.Add(scheme);
        }

        foreach (var duplicate in versions.GroupBy(v => v.Version).Where(g => g.Count() > 1))
            errors.Add($"RAS version '{duplicate.Key}' is defined more than once.");
        foreach (var duplicate in versions.GroupBy(v => v.EffectiveFrom).Where(g => g.Count() > 1))
            errors.Add($"More than one RAS version starts on {duplicate.Key:yyyy-MM-dd}.");
        if (versions.Count == 0 && errors.Count == 0)
            errors.Add($"No RAS file (*.json) was found in '{directory}'.");

        if (errors.Count > 0)
        {
            throw new RasSchemeValidationException(errors);
        }

        return new RasSchemeCatalog(versions);
    }

    /// <summary>Parses and validates one RAS version from its JSON text.</summary>
    public static (RasScheme? Scheme, IReadOnlyList<string> Errors) Parse(string json)
    {
        RasScheme? scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<RasScheme>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, [$"is not a valid RAS file: {ex.Message}"]);
        }

        if (scheme is null)
        {
            return (null, ["is empty."]);
        }

        var errors = RasSchemeValidator.Validate(scheme);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (scheme with { ContentHash = HashOf(scheme) }, []);
    }

    /// <summary>The JSON a version is stored as in the database, the same for the same content.</summary>
    public static string ToJson(RasScheme scheme) => JsonSerializer.Serialize(scheme, JsonOptions);

    /// <summary>A short fingerprint of a version's content.</summary>
    public static string HashOf(RasScheme scheme) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson(scheme))))[..16].ToLowerInvariant();
}

public sealed class RasSchemeValidationException(IReadOnlyList<string> errors)
    : Exception("The RAS configuration is not valid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
