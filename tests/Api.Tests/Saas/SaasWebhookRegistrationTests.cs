using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Api.Tests.Webhooks;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>The SaaS dialect's webhook registration (seed 002): the platform's webhooks, owned by the team named.</summary>
public sealed class SaasWebhookRegistrationTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          encryption_key: saas-webhook-tests-key
          webhook_allowed_hosts: ["127.0.0.1"]
        """;

    [Test]
    public async Task Register_WithTheTeamsKey_AnswersTheWebhook_AndItIsTheTeamsPlatformWebhook()
    {
        var key = await Http.TeamKeyAsync("hook-team");

        var reply = await Http.PostAsync(
            "/api/webhooks/register",
            new { team_id = "hook-team", webhook_url = "http://127.0.0.1:9/webhooks/job-complete", events = new[] { "job.completed", "job.failed" } },
            key);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        var id = reply.Str("webhook_id");
        reply.Str("team_id").Should().Be("hook-team");
        reply.Str("webhook_url").Should().Be("http://127.0.0.1:9/webhooks/job-complete");
        reply.Json.GetProperty("events").Strings().Should().Equal("job.completed", "job.failed");
        reply.Json.GetProperty("is_active").GetBoolean().Should().BeTrue();
        reply.Str("created_at").Should().EndWith("Z");
        reply.Json.GetProperty("last_triggered_at").ValueKind.Should().Be(JsonValueKind.Null);

        var platform = await Http.GetAsync("/webhooks/" + id, key);
        platform.Status.Should().Be(HttpStatusCode.OK, platform.Text);
        var owner = await CatalogAdminHttp.ScalarTextAsync(Api.DatabaseUrl, "SELECT owner FROM webhooks WHERE id = @p", id);
        owner.Should().Be("team:hook-team");
    }

    [Test]
    public async Task Register_ByTheMasterKey_OwnsTheWebhookByTheTeamNamed_AndDefaultsToBothJobEvents()
    {
        (await Http.PostAsync("/team/new", new { team_id = "admin-hook-team" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var reply = await Http.PostAsync("/api/webhooks/register", new { team_id = "admin-hook-team", webhook_url = "https://127.0.0.1/hook" }, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json.GetProperty("events").Strings().Should().Equal("job.completed", "job.failed");
        var owner = await CatalogAdminHttp.ScalarTextAsync(Api.DatabaseUrl, "SELECT owner FROM webhooks WHERE id = @p", reply.Str("webhook_id"));
        owner.Should().Be("team:admin-hook-team", "a team's webhook gets that team's events, not every event");
    }

    [Test]
    public async Task Register_WithAnAuthHeader_SendsItOnEachDeliveryOfTheTeamsJobEvents_AndStoresItEncrypted()
    {
        const string authorization = "Bearer receiver-token-0123456789";
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = await Http.TeamKeyAsync("delivering-team");
        var reply = await Http.PostAsync(
            "/api/webhooks/register",
            new { team_id = "delivering-team", webhook_url = receiver.Url, events = new[] { "job.completed" }, auth_header = authorization },
            key);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Text.Should().NotContain("receiver-token");

        await WebhookDeliveryTests.PublishAsync(Api, WebhookEventTypes.JobCompleted, new JsonObject { ["job_id"] = "job_1" }, "team:delivering-team");
        await WebhookDeliveryTests.PublishAsync(Api, WebhookEventTypes.JobCompleted, new JsonObject { ["job_id"] = "job_2" }, "team:another-team");
        var received = await receiver.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(20));
        await Task.Delay(500);

        receiver.Received.Should().ContainSingle("only the team's own job events reach its webhook");
        received[0].Header("authorization").Should().Be(authorization);
        received[0].Header("x-llmplatform-event").Should().Be("job.completed");
        received[0].Json.GetProperty("data").GetProperty("job_id").GetString().Should().Be("job_1");
        var stored = await CatalogAdminHttp.ScalarTextAsync(Api.DatabaseUrl, "SELECT auth_header_encrypted FROM webhooks WHERE id = @p", reply.Str("webhook_id"));
        stored.Should().NotBeNullOrEmpty().And.NotContain("receiver-token");
    }

    [Test]
    public async Task Register_ForAnotherTeam_IsForbiddenWithTheSeedsDetail()
    {
        var key = await Http.TeamKeyAsync("own-team");
        (await Http.PostAsync("/team/new", new { team_id = "other-team" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var reply = await Http.PostAsync("/api/webhooks/register", new { team_id = "other-team", webhook_url = "https://127.0.0.1/hook" }, key);

        reply.Detail(HttpStatusCode.Forbidden).Should().Be("API key does not belong to team 'other-team'");
    }

    [Test]
    public async Task Register_ForAnUnknownTeam_IsFourOhFour()
    {
        var reply = await Http.PostAsync("/api/webhooks/register", new { team_id = "ghost-team", webhook_url = "https://127.0.0.1/hook" }, ApiServer.MasterKey);

        reply.Detail(HttpStatusCode.NotFound).Should().Be("Team 'ghost-team' not found");
    }

    [TestCase("""{"webhook_url":"https://127.0.0.1/hook"}""", "team_id", "value_error.missing")]
    [TestCase("""{"team_id":"t"}""", "webhook_url", "value_error.missing")]
    [TestCase("""{"team_id":"t","webhook_url":"not a url"}""", "webhook_url", "value_error")]
    [TestCase("""{"team_id":"t","webhook_url":"https://127.0.0.1/hook","events":["job.started"]}""", "events", "value_error")]
    [TestCase("""{"team_id":"t","webhook_url":"https://127.0.0.1/hook","events":"job.completed"}""", "events", "value_error")]
    [TestCase("""{"team_id":"t","webhook_url":"https://127.0.0.1/hook","auth_header":"a\r\nX-Injected: 1"}""", "auth_header", "value_error")]
    public async Task Register_WithABadBody_AnswersFourTwentyTwoNamingTheField(string body, string field, string type)
    {
        (await Http.PostAsync("/team/new", new { team_id = "t" }, ApiServer.MasterKey)).Status.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);

        var reply = await Http.PostAsync("/api/webhooks/register", body, ApiServer.MasterKey);

        reply.ShouldBeInvalid(field, type);
    }
}
