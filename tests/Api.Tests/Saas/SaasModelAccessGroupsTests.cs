using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>The SaaS dialect's model access groups (seed 002): create, read, update, over the platform's access groups.</summary>
public sealed class SaasModelAccessGroupsTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: chat-fast
            litellm_params:
              model: mock/demo-model
          - model_name: chat-smart
            litellm_params:
              model: mock/smart-model
        """;

    [Test]
    public async Task Create_WithTheSpecsBody_AnswersTheGroupWithItsAliasesDescribed_AndTheAdminDialectSeesTheSameGroup()
    {
        var created = await Http.PostAsync(
            "/api/model-access-groups/create",
            new { group_name = "basic-chat", display_name = "Basic Chat", model_aliases = new[] { "chat-fast" } },
            ApiServer.MasterKey);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Str("group_name").Should().Be("basic-chat");
        created.Str("display_name").Should().Be("Basic Chat");
        created.Json.GetProperty("description").ValueKind.Should().Be(JsonValueKind.Null);
        created.Str("status").Should().Be("active");
        created.Json.GetProperty("teams_using").ValueKind.Should().Be(JsonValueKind.Null);
        created.Str("created_at").Should().EndWith("Z");
        var alias = created.Json.GetProperty("model_aliases").EnumerateArray().Single();
        alias.GetProperty("model_alias").GetString().Should().Be("chat-fast");
        alias.GetProperty("display_name").GetString().Should().Be("chat-fast");
        alias.GetProperty("provider").GetString().Should().Be("mock");
        alias.GetProperty("actual_model").GetString().Should().Be("demo-model");

        var admin = await Http.GetAsync("/model_access_group/info?access_group=basic-chat", ApiServer.MasterKey);
        admin.Json.GetProperty("models").Strings().Should().Equal("chat-fast");
    }

    [Test]
    public async Task Create_Twice_AnswersFourHundredWithTheSeedsDetail()
    {
        var body = new { group_name = "twice", display_name = "Twice" };
        (await Http.PostAsync("/api/model-access-groups/create", body, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var again = await Http.PostAsync("/api/model-access-groups/create", body, ApiServer.MasterKey);

        again.Detail(HttpStatusCode.BadRequest).Should().Be("Model access group 'twice' already exists");
    }

    [Test]
    public async Task Create_WithAnUnknownAlias_AnswersFourOhFour_AndCreatesNothing()
    {
        var reply = await Http.PostAsync(
            "/api/model-access-groups/create",
            new { group_name = "ghostly", display_name = "Ghostly", model_aliases = new[] { "chat-fast", "no-such-alias" } },
            ApiServer.MasterKey);

        reply.Detail(HttpStatusCode.NotFound).Should().Be("Model alias 'no-such-alias' not found");
        (await Http.GetAsync("/api/model-access-groups/ghostly", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase("""{"display_name":"No Name"}""", "group_name", "value_error.missing")]
    [TestCase("""{"group_name":"no-display"}""", "display_name", "value_error.missing")]
    [TestCase("""{"group_name":"bad-list","display_name":"Bad","model_aliases":"chat-fast"}""", "model_aliases", "value_error")]
    public async Task Create_WithABadBody_AnswersFourTwentyTwoNamingTheField(string body, string field, string type)
    {
        var reply = await Http.PostAsync("/api/model-access-groups/create", body, ApiServer.MasterKey);

        reply.ShouldBeInvalid(field, type);
    }

    [Test]
    public async Task Create_WithAKeyThatIsNotAnAdmins_IsRefused()
    {
        var key = await Http.TeamKeyAsync("group-refused-team");

        var reply = await Http.PostAsync("/api/model-access-groups/create", new { group_name = "refused", display_name = "Refused" }, key);

        reply.Detail(HttpStatusCode.Forbidden).Should().NotBeEmpty();
    }

    [Test]
    public async Task Get_ListsTheTeamsUsingTheGroup_AndAnUnknownGroupIsFourOhFour()
    {
        (await Http.PostAsync("/api/model-access-groups/create", new { group_name = "used", display_name = "Used", model_aliases = new[] { "chat-smart" } }, ApiServer.MasterKey))
            .Status.Should().Be(HttpStatusCode.OK);
        var teamKey = await Http.TeamKeyAsync("uses-the-group", "used");

        var fetched = await Http.GetAsync("/api/model-access-groups/used", ApiServer.MasterKey);

        fetched.Status.Should().Be(HttpStatusCode.OK, fetched.Text);
        fetched.Json.GetProperty("teams_using").Strings().Should().Equal("uses-the-group");
        fetched.Json.GetProperty("model_aliases")[0].GetProperty("model_alias").GetString().Should().Be("chat-smart");
        (await Admin.Gateway.StatusAsync(Api.Client, teamKey, "chat-smart")).Should().Be(HttpStatusCode.OK, "the group grants its aliases to the team");
        (await Admin.Gateway.StatusAsync(Api.Client, teamKey, "chat-fast")).Should().NotBe(HttpStatusCode.OK, "the group does not grant other models");
        (await Http.GetAsync("/api/model-access-groups/nowhere", ApiServer.MasterKey)).Detail(HttpStatusCode.NotFound)
            .Should().Be("Model access group 'nowhere' not found");
    }

    [Test]
    public async Task Update_ChangesOnlyTheFieldsGiven_AndModelAliasesReplacesTheSet()
    {
        (await Http.PostAsync(
            "/api/model-access-groups/create",
            new { group_name = "changing", display_name = "Before", description = "kept", model_aliases = new[] { "chat-fast" } },
            ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var renamed = await Http.SendAsync(HttpMethod.Put, "/api/model-access-groups/changing", new { display_name = "After", status = "inactive" }, ApiServer.MasterKey);

        renamed.Status.Should().Be(HttpStatusCode.OK, renamed.Text);
        renamed.Str("display_name").Should().Be("After");
        renamed.Str("description").Should().Be("kept");
        renamed.Str("status").Should().Be("inactive");
        renamed.Json.GetProperty("model_aliases").EnumerateArray().Select(a => a.GetProperty("model_alias").GetString()).Should().Equal("chat-fast");

        var replaced = await Http.SendAsync(HttpMethod.Put, "/api/model-access-groups/changing", new { model_aliases = new[] { "chat-smart" } }, ApiServer.MasterKey);

        replaced.Status.Should().Be(HttpStatusCode.OK, replaced.Text);
        replaced.Json.GetProperty("model_aliases").EnumerateArray().Select(a => a.GetProperty("model_alias").GetString()).Should().Equal("chat-smart");
        var reread = await Http.GetAsync("/api/model-access-groups/changing", ApiServer.MasterKey);
        reread.Str("display_name").Should().Be("After");
        reread.Str("status").Should().Be("inactive");
        reread.Json.GetProperty("model_aliases").GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task Update_WithBadInput_AnswersTheDialectsErrors()
    {
        (await Http.PostAsync("/api/model-access-groups/create", new { group_name = "strict", display_name = "Strict" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var status = await Http.SendAsync(HttpMethod.Put, "/api/model-access-groups/strict", new { status = "paused" }, ApiServer.MasterKey);
        status.ShouldBeInvalid("status");

        var alias = await Http.SendAsync(HttpMethod.Put, "/api/model-access-groups/strict", new { model_aliases = new[] { "missing-alias" } }, ApiServer.MasterKey);
        alias.Detail(HttpStatusCode.NotFound).Should().Be("Model alias 'missing-alias' not found");

        var unknown = await Http.SendAsync(HttpMethod.Put, "/api/model-access-groups/absent", new { display_name = "X" }, ApiServer.MasterKey);
        unknown.Detail(HttpStatusCode.NotFound).Should().Be("Model access group 'absent' not found");

        var wrongType = await Http.SendAsync(HttpMethod.Put, "/api/model-access-groups/strict", """{"description": 5}""", ApiServer.MasterKey);
        wrongType.ShouldBeInvalid("description");
    }
}
