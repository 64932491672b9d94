using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>A user's own provider key used for that user's calls, on a deployment that takes user keys.</summary>
public sealed class UserProviderKeyCallTests
{
    private const string PlatformKey = UpstreamKey.Platform;

    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        _api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: byok
                litellm_params:
                  model: openai/byok-model
                  api_base: {_fake.BaseUrl}/v1
                  api_key: {PlatformKey}
                  allow_user_provider_keys: true
              - model_name: platform-only
                litellm_params:
                  model: openai/platform-model
                  api_base: {_fake.BaseUrl}/v1
                  api_key: {PlatformKey}
            router_settings:
              num_retries: 0
              allowed_fails: 1
              cooldown_time: 60
            general_settings:
              encryption_key: byok-tests-encryption-key
            """);
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task Chat_OnADeploymentThatTakesUserKeys_UsesTheCallersOwnKey_UntilItIsDeleted()
    {
        var user = await RegisterAsync();
        var ownKey = "sk-own-" + Guid.NewGuid().ToString("N");
        (await _http.PostAsync("/v1/users/provider-keys", new { provider = "openai", api_key = ownKey }, user)).Status.Should().Be(HttpStatusCode.OK);

        (await KeyUsedAsync("byok", user)).Should().Be(ownKey);
        (await KeyUsedAsync("platform-only", user)).Should().Be(PlatformKey, "a deployment that does not take user keys never sends one upstream");

        (await _http.SendAsync(HttpMethod.Delete, "/v1/users/provider-keys/openai", null, user)).Status.Should().Be(HttpStatusCode.OK);
        (await KeyUsedAsync("byok", user)).Should().Be(PlatformKey, "a deleted key is no longer used");
    }

    [Test]
    public async Task Chat_ByAUserWithoutAKey_UsesTheDeploymentsKey()
    {
        var user = await RegisterAsync();

        (await KeyUsedAsync("byok", user)).Should().Be(PlatformKey);
    }

    [Test]
    public async Task Chat_WhenAUsersOwnKeyIsRateLimited_TheDeploymentStaysUpForEveryoneElse()
    {
        var user = await RegisterAsync();
        var other = await RegisterAsync();
        var exhausted = "sk-exhausted-" + Guid.NewGuid().ToString("N");
        (await _http.PostAsync("/v1/users/provider-keys", new { provider = "openai", api_key = exhausted }, user)).Status.Should().Be(HttpStatusCode.OK);
        var marker = "quota-marker-" + Guid.NewGuid().ToString("N");
        _fake.Script.WhenBodyContains(marker, Behavior.Fail(429, retryAfterSeconds: 1));

        for (var i = 0; i < 3; i++)
        {
            var refused = await ChatAsync("byok", user, marker);
            refused.Status.Should().NotBe(HttpStatusCode.OK, refused.Text);
        }

        var others = await ChatAsync("byok", other, "an ordinary question");
        others.Status.Should().Be(HttpStatusCode.OK, "one user's exhausted key cools down only that user's use of the deployment: " + others.Text);
    }

    private async Task<string> RegisterAsync() => (await GatewayUsers.RegisterAsync(_http)).Token;

    private Task<AdminHttp.Reply> ChatAsync(string model, string key, string prompt) =>
        _http.PostAsync("/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = prompt } } }, key);

    private Task<string> KeyUsedAsync(string model, string token) => UpstreamKey.UsedAsync(_http, _fake, model, token);
}
