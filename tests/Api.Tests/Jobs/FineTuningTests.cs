using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.FineTuning;

#pragma warning disable OPENAI001 // The SDK marks its fine-tuning client as experimental.

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>
/// Fine-tuning jobs run at the fake upstream's OpenAI-compatible fine-tuning API: created with the SDK and raw HTTP,
/// mirrored and polled until they end, the fine-tuned model then routable; failures, cancellation, owners, paging,
/// the hyphenated alias and bad input.
/// </summary>
public sealed class FineTuningTests
{
    private const string UpstreamKey = "sk-upstream-fine-tuning-secret-42";
    private const string BaseModel = "ft-base";
    private const string UpstreamModel = "base-model-x";

    private readonly string _storage = Path.Combine(Path.GetTempPath(), "llmplatform-ft-test-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingWebhookPublisher _webhooks = new();
    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync(new FakeUpstreamOptions { FineTuningStageDuration = TimeSpan.FromMilliseconds(300) });
        _api = await ApiServer.StartAsync(
            $"""
            model_list:
              - model_name: {BaseModel}
                litellm_params:
                  model: openai/{UpstreamModel}
                  api_key: {UpstreamKey}
                  api_base: {_fake.BaseUrl}/v1
              - model_name: mocked
                litellm_params:
                  model: mock/demo-model
            general_settings:
              files_storage_path: {_storage}
              fine_tuning_poll_seconds: 0.2
              encryption_key: fine-tuning-tests-encryption-key
            """,
            configureServices: s => s.AddSingleton<IWebhookEventPublisher>(_webhooks));
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    private FineTuningClient FineTuning(string key) =>
        new(new ApiKeyCredential(key), new FineTuningClientOptions { Endpoint = _api.OpenAiEndpoint });

    [Test]
    public async Task CreateJob_WithSdk_CreatesItAtTheProviderAndGetReturnsIt()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key, "sdk-marker-line");

        var created = await FineTuning(key).FineTuneAsync(BaseModel, fileId, waitUntilCompleted: false, new FineTuningOptions { Suffix = "sdk" });
        var fetched = await FineTuning(key).GetJobAsync(created.JobId);

        created.JobId.Should().StartWith("ftjob-");
        fetched.JobId.Should().Be(created.JobId);
        var upload = _fake.Script.Received.Last(r => r.Route == FineTuningRoutes.FilesUpload && r.Body.Contains("sdk-marker-line", StringComparison.Ordinal));
        upload.Headers["authorization"].Should().Be("Bearer " + UpstreamKey);
        upload.Body.Should().Contain("purpose=fine-tune");
        var create = _fake.Script.Received.Last(r => r.Route == FineTuningRoutes.CreateJob && r.Body.Contains("\"sdk\"", StringComparison.Ordinal));
        var sent = JsonDocument.Parse(create.Body).RootElement;
        sent.GetProperty("model").GetString().Should().Be(UpstreamModel);
        sent.GetProperty("training_file").GetString().Should().StartWith("file-fake-");
        create.Headers["authorization"].Should().Be("Bearer " + UpstreamKey);
    }

    [Test]
    public async Task CreateJob_WithRawHttp_HasOpenAisShapeAndNoSecret()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key);
        var validationId = await UploadTrainingAsync(key, "validation");

        var reply = await _http.PostAsync(
            "/v1/fine_tuning/jobs",
            new { training_file = fileId, validation_file = validationId, model = BaseModel, suffix = "shape", hyperparameters = new { n_epochs = 2, batch_size = 4, learning_rate_multiplier = 0.1 } },
            key);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Str("id").Should().StartWith("ftjob-");
        reply.Str("object").Should().Be("fine_tuning.job");
        reply.Str("model").Should().Be(BaseModel);
        reply.Str("status").Should().Be("validating_files");
        reply.Str("training_file").Should().Be(fileId);
        reply.Str("validation_file").Should().Be(validationId);
        reply.Str("suffix").Should().Be("shape");
        reply.Json.GetProperty("hyperparameters").GetProperty("n_epochs").GetInt32().Should().Be(2);
        reply.Json.GetProperty("hyperparameters").GetProperty("batch_size").GetInt32().Should().Be(4);
        reply.Json.GetProperty("fine_tuned_model").ValueKind.Should().Be(JsonValueKind.Null);
        reply.Json.GetProperty("finished_at").ValueKind.Should().Be(JsonValueKind.Null);
        reply.Json.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        reply.Json.GetProperty("result_files").ValueKind.Should().Be(JsonValueKind.Array);
        reply.Json.GetProperty("created_at").GetInt64().Should().BeGreaterThan(0);
        reply.Json.TryGetProperty("seed", out _).Should().BeTrue();
        reply.Text.Should().NotContain(UpstreamKey);
    }

    [Test]
    public async Task Job_WhenItRunsToTheEnd_SucceedsPublishesCompletedAndTheFineTunedModelAnswersChat()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key);
        var created = await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel, suffix = "happy" }, key);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var id = created.Str("id");

        var done = await WaitForEndAsync(key, id);

        done.Str("status").Should().Be("succeeded");
        var fineTuned = done.Str("fine_tuned_model");
        fineTuned.Should().StartWith($"ft:{UpstreamModel}:fake-org:happy:");
        done.Json.GetProperty("finished_at").GetInt64().Should().BeGreaterThan(0);
        done.Json.GetProperty("trained_tokens").GetInt64().Should().Be(4242);
        var completed = await WaitForWebhookAsync(WebhookEventTypes.FineTuningJobCompleted, id);
        completed.Owner.Should().StartWith("team:");
        completed.Data["fine_tuned_model"]!.GetValue<string>().Should().Be(fineTuned);

        var chat = await WaitForChatAsync(key, fineTuned);
        chat.Status.Should().Be(HttpStatusCode.OK, chat.Text);
        chat.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().NotBeNullOrEmpty();
        var upstream = _fake.Script.Received.Last(r => r.Route == Routes.OpenAiChat && r.Body.Contains(fineTuned, StringComparison.Ordinal));
        upstream.Headers["authorization"].Should().Be("Bearer " + UpstreamKey);
    }

    [Test]
    public async Task EventsAndCheckpoints_OfAFinishedJob_AreMirroredAndPage()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key);
        var id = (await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel }, key)).Str("id");
        (await WaitForEndAsync(key, id)).Str("status").Should().Be("succeeded");

        var events = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events", key);
        var checkpoints = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/checkpoints", key);

        events.Status.Should().Be(HttpStatusCode.OK, events.Text);
        events.Str("object").Should().Be("list");
        var eventList = events.Json.GetProperty("data").EnumerateArray().ToList();
        eventList.Should().HaveCountGreaterThan(3);
        eventList[0].GetProperty("object").GetString().Should().Be("fine_tuning.job.event");
        eventList[0].GetProperty("message").GetString().Should().Be("The job has successfully completed");
        eventList[^1].GetProperty("message").GetString().Should().StartWith("Created fine-tuning job");
        eventList.Should().AllSatisfy(e => e.GetProperty("level").GetString().Should().NotBeNullOrEmpty());
        checkpoints.Status.Should().Be(HttpStatusCode.OK, checkpoints.Text);
        var checkpointList = checkpoints.Json.GetProperty("data").EnumerateArray().ToList();
        checkpointList.Select(c => c.GetProperty("step_number").GetInt32()).Should().Equal(30, 20, 10);
        checkpointList[0].GetProperty("object").GetString().Should().Be("fine_tuning.job.checkpoint");
        checkpointList[0].GetProperty("fine_tuning_job_id").GetString().Should().Be(id);
        checkpointList[0].GetProperty("metrics").GetProperty("step").GetInt32().Should().Be(30);
        checkpointList[0].GetProperty("metrics").GetProperty("train_loss").GetDouble().Should().BeGreaterThan(0);
        checkpointList[0].GetProperty("fine_tuned_model_checkpoint").GetString().Should().EndWith(":ckpt-step-30");
        checkpoints.Str("first_id").Should().Be(checkpointList[0].GetProperty("id").GetString());
        checkpoints.Str("last_id").Should().Be(checkpointList[^1].GetProperty("id").GetString());

        var firstEvents = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events?limit=2", key);
        var firstIds = firstEvents.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        firstEvents.Json.GetProperty("has_more").GetBoolean().Should().BeTrue();
        firstIds.Should().Equal(eventList.Take(2).Select(e => e.GetProperty("id").GetString()));
        var nextEvents = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events?limit=2&after={firstIds[^1]}", key);
        nextEvents.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString())
            .Should().Equal(eventList.Skip(2).Take(2).Select(e => e.GetProperty("id").GetString()));
        var lastCheckpoint = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/checkpoints?limit=2&after={checkpointList[1].GetProperty("id").GetString()}", key);
        lastCheckpoint.Json.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("step_number").GetInt32()).Should().Equal(10);
        lastCheckpoint.Json.GetProperty("has_more").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task ListJobs_WithLimitAndAfter_PagesNewestFirst()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel }, key)).Str("id"));
        }

        var first = await _http.GetAsync("/v1/fine_tuning/jobs?limit=2", key);
        var second = await _http.GetAsync("/fine_tuning/jobs?limit=2&after=" + first.Str("last_id"), key);

        first.Status.Should().Be(HttpStatusCode.OK, first.Text);
        first.Str("object").Should().Be("list");
        first.Json.GetProperty("data").EnumerateArray().Select(j => j.GetProperty("id").GetString()).Should().Equal(ids[2], ids[1]);
        first.Json.GetProperty("has_more").GetBoolean().Should().BeTrue();
        second.Json.GetProperty("data").EnumerateArray().Select(j => j.GetProperty("id").GetString()).Should().Equal(ids[0]);
        second.Json.GetProperty("has_more").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task Job_WithAFailingTrainingFile_EndsFailedWithTheErrorAndPublishesFailed()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key, FineTuningRoutes.FailMarker);
        var id = (await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel }, key)).Str("id");

        var done = await WaitForEndAsync(key, id);

        done.Str("status").Should().Be("failed");
        done.Json.GetProperty("fine_tuned_model").ValueKind.Should().Be(JsonValueKind.Null);
        done.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("invalid_training_file");
        done.Json.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        var failed = await WaitForWebhookAsync(WebhookEventTypes.FineTuningJobFailed, id);
        failed.Data["status"]!.GetValue<string>().Should().Be("failed");
        _webhooks.Events.Should().NotContain(e => e.Type == WebhookEventTypes.FineTuningJobCompleted && e.Data["id"]!.GetValue<string>() == id);
    }

    [Test]
    public async Task CancelJob_WhileItRuns_CancelsAtTheProviderAndMirrorsCancelled()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key, FineTuningRoutes.SlowMarker);
        var id = (await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel }, key)).Str("id");

        var cancelled = await _http.PostAsync($"/v1/fine_tuning/jobs/{id}/cancel", new { }, key);

        cancelled.Status.Should().Be(HttpStatusCode.OK, cancelled.Text);
        cancelled.Str("status").Should().Be("cancelled");
        (await _http.GetAsync("/v1/fine_tuning/jobs/" + id, key)).Str("status").Should().Be("cancelled");
        _fake.Script.Received.Should().Contain(r => r.Route == FineTuningRoutes.Cancel && r.PathAndQuery.EndsWith("/cancel", StringComparison.Ordinal));
        var events = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events", key);
        events.Json.GetProperty("data")[0].GetProperty("message").GetString().Should().Be("Fine-tuning job cancelled");
        var again = await _http.PostAsync($"/v1/fine_tuning/jobs/{id}/cancel", new { }, key);
        again.Status.Should().Be(HttpStatusCode.BadRequest);
        again.ErrorType.Should().Be("invalid_request_error");
    }

    [Test]
    public async Task EventsAndJob_WhenTheProviderIsDown_AnswerFromTheMirror()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key, FineTuningRoutes.SlowMarker);
        var id = (await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel }, key)).Str("id");
        var mirrored = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events", key);
        var mirroredIds = mirrored.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        mirroredIds.Should().NotBeEmpty();
        var eventCallsBefore = _fake.Script.Received.Count(r => r.Route == FineTuningRoutes.Events);
        try
        {
            _fake.Script.SetDefault(FineTuningRoutes.Events, Behavior.Fail(503));
            _fake.Script.SetDefault(FineTuningRoutes.Checkpoints, Behavior.Fail(503));
            _fake.Script.SetDefault(FineTuningRoutes.GetJob, Behavior.Fail(503));

            var events = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events", key);
            var job = await _http.GetAsync("/v1/fine_tuning/jobs/" + id, key);

            events.Status.Should().Be(HttpStatusCode.OK, events.Text);
            events.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Equal(mirroredIds);
            _fake.Script.Received.Count(r => r.Route == FineTuningRoutes.Events).Should().BeGreaterThan(eventCallsBefore);
            job.Status.Should().Be(HttpStatusCode.OK, job.Text);
            job.Str("status").Should().Be("validating_files");
        }
        finally
        {
            _fake.Script.SetDefault(FineTuningRoutes.Events, Behavior.Answer());
            _fake.Script.SetDefault(FineTuningRoutes.Checkpoints, Behavior.Answer());
            _fake.Script.SetDefault(FineTuningRoutes.GetJob, Behavior.Answer());
        }
    }

    [Test]
    public async Task GetJob_FromAnotherTeamsKey_Is404AndNotListed()
    {
        var owner = await JobsHttp.TeamKeyAsync(_api);
        var other = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(owner);
        var id = (await _http.PostAsync("/v1/fine_tuning/jobs", new { training_file = fileId, model = BaseModel }, owner)).Str("id");

        var get = await _http.GetAsync("/v1/fine_tuning/jobs/" + id, other);
        var events = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/events", other);
        var checkpoints = await _http.GetAsync($"/v1/fine_tuning/jobs/{id}/checkpoints", other);
        var cancel = await _http.PostAsync($"/v1/fine_tuning/jobs/{id}/cancel", new { }, other);
        var list = await _http.GetAsync("/v1/fine_tuning/jobs", other);

        get.Status.Should().Be(HttpStatusCode.NotFound);
        get.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain(id);
        events.Status.Should().Be(HttpStatusCode.NotFound);
        checkpoints.Status.Should().Be(HttpStatusCode.NotFound);
        cancel.Status.Should().Be(HttpStatusCode.NotFound);
        list.Json.GetProperty("data").EnumerateArray().Select(j => j.GetProperty("id").GetString()).Should().NotContain(id);
        (await _http.GetAsync("/v1/fine_tuning/jobs/" + id, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task CreateAndGet_OnTheHyphenatedAlias_WorkLikeTheMainPath()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key);

        var created = await _http.PostAsync("/v1/fine-tuning/jobs", new { training_file = fileId, model = BaseModel }, key);
        var fetched = await _http.GetAsync("/fine-tuning/jobs/" + created.Str("id"), key);
        var listed = await _http.GetAsync("/v1/fine-tuning/jobs", key);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        fetched.Status.Should().Be(HttpStatusCode.OK, fetched.Text);
        fetched.Str("id").Should().Be(created.Str("id"));
        listed.Json.GetProperty("data").EnumerateArray().Select(j => j.GetProperty("id").GetString()).Should().Contain(created.Str("id"));
    }

    [TestCase("missing-training-file", HttpStatusCode.BadRequest, "training_file")]
    [TestCase("unknown-model", HttpStatusCode.BadRequest, "model")]
    [TestCase("not-fine-tunable-model", HttpStatusCode.BadRequest, "model")]
    [TestCase("negative-epochs", HttpStatusCode.BadRequest, "n_epochs")]
    [TestCase("zero-learning-rate", HttpStatusCode.BadRequest, "learning_rate_multiplier")]
    [TestCase("hyperparameters-not-an-object", HttpStatusCode.BadRequest, "hyperparameters")]
    [TestCase("unknown-file", HttpStatusCode.NotFound, "training_file")]
    [TestCase("another-owners-file", HttpStatusCode.NotFound, "training_file")]
    [TestCase("wrong-purpose", HttpStatusCode.BadRequest, "training_file")]
    [TestCase("unknown-validation-file", HttpStatusCode.NotFound, "validation_file")]
    public async Task CreateJob_WithBadInput_AnswersInTheErrorEnvelope(string problem, HttpStatusCode expected, string param)
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await UploadTrainingAsync(key);
        var othersFile = await UploadTrainingAsync(await JobsHttp.TeamKeyAsync(_api));
        var userData = (await JobsHttp.UploadAsync(_api, key, "user_data", "notes.txt", Encoding.UTF8.GetBytes("notes"))).Str("id");
        object body = problem switch
        {
            "missing-training-file" => new { model = BaseModel },
            "unknown-model" => new { training_file = fileId, model = "no-such-model-xyz" },
            "not-fine-tunable-model" => new { training_file = fileId, model = "mocked" },
            "negative-epochs" => new { training_file = fileId, model = BaseModel, hyperparameters = new { n_epochs = -1 } },
            "zero-learning-rate" => new { training_file = fileId, model = BaseModel, hyperparameters = new { learning_rate_multiplier = 0 } },
            "hyperparameters-not-an-object" => new { training_file = fileId, model = BaseModel, hyperparameters = "fast" },
            "unknown-file" => new { training_file = "file-doesnotexist", model = BaseModel },
            "another-owners-file" => new { training_file = othersFile, model = BaseModel },
            "wrong-purpose" => new { training_file = userData, model = BaseModel },
            "unknown-validation-file" => new { training_file = fileId, validation_file = "file-nope", model = BaseModel },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var jobsBefore = _fake.Script.Received.Count(r => r.Route == FineTuningRoutes.CreateJob);

        var reply = await _http.PostAsync("/v1/fine_tuning/jobs", body, key);

        reply.Status.Should().Be(expected, reply.Text);
        var error = reply.Json.GetProperty("error");
        error.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("param").GetString().Should().Be(param);
        if (problem == "unknown-model")
        {
            error.GetProperty("message").GetString().Should().Contain("no-such-model-xyz");
        }

        _fake.Script.Received.Count(r => r.Route == FineTuningRoutes.CreateJob).Should().Be(jobsBefore);
    }

    [Test]
    public async Task CreateJob_WithMalformedJson_Is400()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);

        var reply = await _http.PostAsync("/v1/fine_tuning/jobs", "{\"training_file\": 12, \"model\": ", key);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.Json.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
    }

    private async Task<string> UploadTrainingAsync(string key, string marker = "")
    {
        var content = JobsHttp.Jsonl(
            $$"""{"messages":[{"role":"user","content":"hi {{marker}}"},{"role":"assistant","content":"hello"}]}""",
            """{"messages":[{"role":"user","content":"bye"},{"role":"assistant","content":"goodbye"}]}""");
        var uploaded = await JobsHttp.UploadAsync(_api, key, "fine-tune", "train.jsonl", content);
        uploaded.Status.Should().Be(HttpStatusCode.OK, uploaded.Text);
        return uploaded.Str("id");
    }

    private async Task<AdminHttp.Reply> WaitForEndAsync(string key, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var reply = await _http.GetAsync("/v1/fine_tuning/jobs/" + id, key);
            reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
            if (reply.Str("status") is "succeeded" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return reply;
            }

            await Task.Delay(100);
        }
    }

    private async Task<WebhookEvent> WaitForWebhookAsync(string type, string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = _webhooks.Events.FirstOrDefault(e => e.Type == type && e.Data["id"]?.GetValue<string>() == jobId);
            if (found is not null)
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"a {type} event for {jobId} should be published");
            await Task.Delay(100);
        }
    }

    private async Task<AdminHttp.Reply> WaitForChatAsync(string key, string model)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var reply = await _http.PostAsync("/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = "hi" } } }, key);
            if (reply.Status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return reply;
            }

            await Task.Delay(100);
        }
    }
}
