using System.Diagnostics;
using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Billing.Reports;
using LlmPlatform.Infrastructure.Billing.Reports;
using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.Infrastructure.Tests.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Billing;

/// <summary>
/// A year of traffic: one million generated ledger rows, rolled up by the ledger writer's own roll-up statement.
/// The reports must read the roll-ups (no sequential scan of <c>spend_logs</c>), answer well under a second and add
/// up exactly to the generated spend. Spend per row is <c>(g % 100 + 1) / 10000</c>, so the sums are known in closed form.
/// </summary>
public sealed class ReportPlanTests
{
    private const int Rows = 1_000_000;

    private const string GenerateSql = """
        INSERT INTO spend_logs (request_id, call_type, api_key, user_id, team_id, end_user, model_group, provider,
            prompt_tokens, completion_tokens, total_tokens, spend, start_time, end_time, status, tags)
        SELECT 'gen-' || g, 'acompletion', 'key-' || (g % 50), 'user-' || (g % 50 % 10), 'team-' || (g % 50 % 5),
            CASE WHEN g % 7 = 0 THEN 'cust-' || (g % 20) END, 'model-' || (g % 5), 'openai',
            g % 100, g % 50, g % 100 + g % 50, ((g % 100) + 1) / 10000.0,
            t, t + (50 + g % 2000) * interval '1 millisecond',
            CASE WHEN g % 97 = 0 THEN 'failure' ELSE 'success' END,
            CASE WHEN g % 10 = 0 THEN '["batch"]'::jsonb END
        FROM generate_series(@first, @last) AS g,
            LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + ((g - 1) % 365) * interval '1 day'
                + (g % 86400) * interval '1 second' AS t) AS s
        """;

    private static readonly ReportPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private MigratedDatabase _migrated = null!;
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    [OneTimeSetUp]
    public async Task GenerateAsync()
    {
        _migrated = await MigratedDatabase.CreateAsync("plan");
        (_database, _dataSource) = (_migrated.Database, _migrated.DataSource);

        // Bulk-load speed only: the ledger is unlogged and its secondary indexes are rebuilt after the load, with the
        // same definitions; the roll-ups are then filled by the writer's own roll-up statement, two halves at once.
        var clock = Stopwatch.StartNew();
        var indexes = (await QueryStringsAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'spend_logs' AND indexname <> 'spend_logs_pkey'")).ToList();
        await ExecuteAsync("ALTER TABLE spend_logs SET UNLOGGED");
        await ExecuteAsync("DROP INDEX " + string.Join(", ", (await QueryStringsAsync("SELECT indexname FROM pg_indexes WHERE tablename = 'spend_logs' AND indexname <> 'spend_logs_pkey'"))));
        await Task.WhenAll(
            ExecuteAsync(GenerateSql, new { first = 1, last = Rows / 2 }),
            ExecuteAsync(GenerateSql, new { first = (Rows / 2) + 1, last = Rows }));
        await Task.WhenAll(indexes.Select(index => ExecuteAsync(index)));
        await TestContext.Progress.WriteLineAsync($"generated {Rows} ledger rows in {clock.Elapsed}");
        clock.Restart();
        var rollup = "WITH inserted AS (SELECT " + SpendRollups.InsertedColumns + " FROM spend_logs WHERE start_time >= @from AND start_time < @to)"
            + SpendRollups.Clauses + " SELECT count(*) FROM inserted";
        var middle = new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(
            ExecuteAsync(rollup, new { from = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), to = middle }),
            ExecuteAsync(rollup, new { from = middle, to = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
        await TestContext.Progress.WriteLineAsync($"rolled up in {clock.Elapsed}");
        clock.Restart();
        await ExecuteAsync("ANALYZE spend_logs, spend_daily, spend_daily_tags, spend_usage_daily, spend_usage_hourly");
        await TestContext.Progress.WriteLineAsync($"analyzed in {clock.Elapsed}");
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        await _migrated.DisposeAsync();
    }

    [Test]
    public async Task GlobalSpendReport_OverAYear_ReadsTheRollupsNotTheLedger()
    {
        var plan = await ExplainAsync(SpendReportReader.GlobalTeamStatement, Days(Year));

        Relations(plan).Should().Contain("spend_daily").And.NotContain("spend_logs");
    }

    [Test]
    public async Task SpendKeys_OverAYear_ReadsTheRollupsNotTheLedger()
    {
        var parameters = Days(Year);
        parameters.Add("limit", 1000);

        var plan = await ExplainAsync(SpendReportReader.KeysStatement, parameters);

        Relations(plan).Should().Contain("spend_daily").And.NotContain("spend_logs");
    }

    [TestCase(UsageGranularity.Day, true)]
    [TestCase(UsageGranularity.Day, false)]
    [TestCase(UsageGranularity.Hour, true)]
    public async Task Usage_ReadsTheUsageRollupsNotTheLedger(UsageGranularity granularity, bool everything)
    {
        var parameters = new DynamicParameters();
        var type = granularity == UsageGranularity.Hour ? System.Data.DbType.DateTime2 : System.Data.DbType.Date;
        parameters.Add("fromBucket", new DateTime(2025, 1, 1), type);
        parameters.Add("toBucket", granularity == UsageGranularity.Hour ? new DateTime(2025, 2, 1) : new DateTime(2026, 1, 1), type);
        parameters.Add("scopeKey", "key-7");
        parameters.Add("scopeUser", "user-7");
        parameters.Add("scopeTeam", null, System.Data.DbType.String);

        var plan = await ExplainAsync(SpendReportReader.UsageStatement(granularity, everything), parameters);

        Relations(plan).Should().Contain(granularity == UsageGranularity.Hour ? "spend_usage_hourly" : "spend_usage_daily").And.NotContain("spend_logs");
    }

    [Test]
    public async Task SpendLogs_ForOneKey_UsesAnIndexNotASequentialScan()
    {
        var (sql, parameters) = SpendReportReader.LogsStatement(
            new SpendLogFilter { KeyHash = "key-3", Period = new ReportPeriod(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)) },
            new ReportScope { Everything = true });

        var plan = await ExplainAsync(sql, parameters);

        SequentialScans(plan).Should().NotContain("spend_logs");
        Relations(plan).Should().Contain("spend_logs");
    }

    [Test]
    public async Task SpendLogs_ForAUserOfANonAdminKey_UsesAnIndexNotASequentialScan()
    {
        var (sql, parameters) = SpendReportReader.LogsStatement(
            new SpendLogFilter(),
            new ReportScope { KeyHash = "key-3", UserId = "user-3", TeamId = null });

        var plan = await ExplainAsync(sql, parameters);

        SequentialScans(plan).Should().NotContain("spend_logs");
    }

    [Test]
    public async Task Reports_OverAYearOfAMillionRows_AddUpExactlyAndAnswerWellUnderASecond()
    {
        var reader = new SpendReportReader(_dataSource);
        var everything = new ReportScope { Everything = true };
        await reader.GlobalAsync(SpendGroupBy.Team, everything, Year, CancellationToken.None); // warm the cache

        var clock = Stopwatch.StartNew();
        var global = await reader.GlobalAsync(SpendGroupBy.Team, everything, Year, CancellationToken.None);
        var globalTime = clock.Elapsed;
        clock.Restart();
        var usage = await reader.UsageAsync(UsageGranularity.Day, everything, Year, null, CancellationToken.None);
        var usageTime = clock.Elapsed;
        clock.Restart();
        var keys = await reader.SpendByAsync(SpendEntity.Key, everything, Year, 1000, CancellationToken.None);
        var keysTime = clock.Elapsed;
        var tags = await reader.SpendByAsync(SpendEntity.Tag, everything, null, 1000, CancellationToken.None);
        var models = await reader.SpendByAsync(SpendEntity.Model, everything, null, 1000, CancellationToken.None);

        global.Sum(r => r.Spend).Should().Be(5050.0000m);
        global.Select(r => r.Day).Distinct().Should().HaveCount(365);
        usage.Sum(r => r.Spend).Should().Be(5050.0000m);
        usage.Sum(r => r.Requests).Should().Be(Rows);
        usage.Sum(r => r.Latency.Sum()).Should().Be(Rows);
        keys.Should().HaveCount(50);
        keys.Single(k => k.Id == "key-0").Spend.Should().Be(52.0000m);
        tags.Single(t => t.Id == "batch").Spend.Should().Be(460.0000m);
        models.Single(m => m.Id == "model-0").Spend.Should().Be(970.0000m);
        globalTime.Should().BeLessThan(TimeSpan.FromSeconds(1));
        usageTime.Should().BeLessThan(TimeSpan.FromSeconds(1));
        keysTime.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SET work_mem = '256MB'; SET maintenance_work_mem = '256MB'");
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, commandTimeout: 600, commandType: System.Data.CommandType.Text));
    }

    private async Task<IEnumerable<string>> QueryStringsAsync(string sql)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return await connection.QueryAsync<string>(sql);
    }

    private static DynamicParameters Days(ReportPeriod period)
    {
        var parameters = new DynamicParameters();
        parameters.Add("from", period.From.ToDateTime(TimeOnly.MinValue), System.Data.DbType.Date);
        parameters.Add("to", period.To.ToDateTime(TimeOnly.MinValue), System.Data.DbType.Date);
        return parameters;
    }

    private static List<string> Relations(JsonElement plan) =>
        Nodes(plan).Where(n => n.TryGetProperty("Relation Name", out _)).Select(n => n.GetProperty("Relation Name").GetString()!).ToList();

    private static List<string> SequentialScans(JsonElement plan) =>
        Nodes(plan).Where(n => n.GetProperty("Node Type").GetString() == "Seq Scan").Select(n => n.GetProperty("Relation Name").GetString()!).ToList();

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    private async Task<JsonElement> ExplainAsync(string sql, DynamicParameters parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var json = await connection.QuerySingleAsync<string>(new CommandDefinition("EXPLAIN (FORMAT JSON) " + sql, parameters));
        using var document = JsonDocument.Parse(json);
        return document.RootElement[0].GetProperty("Plan").Clone();
    }
}
