using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary><c>Idempotency-Key</c> on the SaaS dialect's POSTs: a retry gets the first answer and does no work twice.</summary>
public sealed class SaasIdempotencyTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        """;

    [Test]
    public async Task ARetriedCreate_GetsTheFirstAnswer_AndMakesOneJob()
    {
        var (teamId, key) = await CreateTeamAsync();
        var body = $$"""{"team_id":"{{teamId}}","job_type":"once"}""";
        var first = await PostAsync("/api/jobs/create", body, key, "create-1");
        var second = await PostAsync("/api/jobs/create", body, key, "create-1");

        first.Status.Should().Be(HttpStatusCode.OK, first.Body);
        second.Status.Should().Be(HttpStatusCode.OK, second.Body);
        second.Body.Should().Be(first.Body);
        second.Replayed.Should().BeTrue();
        first.Replayed.Should().BeFalse();
        var usage = await Http.GetAsync($"/api/teams/{teamId}/usage", key);
        usage.Json.GetProperty("summary").GetProperty("total_jobs").GetInt32().Should().Be(1);

        var other = await PostAsync("/api/jobs/create", body, key, "create-2");
        JsonDocument.Parse(other.Body).RootElement.GetProperty("job_id").GetString()
            .Should().NotBe(JsonDocument.Parse(first.Body).RootElement.GetProperty("job_id").GetString(), "another key is another request");
    }

    [Test]
    public async Task CreditsAddedWithAKey_AreAddedOnce()
    {
        var (teamId, key) = await CreateTeamAsync();
        var body = $$"""{"team_id":"{{teamId}}","amount":25}""";
        (await PostAsync("/api/credits/add", body, ApiServer.MasterKey, "topup-" + teamId)).Status.Should().Be(HttpStatusCode.OK);
        (await PostAsync("/api/credits/add", body, ApiServer.MasterKey, "topup-" + teamId)).Replayed.Should().BeTrue();

        var balance = await Http.GetAsync("/api/credits/balance", key);
        balance.Json.GetProperty("credits_allocated").GetInt64().Should().Be(26, "one credit at creation and 25 added once");
    }

    [Test]
    public async Task TheSameKey_ForADifferentRequest_IsRefused()
    {
        var (teamId, key) = await CreateTeamAsync();
        (await PostAsync("/api/jobs/create", $$"""{"team_id":"{{teamId}}","job_type":"a"}""", key, "k")).Status.Should().Be(HttpStatusCode.OK);
        var reused = await PostAsync("/api/jobs/create", $$"""{"team_id":"{{teamId}}","job_type":"b"}""", key, "k");
        reused.Status.Should().Be(HttpStatusCode.BadRequest, reused.Body);
        JsonDocument.Parse(reused.Body).RootElement.GetProperty("detail").GetString().Should().Contain("different request");

        var (_, otherKey) = await CreateTeamAsync();
        var otherTeam = (await Http.GetAsync("/api/credits/balance", otherKey)).Str("team_id");
        var elsewhere = await PostAsync("/api/jobs/create", $$"""{"team_id":"{{otherTeam}}","job_type":"a"}""", otherKey, "k");
        elsewhere.Status.Should().Be(HttpStatusCode.OK, "a key's idempotency keys are its own");
        elsewhere.Replayed.Should().BeFalse();
    }

    [Test]
    public async Task ARefusedRequest_IsNotKept_SoItsCorrectedRetrySucceeds()
    {
        var (teamId, key) = await CreateTeamAsync();
        var bad = await PostAsync("/api/jobs/create", $$"""{"team_id":"{{teamId}}"}""", key, "fix-me");
        bad.Status.Should().Be((HttpStatusCode)422);
        var bad2 = await PostAsync("/api/jobs/create", $$"""{"team_id":"{{teamId}}"}""", key, "fix-me");
        bad2.Replayed.Should().BeFalse();

        var tooLong = await PostAsync("/api/jobs/create", $$"""{"team_id":"{{teamId}}","job_type":"x"}""", key, new string('k', 256));
        tooLong.Status.Should().Be((HttpStatusCode)422, tooLong.Body);
    }

    private async Task<(string TeamId, string Key)> CreateTeamAsync()
    {
        var teamId = "idem-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Http.PostAsync("/api/teams/create", new { team_id = teamId, credits_allocated = 1 }, ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        return (teamId, created.Str("virtual_key"));
    }

    private async Task<(HttpStatusCode Status, string Body, bool Replayed)> PostAsync(string path, string json, string key, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await Api.Client.SendAsync(request);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), replayed);
    }
}
