using System.Reflection;
using ShortBreaks.Core.Data;
using Xunit;
using Xunit.Sdk;

namespace ShortBreaks.TestCommon;

/// <summary>
/// Runs a theory once for every database provider the service supports, passing the provider as the first
/// argument. Use it with <c>[SkippableTheory]</c> so that the PostgreSQL case is reported as skipped, with its
/// reason, on a machine without PostgreSQL (and fails under <c>CI=true</c>):
/// <code>
/// [SkippableTheory, AllDatabases]
/// public async Task Save_WritesAuditEntry(DatabaseProvider provider)
/// {
///     await using var database = await TestDatabase.CreateAsync(provider);
///     await using var db = database.NewContext();
/// </code>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllDatabasesAttribute : DataAttribute
{
    public static IReadOnlyList<DatabaseProvider> Providers { get; } = Enum.GetValues<DatabaseProvider>();

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var name = $"{testMethod.DeclaringType?.Name}.{testMethod.Name}";
        if (testMethod.GetCustomAttribute<SkippableTheoryAttribute>() is null)
        {
            // A plain [Theory] would report a missing PostgreSQL as a failure instead of a skip.
            throw new InvalidOperationException($"{name}: use [SkippableTheory, AllDatabases], not [Theory, AllDatabases].");
        }

        var parameters = testMethod.GetParameters();
        if (parameters.Length != 1 || parameters[0].ParameterType != typeof(DatabaseProvider))
        {
            throw new InvalidOperationException($"{name}: an [AllDatabases] test takes one parameter, a {nameof(DatabaseProvider)}.");
        }

        return Providers.Select(p => new object[] { p }).ToList();
    }
}
