using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>
/// The SaaS dialect's jobs (seed 002): a team made with the master key, its key creating jobs, calling the mock
/// model within them, and completing them against the team's credits; errors in FastAPI's envelope.
/// </summary>
public sealed class SaasJobsTests : AdminApiFixture
{
    private const decimal InputPrice = 0.001m;
    private const decimal OutputPrice = 0.002m;

    protected override string Config => $"""
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
              mock_response: "fixed answer"
            model_info:
              input_cost_per_token: {InputPrice.ToString(CultureInfo.InvariantCulture)}
              output_cost_per_token: {OutputPrice.ToString(CultureInfo.InvariantCulture)}
          - model_name: broken
            litellm_params:
              model: openai/gpt-broken
              api_base: http://127.0.0.1:9/v1
              api_key: sk-upstream
        router_settings:
          num_retries: 0
        """;

    [Test]
    public async Task AJob_CallsThenCompletes_AndIsChargedOnce()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 5);
        var created = await Http.PostAsync("/api/jobs/create", new { team_id = teamId, job_type = "resume_analysis", user_id = "john@acme.com", metadata = new { document_id = "doc_123" } }, key);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Str("status").Should().Be("pending");
        var jobId = created.Str("job_id");
        Guid.TryParse(jobId, out _).Should().BeTrue();
        created.Json.GetProperty("created_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        var call = await Http.PostAsync($"/api/jobs/{jobId}/llm-call", new
        {
            model = "demo",
            messages = new[] { new { role = "user", content = "Analyse this resume" } },
            purpose = "parse",
            call_metadata = new { turn = 1 },
        }, key);
        call.Status.Should().Be(HttpStatusCode.OK, call.Text);
        call.Json.GetProperty("response").GetProperty("content").GetString().Should().Be("fixed answer");
        call.Json.GetProperty("response").GetProperty("finish_reason").GetString().Should().Be("stop");
        var tokens = call.Json.GetProperty("metadata").GetProperty("tokens_used").GetInt64();
        tokens.Should().BePositive();
        call.Json.GetProperty("metadata").GetProperty("model").GetString().Should().Be("demo");
        Guid.TryParse(call.Str("call_id"), out _).Should().BeTrue();

        var job = await Http.GetAsync($"/api/jobs/{jobId}", key);
        job.Status.Should().Be(HttpStatusCode.OK, job.Text);
        job.Str("status").Should().Be("in_progress");
        job.Str("team_id").Should().Be(teamId);
        job.Str("user_id").Should().Be("john@acme.com");
        job.Json.GetProperty("model_groups_used").EnumerateArray().Select(m => m.GetString()).Should().Equal("demo");
        job.Json.GetProperty("metadata").GetProperty("document_id").GetString().Should().Be("doc_123");
        job.Json.GetProperty("metadata").GetProperty("turn").GetInt32().Should().Be(1, "call_metadata is merged into the job's metadata");
        job.Json.GetProperty("credit_applied").GetBoolean().Should().BeFalse();

        var completed = await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "completed", metadata = new { result = "success" } }, key);
        completed.Status.Should().Be(HttpStatusCode.OK, completed.Text);
        completed.Str("status").Should().Be("completed");
        var costs = completed.Json.GetProperty("costs");
        costs.GetProperty("total_calls").GetInt32().Should().Be(1);
        costs.GetProperty("successful_calls").GetInt32().Should().Be(1);
        costs.GetProperty("failed_calls").GetInt32().Should().Be(0);
        costs.GetProperty("total_tokens").GetInt64().Should().Be(tokens);
        costs.GetProperty("total_cost_usd").GetDecimal().Should().BePositive();
        costs.GetProperty("credit_applied").GetBoolean().Should().BeTrue();
        costs.GetProperty("credits_remaining").GetInt64().Should().Be(4);
        var listed = completed.Json.GetProperty("calls").EnumerateArray().Single();
        listed.GetProperty("purpose").GetString().Should().Be("parse");
        listed.GetProperty("model_group").GetString().Should().Be("demo");
        listed.GetProperty("tokens").GetInt64().Should().Be(tokens);
        listed.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);

        var again = await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "completed" }, key);
        again.Status.Should().Be(HttpStatusCode.OK, again.Text);
        again.Json.GetProperty("costs").GetProperty("credits_remaining").GetInt64().Should().Be(4, "a job is charged once");

        var breakdown = await Http.GetAsync($"/api/jobs/{jobId}/costs", key);
        breakdown.Status.Should().Be(HttpStatusCode.OK, breakdown.Text);
        var part = breakdown.Json.GetProperty("costs").GetProperty("breakdown").EnumerateArray().Single();
        var expected = (part.GetProperty("prompt_tokens").GetInt64() * InputPrice) + (part.GetProperty("completion_tokens").GetInt64() * OutputPrice);
        part.GetProperty("cost_usd").GetDecimal().Should().Be(expected);
        breakdown.Json.GetProperty("costs").GetProperty("total_cost_usd").GetDecimal().Should().Be(expected);
        breakdown.Str("job_type").Should().Be("resume_analysis");

        var transactions = await Http.GetAsync($"/api/credits/transactions?team_id={teamId}", key);
        transactions.Status.Should().Be(HttpStatusCode.OK, transactions.Text);
        var kinds = transactions.Json.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("transaction_type").GetString()).ToList();
        kinds.Should().Equal("deduction", "allocation");
        var deduction = transactions.Json.GetProperty("transactions")[0];
        deduction.GetProperty("job_id").GetString().Should().Be(jobId);
        deduction.GetProperty("credits_before").GetInt64().Should().Be(5);
        deduction.GetProperty("credits_after").GetInt64().Should().Be(4);
    }

    [Test]
    public async Task AFailedCall_IsRecorded_AndItsJobIsNotCharged()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 3);
        var jobId = await CreateJobAsync(teamId, key);

        var call = await Http.PostAsync($"/api/jobs/{jobId}/llm-call", new { model = "broken", messages = new[] { new { role = "user", content = "hi" } } }, key);
        call.Status.Should().Be(HttpStatusCode.BadGateway, call.Text);
        call.Json.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        call.Text.Should().NotContain("sk-upstream");

        var completed = await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "completed" }, key);
        completed.Status.Should().Be(HttpStatusCode.OK, completed.Text);
        completed.Json.GetProperty("costs").GetProperty("failed_calls").GetInt32().Should().Be(1);
        completed.Json.GetProperty("costs").GetProperty("credit_applied").GetBoolean().Should().BeFalse("a job with a failed call is not charged");
        completed.Json.GetProperty("costs").GetProperty("credits_remaining").GetInt64().Should().Be(3);
        completed.Json.GetProperty("calls")[0].GetProperty("error").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task AFailedJob_IsNotCharged_AndAnEndedJobTakesNoMoreCalls()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 3);
        var jobId = await CreateJobAsync(teamId, key);
        (await CallAsync(jobId, key)).Status.Should().Be(HttpStatusCode.OK);

        var failed = await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "failed", error_message = "Document parsing failed" }, key);
        failed.Status.Should().Be(HttpStatusCode.OK, failed.Text);
        failed.Json.GetProperty("costs").GetProperty("credit_applied").GetBoolean().Should().BeFalse();
        (await Http.GetAsync($"/api/jobs/{jobId}", key)).Str("error_message").Should().Be("Document parsing failed");

        var late = await CallAsync(jobId, key);
        late.Status.Should().Be(HttpStatusCode.BadRequest, late.Text);
        late.Json.GetProperty("detail").GetString().Should().Contain("failed");
        var balance = await Http.GetAsync("/api/credits/balance", key);
        balance.Json.GetProperty("credits_remaining").GetInt64().Should().Be(3);
    }

    [Test]
    public async Task AStreamedCall_IsRelayedAsEvents_AndRecordedWhenItEnds()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 2);
        var jobId = await CreateJobAsync(teamId, key);

        var (status, contentType, body) = await PostRawAsync($"/api/jobs/{jobId}/llm-call-stream", """{"model":"demo","messages":[{"role":"user","content":"tell me"}],"purpose":"stream"}""", key);
        status.Should().Be(HttpStatusCode.OK, body);
        contentType.Should().Be("text/event-stream");
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).ToList();
        events[^1].Should().Be("data: [DONE]");
        var text = string.Concat(events.SkipLast(1)
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement)
            .Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : string.Empty));
        text.Should().Be("fixed answer");

        var costs = await Http.GetAsync($"/api/jobs/{jobId}/costs", key);
        var part = costs.Json.GetProperty("costs").GetProperty("breakdown").EnumerateArray().Single();
        part.GetProperty("purpose").GetString().Should().Be("stream");
        part.GetProperty("completion_tokens").GetInt64().Should().BePositive();
        part.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task CreateAndCall_RunsTheWholeJobInOneRequest()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 10);
        var reply = await Http.PostAsync("/api/jobs/create-and-call", new
        {
            team_id = teamId,
            job_type = "chat_response",
            model = "demo",
            messages = new[] { new { role = "user", content = "What is Python?" } },
            job_metadata = new { session_id = "sess_123" },
            temperature = 0.7,
        }, key);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Str("status").Should().Be("completed");
        reply.Json.GetProperty("response").GetProperty("content").GetString().Should().Be("fixed answer");
        reply.Json.GetProperty("metadata").GetProperty("tokens_used").GetInt64().Should().BePositive();
        reply.Json.GetProperty("costs").GetProperty("credit_applied").GetBoolean().Should().BeTrue();
        reply.Json.GetProperty("costs").GetProperty("credits_remaining").GetInt64().Should().Be(9);
        var job = await Http.GetAsync("/api/jobs/" + reply.Str("job_id"), key);
        job.Json.GetProperty("metadata").GetProperty("session_id").GetString().Should().Be("sess_123");

        var (status, _, body) = await PostRawAsync("/api/jobs/create-and-call-stream", $$"""{"team_id":"{{teamId}}","job_type":"chat","model":"demo","messages":[{"role":"user","content":"story"}]}""", key);
        status.Should().Be(HttpStatusCode.OK, body);
        body.TrimEnd().Should().EndWith("data: [DONE]");
        (await Http.GetAsync("/api/credits/balance", key)).Json.GetProperty("credits_remaining").GetInt64().Should().Be(8, "the streamed job was completed and charged when its stream ended");
    }

    [Test]
    public async Task AnotherTeamsJob_IsForbidden_AndUnknownJobsAreNotFound()
    {
        var (teamA, keyA) = await CreateTeamAsync(credits: 1);
        var (_, keyB) = await CreateTeamAsync(credits: 1);
        var jobId = await CreateJobAsync(teamA, keyA);

        var foreign = await Http.GetAsync($"/api/jobs/{jobId}", keyB);
        foreign.Status.Should().Be(HttpStatusCode.Forbidden);
        foreign.Str("detail").Should().Be("Job does not belong to your team");
        (await CallAsync(jobId, keyB)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "completed" }, keyB)).Status.Should().Be(HttpStatusCode.Forbidden);

        var mismatch = await Http.PostAsync("/api/jobs/create", new { team_id = teamA, job_type = "x" }, keyB);
        mismatch.Status.Should().Be(HttpStatusCode.Forbidden);
        mismatch.Str("detail").Should().Be($"API key does not belong to team '{teamA}'");

        var unknown = await Http.GetAsync($"/api/jobs/{Guid.NewGuid()}", keyA);
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.Str("detail").Should().Be("Job not found");
        (await Http.GetAsync("/api/jobs/not-a-uuid", keyA)).Status.Should().Be(HttpStatusCode.NotFound);

        using var bare = new HttpClient { BaseAddress = Api.Client.BaseAddress };
        using var noKey = await bare.GetAsync($"api/jobs/{jobId}");
        noKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        JsonDocument.Parse(await noKey.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task BadInput_GetsA422WithTheFieldAtFault()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 1);
        var missing = await Http.PostAsync("/api/jobs/create", new { team_id = teamId }, key);
        missing.Status.Should().Be((HttpStatusCode)422, missing.Text);
        var item = missing.Json.GetProperty("detail")[0];
        item.GetProperty("loc").EnumerateArray().Select(l => l.GetString()).Should().Equal("body", "job_type");
        item.GetProperty("type").GetString().Should().Be("value_error.missing");
        item.GetProperty("msg").GetString().Should().NotBeNullOrEmpty();

        var jobId = await CreateJobAsync(teamId, key);
        var noMessages = await Http.PostAsync($"/api/jobs/{jobId}/llm-call", new { model = "demo" }, key);
        noMessages.Status.Should().Be((HttpStatusCode)422, noMessages.Text);
        noMessages.Json.GetProperty("detail")[0].GetProperty("loc")[1].GetString().Should().Be("messages");

        var badStatus = await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "done" }, key);
        badStatus.Status.Should().Be((HttpStatusCode)422, badStatus.Text);
        badStatus.Json.GetProperty("detail")[0].GetProperty("loc")[1].GetString().Should().Be("status");

        var badPurpose = await Http.PostAsync($"/api/jobs/{jobId}/llm-call", new { model = "demo", messages = new[] { new { role = "user", content = "x" } }, purpose = 5 }, key);
        badPurpose.Status.Should().Be((HttpStatusCode)422, badPurpose.Text);

        var (status, _, body) = await PostRawAsync("/api/jobs/create", "{\"team_id\": ", key);
        status.Should().Be((HttpStatusCode)422, body);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").ValueKind.Should().Be(JsonValueKind.Array);

        var metadata = await Http.SendAsync(HttpMethod.Patch, $"/api/jobs/{jobId}/metadata", new { }, key);
        metadata.Status.Should().Be((HttpStatusCode)422, metadata.Text);
        (await Http.GetAsync($"/api/jobs/{jobId}", key)).Str("status").Should().Be("pending", "nothing stored is lost by a bad request");
    }

    [Test]
    public async Task MetadataPatch_MergesIntoTheJobsMetadata()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 1);
        var jobId = await CreateJobAsync(teamId, key);
        var patched = await Http.SendAsync(HttpMethod.Patch, $"/api/jobs/{jobId}/metadata", new { metadata = new { turns_completed = 1, last_topic = "deployment" } }, key);
        patched.Status.Should().Be(HttpStatusCode.OK, patched.Text);
        patched.Str("job_id").Should().Be(jobId);
        patched.Json.GetProperty("metadata").GetProperty("document_id").GetString().Should().Be("doc_1");
        patched.Json.GetProperty("metadata").GetProperty("turns_completed").GetInt32().Should().Be(1);

        var second = await Http.SendAsync(HttpMethod.Patch, $"/api/jobs/{jobId}/metadata", new { metadata = new { turns_completed = 2 } }, key);
        second.Json.GetProperty("metadata").GetProperty("turns_completed").GetInt32().Should().Be(2);
        second.Json.GetProperty("metadata").GetProperty("last_topic").GetString().Should().Be("deployment");
    }

    [Test]
    public async Task ASuspendedTeam_IsRefused_UntilItIsResumed()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 2);
        var jobId = await CreateJobAsync(teamId, key);

        var suspended = await Http.PostAsync($"/api/teams/{teamId}/suspend", new { }, ApiServer.MasterKey);
        suspended.Status.Should().Be(HttpStatusCode.OK, suspended.Text);
        suspended.Str("status").Should().Be("suspended");
        await WaitForAsync(async () => (await Http.PostAsync("/api/jobs/create", new { team_id = teamId, job_type = "x" }, key)).Status == HttpStatusCode.Forbidden);
        var refused = await CallAsync(jobId, key);
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Str("detail").Should().Be("Team access is suspended. Please contact support.");
        (await Http.GetAsync($"/api/teams/{teamId}", ApiServer.MasterKey)).Str("status").Should().Be("suspended");

        var resumed = await Http.PostAsync($"/api/teams/{teamId}/resume", new { }, ApiServer.MasterKey);
        resumed.Status.Should().Be(HttpStatusCode.OK, resumed.Text);
        resumed.Str("status").Should().Be("active");
        await WaitForAsync(async () => (await CallAsync(jobId, key)).Status == HttpStatusCode.OK);
        (await Http.GetAsync("/api/credits/balance", key)).Json.GetProperty("credits_remaining").GetInt64().Should().Be(2, "suspension keeps the credits");
    }

    [Test]
    public async Task ATeamWithoutCredits_CannotCall_UntilCreditsAreAdded()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 0);
        var jobId = await CreateJobAsync(teamId, key);
        var refused = await CallAsync(jobId, key);
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Str("detail").Should().Be("Insufficient credits");

        (await Http.PostAsync("/api/credits/add", new { team_id = teamId, amount = 100 }, key)).Status.Should().Be(HttpStatusCode.Forbidden, "only an admin adds credits");
        var added = await Http.PostAsync("/api/credits/add", new { team_id = teamId, amount = 100 }, ApiServer.MasterKey);
        added.Status.Should().Be(HttpStatusCode.OK, added.Text);
        added.Json.GetProperty("credits_added").GetInt64().Should().Be(100);
        added.Json.GetProperty("transaction").GetProperty("transaction_type").GetString().Should().Be("allocation");
        added.Json.GetProperty("transaction").GetProperty("credits_after").GetInt64().Should().Be(100);
        (await CallAsync(jobId, key)).Status.Should().Be(HttpStatusCode.OK);

        var balance = await Http.GetAsync($"/api/credits/balance?team_id={teamId}", ApiServer.MasterKey);
        balance.Json.GetProperty("credits_allocated").GetInt64().Should().Be(100);
        balance.Json.GetProperty("credits_remaining").GetInt64().Should().Be(100);
        balance.Str("budget_mode").Should().Be("job_based");

        (await Http.PostAsync("/api/credits/add", new { team_id = teamId, amount = 0 }, ApiServer.MasterKey)).Status.Should().Be((HttpStatusCode)422);
        (await Http.PostAsync("/api/credits/add", new { team_id = "no-such-team", amount = 5 }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
        var (_, otherKey) = await CreateTeamAsync(credits: 1);
        var foreign = await Http.GetAsync($"/api/credits/balance?team_id={teamId}", otherKey);
        foreign.Status.Should().Be(HttpStatusCode.Forbidden);
        foreign.Str("detail").Should().Be("Cannot access credit balance for a different team");
    }

    [Test]
    public async Task TokenBudgetMode_ChargesByTokens()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 100);
        var invalid = await Http.SendAsync(HttpMethod.Put, $"/api/teams/{teamId}", new { budget_mode = "per_call" }, ApiServer.MasterKey);
        invalid.Status.Should().Be((HttpStatusCode)422, invalid.Text);
        invalid.Json.GetProperty("detail")[0].GetProperty("msg").GetString().Should().Contain("Invalid budget_mode: per_call");

        var updated = await Http.SendAsync(HttpMethod.Put, $"/api/teams/{teamId}", new { budget_mode = "consumption_tokens" }, ApiServer.MasterKey);
        updated.Status.Should().Be(HttpStatusCode.OK, updated.Text);
        updated.Str("budget_mode").Should().Be("consumption_tokens");

        var jobId = await CreateJobAsync(teamId, key);
        (await CallAsync(jobId, key)).Status.Should().Be(HttpStatusCode.OK);
        var completed = await Http.PostAsync($"/api/jobs/{jobId}/complete", new { status = "completed" }, key);
        completed.Json.GetProperty("costs").GetProperty("credits_remaining").GetInt64().Should().Be(99, "under 10,000 tokens is the minimum of one credit");

        (await Http.SendAsync(HttpMethod.Put, $"/api/teams/{teamId}", new { budget_mode = "job_based" }, key)).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Teams_AreCreatedByTheAdmin_WithTheirKeyShownOnce()
    {
        var teamId = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Http.PostAsync("/api/teams/create", new { team_id = teamId, team_alias = "ACME", credits_allocated = 1000 }, ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var key = created.Str("virtual_key");
        key.Should().StartWith("sk-");
        created.Json.GetProperty("credits_remaining").GetInt64().Should().Be(1000);
        created.Str("status").Should().Be("active");

        var read = await Http.GetAsync($"/api/teams/{teamId}", key);
        read.Status.Should().Be(HttpStatusCode.OK, read.Text);
        read.Str("team_alias").Should().Be("ACME");
        read.Json.TryGetProperty("virtual_key", out _).Should().BeFalse("keys are stored as hashes only");
        read.Json.GetProperty("credits").GetProperty("credits_allocated").GetInt64().Should().Be(1000);

        var duplicate = await Http.PostAsync("/api/teams/create", new { team_id = teamId }, ApiServer.MasterKey);
        duplicate.Status.Should().Be(HttpStatusCode.BadRequest);
        duplicate.Str("detail").Should().Be($"Team '{teamId}' already exists");
        (await Http.PostAsync("/api/teams/create", new { team_id = "x" + teamId }, key)).Status.Should().Be(HttpStatusCode.Forbidden);
        var unknownGroup = await Http.PostAsync("/api/teams/create", new { team_id = "y" + teamId, access_groups = new[] { "no-such-group" } }, ApiServer.MasterKey);
        unknownGroup.Status.Should().Be(HttpStatusCode.NotFound);
        unknownGroup.Str("detail").Should().Be("Model access group 'no-such-group' not found");
        (await Http.GetAsync("/api/teams/no-such-team", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Usage_SumsTheTeamsJobsOfTheMonth()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 10);
        var done = await CreateJobAsync(teamId, key, "analysis");
        (await CallAsync(done, key)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync($"/api/jobs/{done}/complete", new { status = "completed" }, key)).Status.Should().Be(HttpStatusCode.OK);
        var failed = await CreateJobAsync(teamId, key, "chat");
        (await Http.PostAsync($"/api/jobs/{failed}/complete", new { status = "failed" }, key)).Status.Should().Be(HttpStatusCode.OK);

        var usage = await Http.GetAsync($"/api/teams/{teamId}/usage", key);
        usage.Status.Should().Be(HttpStatusCode.OK, usage.Text);
        usage.Str("period").Should().Be(DateTimeOffset.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var summary = usage.Json.GetProperty("summary");
        summary.GetProperty("total_jobs").GetInt32().Should().Be(2);
        summary.GetProperty("successful_jobs").GetInt32().Should().Be(1);
        summary.GetProperty("failed_jobs").GetInt32().Should().Be(1);
        summary.GetProperty("total_tokens").GetInt64().Should().BePositive();
        usage.Json.GetProperty("job_types").GetProperty("analysis").GetProperty("count").GetInt32().Should().Be(1);

        (await Http.GetAsync($"/api/teams/{teamId}/usage?period=2001-01", key)).Json.GetProperty("summary").GetProperty("total_jobs").GetInt32().Should().Be(0);
        (await Http.GetAsync($"/api/teams/{teamId}/usage?period=January", key)).Status.Should().Be((HttpStatusCode)422);
        var (_, otherKey) = await CreateTeamAsync(credits: 1);
        var foreign = await Http.GetAsync($"/api/teams/{teamId}/usage", otherKey);
        foreign.Status.Should().Be(HttpStatusCode.Forbidden);
        foreign.Str("detail").Should().Be("Cannot access usage data for a different team");
    }

    [Test]
    public async Task Jobs_AreListedByTeam_FilteredSortedAndPaged()
    {
        var (teamId, key) = await CreateTeamAsync(credits: 5);
        var (otherTeam, otherKey) = await CreateTeamAsync(credits: 5);
        var first = await CreateJobAsync(teamId, key, "a");
        var second = await CreateJobAsync(teamId, key, "b");
        var third = await CreateJobAsync(teamId, key, "c");
        await CreateJobAsync(otherTeam, otherKey, "x");
        (await Http.PostAsync($"/api/jobs/{second}/complete", new { status = "failed" }, key)).Status.Should().Be(HttpStatusCode.OK);

        var all = await Http.GetAsync("/api/jobs", key);
        all.Status.Should().Be(HttpStatusCode.OK, all.Text);
        all.Json.GetProperty("total").GetInt32().Should().Be(3);
        all.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).Should().Equal(third, second, first);

        var oldestFirst = await Http.GetAsync("/api/jobs?sort_by=created_at&order=asc&limit=2&offset=1", key);
        oldestFirst.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).Should().Equal(second, third);
        oldestFirst.Json.GetProperty("total").GetInt32().Should().Be(3);

        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await Http.GetAsync($"/api/jobs?start_date={today}&end_date={today}&status=failed", key)).Json.GetProperty("jobs")
            .EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).Should().Equal(second);
        (await Http.GetAsync("/api/jobs?start_date=2001-01-01&end_date=2001-01-31", key)).Json.GetProperty("total").GetInt32().Should().Be(0);
        (await Http.GetAsync($"/api/teams/{teamId}/jobs", ApiServer.MasterKey)).Json.GetProperty("total").GetInt32().Should().Be(3);

        var foreign = await Http.GetAsync($"/api/teams/{teamId}/jobs", otherKey);
        foreign.Status.Should().Be(HttpStatusCode.Forbidden);
        foreign.Str("detail").Should().Be("Cannot access jobs for a different team");
        (await Http.GetAsync("/api/jobs?sort_by=job_id;drop", key)).Status.Should().Be((HttpStatusCode)422);
        (await Http.GetAsync("/api/jobs?start_date=yesterday", key)).Status.Should().Be((HttpStatusCode)422);
        (await Http.GetAsync("/api/jobs?order=sideways", key)).Status.Should().Be((HttpStatusCode)422);
        var badLimit = await Http.GetAsync("/api/jobs?limit=0", key);
        badLimit.Status.Should().Be((HttpStatusCode)422);
        badLimit.Json.GetProperty("detail")[0].GetProperty("loc").EnumerateArray().Select(l => l.GetString()).Should().Equal("query", "limit");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the change should reach the key cache within seconds");
            await Task.Delay(100);
        }
    }

    private async Task<(string TeamId, string Key)> CreateTeamAsync(long credits)
    {
        var teamId = "team-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Http.PostAsync("/api/teams/create", new { team_id = teamId, credits_allocated = credits }, ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        return (teamId, created.Str("virtual_key"));
    }

    private async Task<string> CreateJobAsync(string teamId, string key, string jobType = "analysis")
    {
        var created = await Http.PostAsync("/api/jobs/create", new { team_id = teamId, job_type = jobType, metadata = new { document_id = "doc_1" } }, key);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        return created.Str("job_id");
    }

    private Task<Admin.AdminHttp.Reply> CallAsync(string jobId, string key) =>
        Http.PostAsync($"/api/jobs/{jobId}/llm-call", new { model = "demo", messages = new[] { new { role = "user", content = "hi" } } }, key);

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> PostRawAsync(string path, string json, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Api.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
