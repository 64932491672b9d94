using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>The SaaS dialect's model aliases (seed 002): an alias is a deployment added through the API, callable at once.</summary>
public sealed class SaasModelAliasesTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          encryption_key: saas-alias-tests-key
        """;

    [Test]
    public async Task Create_WithTheMockProvider_AnswersTheAlias_AndAChatCallOnItIsAnsweredByTheMock()
    {
        var created = await Http.PostAsync("/api/model-aliases/create", new
        {
            model_alias = "chat-fast",
            display_name = "Fast Chat",
            provider = "mock",
            actual_model = "demo-model",
            description = "the quick one",
            pricing_input = 0.5,
            pricing_output = 1.5,
            api_key = "sk-provider-secret-never-echoed",
        }, ApiServer.MasterKey);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Text.Should().NotContain("sk-provider-secret-never-echoed");
        created.Str("model_alias").Should().Be("chat-fast");
        created.Str("display_name").Should().Be("Fast Chat");
        created.Str("provider").Should().Be("mock");
        created.Str("actual_model").Should().Be("demo-model");
        created.Str("litellm_model_id").Should().Be("chat-fast");
        created.Str("description").Should().Be("the quick one");
        created.Json.GetProperty("pricing_input").GetDecimal().Should().Be(0.5m);
        created.Json.GetProperty("pricing_output").GetDecimal().Should().Be(1.5m);
        created.Str("status").Should().Be("active");
        created.Json.GetProperty("access_groups").GetArrayLength().Should().Be(0);
        created.Json.GetProperty("teams_using").ValueKind.Should().Be(JsonValueKind.Null);
        created.Str("created_at").Should().EndWith("Z");

        using var chat = await Admin.Gateway.ChatAsync(Api.Client, ApiServer.MasterKey, "chat-fast");
        var answer = await chat.Content.ReadAsStringAsync();
        chat.StatusCode.Should().Be(HttpStatusCode.OK, answer);
        using var body = JsonDocument.Parse(answer);
        body.RootElement.GetProperty("model").GetString().Should().Be("demo-model", "the mock answers under its own model name");
        chat.Headers.GetValues("x-llmplatform-model-id").Single().Should().Be("chat-fast", "the alias's deployment served the call");
        var usage = body.RootElement.GetProperty("usage");
        var expected = (usage.GetProperty("prompt_tokens").GetInt32() * 0.5m / 1_000_000m) + (usage.GetProperty("completion_tokens").GetInt32() * 1.5m / 1_000_000m);
        decimal.Parse(chat.Headers.GetValues("x-llmplatform-response-cost").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeApproximately(expected, 0.000000001m, "the alias's prices per million tokens price the call");
        body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().NotBeNullOrEmpty();

        var info = await Http.GetAsync("/model/info?litellm_model_id=chat-fast", ApiServer.MasterKey);
        var deployment = info.Json.GetProperty("data")[0];
        deployment.GetProperty("litellm_params").GetProperty("model").GetString().Should().Be("mock/demo-model");
        deployment.GetProperty("model_info").GetProperty("input_cost_per_token").GetDecimal().Should().Be(0.0000005m);
    }

    [Test]
    public async Task Get_OnBothPaths_ReadsTheAliasBack_WithTheGroupsAndTeamsThatUseIt()
    {
        (await Http.PostAsync("/api/model-access-groups/create", new { group_name = "premium", display_name = "Premium" }, ApiServer.MasterKey))
            .Status.Should().Be(HttpStatusCode.OK);
        var created = await Http.PostAsync(
            "/api/models/create",
            new { model_alias = "chat-grouped", display_name = "Grouped", provider = "mock", actual_model = "demo-model", access_groups = new[] { "premium" } },
            ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Json.GetProperty("access_groups").Strings().Should().Equal("premium");
        var teamKey = await Http.TeamKeyAsync("premium-team", "premium");

        foreach (var path in new[] { "/api/model-aliases/chat-grouped", "/api/models/chat-grouped" })
        {
            var fetched = await Http.GetAsync(path, ApiServer.MasterKey);
            fetched.Status.Should().Be(HttpStatusCode.OK, fetched.Text);
            fetched.Str("display_name").Should().Be("Grouped");
            fetched.Json.GetProperty("access_groups").Strings().Should().Equal("premium");
            fetched.Json.GetProperty("teams_using").Strings().Should().Equal("premium-team");
        }

        var group = await Http.GetAsync("/api/model-access-groups/premium", ApiServer.MasterKey);
        group.Json.GetProperty("model_aliases").EnumerateArray().Select(a => a.GetProperty("model_alias").GetString()).Should().Equal("chat-grouped");
        (await Admin.Gateway.StatusAsync(Api.Client, teamKey, "chat-grouped")).Should().Be(HttpStatusCode.OK, "the alias's group is the team's");
        (await Admin.Gateway.StatusAsync(Api.Client, teamKey, "demo")).Should().NotBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Create_InAGroupATeamAlreadyUses_IsCallableAtOnceWithTheTeamsKey()
    {
        (await Http.PostAsync("/api/model-access-groups/create", new { group_name = "growing", display_name = "Growing" }, ApiServer.MasterKey))
            .Status.Should().Be(HttpStatusCode.OK);
        var teamKey = await Http.TeamKeyAsync("growing-team", "growing");
        (await Admin.Gateway.StatusAsync(Api.Client, teamKey, "chat-later")).Should().NotBe(HttpStatusCode.OK, "the alias does not exist yet");

        var created = await Http.PostAsync(
            "/api/model-aliases/create",
            new { model_alias = "chat-later", display_name = "Later", provider = "mock", actual_model = "demo-model", access_groups = new[] { "growing" } },
            ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);

        (await Admin.Gateway.StatusAsync(Api.Client, teamKey, "chat-later")).Should().Be(HttpStatusCode.OK, "the key already in use sees its group's new alias");
    }

    [Test]
    public async Task Create_Twice_AnswersFourHundredWithTheSeedsDetail()
    {
        var body = new { model_alias = "chat-twice", display_name = "Twice", provider = "mock", actual_model = "demo-model" };
        (await Http.PostAsync("/api/model-aliases/create", body, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await Http.PostAsync("/api/model-aliases/create", body, ApiServer.MasterKey)).Detail(HttpStatusCode.BadRequest)
            .Should().Be("Model alias 'chat-twice' already exists");
        (await Http.PostAsync("/api/model-aliases/create", body with { model_alias = "demo" }, ApiServer.MasterKey)).Detail(HttpStatusCode.BadRequest)
            .Should().Be("Model alias 'demo' already exists", "a model of the configuration file is taken too");
    }

    [Test]
    public async Task Create_WithAnUnknownGroup_AnswersFourOhFour_AndAddsNoModel()
    {
        var reply = await Http.PostAsync(
            "/api/model-aliases/create",
            new { model_alias = "chat-orphan", display_name = "Orphan", provider = "mock", actual_model = "demo-model", access_groups = new[] { "no-group" } },
            ApiServer.MasterKey);

        reply.Detail(HttpStatusCode.NotFound).Should().Be("Model access group 'no-group' not found");
        (await Http.GetAsync("/api/model-aliases/chat-orphan", ApiServer.MasterKey)).Detail(HttpStatusCode.NotFound)
            .Should().Be("Model alias 'chat-orphan' not found");
    }

    [TestCase("""{"display_name":"X","provider":"mock","actual_model":"demo-model"}""", "model_alias", "value_error.missing")]
    [TestCase("""{"model_alias":"a1","provider":"mock","actual_model":"demo-model"}""", "display_name", "value_error.missing")]
    [TestCase("""{"model_alias":"a2","display_name":"X","actual_model":"demo-model"}""", "provider", "value_error.missing")]
    [TestCase("""{"model_alias":"a3","display_name":"X","provider":"mock"}""", "actual_model", "value_error.missing")]
    [TestCase("""{"model_alias":"a4","display_name":"X","provider":"mock","actual_model":"demo-model","pricing_input":"cheap"}""", "pricing_input", "value_error")]
    [TestCase("""{"model_alias":"a5","display_name":"X","provider":"mock","actual_model":"demo-model","access_groups":[1]}""", "access_groups", "value_error")]
    [TestCase("""{"model_alias":"a6","display_name":"X","provider":"mock","actual_model":"demo-model","pricing_output":-1}""", "pricing_output", "value_error")]
    public async Task Create_WithABadBody_AnswersFourTwentyTwoNamingTheField(string body, string field, string type)
    {
        var reply = await Http.PostAsync("/api/model-aliases/create", body, ApiServer.MasterKey);

        reply.ShouldBeInvalid(field, type);
    }

    [Test]
    public async Task Create_WithAKeyThatIsNotAnAdmins_IsRefused_AndAddsNoModel()
    {
        var key = await Http.TeamKeyAsync("alias-refused-team");

        var reply = await Http.PostAsync("/api/model-aliases/create", new { model_alias = "chat-refused", display_name = "R", provider = "mock", actual_model = "demo-model" }, key);

        reply.Detail(HttpStatusCode.Forbidden).Should().NotBeEmpty();
        (await Http.GetAsync("/api/model-aliases/chat-refused", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_OfAnUnknownAlias_AnswersFourOhFourWithTheSeedsDetail()
    {
        (await Http.GetAsync("/api/models/never-made", ApiServer.MasterKey)).Detail(HttpStatusCode.NotFound).Should().Be("Model alias 'never-made' not found");
    }
}
