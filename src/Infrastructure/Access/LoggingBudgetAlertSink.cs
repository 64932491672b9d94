using LlmPlatform.Application.Access.Enforcement;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Soft-budget alerts as warnings in the log, until webhooks take them.</summary>
internal sealed partial class LoggingBudgetAlertSink : IBudgetAlertSink
{
    private readonly ILogger<LoggingBudgetAlertSink> _logger;

    public LoggingBudgetAlertSink(ILogger<LoggingBudgetAlertSink> logger)
    {
        _logger = logger;
    }

    public void Publish(BudgetAlert alert) => LogSoftBudget(_logger, alert.Scope, alert.Id, alert.Spend, alert.SoftBudget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Soft budget crossed: {Scope} {Id} spent {Spend} USD (soft budget {SoftBudget} USD)")]
    private static partial void LogSoftBudget(ILogger logger, string scope, string id, decimal spend, decimal softBudget);
}
