using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Persistence;

/// <summary>A database of its own on the test PostgreSQL with the schema applied, and a data source on it.</summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private MigratedDatabase(TestDatabase database, NpgsqlDataSource dataSource)
    {
        Database = database;
        DataSource = dataSource;
    }

    public TestDatabase Database { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<MigratedDatabase> CreateAsync(string prefix)
    {
        var database = await TestDatabase.CreateAsync(prefix);
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return new MigratedDatabase(database, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }
}
