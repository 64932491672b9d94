using LlmPlatform.Api.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>
/// The process's socket defaults, and what keeps a logging or request thread from waiting. The runtime reads its
/// switch once, when the first socket is made, so changing the variable here (long after that) changes nothing for
/// this process; each test restores it. The two option checks share one API.
/// </summary>
[NonParallelizable]
public sealed class SocketDefaultsTests
{
    private string? _saved;
    private TestSupport.ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await TestSupport.ApiServer.StartAsync(TestSupport.ApiServer.MockDemoConfig);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [SetUp]
    public void Save() => _saved = Environment.GetEnvironmentVariable(SocketDefaults.InlineCompletions);

    [TearDown]
    public void Restore() => Environment.SetEnvironmentVariable(SocketDefaults.InlineCompletions, _saved);

    [TestCase(null)]
    [TestCase("0")]
    [TestCase("false")]
    [TestCase("yes please")]
    public void Apply_WhenTheOperatorDidNotTurnThemOn_TurnsThemOffAndRefusesNothing(string? requested)
    {
        Environment.SetEnvironmentVariable(SocketDefaults.InlineCompletions, requested);

        SocketDefaults.Apply().Should().BeNull("the runtime would not have read {0} as on, so nothing was refused", requested);

        Environment.GetEnvironmentVariable(SocketDefaults.InlineCompletions).Should().Be("0");
    }

    [TestCase("1")]
    [TestCase("true")]
    [TestCase("TRUE")]
    public void Apply_WhenTheOperatorTurnedThemOn_TurnsThemOffAndSaysWhatItRefused(string requested)
    {
        Environment.SetEnvironmentVariable(SocketDefaults.InlineCompletions, requested);

        SocketDefaults.Apply().Should().Be(requested);

        Environment.GetEnvironmentVariable(SocketDefaults.InlineCompletions).Should().Be("0");
    }

    [Test]
    public void Kestrel_RunsRequestsOnTheThreadThatReadThem()
    {
        _api.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling.Should().BeTrue();
    }

    [Test]
    public void ConsoleLogger_WhenItsQueueIsFull_DropsLinesRatherThanWait()
    {
        _api.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.QueueFullMode.Should().Be(ConsoleLoggerQueueFullMode.DropWrite);
    }
}
