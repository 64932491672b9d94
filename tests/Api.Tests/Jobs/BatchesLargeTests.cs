using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>A 1,000-line batch end to end through the fake upstream, with a known tenth of its lines failing there.</summary>
public sealed class BatchesLargeTests
{
    private const int Lines = 1000;
    private const string FailMarker = "FAKE_FAIL_400";

    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        _api = await ApiServer.StartAsync(
            $"""
            model_list:
              - model_name: gpt
                litellm_params:
                  model: openai/gpt-4o-mini
                  api_base: {_fake.BaseUrl}
                  api_key: sk-fake-upstream
                model_info:
                  input_cost_per_token: 0.000001
                  output_cost_per_token: 0.000002
            router_settings:
              num_retries: 2
            general_settings:
              batch_max_concurrency: 16
            """);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task CreateBatch_WithAThousandLinesAndEveryTenthFailingUpstream_CountsAndFilesAndLedgerAreExact()
    {
        // Every tenth line carries the marker, on which the fake answers 400 with OpenAI's error envelope.
        _fake.Script.Reset();
        _fake.Script.WhenBodyContains(FailMarker, Behavior.Fail(400));
        var key = await JobsHttp.TeamKeyAsync(_api);
        var prefix = "lg" + Guid.NewGuid().ToString("N")[..6];
        string Id(int i) => $"{prefix}-{i}";
        bool Fails(int i) => i % 10 == 0;
        var lines = Enumerable.Range(1, Lines)
            .Select(i => JobsHttp.ChatLine(Id(i), "gpt", Fails(i) ? $"{Id(i)} {FailMarker}" : Id(i)))
            .ToArray();
        var upload = await JobsHttp.UploadAsync(_api, key, "batch", "thousand.jsonl", JobsHttp.Jsonl(lines), purposeFirst: true);
        upload.Status.Should().Be(HttpStatusCode.OK, upload.Text);
        var expectedFailed = Enumerable.Range(1, Lines).Where(Fails).Select(Id).ToList();
        var expectedCompleted = Enumerable.Range(1, Lines).Where(i => !Fails(i)).Select(Id).ToList();

        var clock = Stopwatch.StartNew();
        var batchId = await BatchesHttp.CreateAsync(_api, key, upload.Str("id"));
        var done = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "completed"), TimeSpan.FromSeconds(120));
        TestContext.Out.WriteLine($"1,000-line batch ran to completed in {clock.Elapsed.TotalSeconds:0.0} s");

        BatchesHttp.Count(done, "total").Should().Be(Lines);
        BatchesHttp.Count(done, "completed").Should().Be(900);
        BatchesHttp.Count(done, "failed").Should().Be(100);

        var output = await BatchesHttp.LinesAsync(_api, key, done.GetProperty("output_file_id").GetString()!);
        output.Select(l => l.GetProperty("custom_id").GetString()).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expectedCompleted);
        output.Should().OnlyContain(l =>
            l.GetProperty("error").ValueKind == JsonValueKind.Null
            && l.GetProperty("response").GetProperty("status_code").GetInt32() == 200
            && l.GetProperty("id").GetString()!.StartsWith("batch_req_", StringComparison.Ordinal));

        var errors = await BatchesHttp.LinesAsync(_api, key, done.GetProperty("error_file_id").GetString()!);
        errors.Select(l => l.GetProperty("custom_id").GetString()).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expectedFailed);
        errors.Should().OnlyContain(l =>
            l.GetProperty("response").ValueKind == JsonValueKind.Null
            && l.GetProperty("id").GetString()!.StartsWith("batch_req_", StringComparison.Ordinal)
            && !string.IsNullOrEmpty(l.GetProperty("error").GetProperty("code").GetString())
            && !string.IsNullOrEmpty(l.GetProperty("error").GetProperty("message").GetString()));

        // A 400 is not retried: the fake saw every line exactly once, failing ones included.
        var calls = BatchesHttp.UpstreamCalls(_fake).Where(c => c.Key.StartsWith(prefix + "-", StringComparison.Ordinal)).ToList();
        calls.Should().HaveCount(Lines).And.OnlyContain(c => c.Value == 1);

        var ledger = await LedgerStatusesAsync(output.Concat(errors).Select(l => l.GetProperty("id").GetString()!).ToArray(), Lines);
        ledger.Should().HaveCount(Lines).And.OnlyHaveUniqueItems(r => r.RequestId);
        ledger.Count(r => r.Status == "success").Should().Be(900);
        ledger.Count(r => r.Status == "failure").Should().Be(100);
        ledger.Where(r => r.Status == "failure").Select(r => r.RequestId)
            .Should().BeEquivalentTo(errors.Select(l => l.GetProperty("id").GetString()));
    }

    /// <summary>The ledger rows of these request ids, waiting for the background writer until there are <paramref name="expected"/>.</summary>
    private async Task<List<(string RequestId, string Status)>> LedgerStatusesAsync(string[] requestIds, int expected)
    {
        await using var db = new NpgsqlConnection(ConnectionStrings.ToNpgsql(_api.DatabaseUrl));
        await db.OpenAsync();
        var rows = new List<(string, string)>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            rows.Clear();
            await using var command = new NpgsqlCommand("SELECT request_id, status FROM spend_logs WHERE request_id = ANY(@ids)", db);
            command.Parameters.AddWithValue("ids", requestIds);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            if (rows.Count >= expected)
            {
                break;
            }

            await Task.Delay(100);
        }

        return rows;
    }
}
