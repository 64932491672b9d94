using Dapper;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Billing;

/// <summary>The reports migration rolls up the ledger rows written before it, so reports cover the whole history.</summary>
public sealed class ReportsMigrationTests
{
    [Test]
    public async Task ReportsMigration_OnALedgerWithHistory_RollsUpTheExistingRows()
    {
        await using var database = await TestDatabase.CreateAsync("rmig");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var (_, sql) in MigrationRunner.Migrations.Where(m => string.CompareOrdinal(m.Name, "0004") < 0))
        {
            await connection.ExecuteAsync(sql);
        }

        await connection.ExecuteAsync("""
            INSERT INTO spend_logs (request_id, call_type, api_key, user_id, team_id, model_group, prompt_tokens, completion_tokens,
                total_tokens, spend, start_time, end_time, status, tags)
            VALUES ('old-1', 'acompletion', 'k1', 'u1', NULL, 'gpt-a', 10, 5, 15, 0.1234567, '2026-01-10 10:00:00+00', '2026-01-10 10:00:00.3+00', 'success', '["x"]'),
                   ('old-2', 'acompletion', 'k1', 'u1', NULL, 'gpt-a', 20, 5, 25, 0.0000033, '2026-01-10 11:00:00+00', '2026-01-10 11:00:01+00', 'failure', NULL)
            """);

        await connection.ExecuteAsync(MigrationRunner.Migrations.Single(m => m.Name.StartsWith("0004", StringComparison.Ordinal)).Sql);

        (await connection.QuerySingleAsync<decimal>("SELECT sum(spend) FROM spend_daily")).Should().Be(0.12346m);
        (await connection.QuerySingleAsync<long>("SELECT sum(failures)::bigint FROM spend_daily")).Should().Be(1);
        (await connection.QuerySingleAsync<decimal>("SELECT spend FROM spend_daily_tags WHERE tag = 'x'")).Should().Be(0.1234567m);
        (await connection.QuerySingleAsync<long>("SELECT requests FROM spend_usage_daily WHERE api_key = '*'")).Should().Be(2);
        (await connection.QuerySingleAsync<long>("SELECT count(*) FROM spend_usage_hourly WHERE api_key = '*'")).Should().Be(2);
    }
}
