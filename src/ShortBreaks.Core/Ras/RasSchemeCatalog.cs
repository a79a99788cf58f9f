using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShortBreaks.Core.Ras;

/// <summary>Every RAS version the service knows, and which one is in force on a day.</summary>
public sealed class RasSchemeCatalog
{
    private readonly List<RasScheme> _versions;

    public RasSchemeCatalog(IEnumerable<RasScheme> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (_versions.Count == 0)
        {
            throw new RasSchemeValidationException(["No RAS version was found."]);
        }
    }

    public IReadOnlyList<RasScheme> Versions => _versions;

    /// <summary>The version in force on a day; before the first version's start, the first version.</summary>
    public RasScheme InForceOn(DateOnly day) => _versions.LastOrDefault(v => v.EffectiveFrom <= day) ?? _versions[0];

    public RasScheme? Find(string version) => _versions.FirstOrDefault(v => v.Version == version);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
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

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(scheme, JsonOptions))))[..16].ToLowerInvariant();
        return (scheme with { ContentHash = hash }, []);
    }
}

public sealed class RasSchemeValidationException(IReadOnlyList<string> errors)
    : Exception("The RAS configuration is not valid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
