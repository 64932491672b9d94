using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Webhooks;

/// <summary>Deliveries to a real receiver: signed, retried after failures, logged, routed by owner and event type.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "whsec_delivery-tests-secret-0123";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private WebhookReceiver _receiver = null!;
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    internal static string Config(string extra = "") => $"""
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
              mock_response: "fixed answer"
            model_info:
              input_cost_per_token: 0.001
              output_cost_per_token: 0.002
        general_settings:
          encryption_key: webhook-delivery-tests-key
          webhook_allowed_hosts: ["127.0.0.1"]
          webhook_retry_base_seconds: 0.2
        {extra}
        """;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(Config());
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [SetUp]
    public async Task StartReceiverAsync() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    [Test]
    public async Task Delivery_WhenTheReceiverFailsTwice_IsRetriedWithBackoffSignedAndLogged()
    {
        var webhook = await CreateAsync(ApiServer.MasterKey, _receiver.Url, ["batch.completed"], Secret);
        _receiver.FailFirst = 2;

        await PublishAsync(_api, WebhookEventTypes.BatchCompleted, new JsonObject { ["batch_id"] = "batch_1", ["status"] = "completed" }, null);
        var received = await _receiver.WaitForAsync(r => r.Any(x => x.AnsweredStatus == 200), Wait);

        received.Select(r => r.AnsweredStatus).Should().Equal(500, 500, 200);
        received.Select(r => r.DeliveryId).Distinct().Should().ContainSingle().Which.Should().StartWith("whd_");
        received.Should().OnlyContain(r => WebhookReceiver.HasValidSignature(r, Secret));
        received.Should().OnlyContain(r => !WebhookReceiver.HasValidSignature(r, Secret + "x"));
        received.Should().OnlyContain(r => r.Header("x-llmplatform-event") == "batch.completed");
        received.Select(r => r.BodyText).Distinct().Should().ContainSingle("every retry sends the same body");
        var body = received[0].Json;
        body.GetProperty("id").GetString().Should().StartWith("evt_");
        body.GetProperty("type").GetString().Should().Be("batch.completed");
        body.GetProperty("created_at").GetInt64().Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
        body.GetProperty("data").GetProperty("batch_id").GetString().Should().Be("batch_1");
        var firstGap = received[1].ReceivedAt - received[0].ReceivedAt;
        var secondGap = received[2].ReceivedAt - received[1].ReceivedAt;
        firstGap.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150), "the first retry waits the base delay (0.2 s, +/-20 %)");
        secondGap.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450), "the second waits three times as long");

        var log = await WaitForStatusAsync(_http, webhook, "delivered");
        var delivery = log.Json.GetProperty("data").EnumerateArray().Single();
        delivery.GetProperty("id").GetString().Should().Be(received[0].DeliveryId);
        delivery.GetProperty("status").GetString().Should().Be("delivered");
        delivery.GetProperty("event_type").GetString().Should().Be("batch.completed");
        delivery.GetProperty("event_id").GetString().Should().Be(body.GetProperty("id").GetString());
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("attempt").GetInt32()).Should().Equal(1, 2, 3);
        attempts.Select(a => a.GetProperty("status_code").GetInt32()).Should().Equal(500, 500, 200);
        attempts.Select(a => a.GetProperty("succeeded").GetBoolean()).Should().Equal(false, false, true);
        attempts[0].GetProperty("error").GetString().Should().Contain("500");
        attempts.Should().OnlyContain(a => a.GetProperty("duration_ms").GetInt32() >= 0 && a.GetProperty("attempted_at").GetInt64() > 0);
    }

    [Test]
    public async Task Delivery_GoesToTheOwnersAndTheAdminsWebhooksForSubscribedTypesOnly()
    {
        var key = await KeyAsync(new { key_alias = "owner-routing" });
        var owned = await CreateAsync(key, _receiver.Url + "?who=owner", ["batch.completed"], Secret);
        await CreateAsync(ApiServer.MasterKey, _receiver.Url + "?who=admin", ["batch.completed", "batch.failed"], Secret);
        var owner = (await _api.Services.GetRequiredService<LlmPlatform.Application.Access.Authentication.IApiKeyAuthenticator>()
            .AuthenticateAsync(key, CancellationToken.None)).Value.Owner;

        await PublishAsync(_api, WebhookEventTypes.BatchCompleted, new JsonObject { ["n"] = 1 }, owner);
        await PublishAsync(_api, WebhookEventTypes.BatchCompleted, new JsonObject { ["n"] = 2 }, "team:somebody-else");
        await PublishAsync(_api, WebhookEventTypes.BatchFailed, new JsonObject { ["n"] = 3 }, owner);
        await PublishAsync(_api, WebhookEventTypes.FineTuningJobFailed, new JsonObject { ["n"] = 4 }, owner);
        await _receiver.WaitForAsync(r => r.Count >= 4, Wait);
        await Task.Delay(500);

        var ownerSaw = (await _http.GetAsync($"/webhooks/{owned}/deliveries", key)).Json.GetProperty("data").EnumerateArray().ToList();
        ownerSaw.Should().ContainSingle();
        _receiver.Received.Should().HaveCount(4, "the owner's webhook gets event 1, the admin's events 1, 2 and 3, nobody event 4");
        _receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("n").GetInt32()).Order().Should().Equal(1, 1, 2, 3);
    }

    [Test]
    public async Task SoftBudgetCrossed_IsDeliveredAsAnEvent()
    {
        await CreateAsync(ApiServer.MasterKey, _receiver.Url, ["budget.soft_limit_crossed"], Secret);
        var key = await KeyAsync(new { key_alias = "soft-budget-hook", soft_budget = 0.0001, max_budget = 100 });

        (await Admin.Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Admin.Gateway.StatusAsync(_api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        var received = await _receiver.WaitForAsync(r => r.Count >= 1, Wait);

        await Task.Delay(500);
        _receiver.Received.Should().ContainSingle();
        var data = received[0].Json.GetProperty("data");
        received[0].Json.GetProperty("type").GetString().Should().Be("budget.soft_limit_crossed");
        data.GetProperty("scope").GetString().Should().Be("key");
        data.GetProperty("soft_budget").GetDecimal().Should().Be(0.0001m);
        data.GetProperty("spend").GetDecimal().Should().BeGreaterThanOrEqualTo(0.0001m);
    }

    [Test]
    public async Task UsageLimitReached_IsDeliveredToTheKeysOwnerOncePerWindowNotPerRefusal()
    {
        var key = await KeyAsync(new { key_alias = "rpm-hook", rpm_limit = 1 });
        await CreateAsync(key, _receiver.Url, ["usage.limit.reached"], Secret);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await Admin.Gateway.StatusAsync(_api.Client, key, "demo"));
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).Should().BeGreaterThanOrEqualTo(4);
        var received = await _receiver.WaitForAsync(r => r.Count >= 1, Wait);
        await Task.Delay(1000);
        _receiver.Received.Count.Should().BeLessThanOrEqualTo(2, "one event per scope and minute (two only when the requests straddle a minute), not one per refusal");
        var data = received[0].Json.GetProperty("data");
        received[0].Json.GetProperty("type").GetString().Should().Be("usage.limit.reached");
        data.GetProperty("scope").GetString().Should().Be("key");
        data.GetProperty("limit_type").GetString().Should().Be("rpm_limit");
        data.GetProperty("limit").GetInt64().Should().Be(1);
        data.GetProperty("key_alias").GetString().Should().Be("rpm-hook");
        data.GetProperty("model").GetString().Should().Be("demo");
    }

    /// <summary>The webhook's delivery log once a delivery has the status (the receiver answers before the outcome is stored).</summary>
    internal static async Task<AdminHttp.Reply> WaitForStatusAsync(AdminHttp http, string webhook, string status)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            var log = await http.GetAsync($"/webhooks/{webhook}/deliveries", ApiServer.MasterKey);
            log.Status.Should().Be(HttpStatusCode.OK, log.Text);
            if (log.Json.GetProperty("data").EnumerateArray().Any(d => d.GetProperty("status").GetString() == status))
            {
                return log;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, $"a delivery should become {status}");
            await Task.Delay(100);
        }
    }

    internal static async Task PublishAsync(ApiServer api, string type, JsonObject data, string? owner) =>
        await api.Services.GetRequiredService<IWebhookEventPublisher>().PublishAsync(new WebhookEvent(type, data, owner), CancellationToken.None);

    internal static async Task<string> CreateAsync(AdminHttp http, string key, string url, string[] events, string secret)
    {
        var reply = await http.PostAsync("/webhooks", new { url, events, secret }, key);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("id");
    }

    private Task<string> CreateAsync(string key, string url, string[] events, string secret) => CreateAsync(_http, key, url, events, secret);

    private async Task<string> KeyAsync(object body)
    {
        var reply = await _http.PostAsync("/key/generate", body, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("key");
    }
}
