using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Caseloads;

/// <summary>
/// The service with the shipped schemes changed only in who sees which children: personalisation officers see their own
/// caseload and the children they work on, reviewing officers their team's, team managers every child.
/// </summary>
public class VisibilityFactory : WebAppFactory
{
    private readonly string _schemes = Directory.CreateTempSubdirectory("shortbreaks-visibility-").FullName;

    public VisibilityFactory()
        : this(personalisationOfficer: "Own", reviewingOfficer: "Team", teamManager: "All")
    {
    }

    /// <summary>The shipped schemes with these settings, each a <c>ChildVisibilityScope</c> name.</summary>
    protected VisibilityFactory(string personalisationOfficer, string reviewingOfficer, string teamManager)
    {
        Copy(ShippedSchemes.Folder, _schemes);
        foreach (var file in Directory.GetFiles(_schemes, "*.json"))
        {
            var scheme = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            scheme["visibility"] = new JsonObject
            {
                ["personalisationOfficer"] = personalisationOfficer, ["reviewingOfficer"] = reviewingOfficer, ["teamManager"] = teamManager,
            };
            File.WriteAllText(file, scheme.ToJsonString());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Schemes:Directory", _schemes);
    }

    private static void Copy(string from, string to)
    {
        foreach (var folder in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(folder.Replace(from, to));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_schemes)) Directory.Delete(_schemes, recursive: true);
    }
}
