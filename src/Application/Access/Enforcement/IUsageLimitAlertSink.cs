namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>Where refusals for a full rate limit or budget are reported; must not block (it runs on the request path).</summary>
public interface IUsageLimitAlertSink
{
    void LimitReached(UsageLimitAlert alert);
}
