using System.Net;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Registration, login, profile and personal tokens of the gateway-user dialect.</summary>
public sealed class UserAccountTests : GatewayUserFixture
{
    [Test]
    public async Task Register_AnswersAKeyOfTheNewUser_ThatCallsTheGateway()
    {
        var (email, token, userId) = await RegisterAsync();

        var me = await Http.GetAsync("/v1/users/me", token);
        me.Status.Should().Be(HttpStatusCode.OK, me.Text);
        me.Str("id").Should().Be(userId);
        me.Str("email").Should().Be(email);

        var info = await Http.GetAsync("/user/info?user_id=" + userId, ApiServer.MasterKey);
        info.Status.Should().Be(HttpStatusCode.OK, info.Text);
        info.Json.GetProperty("user_info").GetProperty("user_email").GetString().Should().Be(email, "a gateway user is the admin API's user");

        var chat = await Http.PostAsync("/v1/chat/completions", new { model = "demo", messages = new[] { new { role = "user", content = "hi" } } }, token);
        chat.Status.Should().Be(HttpStatusCode.OK, chat.Text);
    }

    [Test]
    public async Task Login_WithTheRightPassword_AnswersANewDayLongKey()
    {
        var (email, first, _) = await RegisterAsync("s3cret-password");

        var login = await Http.PostAsync("/v1/users/login", new { email = email.ToUpperInvariant(), password = "s3cret-password" }, "none");
        login.Status.Should().Be(HttpStatusCode.OK, login.Text);
        var token = login.Str("token");
        token.Should().StartWith("sk-").And.NotBe(first);
        login.Json.GetProperty("user").GetProperty("email").GetString().Should().Be(email);

        var key = await Http.GetAsync("/key/info", token);
        key.Status.Should().Be(HttpStatusCode.OK, key.Text);
        var expires = key.Json.GetProperty("info").GetProperty("expires").GetDateTimeOffset();
        expires.Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(24), TimeSpan.FromMinutes(5));
    }

    [Test]
    public async Task Login_WithAWrongPasswordOrAnUnknownEmail_GetsTheSame401()
    {
        var (email, _, _) = await RegisterAsync();

        var wrong = await Http.PostAsync("/v1/users/login", new { email, password = "not the password" }, "none");
        var unknown = await Http.PostAsync("/v1/users/login", new { email = "nobody-" + Guid.NewGuid().ToString("N") + "@example.com", password = "not the password" }, "none");

        wrong.Status.Should().Be(HttpStatusCode.Unauthorized, wrong.Text);
        unknown.Status.Should().Be(HttpStatusCode.Unauthorized, unknown.Text);
        wrong.Json.GetProperty("error").GetProperty("message").GetString()
            .Should().Be(unknown.Json.GetProperty("error").GetProperty("message").GetString());
        wrong.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("invalid_credentials");
    }

    [Test]
    public async Task Login_AfterTenFailuresForOneEmail_Is429UntilTheWindowEnds_EvenWithTheRightPassword()
    {
        var (email, _, _) = await RegisterAsync("the right password");

        for (var i = 0; i < 10; i++)
        {
            var wrong = await Http.PostAsync("/v1/users/login", new { email, password = "a wrong password " + i }, "none");
            wrong.Status.Should().Be(HttpStatusCode.Unauthorized, $"failure {i + 1} of 10 is still answered: {wrong.Text}");
        }

        var locked = await Http.PostAsync("/v1/users/login", new { email = email.ToUpperInvariant(), password = "the right password" }, "none");

        locked.Status.Should().Be(HttpStatusCode.TooManyRequests, locked.Text);
        locked.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("too_many_login_failures");
        locked.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));

        var (other, _, _) = await RegisterAsync("another password");
        var otherLogin = await Http.PostAsync("/v1/users/login", new { email = other, password = "another password" }, "none");
        otherLogin.Status.Should().Be(HttpStatusCode.OK, "the limit is per e-mail: " + otherLogin.Text);
    }

    [Test]
    public async Task Login_SuccessesDoNotCountAsFailures()
    {
        var (email, _, _) = await RegisterAsync("my password is long");

        for (var i = 0; i < 15; i++)
        {
            var login = await Http.PostAsync("/v1/users/login", new { email, password = "my password is long" }, "none");
            login.Status.Should().Be(HttpStatusCode.OK, $"login {i + 1}: {login.Text}");
        }
    }

    [Test]
    public async Task Token_WithOnlyTheReadScope_MayRead_ButNotCallOrChange()
    {
        var (_, session, _) = await RegisterAsync();
        var reader = (await Http.PostAsync("/v1/users/tokens", new { name = "dashboard", scopes = new[] { "read" } }, session)).Str("token");
        var writer = (await Http.PostAsync("/v1/users/tokens", new { name = "app", scopes = new[] { "read", "write" } }, session)).Str("token");
        var unscoped = (await Http.PostAsync("/v1/users/tokens", new { name = "plain" }, session)).Str("token");
        var chat = new { model = "demo", messages = new[] { new { role = "user", content = "hi" } } };

        (await Http.GetAsync("/v1/users/me", reader)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.GetAsync("/v1/sessions", reader)).Status.Should().Be(HttpStatusCode.OK);
        var refusedChat = await Http.PostAsync("/v1/chat/completions", chat, reader);
        var refusedGenerate = await Http.PostAsync("/v1/generate", new { model = "demo", input = new { prompt = "hi" } }, reader);
        var refusedToken = await Http.PostAsync("/v1/users/tokens", new { name = "escalate", scopes = new[] { "write" } }, reader);

        refusedChat.Status.Should().Be(HttpStatusCode.Forbidden, refusedChat.Text);
        refusedChat.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("insufficient_scope");
        refusedGenerate.Status.Should().Be(HttpStatusCode.Forbidden, refusedGenerate.Text);
        refusedToken.Status.Should().Be(HttpStatusCode.Forbidden, "a read-only token cannot make itself a writing one: " + refusedToken.Text);
        (await Http.PostAsync("/v1/chat/completions", chat, writer)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync("/v1/chat/completions", chat, unscoped)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Register_TheSameEmailTwice_IsAConflict()
    {
        var (email, _, _) = await RegisterAsync();

        var again = await Http.PostAsync("/v1/users/register", new { email = email.ToUpperInvariant(), password = "another password" }, "none");

        again.Status.Should().Be(HttpStatusCode.Conflict, again.Text);
        again.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("email_taken");
    }

    [TestCase("""{"email":"not-an-email","password":"long enough"}""", "email")]
    [TestCase("""{"email":"a@example.com","password":"short"}""", "password")]
    [TestCase("""{"password":"long enough"}""", "email")]
    [TestCase("""{"email":"a@example.com"}""", "password")]
    [TestCase("""{"email":5,"password":"long enough"}""", null)]
    public async Task Register_WithABadBody_Is400(string body, string? param)
    {
        var reply = await Http.PostAsync("/v1/users/register", body, "none");

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.ErrorType.Should().Be("invalid_request_error");
        if (param is not null)
        {
            reply.Text.Should().Contain(param);
        }
    }

    [Test]
    public async Task ThePassword_IsStoredOnlyAsASaltedSlowHash()
    {
        var (email, _, _) = await RegisterAsync("plain-text-password");

        await using var connection = new NpgsqlConnection(TestDatabaseConnection());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT password_hash FROM user_logins WHERE email = @e", connection);
        command.Parameters.AddWithValue("e", email);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        stored.Should().StartWith("pbkdf2-sha256$").And.NotContain("plain-text-password");
        int.Parse(stored.Split('$')[1], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(100_000);
    }

    [Test]
    public async Task PatchMe_ChangesTheDisplayName()
    {
        var (_, token, _) = await RegisterAsync();

        var patched = await SendAsync(HttpMethod.Patch, "/v1/users/me", new { display_name = "Ada" }, token);
        patched.Status.Should().Be(HttpStatusCode.OK, patched.Text);

        (await Http.GetAsync("/v1/users/me", token)).Str("display_name").Should().Be("Ada");
        var tooLong = await SendAsync(HttpMethod.Patch, "/v1/users/me", new { display_name = new string('x', 201) }, token);
        tooLong.Status.Should().Be(HttpStatusCode.BadRequest, tooLong.Text);
    }

    [Test]
    public async Task Me_WithAKeyOfNoUser_IsAClear403()
    {
        var key = await Http.PostAsync("/key/generate", new { }, ApiServer.MasterKey);

        var me = await Http.GetAsync("/v1/users/me", key.Str("key"));

        me.Status.Should().Be(HttpStatusCode.Forbidden, me.Text);
        me.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("no_user");
    }

    [Test]
    public async Task Tokens_AreKeysOfTheUser_ListedWithoutSecrets_AndRevocable()
    {
        var (_, session, userId) = await RegisterAsync();

        var created = await Http.PostAsync("/v1/users/tokens", new { name = "ci", scopes = new[] { "read", "write" }, expires_days = 30 }, session);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var secret = created.Str("token");
        var id = created.Json.GetProperty("info").GetProperty("id").GetString()!;
        created.Json.GetProperty("info").GetProperty("expires_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(5));
        (await Http.GetAsync("/v1/users/me", secret)).Str("id").Should().Be(userId, "a token acts for its user");

        var list = await Http.GetAsync("/v1/users/tokens", session);
        list.Status.Should().Be(HttpStatusCode.OK, list.Text);
        var tokens = list.Json.GetProperty("tokens").EnumerateArray().ToList();
        tokens.Should().ContainSingle("the login's own key is not a personal token");
        tokens[0].GetProperty("name").GetString().Should().Be("ci");
        tokens[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal("read", "write");
        list.Text.Should().NotContain(secret);

        var other = await RegisterAsync();
        (await SendAsync(HttpMethod.Delete, "/v1/users/tokens/" + id, null, other.Token)).Status.Should().Be(HttpStatusCode.NotFound, "another user's token is not found");

        var revoked = await SendAsync(HttpMethod.Delete, "/v1/users/tokens/" + id, null, session);
        revoked.Status.Should().Be(HttpStatusCode.OK, revoked.Text);
        (await Http.GetAsync("/v1/users/me", secret)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(HttpMethod.Delete, "/v1/users/tokens/" + id, null, session)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase("""{"expires_days":0}""")]
    [TestCase("""{"expires_days":"soon"}""")]
    [TestCase("""{"scopes":[""]}""")]
    [TestCase("""{"scopes":"read"}""")]
    public async Task CreateToken_WithABadBody_Is400(string body)
    {
        var (_, session, _) = await RegisterAsync();

        var reply = await Http.PostAsync("/v1/users/tokens", body, session);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
    }

    private string TestDatabaseConnection() => LlmPlatform.Infrastructure.Persistence.ConnectionStrings.ToNpgsql(Api.DatabaseUrl);
}
