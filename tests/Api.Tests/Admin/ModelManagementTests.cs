using System.ClientModel;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>/model/* on two nodes sharing one database: a change on one is routable on the other without a restart.</summary>
public sealed class ModelManagementTests
{
    private const string DbSecret = "sk-stored-model-secret-4242";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    private FakeUpstreamServer _fake = null!;
    private TestDatabase _database = null!;
    private ApiServer _nodeA = null!;
    private ApiServer _nodeB = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        _database = await TestDatabase.CreateAsync("models");
        const string config = """
            model_list:
              - model_name: file-model
                litellm_params:
                  model: mock/file-model
                model_info:
                  id: file-1
            """;
        var environment = new Dictionary<string, string?> { ["LLMPLATFORM_ENCRYPTION_KEY"] = "model-tests-key" };
        _nodeA = await ApiServer.StartAsync(config, _database, environment);
        _nodeB = await ApiServer.StartAsync(config, _database, environment);
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
    public async Task NewModel_OnNodeA_IsListedAndRoutableOnNodeB_ThenDeleteRemovesIt()
    {
        var created = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", $$$"""
            {"model_name":"db-model","litellm_params":{"model":"openai/gpt-db","api_base":"{{{_fake.BaseUrl}}}/v1","api_key":"{{{DbSecret}}}"},
             "model_info":{"id":"db-1","supports_vision":true}}
            """);
        created.Status.Should().Be(200, created.Body);
        created.Body.Should().NotContain(DbSecret);
        CatalogAdminHttp.Json(created.Body).GetProperty("model_info").GetProperty("db_model").GetBoolean().Should().BeTrue();

        (await CatalogAdminHttp.EventuallyAsync(() => ListsAsync(_nodeB, "db-model"), Propagation)).Should().BeTrue("node B should list the new model");

        var completion = (await Chat(_nodeB, "db-model").CompleteChatAsync([new UserChatMessage("from node B")])).Value;
        completion.Content.Should().NotBeEmpty();
        _fake.Script.Received.Last(r => r.Route == Routes.OpenAiChat).Headers["authorization"].Should().Be("Bearer " + DbSecret);

        var info = await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/v1/model/info");
        info.Status.Should().Be(200);
        info.Body.Should().NotContain(DbSecret);
        var entry = CatalogAdminHttp.Json(info.Body).GetProperty("data").EnumerateArray().Single(m => m.GetProperty("model_info").GetProperty("id").GetString() == "db-1");
        entry.GetProperty("model_name").GetString().Should().Be("db-model");
        entry.GetProperty("litellm_params").GetProperty("model").GetString().Should().Be("openai/gpt-db");
        entry.GetProperty("litellm_params").TryGetProperty("api_key", out _).Should().BeFalse();

        var groups = await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/model_group/info?model_group=db-model");
        var group = CatalogAdminHttp.Json(groups.Body).GetProperty("data").EnumerateArray().Single();
        group.GetProperty("providers").EnumerateArray().Select(p => p.GetString()).Should().Equal("openai");
        group.GetProperty("supports_vision").GetBoolean().Should().BeTrue();

        var stored = await CatalogAdminHttp.ScalarTextAsync(_database.Url, "SELECT litellm_params::text || secret_params::text FROM model_deployments WHERE model_id = @p", "db-1");
        stored.Should().NotBeNull().And.Contain("api_key").And.NotContain(DbSecret);

        var deleted = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/delete", """{"id":"db-1"}""");
        deleted.Status.Should().Be(200, deleted.Body);
        (await CatalogAdminHttp.EventuallyAsync(async () => !await ListsAsync(_nodeB, "db-model"), Propagation)).Should().BeTrue("node B should drop the deleted model");
        var gone = () => Chat(_nodeB, "db-model").CompleteChatAsync([new UserChatMessage("gone")]);
        (await gone.Should().ThrowAsync<ClientResultException>()).Which.Status.Should().Be(404);
    }

    [Test]
    public async Task UpdateModel_MergesParamsAndIsSeenOnTheOtherNode()
    {
        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", """
            {"model_name":"upd-model","litellm_params":{"model":"mock/upd","rpm":5},"model_info":{"id":"upd-1"}}
            """)).Status.Should().Be(200);

        var patched = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/model/upd-1/update", """{"litellm_params":{"tpm":900}}""");
        patched.Status.Should().Be(200, patched.Body);
        var posted = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/update", """{"model_info":{"id":"upd-1"},"litellm_params":{"rpm":7}}""");
        posted.Status.Should().Be(200, posted.Body);

        (await CatalogAdminHttp.EventuallyAsync(
            async () =>
            {
                var info = await CatalogAdminHttp.SendAsync(_nodeB.Client, HttpMethod.Get, "/model/info?litellm_model_id=upd-1");
                var data = CatalogAdminHttp.Json(info.Body).GetProperty("data");
                if (data.GetArrayLength() != 1)
                {
                    return false;
                }

                var parameters = data[0].GetProperty("litellm_params");
                return parameters.GetProperty("rpm").GetInt32() == 7 && parameters.TryGetProperty("tpm", out var tpm) && tpm.GetInt32() == 900;
            },
            Propagation)).Should().BeTrue();
    }

    [Test]
    public async Task ModelEndpoints_WithBadInput_Answer400NamingTheFieldAndLoseNothing()
    {
        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", """
            {"model_name":"kept","litellm_params":{"model":"mock/kept"},"model_info":{"id":"kept-1"}}
            """)).Status.Should().Be(200);

        await ExpectBadRequest("""{"litellm_params":{"model":"mock/x"}}""", "model_name");
        await ExpectBadRequest("""{"model_name":"x","litellm_params":{"model":"mock/x","rpm":-1}}""", "litellm_params.rpm");
        await ExpectBadRequest("""{"model_name":"x"}""", "litellm_params");
        await ExpectBadRequest("""{"model_name":"x","litellm_params":{"model":"mock/x","timeout":"soon"}}""", "litellm_params.timeout");
        await ExpectBadRequest("""{"model_name":"x","litellm_params":{"model":"mock/x"},"model_info":{"mode":"dance"}}""", "model_info.mode");

        var malformed = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", """{"model_name": "x", """);
        malformed.Status.Should().Be(400);
        CatalogAdminHttp.Json(malformed.Body).GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");

        var notObject = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", "[1,2]");
        notObject.Status.Should().Be(400);

        var duplicate = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", """
            {"model_name":"other","litellm_params":{"model":"mock/other"},"model_info":{"id":"kept-1"}}
            """);
        duplicate.Status.Should().Be(409);

        var badUpdate = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Patch, "/model/kept-1/update", """{"litellm_params":{"rpm":-3}}""");
        badUpdate.Status.Should().Be(400);

        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/delete", """{"id":"no-such"}""")).Status.Should().Be(404);
        (await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/delete", """{}""")).Status.Should().Be(400);

        var unknownProvider = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", """
            {"model_name":"acme-model","litellm_params":{"model":"acme/model-1"},"model_info":{"id":"acme-1"}}
            """);
        unknownProvider.Status.Should().Be(200, "an unknown provider prefix is a warning, as in the file");

        var kept = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Get, "/model/info?litellm_model_id=kept-1");
        var keptEntry = CatalogAdminHttp.Json(kept.Body).GetProperty("data").EnumerateArray().Single();
        keptEntry.GetProperty("model_name").GetString().Should().Be("kept");
        keptEntry.GetProperty("litellm_params").TryGetProperty("rpm", out _).Should().BeFalse();
    }

    [Test]
    public async Task ConfigFileModels_AreReadOnlyThroughTheApi()
    {
        var delete = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/delete", """{"id":"file-1"}""");
        delete.Status.Should().Be(400);
        CatalogAdminHttp.Json(delete.Body).GetProperty("error").GetProperty("message").GetString().Should().Contain("configuration file");

        var update = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/update", """{"model_info":{"id":"file-1"},"litellm_params":{"rpm":1}}""");
        update.Status.Should().Be(400);

        var info = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Get, "/model/info?litellm_model_id=file-1");
        var entry = CatalogAdminHttp.Json(info.Body).GetProperty("data").EnumerateArray().Single();
        entry.GetProperty("model_info").GetProperty("db_model").GetBoolean().Should().BeFalse();
        entry.GetProperty("litellm_params").TryGetProperty("rpm", out _).Should().BeFalse();
        (await ListsAsync(_nodeA, "file-model")).Should().BeTrue();
    }

    private async Task ExpectBadRequest(string body, string param)
    {
        var answer = await CatalogAdminHttp.SendAsync(_nodeA.Client, HttpMethod.Post, "/model/new", body);
        answer.Status.Should().Be(400, body);
        var error = CatalogAdminHttp.Json(answer.Body).GetProperty("error");
        error.GetProperty("param").GetString().Should().Be(param, answer.Body);
        error.GetProperty("type").GetString().Should().Be("invalid_request_error");
    }

    private static async Task<bool> ListsAsync(ApiServer node, string model)
    {
        var models = await CatalogAdminHttp.SendAsync(node.Client, HttpMethod.Get, "/v1/models");
        return CatalogAdminHttp.Json(models.Body).GetProperty("data").EnumerateArray().Any(m => m.GetProperty("id").GetString() == model);
    }

    private static ChatClient Chat(ApiServer node, string model) =>
        new(model, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = node.OpenAiEndpoint });
}
