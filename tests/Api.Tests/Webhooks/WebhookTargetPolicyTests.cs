using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Infrastructure.Webhooks;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Webhooks;

/// <summary>Webhooks may not point inside the deployment (loopback, private, link-local, metadata) unless allow-listed, at creation and at delivery.</summary>
public sealed class WebhookTargetPolicyTests
{
    private const int AllowedPort = 4321;

    private static readonly string Config = $"""
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          encryption_key: webhook-policy-tests-key
          webhook_allowed_hosts: ["127.0.0.1:{AllowedPort}"]
        """;

    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(Config);
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("http://127.0.0.1/hook", "loopback")]
    [TestCase("http://127.0.0.1:4322/hook", "loopback")]
    [TestCase("http://localhost:8080/hook", "loopback")]
    [TestCase("http://[::1]/hook", "loopback")]
    [TestCase("http://10.1.2.3/hook", "private")]
    [TestCase("http://172.16.5.4/hook", "private")]
    [TestCase("https://192.168.0.10/hook", "private")]
    [TestCase("http://169.254.169.254/latest/meta-data", "link-local")]
    [TestCase("http://0.0.0.0/hook", "unspecified")]
    [TestCase("http://[fd00::1]/hook", "unique-local")]
    [TestCase("http://[::ffff:10.0.0.1]/hook", "private")]
    public async Task Create_WithAnInternalAddressNotAllowListed_Answers400(string url, string kind)
    {
        var reply = await _http.PostAsync("/webhooks", new { url, events = new[] { "batch.completed" } }, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.ErrorType.Should().Be("invalid_request_error");
        var error = reply.Json.GetProperty("error");
        error.GetProperty("param").GetString().Should().Be("url");
        error.GetProperty("message").GetString().Should().Contain(kind).And.Contain("webhook_allowed_hosts");
        (await _http.GetAsync("/webhooks", ApiServer.MasterKey)).Text.Should().NotContain(url);
    }

    [Test]
    public async Task Create_WithTheAllowListedHostAndPort_IsAccepted()
    {
        var reply = await _http.PostAsync("/webhooks", new { url = $"http://127.0.0.1:{AllowedPort}/hook", events = new[] { "batch.completed" } }, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
    }

    [Test]
    public async Task Send_ToALoopbackReceiverNotAllowListed_IsRefusedAtConnectTimeWithoutReachingIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var refusing = new WebhookSender(new WebhookAllowList([]), TimeProvider.System);
        using var allowing = new WebhookSender(new WebhookAllowList([$"127.0.0.1:{receiver.Port}"]), TimeProvider.System);
        var delivery = new DueDelivery { Id = "whd_test", WebhookId = "wh_test", EventType = "batch.completed", Url = receiver.Url, Payload = """{"id":"evt_1"}""", Attempts = 1 };

        var refused = await refusing.SendAsync(delivery, "whsec_test-secret-000000000", null, CancellationToken.None);
        var sent = await allowing.SendAsync(delivery, "whsec_test-secret-000000000", null, CancellationToken.None);

        refused.Succeeded.Should().BeFalse();
        refused.StatusCode.Should().BeNull();
        refused.Error.Should().Contain("refused").And.Contain("loopback");
        sent.StatusCode.Should().Be(200);
        receiver.Received.Should().ContainSingle();
    }
}
