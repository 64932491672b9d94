using System.Net;
using System.Text;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.Ledger;

/// <summary>A PostgreSQL outage during traffic loses no spend row: rows wait in memory, then on disk, and are written after recovery.</summary>
public sealed class LedgerOutageTests
{
    private static string Config(string spillDirectory) => $"""
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo
        general_settings:
          ledger_memory_capacity: 20
          ledger_spill_dir: {spillDirectory}
        """;

    private static async Task SendAsync(ApiServer api, int count)
    {
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await api.Client.PostAsync(
                "v1/chat/completions",
                new StringContent($$"""{"model":"demo","messages":[{"role":"user","content":"request {{i}}"}]}""", Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the gateway never waits for the ledger");
        });
        await Task.WhenAll(tasks);
    }

    private static (TcpProxy Proxy, string Url) Proxied(TestDatabase database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var proxy = new TcpProxy(builder.Host!, builder.Port);
        proxy.Start();
        builder.Port = proxy.Port;
        builder.Timeout = 2;
        builder.CommandTimeout = 2;
        return (proxy, builder.ConnectionString);
    }

    [Test]
    public async Task PostgresOutageDuringTraffic_LosesNoSpendRow()
    {
        await using var database = await TestDatabase.CreateAsync("outage");
        var spill = Directory.CreateTempSubdirectory("llmplatform-spill-").FullName;
        var (proxy, url) = Proxied(database);
        await using var _ = proxy;
        await using var api = await ApiServer.StartAsync(Config(spill), database, new Dictionary<string, string?> { ["DATABASE_URL"] = url });

        await SendAsync(api, 10);
        (await LedgerRows.WaitForAsync(database, 10, TimeSpan.FromSeconds(15))).Should().Be(10);

        proxy.Stop();
        await SendAsync(api, 150);
        Directory.EnumerateFiles(spill, "*.jsonl").Should().NotBeEmpty("past the memory capacity rows go to disk");

        proxy.Start();
        (await LedgerRows.WaitForAsync(database, 160, TimeSpan.FromSeconds(60))).Should().Be(160);
        (await database.ScalarAsync<long>("SELECT count(DISTINCT request_id) FROM spend_logs")).Should().Be(160);
    }

    [Test]
    public async Task WriterSessionEndedByTheServer_NextBatchIsWrittenOnAFreshOne()
    {
        await using var database = await TestDatabase.CreateAsync("session");
        var spill = Directory.CreateTempSubdirectory("llmplatform-spill-").FullName;
        await using var api = await ApiServer.StartAsync(Config(spill), database);

        await SendAsync(api, 10);
        (await LedgerRows.WaitForAsync(database, 10, TimeSpan.FromSeconds(15))).Should().Be(10);

        // The writer holds its session between batches; ending it server-side (a restart, an idle timeout) must
        // cost neither a row nor a double count.
        var ended = await database.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t");
        ended.Should().BeGreaterThan(0);

        await SendAsync(api, 10);
        (await LedgerRows.WaitForAsync(database, 20, TimeSpan.FromSeconds(5))).Should().Be(20, "a fresh session is opened at once, without the outage backoff");
        (await database.ScalarAsync<long>("SELECT count(DISTINCT request_id) FROM spend_logs")).Should().Be(20);
        (await database.ScalarAsync<long>("SELECT sum(requests)::bigint FROM spend_daily")).Should().Be(20, "the roll-ups count each row once");
        Directory.EnumerateFiles(spill, "*.jsonl").Should().BeEmpty();
    }

    [Test]
    public async Task RowsSpilledBeforeAShutdown_AreWrittenByTheNextStart()
    {
        await using var database = await TestDatabase.CreateAsync("spill");
        var spill = Directory.CreateTempSubdirectory("llmplatform-spill-").FullName;
        var (proxy, url) = Proxied(database);
        await using var _ = proxy;
        var first = await ApiServer.StartAsync(Config(spill), database, new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        try
        {
            proxy.Stop();
            await SendAsync(first, 60);
        }
        finally
        {
            await first.DisposeAsync();
        }

        (await database.ScalarAsync<long>("SELECT count(*) FROM spend_logs")).Should().Be(0);
        Directory.EnumerateFiles(spill, "*.jsonl").Should().NotBeEmpty();

        proxy.Start();
        await using var second = await ApiServer.StartAsync(Config(spill), database, new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        (await LedgerRows.WaitForAsync(database, 60, TimeSpan.FromSeconds(30))).Should().Be(60);
        await Task.Delay(1500);
        Directory.EnumerateFiles(spill, "*.jsonl").Should().BeEmpty("replayed segments are deleted");
    }
}
