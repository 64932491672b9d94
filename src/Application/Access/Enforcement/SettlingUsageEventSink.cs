using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>Settles the request's reservation with its real cost, then passes the usage event on to the ledger.</summary>
public sealed class SettlingUsageEventSink : IUsageEventSink
{
    private readonly IUsageEventSink _inner;
    private readonly ReservationSettler _settler;

    public SettlingUsageEventSink(IUsageEventSink inner, ReservationSettler settler)
    {
        _inner = inner;
        _settler = settler;
    }

    public void Publish(UsageEvent usageEvent)
    {
        _settler.SettleInBackground(usageEvent.RequestId, usageEvent.Cost, usageEvent.TotalTokens);
        _inner.Publish(usageEvent);
    }
}
