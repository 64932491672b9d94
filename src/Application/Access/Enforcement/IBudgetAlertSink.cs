namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>Where soft-budget alerts go (logs today; webhooks and e-mail plug in here).</summary>
public interface IBudgetAlertSink
{
    void Publish(BudgetAlert alert);
}
