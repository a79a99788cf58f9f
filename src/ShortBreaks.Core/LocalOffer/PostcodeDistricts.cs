namespace ShortBreaks.Core.LocalOffer;

/// <summary>A point on the map, in WGS84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMiles = 3958.8;

    /// <summary>The great-circle distance to <paramref name="other"/> in miles (haversine).</summary>
    public double MilesTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// A box of latitudes and longitudes holding every point within <paramref name="miles"/> (a little wider, never
    /// narrower), to read only nearby places on an index before measuring them exactly; no longitude bound near a pole
    /// or across the 180th meridian.
    /// </summary>
    public GeoBox BoxAround(double miles)
    {
        // The latitude differs by at most the angle the distance spans; the longitude by asin(sin(angle) / cos(latitude)).
        var angle = Math.Max(0, miles) / EarthRadiusMiles * 1.001 + 1e-9;
        var degrees = angle * 180 / Math.PI;
        var south = Latitude - degrees;
        var north = Latitude + degrees;
        if (south <= -90 || north >= 90 || angle >= Math.PI / 2) return new GeoBox(Math.Max(-90, south), Math.Min(90, north), null, null);
        var across = Math.Sin(angle) / Math.Cos(Latitude * Math.PI / 180);
        if (across >= 1) return new GeoBox(south, north, null, null);
        var lonDegrees = Math.Asin(across) * 180 / Math.PI * 1.001 + 1e-9;
        var west = Longitude - lonDegrees;
        var east = Longitude + lonDegrees;
        return west < -180 || east > 180 ? new GeoBox(south, north, null, null) : new GeoBox(south, north, west, east);
    }

    public static bool IsValid(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && !double.IsNaN(latitude) && !double.IsNaN(longitude);
}

/// <summary>Latitudes from <see cref="South"/> to <see cref="North"/> and, when bounded, longitudes from <see cref="West"/> to <see cref="East"/>.</summary>
public readonly record struct GeoBox(double South, double North, double? West, double? East);

/// <summary>
/// The centre of each postcode district (outward code, "DC4") of the council's area, from
/// <c>schemes/local-offer/postcode-districts.json</c>: where the directory measures distances from when a family's
/// postcode is not one a listed location has. Read once at start; no internet look-up is ever made.
/// </summary>
public sealed class PostcodeDistricts
{
    public static readonly PostcodeDistricts None = new([]);

    private readonly Dictionary<string, GeoPoint> _centres;

    public PostcodeDistricts(IEnumerable<(string Outcode, GeoPoint Centre)> districts) =>
        _centres = districts.ToDictionary(d => MatchKeys.Postcode(d.Outcode), d => d.Centre, StringComparer.Ordinal);

    public int Count => _centres.Count;

    /// <summary>The centre of the district of <paramref name="postcode"/> (a full postcode or its outward code), if known.</summary>
    public GeoPoint? CentreOf(string? postcode)
    {
        var outcode = Outcode(postcode);
        return outcode is not null && _centres.TryGetValue(outcode, out var centre) ? centre : null;
    }

    /// <summary>The outward code of a full postcode ("DC4 2AB" gives "DC4") or of an outward code alone; null for anything else.</summary>
    public static string? Outcode(string? postcode)
    {
        var key = MatchKeys.Postcode(postcode);
        if (Postcodes.IsValid(key)) return key[..^3];
        return Postcodes.LooksLikePostcode(key) ? key : null;
    }

    /// <summary>Reads the file; a missing file is no districts (distances then come from listed locations only).</summary>
    public static PostcodeDistricts LoadFrom(string path)
    {
        if (!File.Exists(path)) return None;
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<DistrictsFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                   ?? throw new SchemeValidationException([$"{path} is empty."]);
        var problems = new List<string>();
        foreach (var (d, i) in file.Districts.Select((d, i) => (d, i)))
        {
            if (!Postcodes.LooksLikePostcode(d.Outcode) || Postcodes.IsValid(d.Outcode)) problems.Add($"{path}: district {i + 1} has '{d.Outcode}', which is not an outward code like DC4.");
            if (!GeoPoint.IsValid(d.Latitude, d.Longitude)) problems.Add($"{path}: district {d.Outcode} has a latitude or longitude out of range.");
        }

        foreach (var twice in file.Districts.GroupBy(d => MatchKeys.Postcode(d.Outcode)).Where(g => g.Count() > 1)) problems.Add($"{path}: district {twice.Key} is given more than once.");
        if (problems.Count > 0) throw new SchemeValidationException(problems);
        return new PostcodeDistricts(file.Districts.Select(d => (d.Outcode, new GeoPoint(d.Latitude, d.Longitude))));
    }

    private sealed record DistrictsFile(string? Description, IReadOnlyList<District> Districts);

    private sealed record District(string Outcode, double Latitude, double Longitude, string? Place);
}
