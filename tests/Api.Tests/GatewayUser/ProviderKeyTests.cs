using System.Net;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Bring-your-own provider keys: stored encrypted, listed masked, deleted by provider, each user's own.</summary>
public sealed class ProviderKeyTests : GatewayUserFixture
{
    private const string Secret = "sk-byok-0123456789abcdefghijklmnopqrstuv";

    [Test]
    public async Task AProviderKey_IsStoredEncrypted_AndShownOnlyMasked()
    {
        var (_, token, userId) = await RegisterAsync();

        var added = await Http.PostAsync("/v1/users/provider-keys", new { provider = "openai", api_key = Secret }, token);
        added.Status.Should().Be(HttpStatusCode.OK, added.Text);
        added.Text.Should().NotContain(Secret);
        added.Str("masked_key").Should().Be("sk-...stuv");

        var list = await Http.GetAsync("/v1/users/provider-keys", token);
        list.Text.Should().NotContain(Secret);
        list.Json.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("provider").GetString()).Should().Equal("openai");

        await using var connection = new NpgsqlConnection(ConnectionStrings.ToNpgsql(Api.DatabaseUrl));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT encrypted_key FROM user_provider_keys WHERE user_id = @u", connection);
        command.Parameters.AddWithValue("u", userId);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        stored.Should().NotContain("byok").And.NotBeNullOrEmpty();

        var other = await RegisterAsync();
        (await Http.GetAsync("/v1/users/provider-keys", other.Token)).Json.GetProperty("keys").GetArrayLength().Should().Be(0);
        (await SendAsync(HttpMethod.Delete, "/v1/users/provider-keys/openai", null, other.Token)).Status.Should().Be(HttpStatusCode.NotFound);

        (await SendAsync(HttpMethod.Delete, "/v1/users/provider-keys/openai", null, token)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.GetAsync("/v1/users/provider-keys", token)).Json.GetProperty("keys").GetArrayLength().Should().Be(0);
        (await SendAsync(HttpMethod.Delete, "/v1/users/provider-keys/openai", null, token)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AddingAgain_ReplacesTheKey()
    {
        var (_, token, _) = await RegisterAsync();
        await Http.PostAsync("/v1/users/provider-keys", new { provider = "anthropic", api_key = "sk-ant-first-key-000000000001" }, token);

        var replaced = await Http.PostAsync("/v1/users/provider-keys", new { provider = "anthropic", api_key = "sk-ant-second-key-00000000002" }, token);

        replaced.Str("masked_key").Should().EndWith("0002");
        (await Http.GetAsync("/v1/users/provider-keys", token)).Json.GetProperty("keys").GetArrayLength().Should().Be(1);
    }

    [TestCase("""{"provider":"openai"}""")]
    [TestCase("""{"api_key":"sk-x"}""")]
    [TestCase("""{"provider":"Open AI!","api_key":"sk-x"}""")]
    [TestCase("""{"provider":"openai","api_key":"sk-x","credential_type":"oauth_token"}""")]
    [TestCase("""{"provider":["openai"],"api_key":"sk-x"}""")]
    public async Task ABadBody_Is400(string body)
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.PostAsync("/v1/users/provider-keys", body, token);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
    }
}
