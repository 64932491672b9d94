using System.Threading.Channels;
using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>The in-process queue of usage events; the request path only writes to it and never waits.</summary>
public sealed class SpendLedger : IUsageEventSink
{
    private readonly Channel<UsageEvent> _channel = Channel.CreateUnbounded<UsageEvent>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    });

    private long _published;

    public ChannelReader<UsageEvent> Reader => _channel.Reader;

    public long Published => Interlocked.Read(ref _published);

    public int Pending => _channel.Reader.Count;

    public void Publish(UsageEvent usageEvent)
    {
        Interlocked.Increment(ref _published);
        _channel.Writer.TryWrite(usageEvent);
    }

    public void Complete() => _channel.Writer.TryComplete();
}
