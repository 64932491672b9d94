using System.Net;
using System.Text;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Registrations per client address, limited so that nobody can make the gateway compute password hashes without end.</summary>
public sealed class RegistrationLimitTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          register_max_per_ip: 3
        """;

    [Test]
    public async Task Register_MoreThanTheLimitFromOneAddress_Is429_AndRefusedAttemptsCountToo()
    {
        var email = $"limited-{Guid.NewGuid():N}@example.com";
        var first = await Http.PostAsync("/v1/users/register", new { email, password = "long enough password" }, "none");
        var taken = await Http.PostAsync("/v1/users/register", new { email, password = "long enough password" }, "none");
        var second = await Http.PostAsync("/v1/users/register", new { email = $"limited-{Guid.NewGuid():N}@example.com", password = "long enough password" }, "none");

        var fourth = await Http.PostAsync("/v1/users/register", new { email = $"limited-{Guid.NewGuid():N}@example.com", password = "long enough password" }, "none");

        first.Status.Should().Be(HttpStatusCode.OK, first.Text);
        taken.Status.Should().Be(HttpStatusCode.Conflict, taken.Text);
        second.Status.Should().Be(HttpStatusCode.OK, second.Text);
        fourth.Status.Should().Be(HttpStatusCode.TooManyRequests, fourth.Text);
        fourth.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("too_many_registrations");
        fourth.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));

        var forged = await RegisterFromAsync(Api.Client, "203.0.113.99");
        forged.Should().Be(HttpStatusCode.TooManyRequests, "X-Forwarded-For is not believed when no proxy is trusted");

        var login = await Http.PostAsync("/v1/users/login", new { email, password = "long enough password" }, "none");
        login.Status.Should().Be(HttpStatusCode.OK, "registrations and logins are counted apart: " + login.Text);
    }

    /// <summary>Registers a fresh e-mail with an <c>X-Forwarded-For</c> naming <paramref name="forwardedFor"/>.</summary>
    internal static async Task<HttpStatusCode> RegisterFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/users/register")
        {
            Content = new StringContent($$"""{"email":"fwd-{{Guid.NewGuid():N}}@example.com","password":"long enough password"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>Behind a trusted proxy, registrations are counted per address the proxy names.</summary>
public sealed class RegistrationLimitBehindProxyTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          register_max_per_ip: 2
          trusted_proxies: ["127.0.0.0/8", "::1"]
        """;

    [Test]
    public async Task Register_IsCountedPerForwardedAddress_TakingTheRightMostUntrustedOne()
    {
        var client = Api.Client;

        (await RegistrationLimitTests.RegisterFromAsync(client, "198.51.100.1")).Should().Be(HttpStatusCode.OK);
        (await RegistrationLimitTests.RegisterFromAsync(client, "192.0.2.50, 198.51.100.1")).Should().Be(HttpStatusCode.OK, "a client cannot pick its address by prepending one");
        (await RegistrationLimitTests.RegisterFromAsync(client, "198.51.100.1")).Should().Be(HttpStatusCode.TooManyRequests, "that address used its two");
        (await RegistrationLimitTests.RegisterFromAsync(client, "198.51.100.1, 127.0.0.1")).Should().Be(HttpStatusCode.TooManyRequests, "a second trusted hop leads to the same client");

        (await RegistrationLimitTests.RegisterFromAsync(client, "198.51.100.2")).Should().Be(HttpStatusCode.OK, "another client behind the proxy has its own count");
    }
}
