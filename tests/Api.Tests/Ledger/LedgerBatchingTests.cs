using System.Diagnostics;
using System.Net;
using System.Text;
using LlmPlatform.Infrastructure.Ledger;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Ledger;

/// <summary>Steady traffic is written to the ledger a batch per interval, not a transaction per few requests.</summary>
public sealed class LedgerBatchingTests
{
    [Test]
    public async Task SteadyTraffic_IsWrittenInFewTransactions_AndEveryRowLands()
    {
        await using var database = await TestDatabase.CreateAsync("batching");
        await using var api = await ApiServer.StartAsync(ApiServer.MockDemoConfig, database);
        var traffic = TimeSpan.FromSeconds(1.5);
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, 4).Select(async client =>
        {
            for (var i = 0; clock.Elapsed < traffic; i++)
            {
                using var response = await api.Client.PostAsync(
                    "v1/chat/completions",
                    new StringContent($$"""{"model":"demo","messages":[{"role":"user","content":"client {{client}} request {{i}}"}]}""", Encoding.UTF8, "application/json"));
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                Interlocked.Increment(ref sent);
            }
        });
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;

        var rows = await LedgerRows.WaitForAsync(database, sent, TimeSpan.FromSeconds(15));
        rows.Should().Be(sent);
        sent.Should().BeGreaterThan(50, "the clients kept the gateway busy");

        // Each ledger transaction stamps its rows with its own id (xmin). A batch that is not full is followed by a
        // 200 ms pause, so 1.5 s of traffic makes about eight of them (a few more on a busy machine); a writer that
        // wrote as soon as it could made about fifty. Full batches go on at once (a warm gateway on a quiet machine
        // answers several thousand requests a second here), so they are not bounded.
        var batches = await database.ScalarAsync<string>(
            "SELECT string_agg(n::text, ' ' ORDER BY last) FROM (SELECT count(*) AS n, max(end_time) AS last FROM spend_logs GROUP BY xmin::text) t");
        var sizes = batches!.Split(' ').Select(long.Parse).ToList();
        sizes.Should().OnlyContain(n => n <= SpendLedgerWriter.MaxBatch);
        sizes.Count(n => n < SpendLedgerWriter.MaxBatch).Should().BeLessThanOrEqualTo(
            (int)(elapsed.TotalMilliseconds / 100) + 3,
            $"batches that were not full are paced (rows per transaction, in order: {batches})");
    }
}
