using LlmPlatform.Application.Configuration;
using LlmPlatform.Infrastructure.Webhooks;

namespace LlmPlatform.Infrastructure.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    [TestCase(1, 10)]
    [TestCase(2, 30)]
    [TestCase(3, 60)]
    [TestCase(4, 300)]
    [TestCase(5, 900)]
    [TestCase(6, 3600)]
    [TestCase(20, 3600)]
    public void DelayAfter_WithTheDefaultBase_FollowsTheScheduleWithin20PercentJitter(int attempt, int seconds)
    {
        var schedule = new WebhookRetrySchedule(new PlatformConfiguration { Deployments = [] });

        var delays = Enumerable.Range(0, 50).Select(_ => schedule.DelayAfter(attempt).TotalSeconds).ToList();

        delays.Should().OnlyContain(d => d >= seconds * 0.8 && d <= seconds * 1.2);
        schedule.Window.Should().Be(TimeSpan.FromHours(24));
    }

    [Test]
    public void DelayAfter_WithAShortBase_ScalesEveryStepAndPollsFaster()
    {
        var configuration = new PlatformConfiguration
        {
            Deployments = [],
            General = new GeneralSettings { Webhooks = new WebhookSettings { RetryBaseDelay = TimeSpan.FromMilliseconds(200) } },
        };
        var schedule = new WebhookRetrySchedule(configuration);

        schedule.DelayAfter(2).TotalMilliseconds.Should().BeInRange(480, 720);
        schedule.PollInterval.Should().Be(TimeSpan.FromMilliseconds(200));
    }
}
