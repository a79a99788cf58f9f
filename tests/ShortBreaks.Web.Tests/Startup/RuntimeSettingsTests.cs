using System.Text.Json.Nodes;

namespace ShortBreaks.Web.Tests.Startup;

/// <summary>The runtime settings the service is built with, as the service's own runtime configuration file holds them.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void ServiceRuntimeConfig_UsesServerGarbageCollection_WithoutDynamicAdaptation()
    {
        // The file the runtime reads when the service starts, built beside the service's assembly.
        var path = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        File.Exists(path).ShouldBeTrue($"{path} is built with the service");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        properties["System.GC.Server"]!.GetValue<bool>().ShouldBeTrue();
        // 0 turns off DATAS, which otherwise shrinks the heap and collects far more often under load (bench/README.md).
        properties["System.GC.DynamicAdaptationMode"]!.GetValue<int>().ShouldBe(0);
    }
}
