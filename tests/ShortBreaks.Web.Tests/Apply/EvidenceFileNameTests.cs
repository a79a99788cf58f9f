using System.Text;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Tests.Apply;

/// <summary>The name an evidence file is kept and downloaded under: safe to show, and true to what the file is.</summary>
public class EvidenceFileNameTests
{
    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee.pdf", "abcde.pdf")]
    [InlineData("\u2066a\u2067b\u2068c\u2069.pdf", "abc.pdf")]
    [InlineData("a\u200Eb\u200Fc\u061C.pdf", "abc.pdf")]
    [InlineData("nul\0bell\u0007del\u007Fnext\u0085csi\u009B.pdf", "nulbelldelnextcsi.pdf")]
    [InlineData("C:\\Users\\jess\\scan.pdf", "scan.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("photo 💥.png", "photo 💥.png")]
    [InlineData("\u202E\u0000", "evidence")]
    public void SafeName_TakesOutFoldersControlAndDirectionCharacters(string name, string safe) =>
        EvidenceFiles.SafeName(name).ShouldBe(safe);

    [Fact]
    public void SafeName_TakesOutALoneSurrogate() =>
        EvidenceFiles.SafeName("lone " + (char)0xD800 + ".png").ShouldBe("lone .png");

    [Theory]
    [InlineData("scan.pdf", "%PDF-1.7 ...", "scan.pdf")]
    [InlineData("scan.pdf", "\u00FF\u00D8\u00FF\u00E0 jpeg", "scan.jpg")]
    [InlineData("scan.jpg", "\u0089PNG\r\n\u001A\n png", "scan.png")]
    [InlineData("invoice\u202Efdp.exe", "%PDF-1.4", "invoicefdp.pdf")]
    [InlineData("notes", "Words from the family", "notes.txt")]
    [InlineData("page.html", "<html>\0</html>", "page.bin")]
    [InlineData(".pdf", "%PDF-1.4", "evidence.pdf")]
    public void DownloadName_HasTheExtensionOfTheTypeTheBytesShow(string stored, string content, string download) =>
        EvidenceFiles.DownloadName(stored, Encoding.Latin1.GetBytes(content)).ShouldBe(download);
}
