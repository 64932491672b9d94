namespace LlmPlatform.Application.Gateway;

/// <summary>Receives one <see cref="UsageEvent"/> per request; must not block the request path.</summary>
public interface IUsageEventSink
{
    void Publish(UsageEvent usageEvent);
}
