using System.ClientModel;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>/credentials/*: encrypted at rest, masked in every answer, resolved by deployments without a restart.</summary>
public sealed class CredentialEndpointsTests
{
    private const string EncryptionKey = "credential-tests-encryption-key";
    private const string FileCredentialKey = "sk-from-the-file-credential-9876";

    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        var config = $"""
            model_list:
              - model_name: via-credential
                litellm_params:
                  model: openai/gpt-fake
                  api_base: {_fake.BaseUrl}/v1
                  litellm_credential_name: upstream-cred
                model_info:
                  id: via-credential-1
              - model_name: via-file-credential
                litellm_params:
                  model: openai/gpt-fake
                  api_base: {_fake.BaseUrl}/v1
                  litellm_credential_name: file-cred
            credential_list:
              - credential_name: file-cred
                credential_values:
                  api_key: os.environ/FILE_CRED_KEY
                credential_info:
                  description: from the file
            """;
        _api = await ApiServer.StartAsync(config, environment: new Dictionary<string, string?>
        {
            ["LLMPLATFORM_ENCRYPTION_KEY"] = EncryptionKey,
            ["FILE_CRED_KEY"] = FileCredentialKey,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task Credentials_RoundTrip_StoresCiphertextAndNeverReturnsTheSecret()
    {
        const string secret = "sk-roundtrip-secret-0123456789";
        var created = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", $$$"""
            {"credential_name":"round-trip","credential_values":{"api_key":"{{{secret}}}","api_base":"https://up.example/v1"},
             "credential_info":{"custom_llm_provider":"openai"}}
            """);
        created.Status.Should().Be(200, created.Body);
        CatalogAdminHttp.Json(created.Body).GetProperty("success").GetBoolean().Should().BeTrue();

        var list = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/list");
        var byQuery = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info?credential_name=round-trip");
        var byPath = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info/round-trip");
        foreach (var answer in new[] { created, list, byQuery, byPath })
        {
            answer.Status.Should().Be(200);
            answer.Body.Should().NotContain(secret);
        }

        // Seed 000 answers /credentials/list with a bare array of credentials.
        var listed = CatalogAdminHttp.Json(list.Body).EnumerateArray().Single(c => c.GetProperty("credential_name").GetString() == "round-trip");
        listed.GetProperty("credential_id").GetString().Should().Be("round-trip");
        listed.GetProperty("credential_values").GetProperty("api_key").GetString().Should().Be("sk-...6789");
        listed.GetProperty("credential_values").GetProperty("api_base").GetString().Should().Be("https://up.example/v1");
        listed.GetProperty("credential_info").GetProperty("custom_llm_provider").GetString().Should().Be("openai");
        CatalogAdminHttp.Json(byPath.Body).GetProperty("credential_values").GetProperty("api_key").GetString().Should().Be("sk-...6789");

        var stored = await CatalogAdminHttp.ScalarTextAsync(_api.DatabaseUrl, "SELECT credential_values::text FROM credentials WHERE credential_name = @p", "round-trip");
        stored.Should().NotBeNull().And.Contain("api_key").And.NotContain(secret).And.NotContain("up.example");

        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info?credential_id=round-trip")).Status.Should().Be(200);
        var deleted = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Delete, "/credentials/delete", """{"credential_name":"round-trip"}""");
        deleted.Status.Should().Be(200, deleted.Body);
        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info?credential_name=round-trip")).Status.Should().Be(404);
    }

    [Test]
    public async Task Deployment_NamingACredential_UsesItsKeyAndPicksUpAnUpdateWithoutRestart()
    {
        const string first = "sk-first-upstream-key-000111";
        const string second = "sk-second-upstream-key-222333";
        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", $$$"""
            {"credential_name":"upstream-cred","credential_values":{"api_key":"{{{first}}}"}}
            """)).Status.Should().Be(200);

        await ChatAsync();
        LastAuthorization().Should().Be("Bearer " + first);

        var updated = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Patch, "/credentials/update", $$$"""
            {"credential_name":"upstream-cred","credential_values":{"api_key":"{{{second}}}"}}
            """);
        updated.Status.Should().Be(200, updated.Body);

        await ChatAsync();
        LastAuthorization().Should().Be("Bearer " + second);
    }

    [Test]
    public async Task Create_WithBadInput_Answers4xxInTheEnvelopeAndKeepsWhatIsStored()
    {
        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", """{"credential_name":"keep-me","credential_values":{"api_key":"sk-keep-me-0000000000"}}""")).Status.Should().Be(200);

        var missingName = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", """{"credential_values":{"api_key":"x"}}""");
        missingName.Status.Should().Be(400);
        CatalogAdminHttp.Json(missingName.Body).GetProperty("error").GetProperty("param").GetString().Should().Be("credential_name");

        var noValues = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", """{"credential_name":"empty"}""");
        noValues.Status.Should().Be(400);
        CatalogAdminHttp.Json(noValues.Body).GetProperty("error").GetProperty("param").GetString().Should().Be("credential_values");

        var malformed = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", """{"credential_name": """);
        malformed.Status.Should().Be(400);
        CatalogAdminHttp.Json(malformed.Body).GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");

        var badInfo = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", """{"credential_name":"x","credential_values":{"api_key":"k"},"credential_info":"text"}""");
        badInfo.Status.Should().Be(400);

        var duplicate = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials/new", """{"credential_name":"keep-me","credential_values":{"api_key":"sk-overwrite-attempt-1"}}""");
        duplicate.Status.Should().Be(409);

        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Patch, "/credentials/update", """{"credential_name":"no-such","credential_values":{"api_key":"k"}}""")).Status.Should().Be(404);
        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Delete, "/credentials/delete?credential_name=no-such")).Status.Should().Be(404);

        var seedShape = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Post, "/credentials", """{"name":"seed-shape","provider":"azure","credential_values":{"api_key":"sk-seed-shape-000000"}}""");
        seedShape.Status.Should().Be(200, seedShape.Body);
        var seedInfo = CatalogAdminHttp.Json((await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/by_name/seed-shape")).Body);
        seedInfo.GetProperty("credential_info").GetProperty("custom_llm_provider").GetString().Should().Be("azure");
        seedInfo.GetProperty("provider").GetString().Should().Be("azure");

        var kept = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info/keep-me");
        kept.Status.Should().Be(200);
        CatalogAdminHttp.Json(kept.Body).GetProperty("credential_values").GetProperty("api_key").GetString().Should().Be("sk-...0000");
    }

    [Test]
    public async Task AdminEndpoints_WithoutKeyOrAsNonAdmin_Answer401And403()
    {
        using var anonymous = new HttpClient { BaseAddress = _api.BaseUri };
        (await CatalogAdminHttp.SendAsync(anonymous, HttpMethod.Get, "/credentials/list")).Status.Should().Be(401);

        var userKey = await CatalogAdminHttp.CreateNonAdminKeyAsync(_api.DatabaseUrl);
        var calls = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, "/credentials/list", null),
            (HttpMethod.Post, "/credentials/new", """{"credential_name":"u","credential_values":{"api_key":"k"}}"""),
            (HttpMethod.Post, "/model/new", """{"model_name":"u","litellm_params":{"model":"mock/u"}}"""),
            (HttpMethod.Post, "/model/delete", """{"id":"via-credential-1"}"""),
            (HttpMethod.Get, "/router/settings", null),
            (HttpMethod.Patch, "/router/settings", """{"num_retries":0}"""),
        };
        foreach (var (method, path, body) in calls)
        {
            var answer = await CatalogAdminHttp.SendAsync(_api.Client, method, path, body, userKey);
            answer.Status.Should().Be(403, $"{method} {path}");
            CatalogAdminHttp.Json(answer.Body).GetProperty("error").GetProperty("type").GetString().Should().Be("permission_error");
        }

        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info/u")).Status.Should().Be(404);
    }

    [Test]
    public async Task Create_WithoutEncryptionKey_IsRefusedWithAClearMessage()
    {
        await using var keyless = await ApiServer.StartAsync("model_list: []");

        var answer = await CatalogAdminHttp.SendAsync(keyless.Client, HttpMethod.Post, "/credentials/new", """{"credential_name":"c","credential_values":{"api_key":"sk-no-key-stored-00000"}}""");

        answer.Status.Should().Be(400);
        CatalogAdminHttp.Json(answer.Body).GetProperty("error").GetProperty("message").GetString().Should().Contain("encryption key");
        (await CatalogAdminHttp.SendAsync(keyless.Client, HttpMethod.Get, "/credentials/list")).Body.Should().NotContain("\"c\"");
    }

    [Test]
    public async Task FileCredential_IsUsedByItsDeploymentListedMaskedAndReadOnly()
    {
        await ChatAsync("via-file-credential");
        LastAuthorization().Should().Be("Bearer " + FileCredentialKey);

        var info = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/credentials/info/file-cred");
        info.Status.Should().Be(200);
        info.Body.Should().NotContain(FileCredentialKey).And.Contain("sk-...9876").And.Contain("from the file");

        var update = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Patch, "/credentials/update", """{"credential_name":"file-cred","credential_values":{"api_key":"sk-replaced-000000"}}""");
        update.Status.Should().Be(400);
        (await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Delete, "/credentials/file-cred")).Status.Should().Be(400);

        await ChatAsync("via-file-credential");
        LastAuthorization().Should().Be("Bearer " + FileCredentialKey);
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheRunTimeConfigurationEndpoints()
    {
        var document = await CatalogAdminHttp.SendAsync(_api.Client, HttpMethod.Get, "/openapi.json");

        document.Status.Should().Be(200);
        var paths = CatalogAdminHttp.Json(document.Body).GetProperty("paths");
        foreach (var path in new[] { "/credentials/new", "/credentials/list", "/credentials/info", "/credentials/update", "/credentials/delete", "/model/new", "/model/info", "/v1/model/info", "/model/update", "/model/{modelId}/update", "/model/delete", "/model_group/info", "/router/settings" })
        {
            paths.TryGetProperty(path, out _).Should().BeTrue(path);
        }
    }

    private async Task ChatAsync(string model = "via-credential")
    {
        var client = new ChatClient(model, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = _api.OpenAiEndpoint });
        var completion = (await client.CompleteChatAsync([new UserChatMessage("hello")])).Value;
        completion.Content.Should().NotBeEmpty();
    }

    private string? LastAuthorization() =>
        _fake.Script.Received.Last(r => r.Route == Routes.OpenAiChat).Headers.GetValueOrDefault("authorization");
}
