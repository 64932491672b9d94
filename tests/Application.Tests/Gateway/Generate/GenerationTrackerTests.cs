using LlmPlatform.Application.Gateway.Generate;

namespace LlmPlatform.Application.Tests.Gateway.Generate;

/// <summary>In-flight generations: owner-scoped, cancellable once, kept for a while after they end.</summary>
public sealed class GenerationTrackerTests
{
    [Test]
    public void Cancel_EndsARunningGeneration_AndCancelsItsToken()
    {
        var tracker = new GenerationTracker(new MovableClock());
        using var handle = tracker.Start("req_1", "user:a", "demo", CancellationToken.None);

        var cancelled = tracker.Cancel("req_1", "user:a");

        cancelled.Should().Be(new CancelledGeneration("req_1", true, GenerationStates.Cancelled));
        handle.Token.IsCancellationRequested.Should().BeTrue();
        handle.Fail("the upstream call was cancelled");
        tracker.Find("req_1", "user:a")!.Status.Should().Be(GenerationStates.Cancelled, "the first end wins");
        tracker.Cancel("req_1", "user:a")!.Cancelled.Should().BeFalse();
    }

    [Test]
    public void FailingAfterCompleting_ChangesNothing_AndAClientThatLeftCancels()
    {
        var tracker = new GenerationTracker(new MovableClock());
        var done = tracker.Start("req_1", "user:a", "demo", CancellationToken.None);
        done.Complete();
        done.Fail("ended without an answer");
        tracker.Find("req_1", "user:a")!.Status.Should().Be(GenerationStates.Completed);

        using var client = new CancellationTokenSource();
        using var left = tracker.Start("req_2", "user:a", "demo", client.Token);
        client.Cancel();
        left.Token.IsCancellationRequested.Should().BeTrue("leaving cancels the upstream call");
        left.Fail("ended without an answer");
        tracker.Find("req_2", "user:a")!.Status.Should().Be(GenerationStates.Cancelled);
    }

    [Test]
    public void AnotherOwner_SeesNothing_AndCannotCancel()
    {
        var tracker = new GenerationTracker(new MovableClock());
        using var handle = tracker.Start("req_1", "user:a", "demo", CancellationToken.None);

        tracker.Find("req_1", "user:b").Should().BeNull();
        tracker.Cancel("req_1", "user:b").Should().BeNull();
        handle.Token.IsCancellationRequested.Should().BeFalse();
    }

    [Test]
    public void ATakenRequestId_GetsAFreshOne()
    {
        var tracker = new GenerationTracker(new MovableClock());
        using var first = tracker.Start("req_1", "user:a", "demo", CancellationToken.None);
        using var second = tracker.Start("req_1", "user:b", "demo", CancellationToken.None);

        second.RequestId.Should().NotBe("req_1");
        tracker.Find("req_1", "user:a").Should().NotBeNull();
    }

    [Test]
    public void AnEndedGeneration_IsForgottenAfterTheRetention()
    {
        var clock = new MovableClock();
        var tracker = new GenerationTracker(clock);
        var handle = tracker.Start("req_1", "user:a", "demo", CancellationToken.None);
        handle.Complete();
        handle.Dispose();

        clock.Advance(GenerationTracker.Retention - TimeSpan.FromSeconds(1));
        using (tracker.Start("req_2", "user:a", "demo", CancellationToken.None))
        {
            tracker.Find("req_1", "user:a")!.Status.Should().Be(GenerationStates.Completed);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        using (tracker.Start("req_3", "user:a", "demo", CancellationToken.None))
        {
            tracker.Find("req_1", "user:a").Should().BeNull();
            tracker.Find("req_2", "user:a").Should().NotBeNull("a running generation is never forgotten");
        }
    }

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
