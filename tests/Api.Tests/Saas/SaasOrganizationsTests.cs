using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>The SaaS dialect's organizations (seed 002): create with the client's id, read, and list the teams.</summary>
public sealed class SaasOrganizationsTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        """;

    [Test]
    public async Task Create_WithTheSeedsBody_AnswersTheOrganizationUnderTheClientsId_AndGetReadsItBack()
    {
        var created = await Http.PostAsync("/api/organizations/create", new { organization_id = "org_acme", name = "ACME Corp", metadata = new { tier = "gold" } }, ApiServer.MasterKey);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Str("organization_id").Should().Be("org_acme");
        created.Str("name").Should().Be("ACME Corp");
        created.Str("status").Should().Be("active");
        created.Json.GetProperty("metadata").GetProperty("tier").GetString().Should().Be("gold");
        created.Str("created_at").Should().EndWith("Z");
        created.Json.GetProperty("updated_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        var fetched = await Http.GetAsync("/api/organizations/org_acme", ApiServer.MasterKey);
        fetched.Status.Should().Be(HttpStatusCode.OK, fetched.Text);
        fetched.Str("name").Should().Be("ACME Corp");
        fetched.Json.GetProperty("metadata").GetProperty("tier").GetString().Should().Be("gold");

        var admin = await Http.GetAsync("/organization/info?organization_id=org_acme", ApiServer.MasterKey);
        admin.Str("organization_alias").Should().Be("ACME Corp", "the dialect's organization is the platform's");
    }

    [Test]
    public async Task Create_WithTheMasterKeyAsXAdminKey_IsAccepted_AndMetadataDefaultsToEmpty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/organizations/create")
        {
            Content = new StringContent("""{"organization_id":"org_header","name":"Header Inc"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = null;
        request.Headers.Add("X-Admin-Key", ApiServer.MasterKey);
        using var client = new HttpClient { BaseAddress = Api.Client.BaseAddress };
        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("metadata").EnumerateObject().Should().BeEmpty();
    }

    [Test]
    public async Task Create_Twice_AnswersFourHundredWithTheSeedsDetail()
    {
        (await Http.PostAsync("/api/organizations/create", new { organization_id = "org_twice", name = "Once" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var again = await Http.PostAsync("/api/organizations/create", new { organization_id = "org_twice", name = "Twice" }, ApiServer.MasterKey);

        again.Detail(HttpStatusCode.BadRequest).Should().Be("Organization with ID 'org_twice' already exists");
    }

    [TestCase("""{"name":"No Id"}""", "organization_id", "value_error.missing")]
    [TestCase("""{"organization_id":"org_no_name"}""", "name", "value_error.missing")]
    [TestCase("""{"organization_id":"org_bad","name":"Bad","metadata":"not an object"}""", "metadata", "value_error")]
    [TestCase("""{"organization_id":42,"name":"Number"}""", "organization_id", "value_error")]
    public async Task Create_WithABadBody_AnswersFourTwentyTwoNamingTheField(string body, string field, string type)
    {
        var reply = await Http.PostAsync("/api/organizations/create", body, ApiServer.MasterKey);

        reply.ShouldBeInvalid(field, type);
    }

    [Test]
    public async Task Create_WithAKeyThatIsNotAnAdmins_IsRefusedWithAForbiddenDetail()
    {
        var key = await Http.TeamKeyAsync("org-refused-team");

        var reply = await Http.PostAsync("/api/organizations/create", new { organization_id = "org_refused", name = "Nope" }, key);

        reply.Detail(HttpStatusCode.Forbidden).Should().NotBeEmpty();
        (await Http.GetAsync("/api/organizations/org_refused", ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_OfAnUnknownOrganization_AnswersFourOhFourWithTheSeedsDetail()
    {
        var reply = await Http.GetAsync("/api/organizations/org_missing", ApiServer.MasterKey);

        reply.Detail(HttpStatusCode.NotFound).Should().Be("Organization 'org_missing' not found");
        (await Http.GetAsync("/api/organizations/org_missing/teams", ApiServer.MasterKey)).Detail(HttpStatusCode.NotFound)
            .Should().Be("Organization 'org_missing' not found");
    }

    [Test]
    public async Task Teams_ListsTheTeamsOfTheOrganization_AndNoOthers()
    {
        (await Http.PostAsync("/api/organizations/create", new { organization_id = "org_teams", name = "With Teams" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync("/api/organizations/create", new { organization_id = "org_empty", name = "Empty" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        foreach (var team in new[] { "acme-research", "acme-corp" })
        {
            (await Http.PostAsync("/team/new", new { team_id = team, organization_id = "org_teams" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        }

        (await Http.PostAsync("/team/new", new { team_id = "elsewhere" }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        var reply = await Http.GetAsync("/api/organizations/org_teams/teams", ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Str("organization_id").Should().Be("org_teams");
        reply.Json.GetProperty("team_count").GetInt32().Should().Be(2);
        reply.Json.GetProperty("teams").Strings().Should().BeEquivalentTo("acme-corp", "acme-research");
        var empty = await Http.GetAsync("/api/organizations/org_empty/teams", ApiServer.MasterKey);
        empty.Json.GetProperty("team_count").GetInt32().Should().Be(0);
        empty.Json.GetProperty("teams").GetArrayLength().Should().Be(0);
    }
}
