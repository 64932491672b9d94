using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Webhooks;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>Soft-budget alerts: a warning in the log, and a <c>budget.soft_limit_crossed</c> event for the budget owner's and the admins' webhooks.</summary>
internal sealed partial class WebhookBudgetAlertSink : IBudgetAlertSink
{
    private readonly WebhookAlertQueue _queue;
    private readonly ILogger<WebhookBudgetAlertSink> _logger;

    public WebhookBudgetAlertSink(WebhookAlertQueue queue, ILogger<WebhookBudgetAlertSink> logger)
    {
        _queue = queue;
        _logger = logger;
    }

    public void Publish(BudgetAlert alert)
    {
        LogSoftBudget(_logger, alert.Scope, alert.Id, alert.Spend, alert.SoftBudget);
        var data = new JsonObject
        {
            ["scope"] = alert.Scope,
            ["id"] = alert.Id,
            ["soft_budget"] = alert.SoftBudget,
            ["spend"] = alert.Spend,
            ["max_budget"] = alert.MaxBudget,
            ["crossed_at"] = alert.At.ToUnixTimeSeconds(),
        };
        _queue.Enqueue(new WebhookEvent(WebhookEventTypes.BudgetSoftLimitCrossed, data, alert.Owner), null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Soft budget crossed: {Scope} {Id} spent {Spend} USD (soft budget {SoftBudget} USD)")]
    private static partial void LogSoftBudget(ILogger logger, string scope, string id, decimal spend, decimal softBudget);
}
