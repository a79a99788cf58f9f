
namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>Small files made here, with the first bytes of each kind.</summary>
public static class TestFiles
{
    public static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Text() => "This is a note, not a scan of a letter.\n"u8.ToArray();
}
