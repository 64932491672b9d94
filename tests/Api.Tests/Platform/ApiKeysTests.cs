using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Platform;

/// <summary>The Platform API's keys (seed 001 <c>/auth/api-keys</c>): virtual keys with permissions and a rate limit.</summary>
public sealed class ApiKeysTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        """;

    [Test]
    public async Task Create_WithTheSeedsBody_AnswersTheKeyOnce_AndItWorksWithinItsPermissions()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(30);
        var created = await Http.PostAsync("/v1/auth/api-keys", new
        {
            name = "My Application Key",
            permissions = new[] { "inference" },
            rate_limit = new { requests_per_minute = 1000, tokens_per_minute = 100000 },
            expires_at = expires,
        }, ApiServer.MasterKey);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Str("name").Should().Be("My Application Key");
        var key = created.Str("api_key");
        key.Should().StartWith("sk-");
        created.Str("id").Should().MatchRegex("^[0-9a-f]{64}$");
        created.Json.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("inference");
        created.Json.GetProperty("rate_limit").GetProperty("requests_per_minute").GetInt64().Should().Be(1000);
        created.Json.GetProperty("rate_limit").GetProperty("tokens_per_minute").GetInt64().Should().Be(100000);
        created.Json.GetProperty("expires_at").GetDateTimeOffset().Should().BeCloseTo(expires, TimeSpan.FromSeconds(1));
        created.Json.GetProperty("created_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        (await Admin.Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.OK, "inference is allowed");
        var models = await Http.GetAsync("/v1/models", key);
        models.Status.Should().Be(HttpStatusCode.Forbidden, "models.read was not given");
        models.ErrorType.Should().Be("permission_error");
    }

    [Test]
    public async Task Create_WithoutPermissions_MayCallWhatItsOwnerMay_AndCarriesItsRateLimit()
    {
        var created = await Http.PostAsync("/auth/api-keys", new { name = "limited", rate_limit = new { requests_per_minute = 2 } }, ApiServer.MasterKey);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var key = created.Str("api_key");
        created.Json.GetProperty("permissions").GetArrayLength().Should().Be(0);
        created.Json.GetProperty("expires_at").ValueKind.Should().Be(JsonValueKind.Null);

        (await Http.GetAsync("/v1/models", key)).Status.Should().Be(HttpStatusCode.OK);
        using var chat = await Admin.Gateway.ChatAsync(Api.Client, key, "demo");
        chat.StatusCode.Should().Be(HttpStatusCode.OK);
        chat.Headers.GetValues("x-ratelimit-limit-requests").Single().Should().Be("2", "rate_limit.requests_per_minute is the key's RPM limit");
    }

    [Test]
    public async Task List_ShowsTheKeysWithoutTheirSecret_AndRevokeEndsThem()
    {
        var created = await Http.PostAsync("/auth/api-keys", new { name = "to-revoke", permissions = new[] { "inference", "models.read" } }, ApiServer.MasterKey);
        var id = created.Str("id");
        var key = created.Str("api_key");

        var list = await Http.GetAsync("/auth/api-keys", ApiServer.MasterKey);
        list.Status.Should().Be(HttpStatusCode.OK);
        list.Str("object").Should().Be("list");
        var listed = list.Json.GetProperty("data").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        listed.GetProperty("name").GetString().Should().Be("to-revoke");
        listed.TryGetProperty("api_key", out _).Should().BeFalse("a key is shown once, when it is created");
        listed.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("inference", "models.read");
        (await Http.GetAsync("/v1/models", key)).Status.Should().Be(HttpStatusCode.OK);

        var revoked = await Http.SendAsync(HttpMethod.Delete, "/v1/auth/api-keys/" + id, null, ApiServer.MasterKey);
        revoked.Status.Should().Be(HttpStatusCode.OK, revoked.Text);
        revoked.Str("id").Should().Be(id);
        revoked.Json.GetProperty("deleted").GetBoolean().Should().BeTrue();

        (await Admin.Gateway.StatusAsync(Api.Client, key, "demo")).Should().Be(HttpStatusCode.Unauthorized);
        var again = await Http.SendAsync(HttpMethod.Delete, "/auth/api-keys/" + id, null, ApiServer.MasterKey);
        again.Status.Should().Be(HttpStatusCode.NotFound);
        again.ErrorType.Should().Be("not_found_error");
    }

    [TestCase("""{"permissions":["inference","launch.missiles"]}""", "permissions")]
    [TestCase("""{"permissions":[null]}""", "permissions")]
    [TestCase("""{"rate_limit":{"requests_per_minute":0}}""", "rate_limit.requests_per_minute")]
    [TestCase("""{"rate_limit":{"tokens_per_minute":-5}}""", "rate_limit.tokens_per_minute")]
    [TestCase("""{"expires_at":"2001-01-01T00:00:00Z"}""", "expires_at")]
    [TestCase("""{"name":"   "}""", "name")]
    public async Task Create_BadInput_Is400NamingTheField_AndCreatesNothing(string body, string param)
    {
        var before = (await Http.GetAsync("/auth/api-keys", ApiServer.MasterKey)).Json.GetProperty("data").GetArrayLength();
        using var response = await Api.Client.PostAsync("auth/api-keys", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("param").GetString().Should().Be(param);
        (await Http.GetAsync("/auth/api-keys", ApiServer.MasterKey)).Json.GetProperty("data").GetArrayLength().Should().Be(before);
    }

    [TestCase("""{"rate_limit":"fast"}""")]
    [TestCase("""{"permissions":"inference"}""")]
    [TestCase("""{"expires_at":"next week"}""")]
    [TestCase("""[1,2]""")]
    [TestCase("""{"name":""")]
    public async Task Create_WrongTypeOrMalformed_Is400InTheEnvelope(string body)
    {
        using var response = await Api.Client.PostAsync("auth/api-keys", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");
    }

    [Test]
    public async Task WithoutAKey_Is401()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.GetAsync("auth/api-keys");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
