using System.Collections.Concurrent;
using System.Security.Cryptography;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.Infrastructure.Tests.Persistence;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Tests.Ledger;

/// <summary>
/// A row PostgreSQL refuses for its data (a check it fails, a number too large for its column) holds back neither its
/// batch nor the rows behind it: the good rows land, the refused row lands without its optional fields when that
/// passes, and is set aside in the rejected file next to the spill folder when even that is refused.
/// </summary>
public sealed class SpendLedgerWriterRefusalTests
{
    private const string KeyHash = "refusal-key-hash";

    /// <summary>Past numeric(20, 10), the type of <c>spend_logs.spend</c>: SQLSTATE 22003 however the row is written.</summary>
    private const decimal OverflowingCost = 10_000_000_000m;

    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    private MigratedDatabase _database = null!;
    private DirectoryInfo _root = null!;
    private SpendLedger _ledger = null!;
    private RecordingLogger _logger = null!;
    private SpendLedgerWriter _writer = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await MigratedDatabase.CreateAsync("refusal");
        await ExecuteAsync($"INSERT INTO virtual_keys (token, key_id, key_name) VALUES ('{KeyHash}', 'refusal-key', 'sk-...test')");
        _root = Directory.CreateTempSubdirectory("llmplatform-refusal-");
        _ledger = new SpendLedger(10_000, new LedgerSpill(Path.Combine(_root.FullName, "spill")));
        _logger = new RecordingLogger();
        _writer = new SpendLedgerWriter(_ledger, _database.DataSource, _logger);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _ledger.Dispose();
        await ExecuteAsync("ALTER TABLE spend_logs DROP CONSTRAINT IF EXISTS refused_end_user");
        await _database.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Test]
    public async Task Batch_WithRowsRefusedForAnOptionalField_WritesTheGoodRowsAndThoseRowsWithoutIt()
    {
        await ExecuteAsync("ALTER TABLE spend_logs ADD CONSTRAINT refused_end_user CHECK (end_user IS DISTINCT FROM 'refused')");
        var rows = Rows("good", 200, 0.5m);
        rows[37] = rows[37] with { EndUser = "refused", Tags = ["a-tag"], ApiBase = "https://example.test", Cost = 2m };
        rows[150] = rows[150] with { EndUser = "refused", Cost = 3m };
        rows.ForEach(_ledger.Publish);

        await _writer.StartAsync(CancellationToken.None);

        (await RowCountAsync(200)).Should().Be(200, "neither refused row holds back its batch");
        (await _database.Database.ScalarAsync<long>(
            "SELECT count(*) FROM spend_logs WHERE request_id IN ('good-37', 'good-150') AND end_user IS NULL AND tags IS NULL AND api_base IS NULL"))
            .Should().Be(2, "the refused rows are written without their optional fields");
        (await _database.Database.ScalarAsync<decimal>("SELECT spend FROM spend_logs WHERE request_id = 'good-37'")).Should().Be(2m);
        (await _database.Database.ScalarAsync<decimal>("SELECT spend FROM virtual_keys WHERE token = @token", ("token", KeyHash)))
            .Should().Be((198 * 0.5m) + 2m + 3m, "the key is charged for every row, the refused ones too");
        (await _database.Database.ScalarAsync<long>("SELECT sum(requests)::bigint FROM spend_daily")).Should().Be(200);
        File.Exists(_ledger.Spill.RejectedPath).Should().BeFalse("nothing had to be set aside");
        (_ledger.Degraded, _ledger.Spill.Rejected).Should().Be((2L, 0L));
        _logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("good-37", StringComparison.Ordinal) && e.Message.Contains("23514", StringComparison.Ordinal));
    }

    [Test]
    public async Task Row_WithAnEndUserTooLongToIndex_IsWrittenWithoutIt_AndTheRowsBehindItLand()
    {
        // Random text does not compress, so PostgreSQL cannot index it in spend_daily and end_users (54000).
        var endUser = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9_000));
        var rows = Rows("long", 20, 0.5m);
        rows[3] = rows[3] with { EndUser = endUser };
        rows.ForEach(_ledger.Publish);

        await _writer.StartAsync(CancellationToken.None);

        (await RowCountAsync(20)).Should().Be(20, "the row does not hold back the rows behind it");
        (await _database.Database.ScalarAsync<long>("SELECT count(*) FROM spend_logs WHERE request_id = 'long-3' AND end_user IS NULL")).Should().Be(1);
        _ledger.Degraded.Should().Be(1);
        (await _database.Database.ScalarAsync<decimal>("SELECT spend FROM virtual_keys WHERE token = @token", ("token", KeyHash))).Should().Be(20 * 0.5m);
        _logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("long-3", StringComparison.Ordinal) && e.Message.Contains("54000", StringComparison.Ordinal));
    }

    [Test]
    public async Task Row_RefusedEvenWithoutItsOptionalFields_IsSetAsideAndTheRowsBehindItLand()
    {
        var first = Rows("first", 50, 1m);
        first[20] = first[20] with { Cost = OverflowingCost };
        first.ForEach(_ledger.Publish);

        await _writer.StartAsync(CancellationToken.None);
        (await RowCountAsync(49)).Should().Be(49);
        Rows("later", 30, 1m).ForEach(_ledger.Publish);

        (await RowCountAsync(79)).Should().Be(79, "the rows queued after the refused one are written too");
        (await _database.Database.ScalarAsync<long>("SELECT count(*) FROM spend_logs WHERE request_id = 'first-20'")).Should().Be(0);
        (await _database.Database.ScalarAsync<decimal>("SELECT spend FROM virtual_keys WHERE token = @token", ("token", KeyHash))).Should().Be(79m);
        var rejected = LedgerSpill.Read(_ledger.Spill.RejectedPath);
        (_ledger.Degraded, _ledger.Spill.Rejected).Should().Be((0L, 1L));
        rejected.Should().ContainSingle().Which.Should().BeEquivalentTo(first[20]);
        Path.GetDirectoryName(_ledger.Spill.RejectedPath).Should().Be(_root.FullName, "the rejected file lies next to the spill folder");
        var error = _logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error).Subject;
        error.Message.Should().Contain("first-20").And.Contain("22003").And.NotContain(KeyHash);
    }

    [Test]
    public async Task SpilledSegment_WithARefusedRow_IsReplayedAroundItAndDeleted()
    {
        var rows = Rows("spilled", 40, 1m);
        rows[0] = rows[0] with { Cost = OverflowingCost };
        rows.ForEach(_ledger.Spill.Append);

        await _writer.StartAsync(CancellationToken.None);

        (await RowCountAsync(39)).Should().Be(39);
        (await Eventually.TrueAsync(() => Task.FromResult(!Directory.EnumerateFiles(Path.Combine(_root.FullName, "spill")).Any()), Within))
            .Should().BeTrue("the replayed segment is deleted");
        LedgerSpill.Read(_ledger.Spill.RejectedPath).Select(r => r.RequestId).Should().Equal("spilled-0");
    }

    [Test]
    public async Task Batch_WithRowsAlreadyInTheLedger_WritesTheNewRowsAndChargesNoRowTwice()
    {
        // A batch written again after its commit went unanswered: the primary key refuses the plain insert, and the
        // batch is merged instead, skipping the rows already there. Nothing is refused, degraded or set aside.
        var rows = Rows("again", 15, 1m);
        rows.Take(10).ToList().ForEach(_ledger.Publish);
        await _writer.StartAsync(CancellationToken.None);
        (await RowCountAsync(10)).Should().Be(10);

        rows.Skip(5).ToList().ForEach(_ledger.Publish);

        (await RowCountAsync(15)).Should().Be(15);
        await Task.Delay(300);
        (await _database.Database.ScalarAsync<long>("SELECT count(*) FROM spend_logs")).Should().Be(15);
        (await _database.Database.ScalarAsync<decimal>("SELECT spend FROM virtual_keys WHERE token = @token", ("token", KeyHash)))
            .Should().Be(15m, "each row is charged once");
        (await _database.Database.ScalarAsync<long>("SELECT sum(requests)::bigint FROM spend_daily")).Should().Be(15);
        (await _database.Database.ScalarAsync<long>("SELECT sum(requests)::bigint FROM spend_usage_hourly WHERE api_key = '*'")).Should().Be(15);
        (_ledger.Degraded, _ledger.Spill.Rejected).Should().Be((0L, 0L));
        _logger.Entries.Should().NotContain(e => e.Level >= LogLevel.Warning);
    }

    private static List<UsageEvent> Rows(string prefix, int count, decimal cost)
    {
        var start = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i => UsageEvents.Chat($"{prefix}-{i}", KeyHash, cost, start)).ToList();
    }

    private async Task<long> RowCountAsync(long expected)
    {
        long rows = 0;
        await Eventually.TrueAsync(
            async () => (rows = await _database.Database.ScalarAsync<long>("SELECT count(*) FROM spend_logs")) >= expected,
            Within,
            TimeSpan.FromMilliseconds(100));
        return rows;
    }

    private Task ExecuteAsync(string sql) => _database.Database.ScalarAsync<object>(sql);

    /// <summary>The writer's log entries, formatted.</summary>
    private sealed class RecordingLogger : ILogger<SpendLedgerWriter>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
