using ShortBreaks.TestCommon;

namespace ShortBreaks.Api.Tests.Infrastructure;

/// <summary>One running service for all the API tests: starting it and migrating the database is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<WebAppFactory>
{
    public const string Name = "API";
}
