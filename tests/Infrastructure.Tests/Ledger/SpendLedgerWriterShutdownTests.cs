using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.Infrastructure.Tests.Persistence;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Ledger;

/// <summary>
/// A stop that arrives while a batch is being written ends in the shutdown flush, whatever error the write in flight
/// ends with: the batch is written (or spilled) there, never dropped with the service.
/// </summary>
public sealed class SpendLedgerWriterShutdownTests
{
    private const int Rows = 50;

    private MigratedDatabase _database = null!;
    private DirectoryInfo _root = null!;
    private SpendLedger _ledger = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await MigratedDatabase.CreateAsync("shutdown");
        _root = Directory.CreateTempSubdirectory("llmplatform-shutdown-");
        _ledger = new SpendLedger(10_000, new LedgerSpill(Path.Combine(_root.FullName, "spill")));
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _ledger.Dispose();
        await _database.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Test]
    public async Task OutageError_RaisedAfterTheStopSignal_StillLeadsToTheFlush_WhichWritesTheBatch()
    {
        // The writer's first connection signals the stop and then fails as an outage does. That error comes after the
        // stop, so it is not retried; the rows of the batch in flight must reach the flush, which connects again.
        SpendLedgerWriter? writer = null;
        Task? stopping = null;
        var failures = 0;
        var builder = new NpgsqlDataSourceBuilder(_database.Database.ConnectionString);
        builder.UsePhysicalConnectionInitializer(
            _ => { },
            _ =>
            {
                if (Interlocked.Increment(ref failures) > 1)
                {
                    return Task.CompletedTask;
                }

                stopping = writer!.StopAsync(CancellationToken.None);
                throw new NpgsqlException("The server went away.");
            });
        await using var dataSource = builder.Build();
        for (var i = 0; i < Rows; i++)
        {
            _ledger.Publish(UsageEvents.Chat($"stop-{i}", "shutdown-key", 0.01m, DateTimeOffset.UtcNow));
        }

        writer = new SpendLedgerWriter(_ledger, dataSource, NullLogger<SpendLedgerWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(stopping is not null), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));
        await stopping!.WaitAsync(TimeSpan.FromSeconds(30));

        writer.ExecuteTask!.IsCompletedSuccessfully.Should().BeTrue("the error after the stop ends in the flush, not out of the service");
        (await _database.Database.ScalarAsync<long>("SELECT count(*) FROM spend_logs WHERE request_id LIKE 'stop-%'"))
            .Should().Be(Rows, "the flush writes the batch the failed write still held");
        _ledger.Spill.OldestSegment().Should().BeNull("nothing needed spilling: the flush's own connection worked");
        failures.Should().Be(2, "the failed connection and the flush's");
        writer.Dispose();
    }

    [Test]
    public async Task Stop_WithTheShutdownBudgetSpent_SpillsWhatPostgreSqlHasNotTaken_BeforeItReturns()
    {
        // The drain of in-flight requests can use up the whole shutdown timeout; the host then stops the writer with a
        // token already cancelled and exits once StopAsync returns. Here PostgreSQL is slow (the ledger table is locked),
        // so the rows are neither written nor, unless the writer hurries, spilled when the process would exit.
        await using var locker = await _database.DataSource.OpenConnectionAsync();
        await using var lockTransaction = await locker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE spend_logs IN ACCESS EXCLUSIVE MODE", locker, lockTransaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < Rows; i++)
        {
            _ledger.Publish(UsageEvents.Chat($"late-{i}", "shutdown-key", 0.01m, DateTimeOffset.UtcNow));
        }

        using var writer = new SpendLedgerWriter(_ledger, _database.DataSource, NullLogger<SpendLedgerWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        (await Eventually.TrueAsync(
            async () => await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted") > 0,
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(20)))
            .Should().BeTrue("the writer's batch waits for the lock");

        await writer.StopAsync(new CancellationToken(canceled: true)).WaitAsync(TimeSpan.FromSeconds(30));

        writer.ExecuteTask!.IsCompleted.Should().BeTrue("StopAsync returns once the rows are safe, not before");
        _ledger.Spill.Spilled.Should().Be(Rows, "what PostgreSQL did not take is on disk for the next start");
        LedgerSpill.Read(_ledger.Spill.OldestSegment()!).Select(e => e.RequestId).Should().BeEquivalentTo(Enumerable.Range(0, Rows).Select(i => $"late-{i}"));
        await lockTransaction.RollbackAsync();
    }
}
