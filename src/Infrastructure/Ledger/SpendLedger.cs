using System.Threading.Channels;
using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>
/// The queue of usage events between the request path and the ledger writer. The request path only writes to
/// it and never waits: up to <c>capacity</c> events wait in memory, the rest go to the on-disk spill.
/// </summary>
public sealed class SpendLedger : IUsageEventSink, IDisposable
{
    private readonly Channel<UsageEvent> _channel;
    private long _degraded;

    public SpendLedger(int capacity, LedgerSpill spill)
    {
        Spill = spill;
        _channel = Channel.CreateBounded<UsageEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<UsageEvent> Reader => _channel.Reader;

    public LedgerSpill Spill { get; }

    /// <summary>
    /// Rows the writer stored without their optional fields since start, PostgreSQL having refused them whole; their
    /// spend still counts.
    /// </summary>
    public long Degraded => Interlocked.Read(ref _degraded);

    /// <summary>Events queued in memory (the spill on disk is not counted).</summary>
    public int Pending => _channel.Reader.Count;

    public void Publish(UsageEvent usageEvent)
    {
        if (!_channel.Writer.TryWrite(usageEvent))
        {
            Spill.Append(usageEvent);
        }
    }

    internal void CountDegraded() => Interlocked.Increment(ref _degraded);

    public void Dispose() => Spill.Dispose();
}
