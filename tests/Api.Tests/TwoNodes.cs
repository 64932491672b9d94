using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests;

/// <summary>Two API nodes started from one configuration on one fresh PostgreSQL database and the tests' Redis.</summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(TestDatabase database, ApiServer a, ApiServer b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }

    public ApiServer A { get; }

    public ApiServer B { get; }

    public static async Task<TwoNodes> StartAsync(string config, string databaseName)
    {
        var database = await TestDatabase.CreateAsync(databaseName);
        return new TwoNodes(database, await ApiServer.StartAsync(config, database), await ApiServer.StartAsync(config, database));
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
