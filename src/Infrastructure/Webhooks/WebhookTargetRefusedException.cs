namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>A delivery's host resolved to an address webhooks may not reach (thrown from the connect step, caught by the sender).</summary>
internal sealed class WebhookTargetRefusedException : Exception
{
    public WebhookTargetRefusedException(string message)
        : base(message)
    {
    }

    public WebhookTargetRefusedException()
    {
    }

    public WebhookTargetRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
