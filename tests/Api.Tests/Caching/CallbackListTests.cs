using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Caching;

/// <summary><c>/callback/list</c>: the configured callbacks and the built-in ones that are on.</summary>
public sealed class CallbackListTests
{
    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await ApiServer.StartAsync(
        """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo
        litellm_settings:
          callbacks: ["prometheus"]
          success_callback: ["langfuse"]
          failure_callback: ["sentry"]
        """,
        withRedis: false);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task CallbackList_ShowsConfiguredCallbacksAndTheBuiltInOnesThatAreOn()
    {
        var reply = await new AdminHttp(_api.Client).GetAsync("/callback/list", ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        var callbacks = reply.Json.EnumerateArray()
            .ToDictionary(c => c.GetProperty("callback_name").GetString()!, c => (Type: c.GetProperty("callback_type").GetString(), Source: c.GetProperty("source").GetString()));
        callbacks.Should().ContainKey("langfuse").WhoseValue.Should().Be(("success", "config"));
        callbacks.Should().ContainKey("sentry").WhoseValue.Should().Be(("failure", "config"));
        callbacks.Should().ContainKey("prometheus").WhoseValue.Should().Be(("success_and_failure", "config"));
        callbacks.Should().ContainKey("webhook").WhoseValue.Should().Be(("success_and_failure", "built_in"));
        callbacks.Should().NotContainKey("otel");
    }

    [Test]
    public async Task CallbacksList_GroupsTheNamesAsLiteLlmDoes()
    {
        var reply = await new AdminHttp(_api.Client).GetAsync("/callbacks/list", ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json.GetProperty("success").EnumerateArray().Select(e => e.GetString()).Should().Equal("langfuse");
        reply.Json.GetProperty("failure").EnumerateArray().Select(e => e.GetString()).Should().Equal("sentry");
        reply.Json.GetProperty("success_and_failure").EnumerateArray().Select(e => e.GetString()).Should().Contain(["prometheus", "webhook"]);
    }

    [Test]
    public async Task CallbackList_ForANonAdminKey_Is403()
    {
        var http = new AdminHttp(_api.Client);
        var key = (await http.PostAsync("/key/generate", new { }, ApiServer.MasterKey)).Str("key");

        var reply = await http.GetAsync("/callback/list", key);

        reply.Status.Should().Be(HttpStatusCode.Forbidden, reply.Text);
    }
}
