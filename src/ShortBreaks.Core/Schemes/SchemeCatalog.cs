namespace ShortBreaks.Core.Schemes;

/// <summary>Every scheme version the service knows, and which one is in force on a day.</summary>
public sealed class SchemeCatalog
{
    private readonly List<Scheme> _versions;

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
    public Scheme InForceOn(DateOnly day) =>
        _versions.LastOrDefault(v => v.EffectiveFrom <= day) ?? _versions[0];

    public Scheme? Find(string version) => _versions.FirstOrDefault(v => v.Version == version);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Loads and validates every <c>*.json</c> file directly in <paramref name="directory"/>.
    /// Throws <see cref="SchemeValidationException"/> listing every problem found.
    /// </summary>
    public static SchemeCatalog LoadFrom(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SchemeValidationException([$"The scheme folder '{directory}' does not exist."]);
        }

        var errors = new List<string>();
        var versions = new List<Scheme>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var (scheme, fileErrors) = Parse(File.ReadAllText(file));
            errors.AddRange(fileErrors.Select(e => $"{name}: {e}"));
            if (scheme is not null)
            {
                versions.Add(scheme);
            }
        }

        foreach (var duplicate in versions.GroupBy(v => v.Version).Where(g => g.Count() > 1))
        {
            errors.Add($"Version '{duplicate.Key}' is defined more than once.");
        }

        foreach (var duplicate in versions.GroupBy(v => v.EffectiveFrom).Where(g => g.Count() > 1))
        {
            errors.Add($"More than one version starts on {duplicate.Key:yyyy-MM-dd}.");
        }

        if (versions.Count == 0 && errors.Count == 0)
        {
            errors.Add($"No scheme file (*.json) was found in '{directory}'.");
        }

        if (errors.Count > 0)
        {
            throw new SchemeValidationException(errors);
        }

        return new SchemeCatalog(versions);
    }

    /// <summary>Parses and validates one scheme version from its JSON text.</summary>
    public static (Scheme? Scheme, IReadOnlyList<string> Errors) Parse(string json)
    {
        Scheme? scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<Scheme>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, [$"is not a valid scheme: {ex.Message}"]);
        }

        if (scheme is null)
        {
            return (null, ["is empty."]);
        }

        var errors = SchemeValidator.Validate(scheme);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(scheme, JsonOptions))))[..16].ToLowerInvariant();
        return (scheme with { ContentHash = hash }, []);
    }
}

public sealed class SchemeValidationException(IReadOnlyList<string> errors)
    : Exception("The short breaks scheme configuration is not valid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
