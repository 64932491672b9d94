using System.Net;
using LlmPlatform.Api.Tests.Admin;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Registers users of the gateway-user dialect on any node, for tests about what users do rather than about registering.</summary>
internal static class GatewayUsers
{
    /// <summary>Registers a new user with a fresh e-mail; returns the e-mail, the login's token and the user's id.</summary>
    public static async Task<(string Email, string Token, string UserId)> RegisterAsync(AdminHttp http, string password = "correct horse battery")
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var reply = await http.PostAsync("/v1/users/register", new { email, password }, "none");
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return (email, reply.Str("token"), reply.Json.GetProperty("user").GetProperty("id").GetString()!);
    }
}
