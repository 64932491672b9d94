using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>Batches end to end: the executor runs each line through the gateway to the fake upstream.</summary>
public sealed class BatchesTests
{
    private readonly RecordingWebhookPublisher _webhooks = new();
    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

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
              - model_name: other
                litellm_params:
                  model: mock/other-model
              - model_name: emb
                litellm_params:
                  model: openai/text-embedding-3-small
                  api_base: {_fake.BaseUrl}/v1
                  api_key: sk-fake-upstream
                model_info:
                  mode: embedding
            general_settings:
              batch_max_concurrency: 2
            """,
            configureServices: s => s.AddSingleton<IWebhookEventPublisher>(_webhooks));
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [SetUp]
    public void ResetScript() => _fake.Script.Reset();

    private async Task<string> UploadAsync(string key, params string[] lines)
    {
        var reply = await JobsHttp.UploadAsync(_api, key, "batch", "input.jsonl", JobsHttp.Jsonl(lines));
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("id");
    }

    private static string[] ChatLines(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => JobsHttp.ChatLine($"{prefix}-{i}", "gpt", $"{prefix}-{i}")).ToArray();

    [Test]
    public async Task CreateBatch_WithValidFile_RunsToCompletedWithExactCountsOutputAndSpend()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var prefix = "ok" + Guid.NewGuid().ToString("N")[..6];
        var fileId = await UploadAsync(key, ChatLines(prefix, 5));

        var created = await _http.PostAsync("/v1/batches", new { input_file_id = fileId, endpoint = "/v1/chat/completions", completion_window = "24h", metadata = new { job = "nightly" } }, key);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Str("object").Should().Be("batch");
        created.Str("id").Should().StartWith("batch_");
        created.Str("status").Should().Be("validating");
        created.Json.GetProperty("metadata").GetProperty("job").GetString().Should().Be("nightly");
        created.Json.GetProperty("output_file_id").ValueKind.Should().Be(JsonValueKind.Null);
        created.Json.GetProperty("expires_at").GetInt64().Should().Be(created.Json.GetProperty("created_at").GetInt64() + (24 * 3600));

        var done = await BatchesHttp.WaitAsync(_api, key, created.Str("id"), b => BatchesHttp.Is(b, "completed"));

        BatchesHttp.Count(done, "total").Should().Be(5);
        BatchesHttp.Count(done, "completed").Should().Be(5);
        BatchesHttp.Count(done, "failed").Should().Be(0);
        foreach (var stamp in new[] { "in_progress_at", "finalizing_at", "completed_at" })
        {
            done.GetProperty(stamp).ValueKind.Should().Be(JsonValueKind.Number, stamp);
        }

        done.GetProperty("error_file_id").ValueKind.Should().Be(JsonValueKind.Null);
        var output = await BatchesHttp.LinesAsync(_api, key, done.GetProperty("output_file_id").GetString()!);
        output.Select(l => l.GetProperty("custom_id").GetString()).Should().BeEquivalentTo(Enumerable.Range(1, 5).Select(i => $"{prefix}-{i}"));
        foreach (var line in output)
        {
            line.GetProperty("id").GetString().Should().StartWith("batch_req_");
            line.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
            line.GetProperty("response").GetProperty("status_code").GetInt32().Should().Be(200);
            line.GetProperty("response").GetProperty("request_id").GetString().Should().Be(line.GetProperty("id").GetString());
            line.GetProperty("response").GetProperty("body").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().NotBeEmpty();
            (await SpendLogProbe.RowsAsync(_api, line.GetProperty("id").GetString()!)).Should().ContainSingle().Which.Status.Should().Be("success");
        }

        BatchesHttp.UpstreamCalls(_fake).Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Should().HaveCount(5).And.OnlyContain(c => c.Value == 1);
        _webhooks.Events.Should().Contain(e => e.Type == WebhookEventTypes.BatchCompleted && e.Data["id"]!.GetValue<string>() == created.Str("id") && e.Owner!.StartsWith("team:"));
    }

    [Test]
    public async Task CreateBatch_WithALineTheGatewayRejects_CountsItFailedInTheErrorFile()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadAsync(
            key,
            JobsHttp.ChatLine("good-1", "gpt", "good-1"),
            """{"custom_id":"bad-1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt","messages":[]}}""",
            JobsHttp.ChatLine("good-2", "gpt", "good-2"));

        var done = await BatchesHttp.WaitAsync(_api, key, await BatchesHttp.CreateAsync(_api, key, fileId), b => BatchesHttp.Is(b, "completed"));

        BatchesHttp.Count(done, "total").Should().Be(3);
        BatchesHttp.Count(done, "completed").Should().Be(2);
        BatchesHttp.Count(done, "failed").Should().Be(1);
        var errors = await BatchesHttp.LinesAsync(_api, key, done.GetProperty("error_file_id").GetString()!);
        var error = errors.Should().ContainSingle().Subject;
        error.GetProperty("custom_id").GetString().Should().Be("bad-1");
        error.GetProperty("response").ValueKind.Should().Be(JsonValueKind.Null);
        error.GetProperty("error").GetProperty("code").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        (await BatchesHttp.LinesAsync(_api, key, done.GetProperty("output_file_id").GetString()!)).Should().HaveCount(2);
    }

    [Test]
    public async Task CreateBatch_WithAModelTheKeyMayNotUse_FailsNamingTheLineAndPublishesBatchFailed()
    {
        var key = await JobsHttp.TeamKeyAsync(_api, ["gpt"]);
        var fileId = await UploadAsync(key, JobsHttp.ChatLine("a", "gpt"), JobsHttp.ChatLine("b", "other"));

        var batchId = await BatchesHttp.CreateAsync(_api, key, fileId);
        var failed = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "failed"));

        failed.GetProperty("failed_at").ValueKind.Should().Be(JsonValueKind.Number);
        var error = failed.GetProperty("errors").GetProperty("data")[0];
        error.GetProperty("code").GetString().Should().Be("model_not_allowed");
        error.GetProperty("line").GetInt32().Should().Be(2);
        _fake.Script.Received.Should().BeEmpty();
        _webhooks.Events.Should().Contain(e => e.Type == WebhookEventTypes.BatchFailed && e.Data["id"]!.GetValue<string>() == batchId);
    }

    [Test]
    public async Task CreateBatch_WithALineForAnotherEndpoint_Fails()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadAsync(key, JobsHttp.ChatLine("a", "gpt"));

        var failed = await BatchesHttp.WaitAsync(_api, key, await BatchesHttp.CreateAsync(_api, key, fileId, "/v1/embeddings"), b => BatchesHttp.Is(b, "failed"));

        failed.GetProperty("errors").GetProperty("data")[0].GetProperty("code").GetString().Should().Be("mismatched_endpoint");
    }

    [TestCase("48h", "/v1/chat/completions", "completion_window")]
    [TestCase("24h", "/v1/images/generations", "endpoint")]
    public async Task CreateBatch_WithAnUnsupportedWindowOrEndpoint_Is400(string window, string endpoint, string param)
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadAsync(key, JobsHttp.ChatLine("a", "gpt"));

        var reply = await _http.PostAsync("/v1/batches", new { input_file_id = fileId, endpoint, completion_window = window }, key);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.ErrorType.Should().Be("invalid_request_error");
        reply.Json.GetProperty("error").GetProperty("param").GetString().Should().Be(param);
    }

    [Test]
    public async Task CreateBatch_WithAnotherTeamsFile_Is404()
    {
        var owner = await JobsHttp.TeamKeyAsync(_api);
        var stranger = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadAsync(owner, JobsHttp.ChatLine("a", "gpt"));

        var reply = await _http.PostAsync("/v1/batches", new { input_file_id = fileId, endpoint = "/v1/chat/completions", completion_window = "24h" }, stranger);

        reply.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task GetBatch_FromAnotherTeamsKey_Is404AndListPagesTheOwnersBatches()
    {
        var owner = await JobsHttp.TeamKeyAsync(_api);
        var stranger = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadAsync(owner, JobsHttp.ChatLine("a", "gpt"));
        var first = await BatchesHttp.CreateAsync(_api, owner, fileId);
        await Task.Delay(20);
        var second = await BatchesHttp.CreateAsync(_api, owner, fileId);

        var page1 = await _http.GetAsync("/v1/batches?limit=1", owner);
        var page2 = await _http.GetAsync("/batches?limit=1&after=" + page1.Str("last_id"), owner);

        (await _http.GetAsync("/v1/batches/" + first, stranger)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _http.PostAsync("/v1/batches/" + first + "/cancel", new { }, stranger)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _http.GetAsync("/v1/batches", stranger)).Json.GetProperty("data").GetArrayLength().Should().Be(0);
        page1.Str("object").Should().Be("list");
        page1.Json.GetProperty("data")[0].GetProperty("id").GetString().Should().Be(second);
        page1.Json.GetProperty("has_more").GetBoolean().Should().BeTrue();
        page2.Json.GetProperty("data")[0].GetProperty("id").GetString().Should().Be(first);
        page2.Json.GetProperty("has_more").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task CancelBatch_WhileRunning_StopsNewLinesWithinASecond()
    {
        _fake.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromMilliseconds(400)));
        var key = await JobsHttp.TeamKeyAsync(_api);
        var prefix = "cx" + Guid.NewGuid().ToString("N")[..6];
        var fileId = await UploadAsync(key, ChatLines(prefix, 30));
        var batchId = await BatchesHttp.CreateAsync(_api, key, fileId);
        await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Count(b, "completed") >= 2);

        var cancelled = await _http.PostAsync("/v1/batches/" + batchId + "/cancel", new { }, key);
        await Task.Delay(1000);
        var callsAfterOneSecond = BatchesHttp.UpstreamCalls(_fake).Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);
        var done = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "cancelled"));
        await Task.Delay(1000);

        cancelled.Status.Should().Be(HttpStatusCode.OK, cancelled.Text);
        cancelled.Str("status").Should().BeOneOf("cancelling", "cancelled");
        cancelled.Json.GetProperty("cancelling_at").ValueKind.Should().Be(JsonValueKind.Number);
        BatchesHttp.UpstreamCalls(_fake).Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value).Should().Be(callsAfterOneSecond);
        callsAfterOneSecond.Should().BeLessThan(30);
        done.GetProperty("cancelled_at").ValueKind.Should().Be(JsonValueKind.Number);
        BatchesHttp.Count(done, "completed").Should().BeLessThan(30);
        (await _http.PostAsync("/v1/batches/" + batchId + "/cancel", new { }, key)).Str("status").Should().Be("cancelled");
    }

    [Test]
    public async Task Batch_WhenItsKeyIsBlockedMidway_FailsAndStopsCallingTheUpstream()
    {
        _fake.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromMilliseconds(300)));
        var key = await JobsHttp.TeamKeyAsync(_api);
        var prefix = "bk" + Guid.NewGuid().ToString("N")[..6];
        var batchId = await BatchesHttp.CreateAsync(_api, key, await UploadAsync(key, ChatLines(prefix, 30)));
        await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Count(b, "completed") >= 2);

        (await _http.PostAsync("/key/block", new { key }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        var failed = await BatchesHttp.WaitAsync(_api, ApiServer.MasterKey, batchId, b => BatchesHttp.Is(b, "failed"), TimeSpan.FromSeconds(10));
        var calls = BatchesHttp.UpstreamCalls(_fake).Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);
        await Task.Delay(1000);

        failed.GetProperty("errors").GetProperty("data")[0].GetProperty("code").GetString().Should().Be("invalid_api_key");
        BatchesHttp.UpstreamCalls(_fake).Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value).Should().Be(calls);
        calls.Should().BeLessThan(30);
    }

    [Test]
    public async Task CreateBatch_ForEmbeddings_RunsEachLineThroughTheEmbeddingsPath()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadAsync(
            key,
            """{"custom_id":"e-1","method":"POST","url":"/v1/embeddings","body":{"model":"emb","input":"hello"}}""",
            """{"custom_id":"e-2","method":"POST","url":"/v1/embeddings","body":{"model":"emb","input":["a","b"]}}""");

        var done = await BatchesHttp.WaitAsync(_api, key, await BatchesHttp.CreateAsync(_api, key, fileId, "/v1/embeddings"), b => BatchesHttp.Is(b, "completed"));

        var why = done.GetProperty("error_file_id").GetString() is { } errorFile ? string.Join("\n", await BatchesHttp.LinesAsync(_api, key, errorFile)) : string.Empty;
        BatchesHttp.Count(done, "completed").Should().Be(2, why);
        var output = await BatchesHttp.LinesAsync(_api, key, done.GetProperty("output_file_id").GetString()!);
        output.Select(l => l.GetProperty("custom_id").GetString()).Should().BeEquivalentTo("e-1", "e-2");
        output.Should().OnlyContain(l => l.GetProperty("response").GetProperty("body").GetProperty("object").GetString() == "list");
        _fake.Script.Received.Count(r => r.Route == Routes.OpenAiEmbeddings).Should().Be(2);
    }
}
