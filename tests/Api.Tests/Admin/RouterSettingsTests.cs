using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>/router/settings on two nodes sharing one database: a PATCH on one is read and applied on the other.</summary>
public sealed class RouterSettingsTests
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    private FakeUpstreamServer _fake = null!;
    private TestDatabase _database = null!;
    private ApiServer _nodeA = null!;
    private ApiServer _nodeB = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        _database = await TestDatabase.CreateAsync("router");
        var config = $"""
            model_list:
              - model_name: flaky
                litellm_params:
                  model: openai/gpt-flaky
                  api_base: {_fake.BaseUrl}/v1
                  api_key: sk-upstream
                model_info:
                  id: flaky-1
              - model_name: steady
                litellm_params:
                  model: mock/steady
            router_settings:
              num_retries: 2
              allowed_fails: 100
            """;
        _nodeA = await ApiServer.StartAsync(config, _database);
        _nodeB = await ApiServer.StartAsync(config, _database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task Patch_OnNodeA_IsReadAndAppliedOnNodeB()
    {
        var initial = CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/router/settings")).Body);
        initial.GetProperty("num_retries").GetInt32().Should().Be(2);

        _fake.Script.Enqueue(Routes.OpenAiChat, Behavior.Fail(500));
        (await ChatStatusAsync(_nodeB)).Should().Be(200, "with num_retries 2 the failure is retried");

        var patched = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """
            {"num_retries":0,"routing_strategy":"least-busy","fallbacks":[{"flaky":["steady"]}]}
            """);
        patched.Status.Should().Be(200, patched.Body);
        CatalogAdminHttp.Json(patched.Body).GetProperty("num_retries").GetInt32().Should().Be(0);

        (await CatalogAdminHttp.EventuallyAsync(
            async () =>
            {
                var settings = CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/router/settings")).Body);
                return settings.GetProperty("num_retries").GetInt32() == 0 && settings.GetProperty("routing_strategy").GetString() == "least-busy";
            },
            Propagation)).Should().BeTrue("node B should see node A's change");
        var onB = CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/router/settings")).Body);
        onB.GetProperty("fallbacks")[0].GetProperty("flaky")[0].GetString().Should().Be("steady");
        onB.GetProperty("allowed_fails").GetInt32().Should().Be(100, "settings not patched keep the file's values");

        var removeFallbacks = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """{"fallbacks":null}""");
        removeFallbacks.Status.Should().Be(200, removeFallbacks.Body);
        (await CatalogAdminHttp.EventuallyAsync(
            async () => CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/router/settings")).Body).GetProperty("fallbacks").GetArrayLength() == 0,
            Propagation)).Should().BeTrue();

        var before = _fake.Script.Received.Count;
        _fake.Script.Enqueue(Routes.OpenAiChat, Behavior.Fail(500));
        (await ChatStatusAsync(_nodeB)).Should().Be(502, "with num_retries 0 the failure is not retried");
        (_fake.Script.Received.Count - before).Should().Be(1);

        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """{"num_retries":2}""")).Status.Should().Be(200);
    }

    [Test]
    public async Task Patch_WithBadValues_Answers400NamingTheFieldAndKeepsTheSettings()
    {
        var before = (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Get, "/router/settings")).Body;

        await ExpectBadRequest("""{"routing_strategy":"random-guess"}""", "routing_strategy");
        await ExpectBadRequest("""{"num_retries":-1}""", "num_retries");
        await ExpectBadRequest("""{"cooldown_time":-5}""", "cooldown_time");
        await ExpectBadRequest("""{"cooldown_time":1e40}""", "cooldown_time");
        await ExpectBadRequest("""{"timeout":1e40}""", "timeout");
        await ExpectBadRequest("""{"retry_after":3000000}""", "retry_after");
        await ExpectBadRequest("""{"fallbacks":[{"flaky":["no-such-group"]}]}""", "fallbacks");
        await ExpectBadRequest("""{"model_group_alias":{"nick":"no-such-group"}}""", "model_group_alias");

        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", "[1]")).Status.Should().Be(400);
        var malformed = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """{"num_retries": """);
        malformed.Status.Should().Be(400);
        CatalogAdminHttp.Json(malformed.Body).GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");

        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Get, "/router/settings")).Body.Should().Be(before);
    }

    [Test]
    public async Task Patch_ModelGroupAlias_IsRoutableOnTheOtherNode()
    {
        var patched = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """{"model_group_alias":{"calm":"steady"}}""");
        patched.Status.Should().Be(200, patched.Body);

        (await CatalogAdminHttp.EventuallyAsync(async () => await ChatStatusAsync(_nodeB, "calm") == 200, Propagation)).Should().BeTrue();
    }

    [Test]
    public async Task Patch_Timeout_CutsSlowUpstreamCallsOnTheOtherNode()
    {
        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """{"timeout":0.5,"num_retries":0}""")).Status.Should().Be(200);
        (await CatalogAdminHttp.EventuallyAsync(
            async () => CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/router/settings")).Body).TryGetProperty("timeout", out var t) && t.GetDouble() == 0.5,
            Propagation)).Should().BeTrue();

        _fake.Script.Enqueue(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromSeconds(3)));
        (await ChatStatusAsync(_nodeB)).Should().Be(504);

        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", """{"timeout":null,"num_retries":2}""")).Status.Should().Be(200);
        (await CatalogAdminHttp.EventuallyAsync(
            async () => !CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/router/settings")).Body).TryGetProperty("timeout", out _),
            Propagation)).Should().BeTrue("a null removes the change and the file's value (none) applies again");
    }

    private async Task ExpectBadRequest(string body, string param)
    {
        var answer = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/router/settings", body);
        answer.Status.Should().Be(400, body);
        CatalogAdminHttp.Json(answer.Body).GetProperty("error").GetProperty("param").GetString().Should().Be(param, answer.Body);
    }

    private static async Task<int> ChatStatusAsync(ApiServer node, string model = "flaky")
    {
        var answer = await CatalogAdminHttp.SendAsync(node.Client, HttpMethod.Post, "/v1/chat/completions", $$"""{"model":"{{model}}","messages":[{"role":"user","content":"hi"}]}""");
        return answer.Status;
    }
}
