using System.Net;
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

        var login = await Http.PostAsync("/v1/users/login", new { email, password = "long enough password" }, "none");
        login.Status.Should().Be(HttpStatusCode.OK, "registrations and logins are counted apart: " + login.Text);
    }
}
