using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Persistence;

/// <summary>Migrations on a real PostgreSQL: idempotent, and safe when several nodes start together.</summary>
public sealed class MigrationRunnerTests
{
    [Test]
    public async Task ApplyAsync_Twice_AppliesEachMigrationOnce()
    {
        await using var database = await TestDatabase.CreateAsync("mig");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

        var first = await runner.ApplyAsync(CancellationToken.None);
        var second = await runner.ApplyAsync(CancellationToken.None);

        first.Should().Equal(MigrationRunner.Migrations.Select(m => m.Name));
        second.Should().BeEmpty();
        (await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations")).Should().Be(MigrationRunner.Migrations.Count);
        (await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'spend_logs'")).Should().Be(1);
    }

    [Test]
    public async Task ApplyAsync_FourNodesAtOnce_AppliesEachMigrationExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync("migc");
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var runs = await Task.WhenAll(sources.Select(s => new MigrationRunner(s, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None)));

            runs.Sum(r => r.Count).Should().Be(MigrationRunner.Migrations.Count, "exactly one node applies each migration");
            (await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations")).Should().Be(MigrationRunner.Migrations.Count);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Test]
    public void Migrations_AreOrderedAndNumbered()
    {
        var names = MigrationRunner.Migrations.Select(m => m.Name).ToList();
        names.Should().NotBeEmpty().And.BeInAscendingOrder(StringComparer.Ordinal);
        names.Should().OnlyContain(n => n.Length > 5 && char.IsDigit(n[0]) && n.EndsWith(".sql", StringComparison.Ordinal));
    }
}
