using System.ClientModel;
using System.Net;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>The <c>/key/*</c> endpoints against the real API and PostgreSQL, and their effect on the gateway.</summary>
public sealed class KeyEndpointsTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
          - model_name: other
            litellm_params:
              model: mock/other-model
        """;

    [Test]
    public async Task Generate_ReturnsKeyOnce_AndStoresOnlyItsHash()
    {
        var reply = await Http.PostAsync("/key/generate", new { key_alias = "gen-" + Guid.NewGuid(), models = new[] { "demo" } }, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.OK);
        var key = reply.Str("key");
        key.Should().StartWith("sk-").And.HaveLength(46);
        reply.Str("key_name").Should().Be("sk-..." + key[^4..]);
        reply.Str("token").Should().Be(LlmPlatform.Infrastructure.Access.KeyHasher.Hash(key));

        await using var db = new Npgsql.NpgsqlConnection(LlmPlatform.Infrastructure.Persistence.ConnectionStrings.ToNpgsql(Api.DatabaseUrl));
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM virtual_keys WHERE token = @k OR key_id = @k OR key_name = @k", db);
        command.Parameters.AddWithValue("k", key);
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(0);

        var info = await Http.GetAsync("/key/info?key=" + key, ApiServer.MasterKey);
        info.Status.Should().Be(HttpStatusCode.OK);
        info.Json.GetProperty("info").GetProperty("models")[0].GetString().Should().Be("demo");
        info.Text.Should().NotContain(key);
    }

    [Test]
    public async Task GeneratedKey_CallsAllowedModel_AndIsRefusedOthersWith403()
    {
        var key = await GenerateAsync(new { models = new[] { "demo" } });

        var completion = (await Chat(key, "demo").CompleteChatAsync([new UserChatMessage("hello")])).Value;
        completion.Content[0].Text.Should().Contain("hello");

        var refused = (await FluentActions.Awaiting(() => Chat(key, "other").CompleteChatAsync([new UserChatMessage("x")]))
            .Should().ThrowAsync<ClientResultException>()).Which;
        refused.Status.Should().Be(403);
        refused.Message.Should().Contain("permission_error");
    }

    [TestCase("{\"max_budget\": \"lots\"}", "max_budget")]
    [TestCase("{\"models\": \"demo\"}", "models")]
    [TestCase("{\"budget_duration\": \"3 weeks\"}", "budget_duration")]
    [TestCase("{\"duration\": \"forever\"}", "duration")]
    [TestCase("{\"rpm_limit\": -1}", "rpm_limit")]
    [TestCase("{\"max_budget\": -5}", "max_budget")]
    [TestCase("{\"model_max_budget\": {\"demo\": \"cheap\"}}", "model_max_budget")]
    [TestCase("[1, 2]", null)]
    public async Task Generate_WithBadInput_Is400InTheEnvelope(string body, string? param)
    {
        var reply = await Http.PostAsync("/key/generate", body, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorType.Should().Be("invalid_request_error");
        if (param is not null)
        {
            reply.Json.GetProperty("error").GetProperty("param").GetString().Should().Be(param);
        }
    }

    [Test]
    public async Task Generate_ForUnknownTeam_Is404()
    {
        var reply = await Http.PostAsync("/key/generate", new { team_id = "no-such-team" }, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Info_UnknownKey_Is404()
    {
        var reply = await Http.GetAsync("/key/info?key=sk-unknown-0000000000000000000000", ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.NotFound);
        reply.ErrorType.Should().Be("not_found_error");
    }

    [Test]
    public async Task Update_Models_TakesEffectOnTheNextRequest()
    {
        var key = await GenerateAsync(new { models = new[] { "demo" } });
        (await Gateway.StatusAsync(Api.Client, key, "other")).Should().Be(HttpStatusCode.Forbidden);

        var update = await Http.PostAsync("/key/update", new { key, models = new[] { "demo", "other" }, max_budget = 10 }, ApiServer.MasterKey);
        update.Status.Should().Be(HttpStatusCode.OK);
        update.Json.GetProperty("max_budget").GetDecimal().Should().Be(10);

        (await Gateway.StatusAsync(Api.Client, key, "other")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Update_WithoutKey_Is400_AndUnknownKey_Is404()
    {
        (await Http.PostAsync("/key/update", new { models = new[] { "demo" } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Http.PostAsync("/key/update", new { key = "sk-nothing-here", models = new[] { "demo" } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task BlockAndUnblock_SwitchTheKeyOffAndOnAtOnce()
    {
        var key = await GenerateAsync(new { });
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        var blocked = await Http.PostAsync("/key/block", new { key }, ApiServer.MasterKey);
        blocked.Status.Should().Be(HttpStatusCode.OK);
        blocked.Json.GetProperty("blocked").GetBoolean().Should().BeTrue();
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.Unauthorized);

        (await Http.PostAsync("/key/unblock", new { key }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Delete_ByKeyAndByAlias_StopsTheKeys_AndUnknownIs404()
    {
        var alias = "del-" + Guid.NewGuid();
        var first = await GenerateAsync(new { });
        var second = await GenerateAsync(new { key_alias = alias });
        (await Gateway.StatusAsync(Api.Client, first, "demo")).Should().Be(HttpStatusCode.OK);

        var byKey = await Http.PostAsync("/key/delete", new { keys = new[] { first } }, ApiServer.MasterKey);
        byKey.Status.Should().Be(HttpStatusCode.OK);
        byKey.Json.GetProperty("deleted_keys")[0].GetString().Should().Be(first);
        (await Http.PostAsync("/key/delete", new { key_aliases = new[] { alias } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await Gateway.StatusAsync(Api.Client, first, "demo")).Should().Be(HttpStatusCode.Unauthorized);
        (await Gateway.StatusAsync(Api.Client, second, "demo")).Should().Be(HttpStatusCode.Unauthorized);
        (await Http.PostAsync("/key/delete", new { keys = new[] { first } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.PostAsync("/key/delete", new { }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Regenerate_ReplacesTheSecret_AndKeepsTheSettings()
    {
        var key = await GenerateAsync(new { models = new[] { "demo" }, rpm_limit = 100 });
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        var reply = await Http.PostAsync("/key/regenerate", new { key }, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK);
        var fresh = reply.Str("key");
        fresh.Should().NotBe(key);
        reply.Json.GetProperty("rpm_limit").GetInt64().Should().Be(100);

        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.Unauthorized);
        (await Gateway.StatusAsync(Api.Client, fresh, "demo")).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task List_FiltersByAlias_AndReturnsTokens()
    {
        var alias = "list-" + Guid.NewGuid();
        var key = await GenerateAsync(new { key_alias = alias });

        var reply = await Http.GetAsync("/key/list?key_alias=" + alias, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("total_count").GetInt32().Should().Be(1);
        reply.Json.GetProperty("keys")[0].GetString().Should().Be(LlmPlatform.Infrastructure.Access.KeyHasher.Hash(key));
    }

    [Test]
    public async Task ExpiredKey_Is401()
    {
        var key = await GenerateAsync(new { duration = "1s" });
        await Task.Delay(1500);
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task DuplicateAlias_Is409()
    {
        var alias = "dup-" + Guid.NewGuid();
        await GenerateAsync(new { key_alias = alias });
        var reply = await Http.PostAsync("/key/generate", new { key_alias = alias }, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.Conflict);
    }

    private ChatClient Chat(string key, string model) =>
        new(model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

    private async Task<string> GenerateAsync(object body)
    {
        var reply = await Http.PostAsync("/key/generate", body, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("key");
    }
}
