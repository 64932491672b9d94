using System.Net;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Users, teams, organizations, budgets, customers and access groups: good input, bad input and unknown ids.</summary>
public sealed class AdminEndpointsTests : AdminApiFixture
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
    public async Task User_NewInfoUpdateListDelete_RoundTrip()
    {
        var userId = "u-" + Guid.NewGuid();
        var created = await Master(HttpMethod.Post, "/user/new", new { user_id = userId, user_email = "a@example.com", max_budget = 3, models = new[] { "demo" } });
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Str("key").Should().StartWith("sk-");
        created.Str("user_role").Should().Be("internal_user");

        var info = await Master(HttpMethod.Get, "/user/info?user_id=" + userId);
        info.Json.GetProperty("user_info").GetProperty("user_email").GetString().Should().Be("a@example.com");
        info.Json.GetProperty("keys").GetArrayLength().Should().Be(1);

        var updated = await Master(HttpMethod.Post, "/user/update", new { user_id = userId, user_alias = "Ann" });
        updated.Json.GetProperty("data").GetProperty("user_alias").GetString().Should().Be("Ann");
        updated.Json.GetProperty("data").GetProperty("max_budget").GetDecimal().Should().Be(3);

        (await Master(HttpMethod.Get, "/user/list?page_size=100")).Json.GetProperty("users").EnumerateArray()
            .Should().Contain(u => u.GetProperty("user_id").GetString() == userId);

        var key = created.Str("key");
        (await Master(HttpMethod.Post, "/user/delete", new { user_ids = new[] { userId } })).Status.Should().Be(HttpStatusCode.OK);
        (await Master(HttpMethod.Get, "/user/info?user_id=" + userId)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.Unauthorized);
    }

    [TestCase("/user/new", "{\"user_role\": \"emperor\"}", HttpStatusCode.BadRequest)]
    [TestCase("/user/new", "{\"max_budget\": [1]}", HttpStatusCode.BadRequest)]
    [TestCase("/user/new", "{\"budget_duration\": \"soon\"}", HttpStatusCode.BadRequest)]
    [TestCase("/user/new", "{\"budget_id\": \"no-such-budget\"}", HttpStatusCode.NotFound)]
    [TestCase("/user/update", "{\"user_alias\": \"x\"}", HttpStatusCode.BadRequest)]
    [TestCase("/user/update", "{\"user_id\": \"nobody-at-all\"}", HttpStatusCode.NotFound)]
    [TestCase("/user/delete", "{}", HttpStatusCode.BadRequest)]
    [TestCase("/user/delete", "{\"user_ids\": \"u1\"}", HttpStatusCode.BadRequest)]
    [TestCase("/user/delete", "{\"user_ids\": [\"nobody-at-all\"]}", HttpStatusCode.NotFound)]
    [TestCase("/team/new", "{\"organization_id\": \"no-such-org\"}", HttpStatusCode.NotFound)]
    [TestCase("/team/new", "{\"tpm_limit\": \"many\"}", HttpStatusCode.BadRequest)]
    [TestCase("/team/new", "{\"members_with_roles\": [{\"role\": \"admin\"}]}", HttpStatusCode.BadRequest)]
    [TestCase("/team/new", "{\"members_with_roles\": [null]}", HttpStatusCode.BadRequest)]
    [TestCase("/team/new", "{\"team_alias\": \"a\\u0000b\"}", HttpStatusCode.BadRequest)]
    [TestCase("/user/new", "{\"user_id\": \"u\\u0000\"}", HttpStatusCode.BadRequest)]
    [TestCase("/team/update", "{\"team_alias\": \"x\"}", HttpStatusCode.BadRequest)]
    [TestCase("/team/update", "{\"team_id\": \"no-such-team\"}", HttpStatusCode.NotFound)]
    [TestCase("/team/member/add", "{\"team_id\": \"no-such-team\", \"member\": {\"user_id\": \"u\"}}", HttpStatusCode.NotFound)]
    [TestCase("/team/member/add", "{\"team_id\": \"t\"}", HttpStatusCode.BadRequest)]
    [TestCase("/team/member/add", "{\"team_id\": \"t\", \"member\": {\"user_id\": \"u\", \"role\": \"boss\"}}", HttpStatusCode.BadRequest)]
    [TestCase("/team/member/add", "{\"team_id\": \"t\", \"member\": 7}", HttpStatusCode.BadRequest)]
    [TestCase("/team/member/delete", "{\"team_id\": \"t\"}", HttpStatusCode.BadRequest)]
    [TestCase("/team/block", "{}", HttpStatusCode.BadRequest)]
    [TestCase("/team/block", "{\"team_id\": 5}", HttpStatusCode.BadRequest)]
    [TestCase("/team/block", "{\"team_id\": \"no-such-team\"}", HttpStatusCode.NotFound)]
    [TestCase("/team/delete", "{\"team_ids\": [\"no-such-team\"]}", HttpStatusCode.NotFound)]
    [TestCase("/organization/new", "{}", HttpStatusCode.BadRequest)]
    [TestCase("/organization/new", "{\"organization_alias\": \"o\", \"max_budget\": -1}", HttpStatusCode.BadRequest)]
    [TestCase("/organization/member/add", "{\"organization_id\": \"no-such-org\", \"member\": {\"user_id\": \"u\"}}", HttpStatusCode.NotFound)]
    [TestCase("/organization/member/add", "{\"organization_id\": \"o\", \"member\": {\"role\": \"org_admin\"}}", HttpStatusCode.BadRequest)]
    [TestCase("/customer/new", "{}", HttpStatusCode.BadRequest)]
    [TestCase("/customer/new", "{\"user_id\": \"c\", \"allowed_model_region\": \"mars\"}", HttpStatusCode.BadRequest)]
    [TestCase("/customer/update", "{\"user_id\": \"no-such-customer\"}", HttpStatusCode.NotFound)]
    [TestCase("/customer/delete", "{\"user_ids\": [\"no-such-customer\"]}", HttpStatusCode.NotFound)]
    [TestCase("/customer/block", "{}", HttpStatusCode.BadRequest)]
    [TestCase("/budget/new", "{\"budget_duration\": \"1y\"}", HttpStatusCode.BadRequest)]
    [TestCase("/budget/new", "{\"rpm_limit\": 1.5}", HttpStatusCode.BadRequest)]
    [TestCase("/budget/update", "{\"budget_id\": \"no-such-budget\"}", HttpStatusCode.NotFound)]
    [TestCase("/budget/delete", "{}", HttpStatusCode.BadRequest)]
    [TestCase("/budget/delete", "{\"id\": \"no-such-budget\"}", HttpStatusCode.NotFound)]
    [TestCase("/model_access_group/new", "{\"access_group\": \"g\"}", HttpStatusCode.BadRequest)]
    [TestCase("/model_access_group/new", "{\"models\": [\"demo\"]}", HttpStatusCode.BadRequest)]
    [TestCase("/model_access_group/new", "{\"access_group\": \"g\", \"models\": \"demo\"}", HttpStatusCode.BadRequest)]
    [TestCase("/user/new", "not json", HttpStatusCode.BadRequest)]
    public async Task Post_WithBadInputOrUnknownId_IsAClear4xxInTheEnvelope(string path, string body, HttpStatusCode expected)
    {
        var reply = await Http.PostAsync(path, body, ApiServer.MasterKey);

        reply.Status.Should().Be(expected, reply.Text);
        reply.Json.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        reply.Text.Should().NotContain("   at ");
    }

    [TestCase("/team/info?team_id=no-such-team", HttpStatusCode.NotFound)]
    [TestCase("/team/info", HttpStatusCode.BadRequest)]
    [TestCase("/organization/info?organization_id=no-such-org", HttpStatusCode.NotFound)]
    [TestCase("/organization/info", HttpStatusCode.BadRequest)]
    [TestCase("/customer/info?end_user_id=no-such-customer", HttpStatusCode.NotFound)]
    [TestCase("/budget/info?budget_id=no-such-budget", HttpStatusCode.NotFound)]
    [TestCase("/model_access_group/info?access_group=no-such-group", HttpStatusCode.NotFound)]
    [TestCase("/user/info?user_id=nobody-at-all", HttpStatusCode.NotFound)]
    public async Task Get_UnknownOrMissingId_Is4xx(string path, HttpStatusCode expected)
    {
        var reply = await Http.GetAsync(path, ApiServer.MasterKey);
        reply.Status.Should().Be(expected, reply.Text);
        reply.ErrorType.Should().Be(expected == HttpStatusCode.NotFound ? "not_found_error" : "invalid_request_error");
    }

    [Test]
    public async Task Team_MembersAndUpdate_RoundTrip()
    {
        var team = await Master(HttpMethod.Post, "/team/new", new { team_alias = "core", models = new[] { "demo" }, members_with_roles = new[] { new { user_id = "lead-" + Guid.NewGuid(), role = "admin" } } });
        team.Status.Should().Be(HttpStatusCode.OK, team.Text);
        var teamId = team.Str("team_id");
        team.Json.GetProperty("members_with_roles").GetArrayLength().Should().Be(1);

        var member = "dev-" + Guid.NewGuid();
        var added = await Master(HttpMethod.Post, "/team/member/add", new { team_id = teamId, member = new { user_id = member, role = "user" } });
        added.Json.GetProperty("members_with_roles").GetArrayLength().Should().Be(2);

        var updated = await Master(HttpMethod.Post, "/team/update", new { team_id = teamId, max_budget = 12.5, rpm_limit = 30 });
        updated.Json.GetProperty("data").GetProperty("max_budget").GetDecimal().Should().Be(12.5m);
        updated.Json.GetProperty("data").GetProperty("team_alias").GetString().Should().Be("core");
        updated.Str("team_id").Should().Be(teamId, "seed 000 answers the Team itself");
        updated.Json.GetProperty("max_budget").GetDecimal().Should().Be(12.5m);
        updated.Json.GetProperty("rpm_limit").GetInt64().Should().Be(30);
        updated.Json.GetProperty("members_with_roles").GetArrayLength().Should().Be(2);

        var removed = await Master(HttpMethod.Post, "/team/member/delete", new { team_id = teamId, user_id = member });
        removed.Json.GetProperty("members_with_roles").GetArrayLength().Should().Be(1);
        (await Master(HttpMethod.Post, "/team/member/delete", new { team_id = teamId, user_id = member })).Status.Should().Be(HttpStatusCode.NotFound);

        var info = await Master(HttpMethod.Get, "/team/info?team_id=" + teamId);
        info.Json.GetProperty("team_info").GetProperty("rpm_limit").GetInt64().Should().Be(30);
        (await Master(HttpMethod.Get, "/team/list")).Json.EnumerateArray().Should().Contain(t => t.GetProperty("team_id").GetString() == teamId);
    }

    [Test]
    public async Task Organization_New_TakesSeedNameAsTheAlias_AndUpdateToo()
    {
        var organization = await Master(HttpMethod.Post, "/organization/new", new { name = "seed-named", max_budget = 100, models = new[] { "demo" } });
        organization.Status.Should().Be(HttpStatusCode.OK, organization.Text);
        organization.Str("organization_alias").Should().Be("seed-named");
        var organizationId = organization.Str("organization_id");

        var renamed = await Master(HttpMethod.Patch, "/organization/update", new { organization_id = organizationId, name = "seed-renamed" });
        renamed.Str("organization_alias").Should().Be("seed-renamed");

        var both = await Master(HttpMethod.Post, "/organization/new", new { name = "ignored", organization_alias = "alias-wins" });
        both.Str("organization_alias").Should().Be("alias-wins");
        (await Master(HttpMethod.Post, "/organization/new", new { name = 5 })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Master(HttpMethod.Get, "/organization/info?organization_id=" + organizationId)).Str("organization_alias").Should().Be("seed-renamed", "a refused request changes nothing");
    }

    [Test]
    public async Task Organization_NewUpdateMembersDelete_RoundTrip()
    {
        var organization = await Master(HttpMethod.Post, "/organization/new", new { organization_alias = "acme", models = new[] { "demo" }, max_budget = 100 });
        organization.Status.Should().Be(HttpStatusCode.OK, organization.Text);
        var organizationId = organization.Str("organization_id");

        var renamed = await Master(HttpMethod.Patch, "/organization/update", new { organization_id = organizationId, organization_alias = "acme inc" });
        renamed.Str("organization_alias").Should().Be("acme inc");
        renamed.Json.GetProperty("max_budget").GetDecimal().Should().Be(100);

        var member = "emp-" + Guid.NewGuid();
        var withMember = await Master(HttpMethod.Post, "/organization/member/add", new { organization_id = organizationId, user_id = member });
        withMember.Json.GetProperty("members").GetArrayLength().Should().Be(1);
        (await Master(HttpMethod.Delete, "/organization/member/delete", new { organization_id = organizationId, user_id = member }))
            .Json.GetProperty("members").GetArrayLength().Should().Be(0);

        (await Master(HttpMethod.Post, "/team/new", new { organization_id = organizationId, models = new[] { "other" } })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Master(HttpMethod.Post, "/team/new", new { organization_id = organizationId, max_budget = 500 })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Master(HttpMethod.Post, "/team/new", new { organization_id = organizationId, models = new[] { "demo" } })).Status.Should().Be(HttpStatusCode.OK);

        (await Master(HttpMethod.Get, "/organization/list")).Json.EnumerateArray().Should().Contain(o => o.GetProperty("organization_id").GetString() == organizationId);
        (await Master(HttpMethod.Delete, "/organization/delete", new { organization_ids = new[] { organizationId } })).Status.Should().Be(HttpStatusCode.OK);
        (await Master(HttpMethod.Get, "/organization/info?organization_id=" + organizationId)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task OrganizationModels_LimitTheKeysOfItsTeams()
    {
        var organizationId = (await Master(HttpMethod.Post, "/organization/new", new { organization_alias = "narrow", models = new[] { "demo" } })).Str("organization_id");
        var teamId = (await Master(HttpMethod.Post, "/team/new", new { organization_id = organizationId })).Str("team_id");
        var key = (await Master(HttpMethod.Post, "/key/generate", new { team_id = teamId })).Str("key");

        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(Api.Client, key, "other")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Budget_SharedByKeys_AppliesItsLimits()
    {
        var budget = await Master(HttpMethod.Post, "/budget/new", new { budget_id = "b-" + Guid.NewGuid(), rpm_limit = 1, budget_duration = "30d" });
        budget.Status.Should().Be(HttpStatusCode.OK, budget.Text);
        var budgetId = budget.Str("budget_id");
        (await Master(HttpMethod.Get, "/budget/info?budget_id=" + budgetId)).Json.GetProperty("rpm_limit").GetInt64().Should().Be(1);

        var key = (await Master(HttpMethod.Post, "/key/generate", new { budget_id = budgetId })).Str("key");
        var statuses = new[] { await Gateway.StatusAsync(Api.Client, key, "demo"), await Gateway.StatusAsync(Api.Client, key, "demo"), await Gateway.StatusAsync(Api.Client, key, "demo") };
        statuses.Should().Contain(HttpStatusCode.TooManyRequests);

        var updated = await Master(HttpMethod.Post, "/budget/update", new { budget_id = budgetId, rpm_limit = 1000 });
        updated.Json.GetProperty("rpm_limit").GetInt64().Should().Be(1000);
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        (await Master(HttpMethod.Get, "/budget/list")).Json.EnumerateArray().Should().Contain(b => b.GetProperty("budget_id").GetString() == budgetId);
        (await Master(HttpMethod.Post, "/budget/delete", new { id = budgetId })).Status.Should().Be(HttpStatusCode.OK);
        (await Master(HttpMethod.Get, "/budget/info?budget_id=" + budgetId)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AccessGroup_FromTheApi_GivesKeysItsModels_AndUpdatesReachCachedKeys()
    {
        var group = "grp-" + Guid.NewGuid();
        var created = await Master(HttpMethod.Post, "/model_access_group/new", new { access_group = group, models = new[] { "demo" } });
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        (await Master(HttpMethod.Post, "/model_access_group/new", new { access_group = group, models = new[] { "demo" } })).Status.Should().Be(HttpStatusCode.Conflict);
        var key = (await Master(HttpMethod.Post, "/key/generate", new { models = new[] { group } })).Str("key");

        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(Api.Client, key, "other")).Should().Be(HttpStatusCode.Forbidden);

        (await Master(HttpMethod.Put, "/model_access_group/update", new { group_id = group, models = new[] { "demo", "other" } })).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(Api.Client, key, "other")).Should().Be(HttpStatusCode.OK);

        var info = await Master(HttpMethod.Get, "/model_access_group/info?group_id=" + group);
        info.Json.GetProperty("models").GetArrayLength().Should().Be(2);
        info.Str("group_id").Should().Be(group);
        info.Str("access_group").Should().Be(group);
        (await Master(HttpMethod.Delete, "/model_access_group/delete", new { access_group = group })).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Customer_NewInfoUpdateListDelete_RoundTrip()
    {
        var customer = "cust-" + Guid.NewGuid();
        var created = await Master(HttpMethod.Post, "/customer/new", new { user_id = customer, alias = "Shop", max_budget = 2 });
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        (await Master(HttpMethod.Post, "/customer/new", new { user_id = customer })).Status.Should().Be(HttpStatusCode.Conflict);

        (await Master(HttpMethod.Post, "/customer/update", new { user_id = customer, alias = "Shop 2" })).Str("alias").Should().Be("Shop 2");
        (await Master(HttpMethod.Get, "/customer/info?end_user_id=" + customer)).Json.GetProperty("max_budget").GetDecimal().Should().Be(2);
        (await Master(HttpMethod.Get, "/customer/list")).Json.EnumerateArray().Should().Contain(c => c.GetProperty("user_id").GetString() == customer);
        (await Master(HttpMethod.Post, "/customer/delete", new { user_ids = new[] { customer } })).Status.Should().Be(HttpStatusCode.OK);
        (await Master(HttpMethod.Get, "/customer/info?end_user_id=" + customer)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AdminEndpoints_WithoutAKey_Are401()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.GetAsync("key/list");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private Task<AdminHttp.Reply> Master(HttpMethod method, string path, object? body = null) =>
        Http.SendAsync(method, path, body, ApiServer.MasterKey);
}
