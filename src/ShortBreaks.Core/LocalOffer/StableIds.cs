namespace ShortBreaks.Core.LocalOffer;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) for things the feed must give a UUID that are words here (the scheme's
/// taxonomy and its terms) or that have no row of their own (an organisation's Companies House number): the same
/// word always gives the same UUID, on every node and from version to version.
/// </summary>
public static class StableIds
{
    // A namespace of this service's own (a version 4 UUID chosen once; never change it, or every feed id changes).
    private static readonly Guid Namespace = new("5b0f6e3c-8a41-4c1e-9d7a-2f6c1b8e4a90");

    public static Guid Taxonomy(string id) => From("taxonomy:" + id);

    public static Guid TaxonomyTerm(string id) => From("taxonomy-term:" + id);

    /// <summary>A UUID for <paramref name="name"/> within this service's namespace.</summary>
    public static Guid From(string name)
    {
        var ns = Namespace.ToByteArray(bigEndian: true);
        var bytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. ns, .. bytes]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
