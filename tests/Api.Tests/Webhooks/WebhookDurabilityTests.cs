using System.Net;
using System.Text.Json.Nodes;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Webhooks;

/// <summary>The outbox across restarts and nodes, the end of the retry window, and expiring keys.</summary>
public sealed class WebhookDurabilityTests
{
    private const string Secret = "whsec_durability-tests-secret-01";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task StartReceiverAsync() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    [Test]
    public async Task PendingDelivery_WhenTheNodeStops_IsDeliveredByTheNextNodeOnTheSameDatabase()
    {
        await using var database = await TestDatabase.CreateAsync("whrestart");
        string webhook;
        _receiver.FailAll = true;
        await using (var first = await ApiServer.StartAsync(WebhookDeliveryTests.Config(), database))
        {
            webhook = await WebhookDeliveryTests.CreateAsync(new AdminHttp(first.Client), ApiServer.MasterKey, _receiver.Url, ["fine_tuning.job.completed"], Secret);
            await WebhookDeliveryTests.PublishAsync(first, WebhookEventTypes.FineTuningJobCompleted, new JsonObject { ["job"] = "ftjob_1" }, null);
            await _receiver.WaitForAsync(r => r.Count >= 1, Wait);
        }

        var failedWhileUp = _receiver.Received.Count;
        _receiver.FailAll = false;
        await using var second = await ApiServer.StartAsync(WebhookDeliveryTests.Config(), database);
        var received = await _receiver.WaitForAsync(r => r.Any(x => x.AnsweredStatus == 200), Wait);

        received.Take(failedWhileUp).Should().OnlyContain(r => r.AnsweredStatus == 500);
        received.Select(r => r.DeliveryId).Distinct().Should().ContainSingle("the retry after the restart is the same delivery");
        received[^1].Json.GetProperty("data").GetProperty("job").GetString().Should().Be("ftjob_1");
        WebhookReceiver.HasValidSignature(received[^1], Secret).Should().BeTrue();
        var log = await WebhookDeliveryTests.WaitForStatusAsync(new AdminHttp(second.Client), webhook, "delivered");
        log.Json.GetProperty("data")[0].GetProperty("attempts").GetArrayLength().Should().BeInRange(2, received.Count, "the failed attempts of the first node and the successful one of the second are logged");
    }

    [Test]
    public async Task TwoNodes_OnOneDatabase_SendEveryDeliveryExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync("whnodes");
        await using var first = await ApiServer.StartAsync(WebhookDeliveryTests.Config(), database);
        await using var second = await ApiServer.StartAsync(WebhookDeliveryTests.Config(), database);
        await WebhookDeliveryTests.CreateAsync(new AdminHttp(first.Client), ApiServer.MasterKey, _receiver.Url, ["batch.completed"], Secret);

        const int events = 40;
        await Task.WhenAll(Enumerable.Range(0, events).Select(i =>
            WebhookDeliveryTests.PublishAsync(i % 2 == 0 ? first : second, WebhookEventTypes.BatchCompleted, new JsonObject { ["n"] = i }, null)));
        await _receiver.WaitForAsync(r => r.Count >= events, Wait);
        await Task.Delay(1500);

        _receiver.Received.Should().HaveCount(events);
        _receiver.Received.Select(r => r.DeliveryId).Distinct().Should().HaveCount(events);
        _receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("n").GetInt32()).Order().Should().Equal(Enumerable.Range(0, events));
    }

    [Test]
    public async Task FailingDelivery_AfterTheRetryWindow_IsMarkedFailedAndNotRetried()
    {
        var clock = new ShiftableTimeProvider();
        await using var api = await ApiServer.StartAsync(WebhookDeliveryTests.Config(), configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var http = new AdminHttp(api.Client);
        var webhook = await WebhookDeliveryTests.CreateAsync(http, ApiServer.MasterKey, _receiver.Url, ["batch.failed"], Secret);
        _receiver.FailAll = true;

        await WebhookDeliveryTests.PublishAsync(api, WebhookEventTypes.BatchFailed, new JsonObject { ["batch_id"] = "batch_x" }, null);
        await _receiver.WaitForAsync(r => r.Count >= 2, Wait);
        clock.Advance(TimeSpan.FromHours(25));
        await WebhookDeliveryTests.WaitForStatusAsync(http, webhook, "failed");
        var attemptsAtFailure = _receiver.Received.Count;
        await Task.Delay(1500);

        _receiver.Received.Should().HaveCount(attemptsAtFailure, "a failed delivery is not tried again");
        var delivery = (await http.GetAsync($"/webhooks/{webhook}/deliveries", ApiServer.MasterKey)).Json.GetProperty("data")[0];
        delivery.GetProperty("attempts").GetArrayLength().Should().Be(attemptsAtFailure);
        delivery.TryGetProperty("next_attempt_at", out _).Should().BeFalse();
    }

    [Test]
    public async Task FinishedDeliveries_AfterTheRetentionPeriod_ArePurgedFromTheLog()
    {
        var clock = new ShiftableTimeProvider();
        await using var api = await ApiServer.StartAsync(WebhookDeliveryTests.Config(), configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var http = new AdminHttp(api.Client);
        var webhook = await WebhookDeliveryTests.CreateAsync(http, ApiServer.MasterKey, _receiver.Url, ["batch.completed"], Secret);
        await WebhookDeliveryTests.PublishAsync(api, WebhookEventTypes.BatchCompleted, new JsonObject { ["n"] = 1 }, null);
        await WebhookDeliveryTests.WaitForStatusAsync(http, webhook, "delivered");

        clock.Advance(TimeSpan.FromDays(31));
        var deadline = DateTimeOffset.UtcNow + Wait;
        while ((await http.GetAsync($"/webhooks/{webhook}/deliveries", ApiServer.MasterKey)).Json.GetProperty("data").GetArrayLength() > 0)
        {
            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "a delivered event older than 30 days is purged");
            await Task.Delay(100);
        }

        (await http.GetAsync($"/webhooks/{webhook}", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK, "the webhook itself stays");
    }

    [Test]
    public async Task ExpiringKey_RaisesKeyExpiringOnceAndOnlyForKeysWithinTheWindow()
    {
        await using var api = await ApiServer.StartAsync(WebhookDeliveryTests.Config("  webhook_key_expiry_days: 7\n  webhook_key_expiry_check_seconds: 0.5"));
        var http = new AdminHttp(api.Client);
        await WebhookDeliveryTests.CreateAsync(http, ApiServer.MasterKey, _receiver.Url, ["key.expiring"], Secret);

        (await http.PostAsync("/key/generate", new { key_alias = "expires-soon", duration = "2d" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await http.PostAsync("/key/generate", new { key_alias = "expires-later", duration = "30d" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await http.PostAsync("/key/generate", new { key_alias = "never-expires" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        var received = await _receiver.WaitForAsync(r => r.Count >= 1, Wait);
        await Task.Delay(2000);

        _receiver.Received.Should().ContainSingle("each key is announced once, not at every check");
        received[0].Json.GetProperty("type").GetString().Should().Be("key.expiring");
        var data = received[0].Json.GetProperty("data");
        data.GetProperty("key_alias").GetString().Should().Be("expires-soon");
        data.GetProperty("expires_at").GetInt64().Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds(), 120);
        received[0].BodyText.Should().NotContain("sk-test");
    }
}
