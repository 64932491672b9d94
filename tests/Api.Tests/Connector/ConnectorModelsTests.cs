using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Connector;

/// <summary>
/// The Connector dialect's models, groups and model authorisation (seed 004): a model saved here is a stored
/// deployment callable by name; a group is a team whose models bound here are what its keys may call, and a key's
/// own bound models restrict it further (the gateway's 403 otherwise). Feishu bots are stored with secrets masked.
/// </summary>
public sealed class ConnectorModelsTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: file-model
            litellm_params:
              model: mock/file-model
        general_settings:
          encryption_key: connector-tests-encryption-key
        """;

    [Test]
    public async Task ASavedMockModel_IsCallableByName_AndListedWithItsFields()
    {
        var name = "connector-chat-" + Guid.NewGuid().ToString("N")[..8];
        var saved = await SaveModelAsync(name);
        var data = saved.Json.GetProperty("data");
        var id = data.GetProperty("id").GetInt64();
        data.GetProperty("name").GetString().Should().Be(name);
        data.GetProperty("provider").GetString().Should().Be("mock");
        data.GetProperty("price_in").GetDecimal().Should().Be(1);
        data.GetProperty("price_out").GetDecimal().Should().Be(3);
        data.GetProperty("group_id").GetInt64().Should().Be(1);
        JsonDocument.Parse(data.GetProperty("config").GetString()!).RootElement.GetProperty("modelId").GetString().Should().Be("echo-model");

        var key = await ApplyAsync(null);
        var chat = await ChatAsync(name, key.Key);
        chat.Status.Should().Be(HttpStatusCode.OK, chat.Text);
        chat.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().NotBeNullOrEmpty();

        var list = await Http.GetAsync("/admin/model/list?q=" + name, ApiServer.MasterKey);
        list.Status.Should().Be(HttpStatusCode.OK, list.Text);
        list.Json.GetProperty("data").GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64().Should().Be(id);

        var renamed = await Http.PostAsync("/admin/model/save", new { id, name = name + "-b", price_in = 2 }, ApiServer.MasterKey);
        renamed.Status.Should().Be(HttpStatusCode.OK, renamed.Text);
        renamed.Json.GetProperty("data").GetProperty("price_in").GetDecimal().Should().Be(2);
        renamed.Json.GetProperty("data").GetProperty("price_out").GetDecimal().Should().Be(3);
        (await ChatAsync(name + "-b", key.Key)).Status.Should().Be(HttpStatusCode.OK);

        var deleted = await Http.PostAsync("/admin/model/delete", new { id }, ApiServer.MasterKey);
        deleted.Status.Should().Be(HttpStatusCode.OK, deleted.Text);
        (await ChatAsync(name + "-b", key.Key)).Status.Should().NotBe(HttpStatusCode.OK);
        (await Http.PostAsync("/admin/model/delete", new { id }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AnOpenAiCompatibleModel_KeepsItsApiKeySecret()
    {
        var name = "connector-oai-" + Guid.NewGuid().ToString("N")[..8];
        var config = JsonSerializer.Serialize(new { baseURL = "http://127.0.0.1:9/v1", model = "gpt-x", apiKey = "sk-upstream-secret-1234" });
        var saved = await Http.PostAsync("/admin/model/save", new { name, provider = "openai-compatible", config, price_in = 1, price_out = 1 }, ApiServer.MasterKey);
        saved.Status.Should().Be(HttpStatusCode.OK, saved.Text);
        saved.Text.Should().NotContain("sk-upstream-secret");
        var info = await Http.GetAsync("/model/info", ApiServer.MasterKey);
        var deployment = info.Json.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("model_name").GetString() == name);
        deployment.GetProperty("litellm_params").GetProperty("model").GetString().Should().Be("openai/gpt-x");
        deployment.GetProperty("litellm_params").GetProperty("api_base").GetString().Should().Be("http://127.0.0.1:9/v1");
        info.Text.Should().NotContain("sk-upstream-secret");
    }

    [Test]
    public async Task BoundModels_AreTheOnlyOnesAKeyMayCall()
    {
        var allowed = await SaveModelAsync("connector-allowed-" + Guid.NewGuid().ToString("N")[..8]);
        var other = await SaveModelAsync("connector-other-" + Guid.NewGuid().ToString("N")[..8]);
        var allowedId = allowed.Json.GetProperty("data").GetProperty("id").GetInt64();
        var allowedName = allowed.Json.GetProperty("data").GetProperty("name").GetString()!;
        var otherName = other.Json.GetProperty("data").GetProperty("name").GetString()!;

        var group = await Http.PostAsync("/admin/group/save", new { name = "team-a" }, ApiServer.MasterKey);
        group.Status.Should().Be(HttpStatusCode.OK, group.Text);
        var groupId = group.Json.GetProperty("data").GetProperty("id").GetInt64();
        var bound = await Http.PostAsync("/admin/group/bind-or-unbind-model", new { group_id = groupId, model_id = allowedId }, ApiServer.MasterKey);
        bound.Status.Should().Be(HttpStatusCode.OK, bound.Text);
        bound.Json.GetProperty("data").GetString().Should().Be("created");
        var groupModels = await Http.GetAsync($"/admin/group/list-model?group_id={groupId}", ApiServer.MasterKey);
        groupModels.Json.GetProperty("data").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("model_id").GetInt64()).Should().Equal(allowedId);

        var key = await ApplyAsync(groupId);
        var detail = await Http.GetAsync($"/admin/api-key/detail/{key.Id}", ApiServer.MasterKey);
        detail.Json.GetProperty("data").GetProperty("group_id").GetInt64().Should().Be(groupId);
        detail.Json.GetProperty("data").GetProperty("group_name").GetString().Should().Be("team-a");
        (await ChatAsync(allowedName, key.Key)).Status.Should().Be(HttpStatusCode.OK);
        var refused = await ChatAsync(otherName, key.Key);
        refused.Status.Should().Be(HttpStatusCode.Forbidden, refused.Text);

        var mine = await Http.GetAsync("/user/model/list", key.Key);
        mine.Status.Should().Be(HttpStatusCode.OK, mine.Text);
        mine.Json.GetProperty("data").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("model_name").GetString()).Should().Equal(allowedName);

        // A key of no group, bound to one model, may call that one only.
        var loose = await ApplyAsync(null);
        (await ChatAsync(otherName, loose.Key)).Status.Should().Be(HttpStatusCode.OK);
        var keyBound = await Http.PostAsync("/admin/api-key/bind-or-unbind-model", new { key_id = loose.Id, model_id = allowedId }, ApiServer.MasterKey);
        keyBound.Json.GetProperty("data").GetString().Should().Be("created");
        var keyModels = await Http.GetAsync($"/admin/api-key/list-model?key_id={loose.Id}", ApiServer.MasterKey);
        keyModels.Json.GetProperty("data").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("model_name").GetString()).Should().Equal(allowedName);
        await ConnectorHttp.WaitForAsync(async () => (await ChatAsync(otherName, loose.Key)).Status == HttpStatusCode.Forbidden);
        (await ChatAsync(allowedName, loose.Key)).Status.Should().Be(HttpStatusCode.OK);

        var unbound = await Http.PostAsync("/admin/group/bind-or-unbind-model", new { group_id = groupId, model_id = allowedId }, ApiServer.MasterKey);
        unbound.Json.GetProperty("data").GetString().Should().Be("deleted");

        var refusedDelete = await Http.PostAsync("/admin/group/delete", new { id = groupId }, ApiServer.MasterKey);
        refusedDelete.Status.Should().Be(HttpStatusCode.BadRequest, "a group with keys is not deleted with them: " + refusedDelete.Text);
        (await Http.GetAsync($"/admin/api-key/detail/{key.Id}", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Groups_AreListed_Renamed_AndDeleted()
    {
        var name = "group-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Http.PostAsync("/admin/group/save", new { name }, ApiServer.MasterKey);
        var id = created.Json.GetProperty("data").GetProperty("id").GetInt64();
        var renamed = await Http.PostAsync("/admin/group/save", new { id, name = name + "-x" }, ApiServer.MasterKey);
        renamed.Json.GetProperty("data").GetProperty("name").GetString().Should().Be(name + "-x");
        var list = await Http.GetAsync($"/admin/group/list?q={name}", ApiServer.MasterKey);
        list.Json.GetProperty("data").GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64().Should().Be(id);
        (await Http.PostAsync("/admin/group/delete", new { id }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.GetAsync($"/admin/group/list?q={name}", ApiServer.MasterKey)).Json.GetProperty("data").GetProperty("total").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task FeishuBots_AreStoredEncrypted_AndListedMasked()
    {
        var config = JsonSerializer.Serialize(new { appId = "cli_123", appSecret = "very-secret-app-value", apiKey = "sk-bot-key-abcdef", modelId = "file-model" });
        var saved = await Http.PostAsync("/admin/bot/feishu/save", new { name = "bot-1", config, provider = "bedrock-converse" }, ApiServer.MasterKey);
        saved.Status.Should().Be(HttpStatusCode.OK, saved.Text);
        var id = saved.Json.GetProperty("data").GetProperty("id").GetInt64();
        saved.Text.Should().NotContain("very-secret-app-value").And.NotContain("sk-bot-key-abcdef");

        var list = await Http.GetAsync("/admin/bot/feishu/list", ApiServer.MasterKey);
        list.Status.Should().Be(HttpStatusCode.OK, list.Text);
        var bot = list.Json.GetProperty("data").GetProperty("items").EnumerateArray().Single(b => b.GetProperty("id").GetInt64() == id);
        var shown = JsonDocument.Parse(bot.GetProperty("config").GetString()!).RootElement;
        shown.GetProperty("appId").GetString().Should().Be("cli_123");
        shown.GetProperty("appSecret").GetString().Should().Be("****alue");
        shown.GetProperty("modelId").GetString().Should().Be("file-model");

        await using var connection = new Npgsql.NpgsqlConnection(Infrastructure.Persistence.ConnectionStrings.ToNpgsql(Api.DatabaseUrl));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT config_encrypted FROM connector_feishu_bots WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        stored.Should().NotContain("cli_123").And.NotContain("very-secret");

        (await Http.PostAsync("/admin/bot/feishu/delete", new { id }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync("/admin/bot/feishu/delete", new { id }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase("POST", "/admin/model/save", """{"name": "m", "provider": "nope", "config": "{\"modelId\": \"x\"}"}""", 400)]
    [TestCase("POST", "/admin/model/save", """{"name": "m", "provider": "mock", "config": "not json"}""", 400)]
    [TestCase("POST", "/admin/model/save", """{"name": "m", "provider": "mock", "config": "{}"}""", 400)]
    [TestCase("POST", "/admin/model/save", """{"name": "m", "provider": "openai-compatible", "config": "{\"model\": \"x\", \"baseURL\": \"ftp://x\"}"}""", 400)]
    [TestCase("POST", "/admin/model/save", """{"name": "", "provider": "mock", "config": "{\"modelId\": \"x\"}"}""", 400)]
    [TestCase("POST", "/admin/model/save", """{"name": "m", "provider": "mock", "config": "{\"modelId\": \"x\"}", "price_in": -1}""", 400)]
    [TestCase("POST", "/admin/model/save", """{"id": 999999, "name": "m"}""", 404)]
    [TestCase("POST", "/admin/model/delete", """{}""", 400)]
    [TestCase("POST", "/admin/group/save", """{"name": ""}""", 400)]
    [TestCase("POST", "/admin/group/save", """{"id": 999999, "name": "g"}""", 404)]
    [TestCase("POST", "/admin/group/delete", """{"id": 999999}""", 404)]
    [TestCase("POST", "/admin/group/bind-or-unbind-model", """{"group_id": 1}""", 400)]
    [TestCase("POST", "/admin/group/bind-or-unbind-model", """{"group_id": 999999, "model_id": 1}""", 404)]
    [TestCase("GET", "/admin/group/list-model", null, 400)]
    [TestCase("GET", "/admin/group/list-model?group_id=999999", null, 404)]
    [TestCase("POST", "/admin/api-key/bind-or-unbind-model", """{"key_id": 999999, "model_id": 1}""", 404)]
    [TestCase("POST", "/admin/bot/feishu/save", """{"name": "b", "provider": "p", "config": "[1]"}""", 400)]
    [TestCase("POST", "/admin/bot/feishu/save", """{"id": 999999, "name": "b", "provider": "p", "config": "{}"}""", 404)]
    [TestCase("GET", "/admin/bot/feishu/list?limit=0", null, 400)]
    public Task BadInput_IsA4xx_InTheConnectorEnvelope(string method, string path, string? body, int status) =>
        ConnectorHttp.ExpectFailureAsync(Http, method, path, body, status);

    private async Task<Admin.AdminHttp.Reply> SaveModelAsync(string name)
    {
        var saved = await Http.PostAsync(
            "/admin/model/save",
            new { name, group_id = 1, multiple = false, config = """{"modelId": "echo-model"}""", provider = "mock", price_in = 1, price_out = 3 },
            ApiServer.MasterKey);
        saved.Status.Should().Be(HttpStatusCode.OK, saved.Text);
        saved.Json.GetProperty("success").GetBoolean().Should().BeTrue();
        return saved;
    }

    private Task<Admin.AdminHttp.Reply> ChatAsync(string model, string key) => ConnectorHttp.ChatAsync(Http, model, key);

    private Task<(long Id, string Key)> ApplyAsync(long? groupId) =>
        ConnectorHttp.ApplyAsync(Http, new { name = "model-user", group_id = groupId ?? 0, month_quota = 10 });
}
