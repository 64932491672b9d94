using System.Collections.Concurrent;
using LlmPlatform.Application.Gateway.Generate;

namespace LlmPlatform.Application.Tests.Gateway.Generate;

/// <summary>In-flight generations: owner-scoped, cancellable once, kept for a while after they end, seen from every node.</summary>
public sealed class GenerationTrackerTests
{
    [Test]
    public async Task Cancel_EndsARunningGeneration_AndCancelsItsToken()
    {
        var tracker = new GenerationTracker(new SharedDirectory(), new MovableClock());
        using var handle = await tracker.StartAsync("req_1", "user:a", "demo", CancellationToken.None);

        var cancelled = await tracker.CancelAsync("req_1", "user:a", CancellationToken.None);

        cancelled.Should().Be(new CancelledGeneration("req_1", true, GenerationStates.Cancelled));
        handle.Token.IsCancellationRequested.Should().BeTrue();
        handle.Fail("the upstream call was cancelled");
        (await tracker.FindAsync("req_1", "user:a", CancellationToken.None))!.Status.Should().Be(GenerationStates.Cancelled, "the first end wins");
        (await tracker.CancelAsync("req_1", "user:a", CancellationToken.None))!.Cancelled.Should().BeFalse();
    }

    [Test]
    public async Task FailingAfterCompleting_ChangesNothing_AndAClientThatLeftCancels()
    {
        var tracker = new GenerationTracker(new SharedDirectory(), new MovableClock());
        var done = await tracker.StartAsync("req_1", "user:a", "demo", CancellationToken.None);
        done.Complete();
        done.Fail("ended without an answer");
        (await tracker.FindAsync("req_1", "user:a", CancellationToken.None))!.Status.Should().Be(GenerationStates.Completed);

        using var client = new CancellationTokenSource();
        using var left = await tracker.StartAsync("req_2", "user:a", "demo", client.Token);
        client.Cancel();
        left.Token.IsCancellationRequested.Should().BeTrue("leaving cancels the upstream call");
        left.Fail("ended without an answer");
        (await tracker.FindAsync("req_2", "user:a", CancellationToken.None))!.Status.Should().Be(GenerationStates.Cancelled);
    }

    [Test]
    public async Task AnotherOwner_SeesNothing_AndCannotCancel_OnAnyNode()
    {
        var directory = new SharedDirectory();
        var here = new GenerationTracker(directory, new MovableClock());
        var there = new GenerationTracker(directory, new MovableClock());
        using var handle = await here.StartAsync("req_1", "user:a", "demo", CancellationToken.None);

        foreach (var node in new[] { here, there })
        {
            (await node.FindAsync("req_1", "user:b", CancellationToken.None)).Should().BeNull();
            (await node.CancelAsync("req_1", "user:b", CancellationToken.None)).Should().BeNull();
        }

        handle.Token.IsCancellationRequested.Should().BeFalse();
    }

    [Test]
    public async Task ATakenRequestId_GetsAFreshOne()
    {
        var tracker = new GenerationTracker(new SharedDirectory(), new MovableClock());
        using var first = await tracker.StartAsync("req_1", "user:a", "demo", CancellationToken.None);
        using var second = await tracker.StartAsync("req_1", "user:b", "demo", CancellationToken.None);

        second.RequestId.Should().NotBe("req_1");
        (await tracker.FindAsync("req_1", "user:a", CancellationToken.None)).Should().NotBeNull();
    }

    [Test]
    public async Task AnEndedGeneration_IsForgottenAfterTheRetention()
    {
        var clock = new MovableClock();
        var tracker = new GenerationTracker(new SharedDirectory(clock), clock);
        var handle = await tracker.StartAsync("req_1", "user:a", "demo", CancellationToken.None);
        handle.Complete();
        handle.Dispose();

        clock.Advance(GenerationTracker.Retention - TimeSpan.FromSeconds(1));
        using (await tracker.StartAsync("req_2", "user:a", "demo", CancellationToken.None))
        {
            (await tracker.FindAsync("req_1", "user:a", CancellationToken.None))!.Status.Should().Be(GenerationStates.Completed);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        using (await tracker.StartAsync("req_3", "user:a", "demo", CancellationToken.None))
        {
            (await tracker.FindAsync("req_1", "user:a", CancellationToken.None)).Should().BeNull();
            (await tracker.FindAsync("req_2", "user:a", CancellationToken.None)).Should().NotBeNull("a running generation is never forgotten");
        }
    }

    [Test]
    public async Task AGenerationOnAnotherNode_IsSeenHere_AndCancelledThroughTheDirectory()
    {
        var directory = new SharedDirectory();
        var runner = new GenerationTracker(directory, new MovableClock());
        var asker = new GenerationTracker(directory, new MovableClock());
        using var handle = await runner.StartAsync("req_1", "user:a", "demo", CancellationToken.None);

        (await asker.FindAsync("req_1", "user:a", CancellationToken.None))!.Status.Should().Be(GenerationStates.Running);
        var cancelled = await asker.CancelAsync("req_1", "user:a", CancellationToken.None);

        cancelled.Should().Be(new CancelledGeneration("req_1", true, GenerationStates.Cancelled));
        handle.Token.IsCancellationRequested.Should().BeTrue("the node running it cancelled its upstream call");
        directory.Records["user:a/req_1"].Status.Status.Should().Be(GenerationStates.Cancelled);
        directory.KeptFor["user:a/req_1"].Should().Be(GenerationTracker.Retention, "an ended record lasts as long as the node keeps it");
        (await asker.CancelAsync("req_1", "user:a", CancellationToken.None))!.Cancelled.Should().BeFalse("it has ended");
    }

    [Test]
    public async Task ACancelForAGenerationWhoseNodeIsGone_ReportsItStillRunning()
    {
        var directory = new SharedDirectory();
        var clock = new MovableClock();
        var gone = new GenerationTracker(directory, clock);
        using var handle = await gone.StartAsync("req_1", "user:a", "demo", CancellationToken.None);
        directory.Deaf = true;
        var asker = new GenerationTracker(directory, clock);

        var cancelled = await asker.CancelAsync("req_1", "user:a", CancellationToken.None);

        cancelled.Should().Be(new CancelledGeneration("req_1", false, GenerationStates.Running));
        directory.KeptFor["user:a/req_1"].Should().Be(GenerationTracker.RunningRecordLifetime);
    }

    [Test]
    public async Task ACancelWhileTheStartIsBeingRecorded_IsRecordedAfterIt()
    {
        var directory = new SharedDirectory { SlowRunningRecords = new TaskCompletionSource() };
        var tracker = new GenerationTracker(directory, new MovableClock());

        var starting = tracker.StartAsync("req_1", "user:a", "demo", CancellationToken.None);
        var cancelled = await tracker.CancelAsync("req_1", "user:a", CancellationToken.None);
        directory.SlowRunningRecords.SetResult();
        using var handle = await starting;

        cancelled!.Cancelled.Should().BeTrue();
        for (var i = 0; i < 100 && directory.Records["user:a/req_1"].Status.Status != GenerationStates.Cancelled; i++)
        {
            await Task.Delay(10);
        }

        directory.Records["user:a/req_1"].Status.Status.Should().Be(GenerationStates.Cancelled, "the late start record must not overwrite the end");
    }

    [Test]
    public async Task TwoOwnersUsingOneRequestIdOnTwoNodes_EachSeeAndCancelTheirOwn()
    {
        var directory = new SharedDirectory();
        var nodeA = new GenerationTracker(directory, new MovableClock());
        var nodeB = new GenerationTracker(directory, new MovableClock());
        using var mine = await nodeA.StartAsync("req_same", "user:a", "demo", CancellationToken.None);
        using var theirs = await nodeB.StartAsync("req_same", "user:b", "demo", CancellationToken.None);

        (await nodeB.FindAsync("req_same", "user:a", CancellationToken.None))!.Status.Should().Be(GenerationStates.Running, "node B's own req_same is another owner's");
        var cancelled = await nodeB.CancelAsync("req_same", "user:a", CancellationToken.None);

        cancelled!.Cancelled.Should().BeTrue();
        mine.Token.IsCancellationRequested.Should().BeTrue();
        theirs.Token.IsCancellationRequested.Should().BeFalse("the other owner's generation of the same id runs on");
        (await nodeA.FindAsync("req_same", "user:b", CancellationToken.None))!.Status.Should().Be(GenerationStates.Running);
    }

    /// <summary>A directory shared by the trackers ("nodes") of one test, which carries cancels to each of them; one record per owner and id, as in Redis.</summary>
    private sealed class SharedDirectory(TimeProvider? clock = null) : IGenerationDirectory
    {
        private readonly List<Action<string, string>> _nodes = [];
        private readonly ConcurrentDictionary<string, DateTimeOffset> _expires = new();
        private readonly TimeProvider _clock = clock ?? TimeProvider.System;

        public ConcurrentDictionary<string, SharedGeneration> Records { get; } = new();

        public ConcurrentDictionary<string, TimeSpan> KeptFor { get; } = new();

        /// <summary>No node hears cancels any more.</summary>
        public bool Deaf { get; set; }

        /// <summary>When set, a running record is stored only once this completes.</summary>
        public TaskCompletionSource? SlowRunningRecords { get; init; }

        public async Task PublishAsync(SharedGeneration generation, TimeSpan keepFor, CancellationToken cancellationToken)
        {
            if (SlowRunningRecords is { } gate && generation.Status.Status == GenerationStates.Running)
            {
                await gate.Task;
            }

            var key = generation.Owner + "/" + generation.Status.RequestId;
            Records[key] = generation;
            KeptFor[key] = keepFor;
            _expires[key] = _clock.GetUtcNow() + keepFor;
        }

        public Task<SharedGeneration?> FindAsync(string requestId, string owner, CancellationToken cancellationToken) =>
            Task.FromResult(_expires.TryGetValue(owner + "/" + requestId, out var expires) && expires > _clock.GetUtcNow() ? Records[owner + "/" + requestId] : null);

        public Task RequestCancelAsync(string requestId, string owner, CancellationToken cancellationToken)
        {
            if (!Deaf)
            {
                _nodes.ForEach(cancel => cancel(requestId, owner));
            }

            return Task.CompletedTask;
        }

        public void OnCancelRequested(Action<string, string> cancel) => _nodes.Add(cancel);
    }

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
