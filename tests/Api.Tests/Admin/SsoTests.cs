using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Web;
using LlmPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>
/// Seed 000's <c>/sso/login</c> and <c>/sso/callback</c> against a real HTTP identity provider that speaks the OpenID
/// Connect authorization-code flow (token and user-info endpoints).
/// </summary>
public sealed class SsoTests
{
    private const string ClientId = "llmplatform-client";
    private const string ClientSecret = "idp-client-secret-0123456789";
    private const string GoodCode = "good-code";
    private const string AccessToken = "idp-access-token";
    private const string CodeWithoutUser = "code-without-user";

    private readonly ConcurrentQueue<IFormCollection> _tokenRequests = new();
    private WebApplication _idp = null!;
    private ApiServer _api = null!;
    private string _idpBase = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _idp = builder.Build();
        _idp.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            _tokenRequests.Enqueue(form);
            var valid = form["grant_type"] == "authorization_code" && form["code"] == GoodCode && form["client_id"] == ClientId
                && form["client_secret"] == ClientSecret && form["redirect_uri"] == "http://gateway.example/sso/callback";
            if (form["code"] == CodeWithoutUser)
            {
                // A token the user-info endpoint does not know: the provider's own failure, after the code was taken.
                return Results.Json(new { access_token = "orphan-token", token_type = "Bearer" });
            }

            return valid
                ? Results.Json(new { access_token = AccessToken, token_type = "Bearer" })
                : Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        });
        _idp.MapGet("/userinfo", (HttpContext context) =>
            context.Request.Headers.Authorization == "Bearer " + AccessToken
                ? Results.Json(new { sub = "sso-user-1", email = "ada@example.com", name = "Ada" })
                : Results.StatusCode(401));
        await _idp.StartAsync();
        _idpBase = _idp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _api = await ApiServer.StartAsync(
            """
            model_list:
              - model_name: demo
                litellm_params:
                  model: mock/demo-model
            """,
            environment: new Dictionary<string, string?>
            {
                ["GENERIC_CLIENT_ID"] = ClientId,
                ["GENERIC_CLIENT_SECRET"] = ClientSecret,
                ["GENERIC_AUTHORIZATION_ENDPOINT"] = _idpBase + "/authorize",
                ["GENERIC_TOKEN_ENDPOINT"] = _idpBase + "/token",
                ["GENERIC_USERINFO_ENDPOINT"] = _idpBase + "/userinfo",
                ["PROXY_BASE_URL"] = "http://gateway.example/",
            });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Test]
    public async Task Login_RedirectsToTheProvider_WithClientRedirectUriAndState()
    {
        var location = await LoginAsync();

        location.GetLeftPart(UriPartial.Path).Should().Be(_idpBase + "/authorize");
        var query = HttpUtility.ParseQueryString(location.Query);
        query["response_type"].Should().Be("code");
        query["client_id"].Should().Be(ClientId);
        query["redirect_uri"].Should().Be("http://gateway.example/sso/callback");
        query["scope"].Should().Be("openid email profile");
        query["state"].Should().NotBeNullOrEmpty();
        location.ToString().Should().NotContain(ClientSecret);
    }

    [Test]
    public async Task Callback_WithTheProvidersCode_CreatesTheUser_AndAnswersAKeyThatWorks()
    {
        using var first = await CallbackAsync(GoodCode, await StateAsync());
        var text = await first.Content.ReadAsStringAsync();
        first.StatusCode.Should().Be(HttpStatusCode.OK, text);
        using var login = JsonDocument.Parse(text);
        var token = login.RootElement.GetProperty("token").GetString()!;
        var info = login.RootElement.GetProperty("user_info");
        info.GetProperty("user_id").GetString().Should().Be("sso-user-1");
        info.GetProperty("user_email").GetString().Should().Be("ada@example.com");
        info.GetProperty("user_role").GetString().Should().Be("internal_user");

        (await Gateway.StatusAsync(_api.Client, token, "demo")).Should().Be(HttpStatusCode.OK);
        var keyInfo = await new AdminHttp(_api.Client).GetAsync("/key/info", token);
        keyInfo.Json.GetProperty("info").GetProperty("user_id").GetString().Should().Be("sso-user-1");
        keyInfo.Json.GetProperty("info").GetProperty("expires").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromMinutes(5));

        using var second = await CallbackAsync(GoodCode, await StateAsync());
        second.StatusCode.Should().Be(HttpStatusCode.OK, "a second login finds the same user");
        using var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        again.RootElement.GetProperty("user_info").GetProperty("user_id").GetString().Should().Be("sso-user-1");
        again.RootElement.GetProperty("token").GetString().Should().NotBe(token);
    }

    [TestCase(null)]
    [TestCase("not-a-state")]
    [TestCase("9999999999.00.c2lnbmF0dXJl")]
    public async Task Callback_WithoutAStateThisGatewayIssued_Is400_AndAsksTheProviderNothing(string? state)
    {
        var before = _tokenRequests.Count;

        using var response = await CallbackAsync(GoodCode, state);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).GetProperty("code").GetString().Should().Be("invalid_state");
        _tokenRequests.Count.Should().Be(before);
    }

    [Test]
    public async Task Callback_WithATamperedState_Is400()
    {
        var state = await StateAsync();
        var tampered = (state[0] == '9' ? "8" : "9") + state[1..];

        using var response = await CallbackAsync(GoodCode, tampered);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Callback_WhenTheProviderRefusesTheCode_Is401AndCreatesNoKey()
    {
        using var response = await CallbackAsync("stolen-code", await StateAsync());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var error = await ErrorOf(response);
        error.GetProperty("type").GetString().Should().Be("authentication_error");
        error.GetProperty("message").GetString().Should().NotContain(ClientSecret);
    }

    [Test]
    public async Task Callback_WhenTheProviderFailsToSayWhoLoggedIn_Is502AndCreatesNoUser()
    {
        using var response = await CallbackAsync(CodeWithoutUser, await StateAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await ErrorOf(response)).GetProperty("code").GetString().Should().Be("sso_provider_error");
    }

    [Test]
    public async Task Callback_WithTheProvidersErrorAnswer_Is401()
    {
        using var response = await _api.Client.GetAsync("sso/callback?error=access_denied&state=" + Uri.EscapeDataString(await StateAsync()));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Callback_WithoutACode_Is400MissingParameter()
    {
        using var response = await CallbackAsync(null, await StateAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).GetProperty("code").GetString().Should().Be("missing_parameter");
    }

    [Test]
    public async Task WithoutSsoConfigured_BothAre404()
    {
        await using var plain = await ApiServer.StartAsync("model_list: []\n");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = plain.BaseUri };

        (await anonymous.GetAsync("sso/login")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("sso/callback?code=x&state=y")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").Clone();
    }

    private async Task<Uri> LoginAsync()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _api.BaseUri };
        using var response = await anonymous.GetAsync("sso/login");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return response.Headers.Location!;
    }

    private async Task<string> StateAsync() => HttpUtility.ParseQueryString((await LoginAsync()).Query)["state"]!;

    private async Task<HttpResponseMessage> CallbackAsync(string? code, string? state)
    {
        using var anonymous = new HttpClient { BaseAddress = _api.BaseUri };
        var query = string.Join('&', new[] { ("code", code), ("state", state) }.Where(p => p.Item2 is not null).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
        return await anonymous.GetAsync("sso/callback?" + query);
    }
}
