using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>An API server with mock models and an encryption key, and helpers to register users of the gateway-user dialect.</summary>
public abstract class GatewayUserFixture : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
          - model_name: slow
            litellm_params:
              model: mock/slow-model
              mock_latency: 5000
          - model_name: other
            litellm_params:
              model: mock/other-model
        general_settings:
          encryption_key: gateway-user-tests-encryption-key
        """;

    /// <summary>Registers a new user with a fresh e-mail; returns the e-mail, the login's token and the user's id.</summary>
    private protected Task<(string Email, string Token, string UserId)> RegisterAsync(string password = "correct horse battery") =>
        GatewayUsers.RegisterAsync(Http, password);

    private protected Task<AdminHttp.Reply> SendAsync(HttpMethod method, string path, object? body, string key) =>
        Http.SendAsync(method, path, body, key);
}
