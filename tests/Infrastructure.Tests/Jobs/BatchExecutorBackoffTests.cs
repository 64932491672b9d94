using LlmPlatform.Infrastructure.Jobs;

namespace LlmPlatform.Infrastructure.Tests.Jobs;

public sealed class BatchExecutorBackoffTests
{
    [TestCase(1, 500)]
    [TestCase(2, 1000)]
    [TestCase(4, 4000)]
    [TestCase(7, 30_000)]
    [TestCase(1000, 30_000)]
    public void FailureBackoff_DoublesFromThePollIntervalUpToThirtySeconds(int failures, int milliseconds) =>
        BatchExecutor.FailureBackoff(failures).Should().Be(TimeSpan.FromMilliseconds(milliseconds));
}
