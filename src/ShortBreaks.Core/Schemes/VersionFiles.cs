namespace ShortBreaks.Core.Schemes;

/// <summary>A version a council publishes as a JSON file: a scheme version or a RAS version.</summary>
internal interface IVersionedFile
{
    string Version { get; }
    DateOnly EffectiveFrom { get; }
}

/// <summary>
/// Reading a folder of versions, the same way for scheme and RAS files: each file parsed and validated, every problem
/// listed with the file's name, no version label or start day used twice, and a fingerprint of what was read.
/// </summary>
internal static class VersionFiles
{
    /// <summary>
    /// How version files are read and written: comments and trailing commas allowed, an unknown or missing member
    /// refused by name.
    /// </summary>
    public static JsonSerializerOptions JsonOptions(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
        };
        foreach (var converter in converters) options.Converters.Add(converter);
        return options;
    }

    /// <summary>
    /// Every <c>*.json</c> file directly in <paramref name="directory"/>, in name order; throws the exception
    /// <paramref name="invalid"/> makes of every problem found. <paramref name="kind"/> names the files in messages
    /// ("scheme", "RAS") and <paramref name="version"/> their versions ("version", "RAS version").
    /// </summary>
    public static List<T> Load<T>(
        string directory, string kind, string version, Func<string, (T? Version, IReadOnlyList<string> Errors)> parse,
        Func<IReadOnlyList<string>, Exception> invalid)
        where T : class, IVersionedFile
    {
        if (!Directory.Exists(directory))
        {
            throw invalid([$"The {kind} folder '{directory}' does not exist."]);
        }

        var errors = new List<string>();
        var versions = new List<T>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var (parsed, fileErrors) = parse(File.ReadAllText(file));
            errors.AddRange(fileErrors.Select(e => $"{name}: {e}"));
            if (parsed is not null) versions.Add(parsed);
        }

        foreach (var duplicate in versions.GroupBy(v => v.Version).Where(g => g.Count() > 1))
            errors.Add($"{char.ToUpperInvariant(version[0])}{version[1..]} '{duplicate.Key}' is defined more than once.");
        foreach (var duplicate in versions.GroupBy(v => v.EffectiveFrom).Where(g => g.Count() > 1))
            errors.Add($"More than one {version} starts on {duplicate.Key:yyyy-MM-dd}.");
        if (versions.Count == 0 && errors.Count == 0)
            errors.Add($"No {kind} file (*.json) was found in '{directory}'.");
        if (errors.Count > 0) throw invalid(errors);
        return versions;
    }

    /// <summary>
    /// One version from its JSON text, checked by <paramref name="validate"/>; <paramref name="what"/> ends "is not …"
    /// when the text cannot be read ("a valid scheme").
    /// </summary>
    public static (T? Version, IReadOnlyList<string> Errors) Parse<T>(
        string json, JsonSerializerOptions options, string what, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException ex)
        {
            return (null, [$"is not {what}: {ex.Message}"]);
        }

        if (parsed is null)
        {
            return (null, ["is empty."]);
        }

        var errors = validate(parsed);
        return errors.Count > 0 ? (null, errors) : (parsed, []);
    }

    /// <summary>A short fingerprint of a version's JSON.</summary>
    public static string Fingerprint(string json) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16].ToLowerInvariant();
}
