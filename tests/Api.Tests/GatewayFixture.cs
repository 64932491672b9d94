using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests;

/// <summary>A fake upstream and the real gateway configured against it, shared by one fixture's tests.</summary>
public abstract class GatewayFixture
{
    protected FakeUpstreamServer Fake { get; private set; } = null!;

    protected ApiServer Api { get; private set; } = null!;

    /// <summary>The gateway's configuration file, given the fake's base URL.</summary>
    protected abstract string Config(string fakeBaseUrl);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Fake = await FakeUpstreamServer.StartAsync();
        Api = await ApiServer.StartAsync(Config(Fake.BaseUrl));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Api.DisposeAsync();
        await Fake.DisposeAsync();
    }

    protected async Task<HttpResponseMessage> PostAsync(string path, string body) =>
        await Api.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    protected async Task<JsonDocument> PostOkAsync(string path, string body)
    {
        using var response = await PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    /// <summary>Posts a bad body and checks the status and the <c>param</c> of the OpenAI error envelope.</summary>
    protected async Task ExpectErrorAsync(string path, string body, HttpStatusCode status, string param)
    {
        using var response = await PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        using var error = JsonDocument.Parse(text);
        error.RootElement.GetProperty("error").GetProperty("param").GetString().Should().Be(param);
    }

    /// <summary>Posts a body and returns the spend rows its request id produced.</summary>
    protected async Task<IReadOnlyList<(string CallType, string Status)>> SpendRowsAsync(string path, string body, HttpStatusCode status)
    {
        using var response = await PostAsync(path, body);
        response.StatusCode.Should().Be(status);
        return await SpendLogProbe.RowsAsync(Api, response.Headers.GetValues("x-request-id").Single());
    }
}
