using System.Net;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>
/// Every role against every admin endpoint: each role's key (a user's key carries the user's role) either gets
/// its answer or a 403 in the OpenAI envelope. Targets that a call changes are made fresh for each case.
/// </summary>
public sealed class RoleMatrixTests
{
    private const string Config = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        """;

    private const string Admin = "proxy_admin";
    private const string Viewer = "proxy_admin_viewer";
    private const string OrgAdmin = "org_admin";
    private const string TeamAdmin = "team_admin";
    private const string Member = "team_member";
    private const string Internal = "internal_user";
    private const string InternalViewer = "internal_user_viewer";

    private static readonly string[] AllRoles = [Admin, Viewer, OrgAdmin, TeamAdmin, Member, Internal, InternalViewer];

    private static readonly Endpoint[] Endpoints =
    [
        new("generate own key", HttpMethod.Post, _ => "/key/generate", (_, self) => Task.FromResult<object?>(new { user_id = self }), [Admin, OrgAdmin, TeamAdmin, Member, Internal]),
        new("generate key for another user", HttpMethod.Post, _ => "/key/generate", (f, _) => Task.FromResult<object?>(new { user_id = f.Users[Admin] }), [Admin]),
        new("see a team key", HttpMethod.Get, f => "/key/info?key=" + f.TeamKey, (_, _) => Task.FromResult<object?>(null), [Admin, Viewer, TeamAdmin]),
        new("update a team key", HttpMethod.Post, _ => "/key/update", async (f, _) => new { key = await f.NewTeamKeyAsync(), models = new[] { "demo" } }, [Admin, TeamAdmin]),
        new("block a team key", HttpMethod.Post, _ => "/key/block", async (f, _) => new { key = await f.NewTeamKeyAsync() }, [Admin, TeamAdmin]),
        new("delete a team key", HttpMethod.Post, _ => "/key/delete", async (f, _) => new { keys = new[] { await f.NewTeamKeyAsync() } }, [Admin, TeamAdmin]),
        new("list keys", HttpMethod.Get, _ => "/key/list", (_, _) => Task.FromResult<object?>(null), AllRoles),
        new("create a user", HttpMethod.Post, _ => "/user/new", (_, _) => Task.FromResult<object?>(new { user_id = "u-" + Guid.NewGuid() }), [Admin]),
        new("see another user", HttpMethod.Get, f => "/user/info?user_id=" + f.Users[Internal], (_, _) => Task.FromResult<object?>(null), [Admin, Viewer, Internal]),
        new("raise own role", HttpMethod.Post, _ => "/user/update", (_, self) => Task.FromResult<object?>(new { user_id = self, user_role = "proxy_admin" }), [Admin]),
        new("list users", HttpMethod.Get, _ => "/user/list", (_, _) => Task.FromResult<object?>(null), [Admin, Viewer]),
        new("create a team in the organization", HttpMethod.Post, _ => "/team/new", (f, _) => Task.FromResult<object?>(new { organization_id = f.OrganizationId }), [Admin, OrgAdmin]),
        new("see the team", HttpMethod.Get, f => "/team/info?team_id=" + f.TeamId, (_, _) => Task.FromResult<object?>(null), [Admin, Viewer, OrgAdmin, TeamAdmin, Member]),
        new("rename the team", HttpMethod.Post, _ => "/team/update", (f, _) => Task.FromResult<object?>(new { team_id = f.TeamId, team_alias = "renamed" }), [Admin, OrgAdmin, TeamAdmin]),
        new("raise the team's budget", HttpMethod.Post, _ => "/team/update", (f, _) => Task.FromResult<object?>(new { team_id = f.TeamId, max_budget = 50 }), [Admin, OrgAdmin]),
        new("add a team member", HttpMethod.Post, _ => "/team/member/add", (f, _) => Task.FromResult<object?>(new { team_id = f.TeamId, member = new { user_id = "m-" + Guid.NewGuid(), role = "user" } }), [Admin, OrgAdmin, TeamAdmin]),
        new("block a team", HttpMethod.Post, _ => "/team/block", async (f, _) => new { team_id = await f.NewTeamAsync() }, [Admin, OrgAdmin]),
        new("delete a team", HttpMethod.Post, _ => "/team/delete", async (f, _) => new { team_ids = new[] { await f.NewTeamAsync() } }, [Admin, OrgAdmin]),
        new("list teams", HttpMethod.Get, _ => "/team/list", (_, _) => Task.FromResult<object?>(null), AllRoles),
        new("create an organization", HttpMethod.Post, _ => "/organization/new", (_, _) => Task.FromResult<object?>(new { organization_alias = "o" }), [Admin]),
        new("see the organization", HttpMethod.Get, f => "/organization/info?organization_id=" + f.OrganizationId, (_, _) => Task.FromResult<object?>(null), [Admin, Viewer, OrgAdmin]),
        new("rename the organization", HttpMethod.Patch, _ => "/organization/update", (f, _) => Task.FromResult<object?>(new { organization_id = f.OrganizationId, organization_alias = "renamed" }), [Admin, OrgAdmin]),
        new("raise the organization's budget", HttpMethod.Patch, _ => "/organization/update", (f, _) => Task.FromResult<object?>(new { organization_id = f.OrganizationId, max_budget = 1000 }), [Admin]),
        new("add an organization member", HttpMethod.Post, _ => "/organization/member/add", (f, _) => Task.FromResult<object?>(new { organization_id = f.OrganizationId, member = new { user_id = "om-" + Guid.NewGuid(), role = "internal_user" } }), [Admin, OrgAdmin]),
        new("list organizations", HttpMethod.Get, _ => "/organization/list", (_, _) => Task.FromResult<object?>(null), AllRoles),
        new("create a customer", HttpMethod.Post, _ => "/customer/new", (_, _) => Task.FromResult<object?>(new { user_id = "c-" + Guid.NewGuid() }), [Admin]),
        new("list customers", HttpMethod.Get, _ => "/customer/list", (_, _) => Task.FromResult<object?>(null), [Admin, Viewer]),
        new("create a budget", HttpMethod.Post, _ => "/budget/new", (_, _) => Task.FromResult<object?>(new { max_budget = 5 }), [Admin]),
        new("list budgets", HttpMethod.Get, _ => "/budget/list", (_, _) => Task.FromResult<object?>(null), [Admin, Viewer]),
        new("create an access group", HttpMethod.Post, _ => "/model_access_group/new", (_, _) => Task.FromResult<object?>(new { access_group = "g-" + Guid.NewGuid(), models = new[] { "demo" } }), [Admin]),
        new("list access groups", HttpMethod.Get, _ => "/model_access_group/info", (_, _) => Task.FromResult<object?>(null), [Admin, Viewer]),
    ];

    private ApiServer _api = null!;
    private Fixture _fixture = null!;

    public static IEnumerable<TestCaseData> Cases() =>
        from endpoint in Endpoints
        from role in AllRoles
        select new TestCaseData(endpoint.Name, role).SetName($"{endpoint.Name} as {role}");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(Config);
        _fixture = await Fixture.CreateAsync(new AdminHttp(_api.Client));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task Endpoint_ForRole_IsAllowedOrForbiddenByTheMatrix(string endpointName, string role)
    {
        var endpoint = Endpoints.Single(e => e.Name == endpointName);
        var body = await endpoint.Body(_fixture, _fixture.Users[role]);

        var reply = await _fixture.Http.SendAsync(endpoint.Method, endpoint.Path(_fixture), body, _fixture.Keys[role]);

        if (endpoint.Allowed.Contains(role))
        {
            reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        }
        else
        {
            reply.Status.Should().Be(HttpStatusCode.Forbidden, reply.Text);
            reply.ErrorType.Should().Be("permission_error");
        }
    }

    [Test]
    public async Task UserKey_CannotExceedItsUsersModelsOrBudget()
    {
        var http = _fixture.Http;
        var userId = "limited-" + Guid.NewGuid();
        (await http.PostAsync("/user/new", new { user_id = userId, models = new[] { "demo" }, max_budget = 1, auto_create_key = false }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        var own = (await http.PostAsync("/key/generate", new { user_id = userId, models = new[] { "demo" } }, ApiServer.MasterKey)).Str("key");

        (await http.PostAsync("/key/generate", new { models = new[] { "demo", "gpt-4" } }, own)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await http.PostAsync("/key/generate", new { models = new[] { "demo" }, max_budget = 2 }, own)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await http.PostAsync("/key/generate", new { }, own)).Status.Should().Be(HttpStatusCode.Forbidden);
        var made = await http.PostAsync("/key/generate", new { models = new[] { "demo" }, max_budget = 0.5 }, own);
        made.Status.Should().Be(HttpStatusCode.OK, made.Text);
        made.Str("user_id").Should().Be(userId);
    }

    [Test]
    public async Task KeyList_ShowsAUserOnlyItsOwnKeys_AndATeamAdminItsTeamsKeys()
    {
        var http = _fixture.Http;
        var internalKeys = await http.GetAsync("/key/list?return_full_object=true&size=100", _fixture.Keys[Internal]);
        internalKeys.Json.GetProperty("keys").EnumerateArray()
            .Should().NotBeEmpty().And.OnlyContain(k => k.GetProperty("user_id").GetString() == _fixture.Users[Internal]);

        var teamAdminKeys = await http.GetAsync("/key/list?return_full_object=true&size=100", _fixture.Keys[TeamAdmin]);
        var visible = teamAdminKeys.Json.GetProperty("keys").EnumerateArray()
            .Select(k => (Team: Field(k, "team_id"), User: Field(k, "user_id")))
            .ToList();
        visible.Should().Contain(k => k.Team == _fixture.TeamId);
        visible.Should().OnlyContain(k => k.Team == _fixture.TeamId || k.User == _fixture.Users[TeamAdmin]);
    }

    private static string? Field(System.Text.Json.JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    [Test]
    public async Task UserKey_CarriesTheUsersRole_AndFollowsARoleChange()
    {
        var http = _fixture.Http;
        var userId = "promoted-" + Guid.NewGuid();
        (await http.PostAsync("/user/new", new { user_id = userId, auto_create_key = false }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        var key = (await http.PostAsync("/key/generate", new { user_id = userId }, ApiServer.MasterKey)).Str("key");
        (await http.GetAsync("/user/list", key)).Status.Should().Be(HttpStatusCode.Forbidden);

        (await http.PostAsync("/user/update", new { user_id = userId, user_role = "proxy_admin_viewer" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await http.GetAsync("/user/list", key)).Status.Should().Be(HttpStatusCode.OK);
        (await http.PostAsync("/user/new", new { user_id = "x-" + Guid.NewGuid() }, key)).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    private sealed record Endpoint(
        string Name,
        HttpMethod Method,
        Func<Fixture, string> Path,
        Func<Fixture, string, Task<object?>> Body,
        string[] Allowed);

    private sealed class Fixture
    {
        private Fixture(AdminHttp http)
        {
            Http = http;
        }

        public AdminHttp Http { get; }

        public Dictionary<string, string> Users { get; } = [];

        public Dictionary<string, string> Keys { get; } = [];

        public string OrganizationId { get; private set; } = string.Empty;

        public string TeamId { get; private set; } = string.Empty;

        public string TeamKey { get; private set; } = string.Empty;

        public static async Task<Fixture> CreateAsync(AdminHttp http)
        {
            var fixture = new Fixture(http);
            var userRoles = new Dictionary<string, string>
            {
                [Admin] = "proxy_admin",
                [Viewer] = "proxy_admin_viewer",
                [OrgAdmin] = "internal_user",
                [TeamAdmin] = "internal_user",
                [Member] = "internal_user",
                [Internal] = "internal_user",
                [InternalViewer] = "internal_user_viewer",
            };
            foreach (var (role, userRole) in userRoles)
            {
                var userId = role + "-" + Guid.NewGuid().ToString("N")[..8];
                var created = await http.PostAsync("/user/new", new { user_id = userId, user_role = userRole }, ApiServer.MasterKey);
                created.Status.Should().Be(HttpStatusCode.OK, created.Text);
                fixture.Users[role] = userId;
                fixture.Keys[role] = created.Str("key");
            }

            var organization = await http.PostAsync("/organization/new", new { organization_alias = "acme" }, ApiServer.MasterKey);
            fixture.OrganizationId = organization.Str("organization_id");
            (await http.PostAsync("/organization/member/add", new { organization_id = fixture.OrganizationId, member = new { user_id = fixture.Users[OrgAdmin], role = "org_admin" } }, ApiServer.MasterKey))
                .Status.Should().Be(HttpStatusCode.OK);

            fixture.TeamId = await fixture.NewTeamAsync();
            (await http.PostAsync("/team/member/add", new { team_id = fixture.TeamId, member = new[] { new { user_id = fixture.Users[TeamAdmin], role = "admin" }, new { user_id = fixture.Users[Member], role = "user" } } }, ApiServer.MasterKey))
                .Status.Should().Be(HttpStatusCode.OK);
            fixture.TeamKey = await fixture.NewTeamKeyAsync();
            return fixture;
        }

        public async Task<string> NewTeamAsync()
        {
            var team = await Http.PostAsync("/team/new", new { team_alias = "team", organization_id = OrganizationId }, ApiServer.MasterKey);
            team.Status.Should().Be(HttpStatusCode.OK, team.Text);
            return team.Str("team_id");
        }

        public async Task<string> NewTeamKeyAsync()
        {
            var key = await Http.PostAsync("/key/generate", new { team_id = TeamId }, ApiServer.MasterKey);
            key.Status.Should().Be(HttpStatusCode.OK, key.Text);
            return key.Str("key");
        }
    }
}
