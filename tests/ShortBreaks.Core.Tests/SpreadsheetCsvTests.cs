namespace ShortBreaks.Core.Tests;

public class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+44 1632", "'+44 1632")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Text_StartingLikeAFormula_IsNeutralised(string value, string cell)
    {
        var csv = SpreadsheetCsv.Write(["value"], w => w.Text(value).EndRow());

        csv.ShouldBe($"value\n{cell}\n");
    }

    [Fact]
    public void Text_CarriageReturnAtTheStart_IsNeutralisedAndQuoted()
    {
        SpreadsheetCsv.Write(["value"], w => w.Text("\r=1").EndRow()).ShouldBe("value\n\"'\r=1\"\n");
    }

    [Fact]
    public void Header_IsNeutralisedToo()
    {
        SpreadsheetCsv.Write(["=evil", "ok"], _ => { }).ShouldBe("'=evil,ok\n");
    }

    [Fact]
    public void Cells_WithCommasQuotesAndNewLines_AreQuoted()
    {
        var csv = SpreadsheetCsv.Write(["a", "b", "c"], w => w.Text("Smith, Jo").Text("say \"hi\"").Text("two\nlines").EndRow());

        csv.ShouldBe("a,b,c\n\"Smith, Jo\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }

    [Fact]
    public void Numbers_AreWrittenInvariantlyAndANegativeStaysANumber()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            var csv = SpreadsheetCsv.Write(["change", "count", "none", "day"], w => w.Number(-150.5m).Number(3).Number(null).Date(new DateOnly(2026, 7, 1)).EndRow());

            csv.ShouldBe("change,count,none,day\n-150.50,3,,2026-07-01\n");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
