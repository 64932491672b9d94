using System.Net;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>A deployment with <c>use_provider_batch_api: true</c>: the batch runs on the provider's batch API and is mirrored.</summary>
public sealed class ProviderBatchApiTests
{
    private FakeUpstreamServer _fake = null!;
    private FakeUpstreamServer _slowFake = null!;
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync(new FakeUpstreamOptions { BatchCompletesAfter = TimeSpan.FromSeconds(1) });
        _slowFake = await FakeUpstreamServer.StartAsync(new FakeUpstreamOptions { BatchCompletesAfter = TimeSpan.FromMinutes(10) });
        _api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: pbatch
                litellm_params:
                  model: openai/gpt-4o-mini-upstream
                  api_base: {_fake.BaseUrl}/v1
                  api_key: sk-fake-upstream
                  use_provider_batch_api: true
              - model_name: pslow
                litellm_params:
                  model: openai/gpt-4o-slow-upstream
                  api_base: {_slowFake.BaseUrl}/v1
                  api_key: sk-fake-upstream
                  use_provider_batch_api: true
            """);
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
        await _slowFake.DisposeAsync();
    }

    private async Task<string> UploadAsync(string key, string model, int count)
    {
        var lines = Enumerable.Range(1, count).Select(i => JobsHttp.ChatLine($"p-{i}", model, $"p-{i}")).ToArray();
        var reply = await JobsHttp.UploadAsync(_api, key, "batch", "input.jsonl", JobsHttp.Jsonl(lines));
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("id");
    }

    [Test]
    public async Task Batch_OnADeploymentWithProviderBatchApi_RunsThereAndMirrorsStatusCountsAndOutput()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var batchId = await BatchesHttp.CreateAsync(_api, key, await UploadAsync(key, "pbatch", 3));

        var done = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "completed"));

        BatchesHttp.Count(done, "total").Should().Be(3);
        BatchesHttp.Count(done, "completed").Should().Be(3);
        var output = await BatchesHttp.LinesAsync(_api, key, done.GetProperty("output_file_id").GetString()!);
        output.Select(l => l.GetProperty("custom_id").GetString()).Should().BeEquivalentTo("p-1", "p-2", "p-3");
        output.Should().OnlyContain(l => l.GetProperty("response").GetProperty("body").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!
            .StartsWith("Batched answer to p-", StringComparison.Ordinal));
        _fake.Script.Received.Should().NotContain(r => r.Route == Routes.OpenAiChat, "no line ran through the live path");
        var uploaded = _fake.Script.Received.Should().ContainSingle(r => r.Route == Routes.OpenAiFiles).Subject;
        uploaded.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("body").GetProperty("model").GetString())
            .Should().OnlyContain(m => m == "gpt-4o-mini-upstream");
        _fake.Script.Received.Should().Contain(r => r.Route == Routes.OpenAiBatches && r.Method == "POST" && r.Body.Contains("/v1/chat/completions"));
    }

    [Test]
    public async Task CancelBatch_OnTheProviderBatchApi_CancelsThereAndEndsCancelled()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var batchId = await BatchesHttp.CreateAsync(_api, key, await UploadAsync(key, "pslow", 2));
        await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "in_progress"));
        await WaitForAsync(() => _slowFake.Script.Received.Any(r => r.Route == Routes.OpenAiBatches));

        (await _http.PostAsync("/v1/batches/" + batchId + "/cancel", new { }, key)).Status.Should().Be(HttpStatusCode.OK);
        var done = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "cancelled"), TimeSpan.FromSeconds(15));

        done.GetProperty("cancelled_at").ValueKind.Should().Be(JsonValueKind.Number);
        _slowFake.Script.Received.Should().Contain(r => r.Route == Routes.OpenAiBatches && r.PathAndQuery.EndsWith("/cancel", StringComparison.Ordinal));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        condition().Should().BeTrue();
    }
}
