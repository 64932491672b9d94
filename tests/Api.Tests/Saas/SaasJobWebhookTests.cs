using System.Net;
using LlmPlatform.Api.Tests.Webhooks;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>A job that ends sends <c>job.completed</c> or <c>job.failed</c> to its team's webhooks, and to no other team's.</summary>
public sealed class SaasJobWebhookTests : AdminApiFixture
{
    private const string Secret = "whsec_saas-job-tests-secret-0123";

    protected override string Config => WebhookDeliveryTests.Config();

    [Test]
    public async Task AnEndedJob_IsSentToItsTeamsWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var stranger = await WebhookReceiver.StartAsync();
        var (teamId, key) = await CreateTeamAsync();
        var (_, otherKey) = await CreateTeamAsync();
        await WebhookDeliveryTests.CreateAsync(Http, key, receiver.Url, ["job.completed", "job.failed"], Secret);
        await WebhookDeliveryTests.CreateAsync(Http, otherKey, stranger.Url, ["job.completed", "job.failed"], Secret);

        var completed = await CreateJobAsync(teamId, key);
        (await Http.PostAsync($"/api/jobs/{completed}/llm-call", new { model = "demo", messages = new[] { new { role = "user", content = "hi" } } }, key))
            .Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync($"/api/jobs/{completed}/complete", new { status = "completed" }, key)).Status.Should().Be(HttpStatusCode.OK);
        var failed = await CreateJobAsync(teamId, key);
        (await Http.PostAsync($"/api/jobs/{failed}/complete", new { status = "failed", error_message = "parser crashed" }, key)).Status.Should().Be(HttpStatusCode.OK);

        var received = await receiver.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(20));
        var done = received.Single(r => r.Json.GetProperty("type").GetString() == "job.completed").Json.GetProperty("data");
        done.GetProperty("job_id").GetString().Should().Be(completed);
        done.GetProperty("team_id").GetString().Should().Be(teamId);
        done.GetProperty("total_calls").GetInt32().Should().Be(1);
        done.GetProperty("credit_applied").GetBoolean().Should().BeTrue();
        var lost = received.Single(r => r.Json.GetProperty("type").GetString() == "job.failed").Json.GetProperty("data");
        lost.GetProperty("job_id").GetString().Should().Be(failed);
        lost.GetProperty("error_message").GetString().Should().Be("parser crashed");
        received.Should().OnlyContain(r => WebhookReceiver.HasValidSignature(r, Secret));

        (await Http.PostAsync($"/api/jobs/{completed}/complete", new { status = "completed" }, key)).Status.Should().Be(HttpStatusCode.OK);
        await Task.Delay(1000);
        receiver.Received.Should().HaveCount(2, "completing an ended job again sends nothing");
        stranger.Received.Should().BeEmpty("another team's webhook never hears of this team's jobs");
    }

    private async Task<(string TeamId, string Key)> CreateTeamAsync()
    {
        var teamId = "hook-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Http.PostAsync("/api/teams/create", new { team_id = teamId, credits_allocated = 5 }, ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        return (teamId, created.Str("virtual_key"));
    }

    private async Task<string> CreateJobAsync(string teamId, string key)
    {
        var created = await Http.PostAsync("/api/jobs/create", new { team_id = teamId, job_type = "hooked" }, key);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        return created.Str("job_id");
    }
}
