using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests;

/// <summary>One API server for a fixture's tests, started from <see cref="Config"/>, with an admin HTTP helper.</summary>
public abstract class AdminApiFixture
{
    protected ApiServer Api { get; private set; } = null!;

    private protected AdminHttp Http { get; private set; } = null!;

    /// <summary>The configuration file the server starts with.</summary>
    protected abstract string Config { get; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Api = await ApiServer.StartAsync(Config);
        Http = new AdminHttp(Api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await Api.DisposeAsync();
}
